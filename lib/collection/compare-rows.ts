/**
 * A comparison row's measures across its columns: the chart (values that compare like with like:
 * one unit, spans that meet), whether the columns differ, the spread between them and the mean
 * *% thực hiện*; and the orders the rows can be sorted in, within their category group.
 */
import type { ListedSnippet } from "../snippets/types.ts";
import { CATEGORY_GROUPS } from "../taxonomy/taxonomy.ts";
import type { ComparisonCell, ComparisonChart, ComparisonRow } from "./compare.ts";
import { figuresMeet, sameNumber, scaledValue } from "./compare-pairs.ts";
import { readUnit } from "./figure-units.ts";

/** The figure a cell is compared by: its lead's target, or its lead's result. */
function comparedFigure(cell: ComparisonCell, kind: "target" | "result"): ListedSnippet | null {
  const lead = cell.pairs.find((pair) => pair[kind] !== null);
  return lead?.[kind]?.snippet ?? null;
}

export interface RowMeasures {
  chart: ComparisonChart | null;
  differs: boolean;
  spread: number | null;
  percentDone: number | null;
}

/**
 * The row's chart, `differs`, spread and mean % thực hiện. The chart compares targets with targets
 * (results with results in a row with no target), only when every compared figure measures like
 * the others (`figuresMeet`) and has a value; its values are in the first figure's unit. The spread
 * is (largest − smallest) ÷ the larger magnitude of the two, over a chart's values (null with
 * fewer than two).
 */
export function rowMeasures(cells: readonly ComparisonCell[]): RowMeasures {
  const kind = cells.some((cell) => cell.pairs.some((pair) => pair.target !== null))
    ? "target"
    : "result";
  const compared = cells.map((cell) => comparedFigure(cell, kind));
  const present = compared.filter((snippet): snippet is ListedSnippet => snippet !== null);
  const percentDone = meanPercent(cells);
  if (present.length === 0) return { chart: null, differs: false, spread: null, percentDone };

  const alike = present.every((a, i) => present.every((b, j) => j <= i || figuresMeet(a, b)));
  const scaled = present.map(scaledValue);
  const first = scaled[0] ?? null;
  const differs =
    !alike ||
    scaled.some((n) => (n === null) !== (first === null)) ||
    (first !== null && scaled.some((n) => n !== null && !sameNumber(n, first)));
  if (!alike || scaled.some((n) => n === null))
    return { chart: null, differs, spread: null, percentDone };

  const base = readUnit(present[0]?.unit).scale;
  const values = compared.map((snippet) => {
    const value = snippet ? scaledValue(snippet) : null;
    return value === null ? null : value / base;
  });
  const numbers = values.filter((v): v is number => v !== null);
  const max = Math.max(...numbers);
  const min = Math.min(...numbers);
  const spread =
    numbers.length >= 2 ? (max - min) / Math.max(Math.abs(max), Math.abs(min), 1e-12) : null;
  return {
    chart: { unit: present[0]?.unit?.trim() ?? "", kind, values },
    differs,
    spread,
    percentDone,
  };
}

/** The mean % thực hiện of the cells whose lead has one (null when none has). */
function meanPercent(cells: readonly ComparisonCell[]): number | null {
  const percents = cells
    .map((cell) => cell.lead?.attainment?.percentDone ?? null)
    .filter((p): p is number => p !== null);
  return percents.length === 0 ? null : percents.reduce((a, b) => a + b, 0) / percents.length;
}

export type ComparisonSortKey = "name" | "spread" | "percent";

export interface ComparisonSort {
  key: ComparisonSortKey;
  direction: "ascending" | "descending";
}

const collators = new Map<string, Intl.Collator>();
function collatorFor(language: string): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language);
    collators.set(language, collator);
  }
  return collator;
}

const groupOrder = (row: ComparisonRow) => CATEGORY_GROUPS.indexOf(row.group);
const filled = (row: ComparisonRow) => row.cells.filter((cell) => cell.pairs.length > 0).length;

/**
 * The rows in their groups' order (kinh tế, văn hóa - xã hội, quốc phòng - an ninh, xây dựng Đảng,
 * the resolution as a whole), each group sorted by `sort`: name, spread or mean % thực hiện (rows
 * with no value last whatever the direction); without a sort, rows with values in more columns
 * first, then by name. Labels compare in `language`.
 */
export function sortComparisonRows(
  rows: readonly ComparisonRow[],
  sort: ComparisonSort | null,
  language = "vi",
): ComparisonRow[] {
  const collator = collatorFor(language);
  const byName = (a: ComparisonRow, b: ComparisonRow) =>
    collator.compare(a.label, b.label) || (a.category < b.category ? -1 : 1);
  const sign = sort?.direction === "descending" ? -1 : 1;
  const byNumber = (x: number | null, y: number | null) =>
    x === null ? (y === null ? 0 : 1) : y === null ? -1 : sign * (x - y);
  return [...rows].sort((a, b) => {
    const group = groupOrder(a) - groupOrder(b);
    if (group !== 0) return group;
    if (!sort) return filled(b) - filled(a) || byName(a, b);
    if (sort.key === "name") return sign * byName(a, b);
    if (sort.key === "spread") return byNumber(a.spread, b.spread) || byName(a, b);
    return byNumber(a.percentDone, b.percentDone) || byName(a, b);
  });
}

/** Consecutive rows of one group, in order (the rows as `sortComparisonRows` returns them). */
export function rowsByGroup(
  rows: readonly ComparisonRow[],
): Array<{ group: ComparisonRow["group"]; rows: ComparisonRow[] }> {
  const out: Array<{ group: ComparisonRow["group"]; rows: ComparisonRow[] }> = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last.group === row.group) last.rows.push(row);
    else out.push({ group: row.group, rows: [row] });
  }
  return out;
}
