/**
 * The CSV export, for Excel and scripts: UTF-8 with a byte-order mark (so
 * Excel reads Vietnamese correctly), RFC 4180 quoting by papaparse, CRLF at
 * the end of every line (the last one too, and a header with no rows), one
 * row per snippet, the columns of `TABLE_COLUMNS`:
 *
 *   kind, indicator, category, category_label, value_min, value_max,
 *   value_numerator, value_denominator, unit, comparator, direction, horizon,
 *   deadline, locality, level, organization, congress, term, article_title,
 *   url, published, quote, sentence, note, tags
 *
 * The header row and the codes are in the language the export is made in
 * (`lib/export/labels.ts`): `Loại, Chỉ số, …` and `Chỉ tiêu`, `ít nhất`,
 * `giảm`, `hằng năm` in Vietnamese; `Kind, Indicator, …` and `Target`,
 * `at least`, `decrease`, `every year` in English.
 *
 * - `value_min`, `value_max`, `value_numerator`, `value_denominator`,
 *   `congress`: plain numbers with a dot decimal (written as numbers, never
 *   neutralised). A ratio (`08/21 chỉ tiêu`) keeps both its numerator and its
 *   denominator.
 * - `direction`: `tăng`/`giảm` (`increase`/`decrease`): `giảm 3.120 hộ nghèo`
 *   is a decrease of 3,120, not 3,120 households.
 * - `horizon`: `2025`, `2021-2025`, `hằng năm` or `cả nhiệm kỳ`; `deadline`
 *   and `published`: ISO dates `YYYY-MM-DD`.
 * - `quote`: the snippet's text; `sentence`: the sentence it sits in;
 *   `tags`: joined with `; `.
 *
 * Page text is untrusted: every text cell is NFC-normalised, and one starting
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a spreadsheet shows
 * it as text instead of running it as a formula (OWASP "CSV injection").
 */
import Papa from "papaparse";
import { getLanguage, type Language } from "../i18n/index.ts";
import { mapInChunks } from "./chunked.ts";
import type { ListedEntry, ProgressCallback } from "./format.ts";
import { COLUMN_HEADERS, TABLE_COLUMNS } from "./labels.ts";
import { tableRow } from "./table.ts";

/** The CSV's column ids, in order (the header row is their label in the export's language). */
export const CSV_COLUMNS = TABLE_COLUMNS;

export const CSV_BOM = "\uFEFF";
export const CSV_NEWLINE = "\r\n";

export interface CsvOptions {
  /** The language of the header row and the codes; the UI's language by default. */
  language?: Language;
}

/**
 * Cells a spreadsheet would read as a formula. Not papaparse's own
 * `escapeFormulae: true`: its pattern `/^[=+\-@\t\r].*$/` has no `s` flag, so
 * it misses a cell that starts with `=` and holds a line break.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number;

/** The header row's cells in `language`. */
export function csvHeader(language: Language = getLanguage()): string[] {
  const headers = COLUMN_HEADERS[language];
  return CSV_COLUMNS.map((column) => headers[column]);
}

/** One snippet as a CSV row, in `CSV_COLUMNS` order. */
export function csvRow(entry: ListedEntry, language: Language = getLanguage()): Cell[] {
  const row = tableRow(entry, language);
  return CSV_COLUMNS.map((column) => row[column] ?? "");
}

function unparse(rows: Cell[][], language: Language): string {
  return `${CSV_BOM}${Papa.unparse(
    // papaparse writes an empty row for `data: []`: the header alone then.
    rows.length === 0 ? [csvHeader(language)] : { fields: csvHeader(language), data: rows },
    { newline: CSV_NEWLINE, quotes: false, escapeFormulae: FORMULA_START },
  )}${CSV_NEWLINE}`;
}

/** The entries as a CSV file (BOM, header row, one row per snippet, every line ending in CRLF). */
export function toCsv(entries: readonly ListedEntry[], options: CsvOptions = {}): string {
  const language = options.language ?? getLanguage();
  return unparse(
    entries.map((entry) => csvRow(entry, language)),
    language,
  );
}

/** `toCsv` with rows built in chunks, reporting snippets done of all. */
export async function toCsvAsync(
  entries: readonly ListedEntry[],
  options: CsvOptions & { onProgress?: ProgressCallback } = {},
): Promise<string> {
  const language = options.language ?? getLanguage();
  const rows = await mapInChunks(entries, (entry) => csvRow(entry, language), options.onProgress);
  return unparse(rows, language);
}
