/**
 * The CSV export, for Excel and scripts: UTF-8 with a byte-order mark (so
 * Excel reads Vietnamese correctly), RFC 4180 quoting by papaparse, CRLF line
 * ends, one row per snippet, typed columns:
 *
 *   kind, indicator, category, category_label, value_min, value_max, unit,
 *   comparator, horizon, deadline, locality, level, organization, congress,
 *   term, article_title, url, published, quote, note, tags
 *
 * - `kind`: `target`, `result`, `deadline` or `excerpt`.
 * - `category`: the taxonomy id; `category_label` (an addition to the list in
 *   the issue) its Vietnamese label, empty when unknown.
 * - `value_min`, `value_max`, `congress`: plain numbers with a dot decimal
 *   (written as numbers, never neutralised); for a ratio (`7/7 huyện`) the
 *   numerator, as stored.
 * - `comparator`: `eq`, `gte`, `gt`, `lte`, `lt` or `range` (words rather
 *   than `=`, `>=`…: a cell `=` is a formula to a spreadsheet).
 * - `horizon`: `2025`, `2021-2025`, `annual` or `term`; `deadline` and
 *   `published`: ISO dates `YYYY-MM-DD`.
 * - `quote`: the snippet's text; `tags`: joined with `; `.
 *
 * Page text is untrusted: every text cell is NFC-normalised, and one starting
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a spreadsheet shows
 * it as text instead of running it as a formula (OWASP "CSV injection").
 */
import Papa from "papaparse";
import type { Comparator } from "../extract/types.ts";
import type { SnippetRecord } from "../snippets/types.ts";
import { categoryById } from "../taxonomy/taxonomy.ts";
import { mapInChunks } from "./chunked.ts";
import type { ExportEntry, ProgressCallback } from "./format.ts";

export const CSV_COLUMNS = [
  "kind",
  "indicator",
  "category",
  "category_label",
  "value_min",
  "value_max",
  "unit",
  "comparator",
  "horizon",
  "deadline",
  "locality",
  "level",
  "organization",
  "congress",
  "term",
  "article_title",
  "url",
  "published",
  "quote",
  "note",
  "tags",
] as const;

export const CSV_BOM = "\uFEFF";

const COMPARATOR_WORD: Record<Comparator, string> = {
  "=": "eq",
  ">=": "gte",
  ">": "gt",
  "<=": "lte",
  "<": "lt",
  range: "range",
};

/**
 * Cells a spreadsheet would read as a formula. Not papaparse's own
 * `escapeFormulae: true`: its pattern `/^[=+\-@\t\r].*$/` has no `s` flag, so
 * it misses a cell that starts with `=` and holds a line break.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number;

function text(value: string | null | undefined): string {
  return value ? value.normalize("NFC") : "";
}

function number(value: number | null | undefined): Cell {
  return typeof value === "number" && Number.isFinite(value) ? value : "";
}

export function horizonCell(horizon: SnippetRecord["horizon"]): string {
  if (!horizon) return "";
  switch (horizon.type) {
    case "year":
      return horizon.year !== undefined ? String(horizon.year) : "";
    case "period":
      return horizon.from !== undefined && horizon.to !== undefined
        ? `${horizon.from}-${horizon.to}`
        : "";
    default:
      return horizon.type;
  }
}

/** One snippet as a CSV row, in `CSV_COLUMNS` order. */
export function csvRow({ snippet, article }: ExportEntry): Cell[] {
  return [
    snippet.kind,
    text(snippet.indicator),
    text(snippet.category),
    text(snippet.category ? categoryById(snippet.category)?.vi : ""),
    number(snippet.value?.min),
    number(snippet.value?.max),
    text(snippet.unit),
    snippet.comparator ? (COMPARATOR_WORD[snippet.comparator] ?? "") : "",
    horizonCell(snippet.horizon),
    text(snippet.deadline?.date),
    text(article?.locality),
    text(article?.level),
    text(article?.organization),
    number(article?.congress),
    text(article?.term),
    text(article?.title),
    text(article?.url),
    text(article?.publishedAt),
    text(snippet.text || snippet.anchor.quote),
    text(snippet.note),
    snippet.tags.map((tag) => tag.normalize("NFC")).join("; "),
  ];
}

function unparse(rows: Cell[][]): string {
  // papaparse writes an empty row for `data: []`.
  if (rows.length === 0) return CSV_BOM + CSV_COLUMNS.join(",");
  return (
    CSV_BOM +
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: rows },
      { newline: "\r\n", quotes: false, escapeFormulae: FORMULA_START },
    )
  );
}

/** The entries as a CSV file (BOM, header row, one row per snippet, CRLF, no final line break). */
export function toCsv(entries: readonly ExportEntry[]): string {
  return unparse(entries.map(csvRow));
}

/** `toCsv` with rows built in chunks, reporting snippets done of all. */
export async function toCsvAsync(
  entries: readonly ExportEntry[],
  options: { onProgress?: ProgressCallback } = {},
): Promise<string> {
  return unparse(await mapInChunks(entries, csvRow, options.onProgress));
}
