/**
 * Side-by-side comparison ("So sánh") for reports: 2–4 articles or localities as columns, one row
 * per indicator category, rows grouped as resolutions list them (kinh tế, văn hóa - xã hội,
 * quốc phòng - an ninh, xây dựng Đảng). A cell leads with a target and the latest result that
 * reports on it, with *% thực hiện* and a status (`attainment.ts`); other targets and results of
 * the category follow. A row's chart compares like with like only (one unit, spans that meet).
 */
import type { Language } from "../i18n/index.ts";
import type { ListedArticle } from "../snippets/types.ts";
import { type CategoryGroup, categoryById } from "../taxonomy/taxonomy.ts";
import type { Attainment } from "./attainment.ts";
import { buildColumn, distinctLabels } from "./compare-columns.ts";
import { pairTargetsAndResults } from "./compare-pairs.ts";
import { rowMeasures, sortComparisonRows } from "./compare-rows.ts";
import { type CompareOptions, comparedEntries } from "./compared.ts";
import type { ListedEntry } from "./entries.ts";

export { type ComparableSource, comparableSources } from "./comparable-sources.ts";
export { moveSource, sameSource } from "./compare-columns.ts";
export {
  figuresMeet,
  numericValue,
  pairTargetsAndResults,
  scaledValue,
} from "./compare-pairs.ts";
export {
  type ComparisonSort,
  type ComparisonSortKey,
  rowsByGroup,
  sortComparisonRows,
} from "./compare-rows.ts";

/**
 * A column: one article, or every article of a locality. A locality source with a `level` takes
 * only articles of that level (the province and the town of Trà Vinh are two places); without
 * one it takes the locality at any level. Names and levels compare folded.
 */
export type CompareSource =
  | { type: "article"; id: string }
  | { type: "locality"; name: string; level?: string | null };

/**
 * A target and the latest result that reports on it; one of the two may be missing, never both.
 * `attainment` is the target's (null for a result with no target).
 */
export interface ComparisonPair {
  target: ListedEntry | null;
  result: ListedEntry | null;
  attainment: Attainment | null;
}

export interface ComparisonCell {
  /** The targets in the source's order (each with its result), then unpaired results, latest first. */
  pairs: ComparisonPair[];
  /** The pair the cell leads with: the first target's, else the latest result's; null when empty. */
  lead: ComparisonPair | null;
}

export interface ComparisonChart {
  /** The unit every charted value is in, as written (trimmed) in the first one. */
  unit: string;
  /** What the bars compare: targets, or results when no column of the row has a target. */
  kind: "target" | "result";
  /** One per column, in `unit`: the lead target's (or result's) value; null where there is none. */
  values: Array<number | null>;
}

export interface ComparisonRow {
  /** Taxonomy category id. */
  category: string;
  /** The category's group (`overall` when the taxonomy does not know the category). */
  group: CategoryGroup;
  /** The category's label in the comparison's language (the id when the taxonomy does not know it). */
  label: string;
  /** One per column. */
  cells: ComparisonCell[];
  /** Present when every column's compared figure has a value and all measure alike. */
  chart: ComparisonChart | null;
  /** True when the compared values present are not all equal, or do not measure alike. */
  differs: boolean;
  /** (largest − smallest) ÷ larger magnitude of the chart's values; null without two of them. */
  spread: number | null;
  /** Mean % thực hiện of the cells that have one; null when none has. */
  percentDone: number | null;
}

export interface ComparisonColumn {
  source: CompareSource;
  label: string;
  /** The source's articles, oldest first (the link back; one for an article source). */
  articles: ListedArticle[];
}

export interface ComparisonTable {
  columns: ComparisonColumn[];
  /** By group; within a group, rows with values in more columns first, then by label. */
  rows: ComparisonRow[];
}

export interface ComparisonOptions extends CompareOptions {
  /** The language of the row labels (Vietnamese unless told). */
  language?: Language;
}

/**
 * The comparison table of `sources` (in the order given) over the collection's entries (see
 * `comparedEntries`: corrected values, no rejected snippet).
 */
export function compareSources(
  stored: readonly ListedEntry[],
  sources: readonly CompareSource[],
  options: ComparisonOptions = {},
): ComparisonTable {
  const language = options.language ?? "vi";
  const entries = comparedEntries(stored, options);
  const columns = sources.map((source) => buildColumn(entries, source));
  distinctLabels(columns);

  const categories = new Set<string>();
  for (const column of columns)
    for (const category of column.byCategory.keys()) categories.add(category);

  const rows = [...categories].map((category): ComparisonRow => {
    const cells = columns.map((column): ComparisonCell => {
      const group = column.byCategory.get(category);
      const pairs = group ? pairTargetsAndResults(group.targets, group.results) : [];
      return { pairs, lead: pairs[0] ?? null };
    });
    const known = categoryById(category);
    return {
      category,
      group: known?.group ?? "overall",
      label: known ? known[language] : category,
      cells,
      ...rowMeasures(cells),
    };
  });

  return {
    columns: columns.map(({ source, label, articles }) => ({ source, label, articles })),
    rows: sortComparisonRows(rows, null, language),
  };
}
