/**
 * The Excel export (.xlsx), written by `write-excel-file` (loaded on demand:
 * only the collection page pays for it, and only when the reader asks):
 *
 * - "Bảng" ("Table"): one row per snippet, the columns of `XLSX_COLUMNS`;
 *   values, numerators, denominators and the congress are number cells,
 *   deadlines and publication dates date cells (`dd/mm/yyyy`), the rest text.
 * - "So sánh" ("Comparison"), when at least two localities have targets or
 *   results of one category: the comparison's sheet (`xlsx-comparison.ts`):
 *   per locality target, result, unit, % thực hiện, status and details.
 * - "Nguồn" ("Sources"): every article (title, URL, publication date,
 *   locality, how many snippets).
 *
 * Every sheet has a bold, frozen header row and set column widths. Headers
 * and codes are in the export's language. Cells are typed values, never
 * formulas: page text starting with `=` is text. Characters XML cannot hold
 * are removed and text is cut to Excel's 32,767 characters a cell.
 */
import type { Cell, Row, Sheet } from "write-excel-file/universal";
import type { ComparisonTable } from "../collection/index.ts";
import type { ProgressSeries } from "../collection/progress.ts";
import { getLanguage, type Language } from "../i18n/index.ts";
import type { ListedArticle } from "../snippets/types.ts";
import type { ListedEntry } from "./format.ts";
import { COLUMN_HEADERS, type TableColumn } from "./labels.ts";
import { type TableValue, tableRow } from "./table.ts";
import { comparisonSheet, SOURCE_COLUMN_WIDTHS } from "./xlsx-comparison.ts";
import { progressSheet } from "./xlsx-progress.ts";
import { xmlText } from "./xml-text.ts";

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The table sheet's columns, in order, with their widths (in characters). */
export const XLSX_COLUMNS: ReadonlyArray<{ id: TableColumn; width: number }> = [
  { id: "kind", width: 11 },
  { id: "locality", width: 16 },
  { id: "level", width: 8 },
  { id: "indicator", width: 36 },
  { id: "category_label", width: 22 },
  { id: "value_min", width: 12 },
  { id: "value_max", width: 12 },
  { id: "value_numerator", width: 8 },
  { id: "value_denominator", width: 8 },
  { id: "unit", width: 12 },
  { id: "direction", width: 10 },
  { id: "comparator", width: 12 },
  { id: "horizon", width: 13 },
  { id: "deadline", width: 12 },
  { id: "article_title", width: 48 },
  { id: "published", width: 12 },
  { id: "url", width: 40 },
  { id: "quote", width: 48 },
  { id: "sentence", width: 60 },
  { id: "note", width: 30 },
  { id: "tags", width: 16 },
  { id: "review", width: 12 },
  { id: "corrected", width: 9 },
];

const DATE_COLUMNS: ReadonlySet<TableColumn> = new Set(["deadline", "published"]);

const WORDS: Record<
  Language,
  {
    table: string;
    comparison: string;
    sources: string;
    snippets: string;
  }
> = {
  vi: {
    table: "Bảng",
    comparison: "So sánh",
    sources: "Nguồn",
    snippets: "Số mục",
  },
  en: {
    table: "Table",
    comparison: "Comparison",
    sources: "Sources",
    snippets: "Snippets",
  },
};

/** The sheet names in `language`: table, comparison, sources. */
export function xlsxSheetNames(language: Language): [string, string, string] {
  const words = WORDS[language];
  return [words.table, words.comparison, words.sources];
}

const DATE_FORMAT = "dd/mm/yyyy";
/** An ISO date `YYYY-MM-DD` as a Date at UTC midnight, or null when it is not a full date. */
function isoDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

// Cells are plain values where they can be (the library infers String, Number and Date, and the
// sheet's `dateFormat` formats dates): cell objects cost a style lookup each, 10,000 rows of them
// about a third of the export's time.

function text(value: string): Cell {
  return value === "" ? null : xmlText(value);
}

function numberCell(value: number | null): Cell {
  return value === null || !Number.isFinite(value) ? null : value;
}

function cell(column: TableColumn, value: TableValue): Cell {
  if (value === null) return null;
  if (typeof value === "number") return numberCell(value);
  if (DATE_COLUMNS.has(column)) {
    const date = isoDate(value);
    // A date known only to the month or the year stays as written.
    if (date) return date;
  }
  return text(value);
}

function header(labels: readonly string[]): Row {
  return labels.map((label) => ({ value: label, type: String, fontWeight: "bold" as const }));
}

/** The table sheet's rows: the header, then one row per snippet. */
export function tableSheetData(entries: readonly ListedEntry[], language: Language): Row[] {
  const headers = COLUMN_HEADERS[language];
  const rows: Row[] = [header(XLSX_COLUMNS.map(({ id }) => headers[id]))];
  for (const entry of entries) {
    const values = tableRow(entry, language);
    rows.push(XLSX_COLUMNS.map(({ id }) => cell(id, values[id])));
  }
  return rows;
}

/** The sources sheet's rows: every article of the entries, oldest first, with its snippet count. */
export function sourcesSheetData(entries: readonly ListedEntry[], language: Language): Row[] {
  const headers = COLUMN_HEADERS[language];
  const words = WORDS[language];
  const counts = new Map<string, { article: ListedArticle; count: number }>();
  for (const { article } of entries) {
    if (!article) continue;
    const known = counts.get(article.id);
    if (known) known.count++;
    else counts.set(article.id, { article, count: 1 });
  }
  const articles = [...counts.values()].sort(
    (a, b) =>
      (a.article.publishedAt ?? "9999").localeCompare(b.article.publishedAt ?? "9999") ||
      a.article.title.localeCompare(b.article.title, "vi"),
  );
  return [
    header([
      headers.article_title,
      headers.url,
      headers.published,
      headers.locality,
      headers.level,
      words.snippets,
    ]),
    ...articles.map(({ article, count }) => [
      text(article.title.normalize("NFC")),
      text(article.url),
      cell("published", article.publishedAt),
      text((article.locality ?? "").normalize("NFC")),
      text((article.level ?? "").normalize("NFC")),
      numberCell(count),
    ]),
  ];
}

export interface XlsxOptions {
  /** Headers, codes and sheet names; the UI's language by default. */
  language?: Language;
  /** The comparison sheet's table (`localityComparison`); no comparison sheet without one. */
  comparison?: ComparisonTable | null;
  /** The progress view's series (`progressSeries`); no progress sheet without a followed target. */
  progress?: readonly ProgressSeries[] | null;
}

/** The workbook's sheets as `write-excel-file` takes them. */
export function xlsxSheets(
  entries: readonly ListedEntry[],
  options: XlsxOptions = {},
): Sheet<Blob>[] {
  const language = options.language ?? getLanguage();
  const words = WORDS[language];
  const sheets: Sheet<Blob>[] = [
    {
      sheet: words.table,
      data: tableSheetData(entries, language),
      columns: XLSX_COLUMNS.map(({ width }) => ({ width })),
      stickyRowsCount: 1,
      dateFormat: DATE_FORMAT,
    },
  ];
  const table = options.comparison;
  if (table && table.rows.length > 0) {
    sheets.push(comparisonSheet(table, language));
  }
  const progress = options.progress ? progressSheet(options.progress, language) : null;
  if (progress) sheets.push(progress);
  sheets.push({
    sheet: words.sources,
    data: sourcesSheetData(entries, language),
    columns: [...SOURCE_COLUMN_WIDTHS, { width: 9 }],
    stickyRowsCount: 1,
    dateFormat: DATE_FORMAT,
  });
  return sheets;
}

/** The entries as an .xlsx workbook (the library is loaded on the first call). */
export async function toXlsx(
  entries: readonly ListedEntry[],
  options: XlsxOptions = {},
): Promise<Blob> {
  const sheets = xlsxSheets(entries, options);
  const { default: writeXlsxFile } = await import("write-excel-file/universal");
  return writeXlsxFile(sheets).toBlob();
}
