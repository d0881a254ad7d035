/**
 * The words the table exports (CSV, XLSX) write, in the language the export
 * is made in: column headers and the codes of kind, comparator, direction and
 * horizon. Codes are words a spreadsheet reader understands (`ít nhất`,
 * `giảm`, `hằng năm`), not `gte` or `annual`, and never a cell starting with
 * `=` (a formula to a spreadsheet).
 */
import type { Comparator, Direction } from "../extract/types.ts";
import type { Language } from "../i18n/index.ts";
import { PLACE_FIELDS, TERM_FIELDS } from "../snippets/review.ts";
import type { ListedSnippet, ReviewStatus, SnippetKind } from "../snippets/types.ts";

/** Column ids of the table exports, in order (one row per snippet). */
export const TABLE_COLUMNS = [
  "kind",
  "indicator",
  "category",
  "category_label",
  "value_min",
  "value_max",
  "value_numerator",
  "value_denominator",
  // The corrected fields' columns, in the editor's order.
  ...TERM_FIELDS,
  ...PLACE_FIELDS,
  "organization",
  "congress",
  "term",
  "article_title",
  "url",
  "published",
  "quote",
  "sentence",
  "note",
  "tags",
  "review",
  "corrected",
] as const;

export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Column headers in each language. */
export const COLUMN_HEADERS: Record<Language, Record<TableColumn, string>> = {
  vi: {
    kind: "Loại",
    indicator: "Chỉ số",
    category: "Mã nhóm",
    category_label: "Nhóm chỉ số",
    value_min: "Giá trị (từ)",
    value_max: "Giá trị (đến)",
    value_numerator: "Tử số",
    value_denominator: "Mẫu số",
    unit: "Đơn vị",
    comparator: "So sánh",
    direction: "Tăng/giảm",
    horizon: "Mốc thời gian",
    deadline: "Hạn",
    locality: "Địa phương",
    level: "Cấp",
    organization: "Tổ chức",
    congress: "Đại hội (lần thứ)",
    term: "Nhiệm kỳ",
    article_title: "Bài viết",
    url: "Địa chỉ (URL)",
    published: "Ngày đăng",
    quote: "Trích dẫn",
    sentence: "Câu",
    note: "Ghi chú",
    tags: "Thẻ",
    review: "Duyệt",
    corrected: "Đã sửa",
  },
  en: {
    kind: "Kind",
    indicator: "Indicator",
    category: "Category code",
    category_label: "Category",
    value_min: "Value (from)",
    value_max: "Value (to)",
    value_numerator: "Numerator",
    value_denominator: "Denominator",
    unit: "Unit",
    comparator: "Comparator",
    direction: "Direction",
    horizon: "Horizon",
    deadline: "Deadline",
    locality: "Locality",
    level: "Level",
    organization: "Organization",
    congress: "Congress (no.)",
    term: "Term",
    article_title: "Article",
    url: "URL",
    published: "Published",
    quote: "Quote",
    sentence: "Sentence",
    note: "Note",
    tags: "Tags",
    review: "Review",
    corrected: "Corrected",
  },
};

const KIND_WORD: Record<Language, Record<SnippetKind, string>> = {
  vi: { target: "Chỉ tiêu", result: "Kết quả", deadline: "Thời hạn", excerpt: "Đoạn trích" },
  en: { target: "Target", result: "Result", deadline: "Deadline", excerpt: "Excerpt" },
};

const COMPARATOR_WORD: Record<Language, Record<Comparator, string>> = {
  vi: {
    "=": "bằng",
    ">=": "ít nhất",
    ">": "trên",
    "<=": "tối đa",
    "<": "dưới",
    range: "trong khoảng",
  },
  en: {
    "=": "equal to",
    ">=": "at least",
    ">": "more than",
    "<=": "at most",
    "<": "less than",
    range: "between",
  },
};

const DIRECTION_WORD: Record<Language, Record<Direction, string>> = {
  vi: { increase: "tăng", decrease: "giảm" },
  en: { increase: "increase", decrease: "decrease" },
};

const HORIZON_WORD: Record<Language, { annual: string; term: string }> = {
  vi: { annual: "hằng năm", term: "cả nhiệm kỳ" },
  en: { annual: "every year", term: "whole term" },
};

export function kindWord(kind: SnippetKind, language: Language): string {
  return KIND_WORD[language][kind] ?? kind;
}

export function comparatorWord(comparator: Comparator | null, language: Language): string {
  return comparator ? (COMPARATOR_WORD[language][comparator] ?? "") : "";
}

export function directionWord(direction: Direction | null, language: Language): string {
  return direction ? (DIRECTION_WORD[language][direction] ?? "") : "";
}

/** `2025`, `2021-2025`, `hằng năm` / `every year`, `cả nhiệm kỳ` / `whole term`; empty without one. */
export function horizonWord(horizon: ListedSnippet["horizon"], language: Language): string {
  if (!horizon) return "";
  switch (horizon.type) {
    case "year":
      return horizon.year !== undefined ? String(horizon.year) : "";
    case "period":
      return horizon.from !== undefined && horizon.to !== undefined
        ? `${horizon.from}-${horizon.to}`
        : "";
    case "annual":
    case "term":
      return HORIZON_WORD[language][horizon.type];
    default:
      return "";
  }
}

const REVIEW_WORD: Record<Language, Record<ReviewStatus, string>> = {
  vi: {
    unreviewed: "chưa duyệt",
    accepted: "đã duyệt",
    corrected: "đã sửa",
    rejected: "loại bỏ",
  },
  en: {
    unreviewed: "unreviewed",
    accepted: "accepted",
    corrected: "corrected",
    rejected: "rejected",
  },
};

/** `chưa duyệt`, `đã duyệt`, `đã sửa`, `loại bỏ` (`unreviewed`…). */
export function reviewWord(review: ReviewStatus, language: Language): string {
  return REVIEW_WORD[language][review] ?? review;
}

/** The `corrected` flag's words: `có` / `không` (`yes` / `no`). */
export function correctedWord(corrected: boolean, language: Language): string {
  return language === "en" ? (corrected ? "yes" : "no") : corrected ? "có" : "không";
}
