/**
 * Progress over time (*Tiến độ*): for one place and indicator, the term's target and every result
 * later articles report against it (six-month, annual, mid-term and final reviews), set on the
 * straight path from the term's start to the target, so on track / behind is plain. Pure: the
 * collection page draws it (components/collection/progress/) and the workbook writes it
 * (lib/export/xlsx-progress.ts).
 *
 * Matching, a result to a target (both with the reader's corrections in place, rejected ones
 * never): the same locality and level (folded), the same category, units that compare
 * (`comparableUnits`: `%` with `%`, `tỷ đồng` with `triệu đồng`), spans that meet (`spansMeet`: a
 * per-year target such as `tăng 10%/năm` meets only per-year results, never a level), and the
 * same term: the result's article states the target's term, or states none and was published
 * within it (its first year to the year after its last, when final reviews appear). The result
 * comes from another article than the target's, published no earlier and with a date (the
 * timeline needs one). A match the reader undid (`unmatchedTargets` on the result) is left out
 * and listed apart, so it can be put back.
 *
 * The path (`progress-path.ts`) and its start value are decided there.
 */
import {
  attainment,
  comparableUnits,
  type FigureSpan,
  isCeiling,
  readUnit,
  spanOf,
  spansMeet,
} from "./attainment.ts";
import { comparedEntries } from "./compared.ts";
import type { ListedEntry } from "./entries.ts";
import { type PointStatus, type ProgressPath, pathOf, pointStatus } from "./progress-path.ts";
import { type ReviewKind, reviewKindOf } from "./review-kind.ts";
import { foldForSearch } from "./search-fold.ts";

export type { PointStatus, ProgressPath } from "./progress-path.ts";

/** A result on the timeline. */
export interface ProgressPoint {
  /** The result (effective values) with its article. */
  entry: ListedEntry;
  /** Its article's publication date, ISO `YYYY-MM-DD`. */
  date: string;
  /** Its value in the target's unit (a range's midpoint; a scale prefix converted). */
  value: number;
  /** The kind of review its article's title names, or null. */
  review: ReviewKind | null;
  /** Where the path stands on that date; null without a path. */
  expected: number | null;
  /** The result as a share of the target (`attainment`), in percent; null when not comparable. */
  percentDone: number | null;
  /** On track or behind the path (a per-year result: met the target or not); null: the path's own start. */
  status: PointStatus | null;
}

/** The place a series belongs to: a locality at a level, as the articles write them. */
export interface ProgressPlace {
  /** Folded `locality|level`: the same place whatever the spelling. */
  key: string;
  locality: string;
  level: string | null;
}

export interface ProgressSeries {
  /** The target snippet's id. */
  id: string;
  place: ProgressPlace;
  category: string;
  /** The target (effective values) with its article. */
  target: ListedEntry;
  /** The target's unit as written (trimmed). */
  unit: string;
  span: FigureSpan;
  /** The term's first and last year (from the target article's term, else its date and horizon). */
  term: { from: number; to: number } | null;
  /** The target value the path ends at (the near bound of a range). */
  targetValue: number;
  /** The date the target is due: the last day of its horizon year. */
  dueDate: string;
  path: ProgressPath | null;
  /** The matched results, oldest first. */
  points: ProgressPoint[];
  /** Results the reader unmatched from this target, oldest first (their status is not weighed). */
  unmatched: ProgressPoint[];
}

/** `2020-2025` (or `2020 - 2025`, `2020–2025`) as its years. */
export function parseTerm(term: string | null | undefined): { from: number; to: number } | null {
  const m = /((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)/.exec(term ?? "");
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return to > from ? { from, to } : null;
}

const yearOf = (date: string | null | undefined) => {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(date ?? "");
  return m ? Number(m[1]) : null;
};

/** The year a target is due: its horizon's (last) year, else the term's last. */
function dueYear(target: ListedEntry, term: { from: number; to: number } | null): number | null {
  const horizon = target.snippet.horizon;
  if (horizon?.type === "year" && horizon.year) return horizon.year;
  if (horizon?.type === "period" && horizon.to) return horizon.to;
  return term?.to ?? null;
}

function termOf(target: ListedEntry): { from: number; to: number } | null {
  const stated = parseTerm(target.article?.term);
  if (stated) return stated;
  const horizon = target.snippet.horizon;
  if (horizon?.type === "period" && horizon.from && horizon.to && horizon.to > horizon.from)
    return { from: horizon.from, to: horizon.to };
  const from = yearOf(target.article?.publishedAt);
  const to = horizon?.type === "year" ? horizon.year : undefined;
  return from !== null && to !== undefined && to > from ? { from, to } : null;
}

/** The folded place of an entry, or null when its article names no locality. */
function placeOf(entry: ListedEntry): ProgressPlace | null {
  const locality = entry.article?.locality?.trim();
  if (!locality) return null;
  const level = entry.article?.level?.trim() || null;
  return { key: `${foldForSearch(locality)}|${foldForSearch(level ?? "")}`, locality, level };
}

/** The value of a figure in the scale of `unit` (a range by its midpoint); null without one. */
function valueIn(entry: ListedEntry, unit: string | null): number | null {
  const value = entry.snippet.value;
  if (!value || !Number.isFinite(value.min) || !Number.isFinite(value.max)) return null;
  const mid = value.min === value.max ? value.min : (value.min + value.max) / 2;
  return (mid * readUnit(entry.snippet.unit).scale) / readUnit(unit).scale;
}

/** Whether result `r` stands in `target`'s term (see the module comment). */
function inTerm(
  result: ListedEntry,
  target: ListedEntry,
  term: { from: number; to: number } | null,
): boolean {
  const stated = parseTerm(result.article?.term);
  if (stated && term) return stated.from === term.from && stated.to === term.to;
  const year = yearOf(result.article?.publishedAt);
  if (year === null) return false;
  if (term) return year >= term.from && year <= term.to + 1;
  return yearOf(target.article?.publishedAt) !== null;
}

/** Whether `result` reports on `target` by the rules (the reader's undo aside). */
export function matchesTarget(result: ListedEntry, target: ListedEntry): boolean {
  const r = result.snippet;
  const t = target.snippet;
  if (r.kind !== "result" || t.kind !== "target" || !t.category || r.category !== t.category)
    return false;
  if (r.articleId === t.articleId) return false;
  const rp = placeOf(result);
  const tp = placeOf(target);
  if (!rp || !tp || rp.key !== tp.key) return false;
  if (!comparableUnits(t.unit, r.unit) || !spansMeet(spanOf(t), spanOf(r))) return false;
  const rDate = result.article?.publishedAt ?? null;
  const tDate = target.article?.publishedAt ?? null;
  if (yearOf(rDate) === null) return false;
  if (tDate && rDate && rDate < tDate) return false;
  return inTerm(result, target, termOf(target));
}

/** The target's value the path ends at: the near bound (the lower of a floor, the upper of a ceiling). */
function targetValueOf(target: ListedEntry, ceiling: boolean): number | null {
  const value = target.snippet.value;
  if (!value || !Number.isFinite(value.min) || !Number.isFinite(value.max)) return null;
  return ceiling ? Math.max(value.min, value.max) : Math.min(value.min, value.max);
}

const byDate = (a: ProgressPoint, b: ProgressPoint) =>
  a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.entry.snippet.anchor.start - b.entry.snippet.anchor.start;

/** A result as a point of `target`'s timeline (status and expected value come later). */
function pointOf(result: ListedEntry, target: ListedEntry): ProgressPoint | null {
  const value = valueIn(result, target.snippet.unit);
  const date = result.article?.publishedAt;
  if (value === null || !date) return null;
  return {
    entry: result,
    date,
    value,
    review: reviewKindOf(result.article?.title ?? ""),
    expected: null,
    percentDone: attainment(target.snippet, result.snippet).percentDone,
    status: null,
  };
}

/** The target's own article's results of its indicator: the figures the term starts from. */
function baselinesOf(
  target: ListedEntry,
  resultsByArticle: ReadonlyMap<string, readonly ListedEntry[]>,
): ListedEntry[] {
  const t = target.snippet;
  return (resultsByArticle.get(articleCategoryKey(t)) ?? []).filter(
    ({ snippet: r }) =>
      comparableUnits(t.unit, r.unit) && spansMeet(spanOf(t), spanOf(r)) && r.value !== null,
  );
}

/** Where a snippet's article and category meet (results grouped so, for the baselines). */
function articleCategoryKey(snippet: ListedEntry["snippet"]): string {
  return `${snippet.articleId}|${snippet.category}`;
}

/** The series of one target, or null when it has no value to aim at or no place. */
function seriesOf(
  target: ListedEntry,
  candidates: readonly ListedEntry[],
  resultsByArticle: ReadonlyMap<string, readonly ListedEntry[]>,
): ProgressSeries | null {
  const place = placeOf(target);
  const category = target.snippet.category;
  if (!place || !category) return null;
  const term = termOf(target);
  const due = dueYear(target, term);
  const span = spanOf(target.snippet);
  const ceilingTarget = isCeiling(target.snippet);
  const targetValue = targetValueOf(target, ceilingTarget);
  if (targetValue === null || due === null) return null;

  const points: ProgressPoint[] = [];
  const unmatched: ProgressPoint[] = [];
  for (const result of candidates) {
    if (!matchesTarget(result, target)) continue;
    const point = pointOf(result, target);
    if (!point) continue;
    const undone = result.snippet.unmatchedTargets?.includes(target.snippet.id) ?? false;
    (undone ? unmatched : points).push(point);
  }
  points.sort(byDate);
  unmatched.sort(byDate);

  const baseline = baselinesOf(target, resultsByArticle)
    .map((entry) => valueIn(entry, target.snippet.unit))
    .find((value): value is number => value !== null);
  const startDate = target.article?.publishedAt ?? (term ? `${term.from}-01-01` : null);
  const path = pathOf({
    span,
    ceiling: ceilingTarget,
    targetValue,
    dueDate: `${due}-12-31`,
    start: startDate,
    baseline: baseline ?? null,
    firstResult: points[0] ?? null,
  });
  for (const point of points) {
    const judged = pointStatus(path, point, target.snippet);
    point.expected = judged.expected;
    point.status = judged.status;
  }
  return {
    id: target.snippet.id,
    place,
    category,
    target,
    unit: target.snippet.unit?.trim() ?? "",
    span,
    term,
    targetValue,
    dueDate: `${due}-12-31`,
    path,
    points,
    unmatched,
  };
}

/**
 * Every target's series, each with the results matched to it: the targets (with a value, a
 * category and a place) in order of place, category and date. Rejected snippets take no part;
 * corrections do.
 */
export function progressSeries(entries: readonly ListedEntry[]): ProgressSeries[] {
  const all = comparedEntries(entries);
  const results = new Map<string, ListedEntry[]>();
  // A target's own article's results of its category (its baselines), found without a scan.
  const resultsByArticle = new Map<string, ListedEntry[]>();
  for (const entry of all) {
    if (entry.snippet.kind !== "result") continue;
    const key = articleCategoryKey(entry.snippet);
    const list = resultsByArticle.get(key);
    if (list) list.push(entry);
    else resultsByArticle.set(key, [entry]);
  }
  const keyOf = (entry: ListedEntry) => `${placeOf(entry)?.key}|${entry.snippet.category}`;
  for (const entry of all) {
    if (entry.snippet.kind !== "result" || !entry.snippet.category || !placeOf(entry)) continue;
    const key = keyOf(entry);
    const list = results.get(key);
    if (list) list.push(entry);
    else results.set(key, [entry]);
  }
  const series: ProgressSeries[] = [];
  for (const entry of all) {
    if (entry.snippet.kind !== "target") continue;
    const one = seriesOf(entry, results.get(keyOf(entry)) ?? [], resultsByArticle);
    if (one) series.push(one);
  }
  return series.sort(
    (a, b) =>
      compareText(a.place.locality, b.place.locality) ||
      compareText(a.place.level ?? "", b.place.level ?? "") ||
      compareText(a.category, b.category) ||
      compareText(a.target.article?.publishedAt ?? "", b.target.article?.publishedAt ?? "") ||
      a.target.snippet.anchor.start - b.target.snippet.anchor.start,
  );
}

const collator = new Intl.Collator("vi");
const compareText = (a: string, b: string) => collator.compare(a, b);
