/**
 * The workbook's progress sheet ("Tiến độ" / "Progress"): for every target some later article
 * reports on (`progressSeries`), a row for the target and a row per matched result, oldest first.
 * Values, the path's value and % thực hiện are number cells (in the target's unit), dates date
 * cells (`dd/mm/yyyy`), the rest text in the export's language. Results the reader unmatched are
 * left out. Bold, frozen header row; set column widths.
 */
import type { Cell, Row, Sheet } from "write-excel-file/universal";
import type { ProgressPoint, ProgressSeries } from "../collection/progress.ts";
import type { ReviewKind } from "../collection/review-kind.ts";
import type { Language } from "../i18n/index.ts";
import { categoryById } from "../taxonomy/taxonomy.ts";
import { xmlText } from "./xml-text.ts";

const WORDS: Record<
  Language,
  {
    sheet: string;
    headers: string[];
    target: string;
    result: string;
    onTrack: string;
    behind: string;
    start: string;
    report: string;
    reviews: Record<ReviewKind, string>;
  }
> = {
  vi: {
    sheet: "Tiến độ",
    headers: [
      "Địa phương",
      "Cấp",
      "Nhóm chỉ số",
      "Chỉ số",
      "Đơn vị",
      "Loại",
      "Ngày",
      "Kỳ báo cáo",
      "Giá trị",
      "Theo lộ trình",
      "% thực hiện",
      "Tình hình",
      "Hạn",
      "Bài viết",
      "Địa chỉ",
    ],
    target: "Chỉ tiêu",
    result: "Kết quả",
    onTrack: "Đúng tiến độ",
    behind: "Chậm tiến độ",
    start: "Điểm xuất phát",
    report: "Báo cáo",
    reviews: {
      six_months: "Sơ kết 6 tháng",
      annual: "Tổng kết năm",
      mid_term: "Giữa nhiệm kỳ",
      term_end: "Tổng kết nhiệm kỳ",
    },
  },
  en: {
    sheet: "Progress",
    headers: [
      "Locality",
      "Level",
      "Category",
      "Indicator",
      "Unit",
      "Kind",
      "Date",
      "Review",
      "Value",
      "On the path",
      "% achieved",
      "Status",
      "Due",
      "Article",
      "URL",
    ],
    target: "Target",
    result: "Result",
    onTrack: "On track",
    behind: "Behind",
    start: "Starting point",
    report: "Report",
    reviews: {
      six_months: "Six-month review",
      annual: "Annual review",
      mid_term: "Mid-term review",
      term_end: "End-of-term review",
    },
  },
};

/** Column widths (characters), in the order of the headers. */
export const PROGRESS_COLUMN_WIDTHS = [16, 8, 22, 36, 12, 10, 12, 18, 10, 12, 11, 14, 12, 48, 40];

export function progressSheetName(language: Language): string {
  return WORDS[language].sheet;
}

function text(value: string | null | undefined): Cell {
  return value ? xmlText(value) : null;
}

function number(value: number | null): Cell {
  return value === null || !Number.isFinite(value) ? null : value;
}

function date(iso: string | null | undefined): Cell {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text(iso);
}

/** % thực hiện rounded to a tenth (the sheet shows what the page shows). */
const percent = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** The sheet's rows: the header, then per followed target its row and its results' rows. */
export function progressSheetData(series: readonly ProgressSeries[], language: Language): Row[] {
  const words = WORDS[language];
  const rows: Row[] = [
    words.headers.map((label) => ({ value: label, type: String, fontWeight: "bold" as const })),
  ];
  for (const one of series) {
    if (one.points.length === 0) continue;
    const category = categoryById(one.category);
    const shared = [
      text(one.place.locality),
      text(one.place.level),
      text(category ? category[language] : one.category),
      text(one.target.snippet.indicator.trim() || one.target.snippet.text),
      text(one.unit),
    ];
    const article = one.target.article;
    rows.push([
      ...shared,
      text(words.target),
      date(article?.publishedAt),
      null,
      number(one.targetValue),
      null,
      null,
      null,
      date(one.dueDate),
      text(article?.title),
      text(article?.url),
    ]);
    for (const point of one.points) rows.push([...shared, ...resultCells(point, words)]);
  }
  return rows;
}

function resultCells(point: ProgressPoint, words: (typeof WORDS)[Language]): Cell[] {
  const article = point.entry.article;
  return [
    text(words.result),
    date(point.date),
    text(point.review ? words.reviews[point.review] : words.report),
    number(point.value),
    number(point.expected),
    number(percent(point.percentDone)),
    text(
      point.status === "on_track"
        ? words.onTrack
        : point.status === "behind"
          ? words.behind
          : words.start,
    ),
    null,
    text(article?.title),
    text(article?.url),
  ];
}

/** The sheet as `write-excel-file` takes it, or null when no target has a result. */
export function progressSheet(
  series: readonly ProgressSeries[],
  language: Language,
): Sheet<Blob> | null {
  if (!series.some((one) => one.points.length > 0)) return null;
  return {
    sheet: WORDS[language].sheet,
    data: progressSheetData(series, language),
    columns: PROGRESS_COLUMN_WIDTHS.map((width) => ({ width })),
    stickyRowsCount: 1,
    dateFormat: "dd/mm/yyyy",
  };
}
