/**
 * The comparison as an Excel sheet ("So sánh" / "Comparison"): a row per indicator category under
 * its group's heading row, and per column (locality or article) the lead target and the latest
 * result as number cells in one unit, the unit, % thực hiện as a percent cell, the status, and the
 * cell's details as text; then the row's spread and mean % thực hiện. A sources sheet lists the
 * articles behind the columns. Frozen, bold header row; set column widths.
 */

import type { Cell, Row, Sheet } from "write-excel-file/universal";
import {
  type ComparisonCell,
  type ComparisonTable,
  readUnit,
  scaledValue,
} from "../collection/index.ts";
import type { Language } from "../i18n/index.ts";
import type { ListedSnippet } from "../snippets/types.ts";
import { displayDate } from "../text/dates.ts";
import { COMPARISON_WORDS, comparisonArticles, comparisonCellLines } from "./comparison.ts";
import { COLUMN_HEADERS } from "./labels.ts";
import { xmlText } from "./xml-text.ts";

const WORDS: Record<
  Language,
  {
    comparison: string;
    sources: string;
    group: string;
    category: string;
    unit: string;
    done: string;
    status: string;
    details: string;
    spread: string;
    meanDone: string;
    column: string;
  }
> = {
  vi: {
    comparison: "So sánh",
    sources: "Nguồn",
    group: "Nhóm",
    category: "Nhóm chỉ số",
    unit: "Đơn vị",
    done: "% thực hiện",
    status: "Tình trạng",
    details: "Chi tiết",
    spread: "Chênh lệch",
    meanDone: "% thực hiện (trung bình)",
    column: "Cột",
  },
  en: {
    comparison: "Comparison",
    sources: "Sources",
    group: "Group",
    category: "Category",
    unit: "Unit",
    done: "% done",
    status: "Status",
    details: "Details",
    spread: "Spread",
    meanDone: "% done (mean)",
    column: "Column",
  },
};

/** The comparison sheet's and its sources sheet's names in `language`. */
export function comparisonSheetNames(language: Language): [string, string] {
  return [WORDS[language].comparison, WORDS[language].sources];
}

const PERCENT_FORMAT = "0.0%";
const PER_COLUMN = 6;

function text(value: string): Cell {
  return value === "" ? null : xmlText(value);
}

function bold(label: string): Cell {
  return { value: label, type: String, fontWeight: "bold" };
}

function percent(value: number | null): Cell {
  return value === null || !Number.isFinite(value)
    ? null
    : { value: value / 100, type: Number, format: PERCENT_FORMAT };
}

/** A value as a number in `scale` (its unit's prefix converted); a range stays text (`8–8,5`). */
function valueCell(snippet: ListedSnippet | undefined, scale: number, language: Language): Cell {
  const value = snippet?.value;
  if (!snippet || !value) return null;
  if (value.min !== value.max) {
    const format = new Intl.NumberFormat(language === "en" ? "en-US" : "vi-VN");
    return `${format.format(value.min)}\u2013${format.format(value.max)}`;
  }
  const scaled = scaledValue(snippet);
  return scaled === null ? null : scaled / scale;
}

function cellColumns(cell: ComparisonCell, language: Language): Cell[] {
  const lead = cell.lead;
  if (!lead) return Array<Cell>(PER_COLUMN).fill(null);
  const target = lead.target?.snippet;
  const result = lead.result?.snippet;
  const unitOf = (target ?? result)?.unit ?? null;
  const scale = readUnit(unitOf).scale;
  const words = COMPARISON_WORDS[language];
  return [
    valueCell(target, scale, language),
    valueCell(result, scale, language),
    text((unitOf ?? "").trim()),
    percent(lead.attainment?.percentDone ?? null),
    text(lead.attainment ? words.status[lead.attainment.status] : ""),
    { value: xmlText(comparisonCellLines(cell, language).join("\n")), type: String, wrap: true },
  ];
}

/** The comparison sheet's rows: the header, then per group a heading row and its rows. */
export function comparisonSheetData(table: ComparisonTable, language: Language): Row[] {
  const words = WORDS[language];
  const pairWords = COMPARISON_WORDS[language];
  const headerRow: Row = [
    bold(words.group),
    bold(words.category),
    ...table.columns.flatMap((column) =>
      [pairWords.target, pairWords.result, words.unit, words.done, words.status, words.details].map(
        (what) => bold(`${column.label} – ${what}`),
      ),
    ),
    bold(words.spread),
    bold(words.meanDone),
  ];
  const rows: Row[] = [headerRow];
  for (const row of table.rows) {
    rows.push([
      text(pairWords.group[row.group]),
      text(row.label),
      ...row.cells.flatMap((cell) => cellColumns(cell, language)),
      percent(row.spread === null ? null : row.spread * 100),
      percent(row.percentDone),
    ]);
  }
  return rows;
}

/** The comparison sheet's column widths. */
export function comparisonSheetColumns(table: ComparisonTable): Array<{ width: number }> {
  return [
    { width: 22 },
    { width: 30 },
    ...table.columns.flatMap(() => [
      { width: 12 },
      { width: 12 },
      { width: 10 },
      { width: 12 },
      { width: 14 },
      { width: 48 },
    ]),
    { width: 12 },
    { width: 14 },
  ];
}

/** The sources sheet's rows: each article behind the columns, oldest first, with its column. */
export function comparisonSourcesData(table: ComparisonTable, language: Language): Row[] {
  const headers = COLUMN_HEADERS[language];
  const words = WORDS[language];
  const columnsOf = (id: string) =>
    table.columns
      .filter((column) => column.articles.some((a) => a.id === id))
      .map((column) => column.label)
      .join("; ");
  return [
    [
      bold(headers.article_title),
      bold(headers.url),
      bold(headers.published),
      bold(headers.locality),
      bold(headers.level),
      bold(words.column),
    ],
    ...comparisonArticles(table).map((article) => [
      text(article.title.normalize("NFC")),
      text(article.url),
      text(article.publishedAt ? displayDate(article.publishedAt) : ""),
      text((article.locality ?? "").normalize("NFC")),
      text((article.level ?? "").normalize("NFC")),
      text(columnsOf(article.id)),
    ]),
  ];
}

/** Widths of a sources sheet's first columns: title, URL, publication date, locality, level. */
export const SOURCE_COLUMN_WIDTHS: ReadonlyArray<{ width: number }> = [
  { width: 60 },
  { width: 48 },
  { width: 12 },
  { width: 16 },
  { width: 8 },
];

/** The comparison's sheet as `write-excel-file` takes it. */
export function comparisonSheet(table: ComparisonTable, language: Language): Sheet<Blob> {
  return {
    sheet: WORDS[language].comparison,
    data: comparisonSheetData(table, language),
    columns: comparisonSheetColumns(table),
    stickyRowsCount: 1,
  };
}

/** The comparison's two sheets as `write-excel-file` takes them. */
export function comparisonSheets(table: ComparisonTable, language: Language): Sheet<Blob>[] {
  return [
    comparisonSheet(table, language),
    {
      sheet: WORDS[language].sources,
      data: comparisonSourcesData(table, language),
      columns: [...SOURCE_COLUMN_WIDTHS, { width: 24 }],
      stickyRowsCount: 1,
    },
  ];
}

/** The comparison alone as an .xlsx workbook: its sheet and its sources (library loaded on call). */
export async function comparisonToXlsx(
  table: ComparisonTable,
  options: { language?: Language } = {},
): Promise<Blob> {
  const sheets = comparisonSheets(table, options.language ?? "vi");
  const { default: writeXlsxFile } = await import("write-excel-file/universal");
  return writeXlsxFile(sheets).toBlob();
}
