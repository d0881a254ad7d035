/**
 * Side-by-side comparison ("So sánh"): 2–4 articles or localities as columns,
 * one row per indicator category. Targets and results stay apart: a cell
 * lists pairs, each a target with the result that reports on it (either may
 * be missing), and a row's chart compares targets with targets (or, in a row
 * with no target at all, results with results).
 */
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import { categoryById } from "../taxonomy/taxonomy.ts";
import {
  numericValue,
  pairTargetsAndResults,
  sameNumber,
  takesPart,
  unitKey,
} from "./compare-pairs.ts";
import { type CompareOptions, comparedEntries } from "./compared.ts";
import type { CollectionEntry } from "./entries.ts";
import { foldForSearch } from "./search-fold.ts";

export { type ComparableSource, comparableSources } from "./comparable-sources.ts";
export { numericValue, pairTargetsAndResults, unitKey } from "./compare-pairs.ts";

/**
 * A column: one article, or every article of a locality. A locality source with a `level` takes
 * only articles of that level (the province and the town of Trà Vinh are two places); without
 * one it takes the locality at any level. Names and levels compare folded.
 */
export type CompareSource =
  | { type: "article"; id: string }
  | { type: "locality"; name: string; level?: string | null };

/** A target and the result that reports on it; one of the two may be missing, never both. */
export interface ComparisonPair {
  target: CollectionEntry | null;
  result: CollectionEntry | null;
}

export interface ComparisonCell {
  /** In text order of the targets; results that report on no target come last. Empty: no value. */
  pairs: ComparisonPair[];
}

export interface ComparisonChart {
  /** The unit every charted value shares, as written (trimmed) in the first one. */
  unit: string;
  /** What the bars compare: targets, or results when no column of the row has a target. */
  kind: "target" | "result";
  /** One per column: the first target's (or result's) value; null where the column has none. */
  values: Array<number | null>;
}

export interface ComparisonRow {
  /** Taxonomy category id. */
  category: string;
  /** The category's Vietnamese label (the id when the taxonomy does not know it). */
  label: string;
  /** One per column. */
  cells: ComparisonCell[];
  /** Present when every column's compared value is a number and all share one unit. */
  chart: ComparisonChart | null;
  /** True when the compared values present are not all equal, or their units differ. */
  differs: boolean;
}

export interface ComparisonColumn {
  source: CompareSource;
  label: string;
  /** The source's articles, oldest first (the link back; one for an article source). */
  articles: ArticleRecord[];
}

export interface ComparisonTable {
  columns: ComparisonColumn[];
  /** Rows with values in more columns first, then by label. */
  rows: ComparisonRow[];
}

const collator = new Intl.Collator("vi");

function byPublication(a: ArticleRecord, b: ArticleRecord): number {
  const x = a.publishedAt ?? "9999";
  const y = b.publishedAt ?? "9999";
  return x < y ? -1 : x > y ? 1 : collator.compare(a.title, b.title);
}

/** The most frequent non-empty value (first met on a tie). */
function mostCommon(values: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let bestCount = 0;
  for (const value of values) {
    const v = value?.trim();
    if (!v) continue;
    const count = (counts.get(v) ?? 0) + 1;
    counts.set(v, count);
    if (count > bestCount) {
      best = v;
      bestCount = count;
    }
  }
  return best;
}

interface Column {
  source: CompareSource;
  label: string;
  articles: ArticleRecord[];
  /** Category → its targets and results in this source, in text order. */
  byCategory: Map<string, { targets: CollectionEntry[]; results: CollectionEntry[] }>;
}

/** Folded locality and level of each article record, computed once per record. */
const places = new WeakMap<ArticleRecord, { locality: string; level: string }>();

function placeOf(article: ArticleRecord): { locality: string; level: string } {
  let place = places.get(article);
  if (!place) {
    place = {
      locality: foldForSearch(article.locality ?? ""),
      level: foldForSearch(article.level ?? ""),
    };
    places.set(article, place);
  }
  return place;
}

function matchesSource(
  entry: CollectionEntry,
  source: CompareSource,
  name: string,
  level: string,
): boolean {
  if (source.type === "article") return entry.snippet.articleId === source.id;
  if (!entry.article) return false;
  const place = placeOf(entry.article);
  return (
    place.locality !== "" && place.locality === name && (level === "" || place.level === level)
  );
}

function buildColumn(entries: readonly CollectionEntry[], source: CompareSource): Column {
  const name = source.type === "locality" ? foldForSearch(source.name) : "";
  const level = source.type === "locality" ? foldForSearch(source.level ?? "") : "";
  const mine = entries.filter((entry) => matchesSource(entry, source, name, level));

  const articleById = new Map<string, ArticleRecord>();
  for (const { article } of mine) if (article) articleById.set(article.id, article);
  const articles = [...articleById.values()].sort(byPublication);
  const articleOrder = new Map(articles.map((article, i) => [article.id, i]));

  let label: string;
  if (source.type === "article") {
    const article = articles[0];
    label = article
      ? `${article.locality?.trim() || article.title}${article.term ? ` · ${article.term}` : ""}`
      : source.id;
  } else {
    const shownLevel = source.level?.trim() || mostCommon(articles.map((a) => a.level));
    const shownName = mostCommon(articles.map((a) => a.locality)) ?? source.name.trim();
    label = shownLevel ? `${shownName} (${shownLevel})` : shownName;
  }

  const parts = mine
    .filter((entry) => takesPart(entry.snippet))
    .sort(
      (a, b) =>
        (articleOrder.get(a.snippet.articleId) ?? articles.length) -
          (articleOrder.get(b.snippet.articleId) ?? articles.length) ||
        (a.snippet.articleId < b.snippet.articleId
          ? -1
          : a.snippet.articleId > b.snippet.articleId
            ? 1
            : 0) ||
        a.snippet.anchor.start - b.snippet.anchor.start,
    );
  const byCategory: Column["byCategory"] = new Map();
  for (const entry of parts) {
    const category = entry.snippet.category as string;
    let group = byCategory.get(category);
    if (!group) {
      group = { targets: [], results: [] };
      byCategory.set(category, group);
    }
    (entry.snippet.kind === "target" ? group.targets : group.results).push(entry);
  }
  return { source, label, articles, byCategory };
}

/** The chart and the `differs` flag of a row. */
function chartOf(cells: readonly ComparisonCell[]): {
  chart: ComparisonChart | null;
  differs: boolean;
} {
  const kind = cells.some((cell) => cell.pairs.some((pair) => pair.target !== null))
    ? "target"
    : "result";
  const compared = cells.map(
    (cell) => cell.pairs.find((pair) => pair[kind] !== null)?.[kind]?.snippet ?? null,
  );
  const present = compared.filter((snippet): snippet is SnippetRecord => snippet !== null);
  if (present.length === 0) return { chart: null, differs: false };

  const units = new Set(present.map((snippet) => unitKey(snippet.unit)));
  const numbers = present.map(numericValue);
  const allNumeric = numbers.every((n) => n !== null);
  const first = numbers[0] ?? null;
  const differs =
    units.size > 1 ||
    numbers.some((n) => (n === null) !== (first === null)) ||
    (first !== null && numbers.some((n) => n !== null && !sameNumber(n, first)));
  if (units.size > 1 || !allNumeric) return { chart: null, differs };
  return {
    chart: {
      unit: present[0]?.unit?.trim() ?? "",
      kind,
      values: compared.map((snippet) => (snippet ? numericValue(snippet) : null)),
    },
    differs,
  };
}

/** Column labels that would read the same get the article's date (or title) to tell them apart. */
function distinctLabels(columns: Column[]): void {
  const counts = new Map<string, number>();
  for (const column of columns) counts.set(column.label, (counts.get(column.label) ?? 0) + 1);
  for (const column of columns) {
    if ((counts.get(column.label) ?? 0) < 2 || column.source.type !== "article") continue;
    const article = column.articles[0];
    const extra = article?.publishedAt ?? article?.title;
    if (extra) column.label = `${column.label} · ${extra}`;
  }
}

/**
 * The comparison table of `sources` (in the order given) over the collection's entries (see
 * `comparedEntries`: corrected values, no rejected snippet).
 */
export function compareSources(
  stored: readonly CollectionEntry[],
  sources: readonly CompareSource[],
  options: CompareOptions = {},
): ComparisonTable {
  const entries = comparedEntries(stored, options);
  const columns = sources.map((source) => buildColumn(entries, source));
  distinctLabels(columns);

  const categories = new Set<string>();
  for (const column of columns)
    for (const category of column.byCategory.keys()) {
      categories.add(category);
    }

  const rows = [...categories].map((category): ComparisonRow => {
    const cells = columns.map((column): ComparisonCell => {
      const group = column.byCategory.get(category);
      return { pairs: group ? pairTargetsAndResults(group.targets, group.results) : [] };
    });
    return {
      category,
      label: categoryById(category)?.vi ?? category,
      cells,
      ...chartOf(cells),
    };
  });
  const filled = (row: ComparisonRow) => row.cells.filter((cell) => cell.pairs.length > 0).length;
  rows.sort(
    (a, b) =>
      filled(b) - filled(a) ||
      collator.compare(a.label, b.label) ||
      (a.category < b.category ? -1 : 1),
  );

  return {
    columns: columns.map(({ source, label, articles }) => ({ source, label, articles })),
    rows,
  };
}
