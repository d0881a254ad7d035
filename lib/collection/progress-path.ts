/**
 * The straight path of a progress series (`progress.ts`) and where each result stands against it.
 *
 * Decisions:
 * - A level (`tỷ lệ đô thị hóa đạt 45%` by 2025): the path runs straight from the start value at
 *   the term's start (the target article's date) to the target on the last day of its year. The
 *   start value is the figure the target's own article reports for the indicator (a resolution
 *   states where the term begins); when it reports none, the path starts at the first result
 *   reported (its date and value), and that result is the path's start, neither on track nor
 *   behind.
 * - A total over the term (`trong nhiệm kỳ kết nạp 600 đảng viên`) starts from zero.
 * - A per-year target (`tăng bình quân 10%/năm`) has no path to climb: the line is flat at the
 *   target, and each per-year result is on track when it meets the target (`attainment`).
 * - On track: at or above the path on the result's date (at or below it for a ceiling such as
 *   `tỷ lệ hộ nghèo dưới 1%`), or already at the target (met or exceeded). Otherwise behind.
 * - No start (no own-article figure, no result): no path; a total has one from zero all the same.
 */
import type { ItemFields } from "../extract/types.ts";
import { attainment, type FigureSpan } from "./attainment.ts";
import type { ListedEntry } from "./entries.ts";

export type PointStatus = "on_track" | "behind";

export interface PathEnd {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  value: number;
}

export interface ProgressPath {
  /** `straight` from the start to the target; `flat` at the target (a per-year target). */
  shape: "straight" | "flat";
  from: PathEnd;
  to: PathEnd;
  /** What the start value is: the target article's own figure, the first result, zero (a total), or the target (flat). */
  startsFrom: "baseline" | "first_result" | "zero" | "target";
  /** A ceiling: lower figures are better. */
  lowerIsBetter: boolean;
}

export interface PathInput {
  span: FigureSpan;
  /** The target is a ceiling (`isCeiling`). */
  ceiling: boolean;
  targetValue: number;
  /** The last day of the target's year, ISO. */
  dueDate: string;
  /** The term's start date (the target article's date), ISO; null when unknown. */
  start: string | null;
  /** The target article's own figure for the indicator (in the target's unit), or null. */
  baseline: number | null;
  /** The earliest matched result. */
  firstResult: { date: string; value: number } | null;
}

/** The path of a series, or null when it has no start (see the module comment). */
export function pathOf(input: PathInput): ProgressPath | null {
  const to = { date: input.dueDate, value: input.targetValue };
  const lowerIsBetter = input.ceiling;
  let path: ProgressPath | null = null;
  if (input.span === "annual") {
    const date = input.start ?? input.firstResult?.date ?? null;
    if (date)
      path = {
        shape: "flat",
        from: { date, value: input.targetValue },
        to,
        startsFrom: "target",
        lowerIsBetter,
      };
  } else if (input.span === "term" && input.start) {
    path = {
      shape: "straight",
      from: { date: input.start, value: 0 },
      to,
      startsFrom: "zero",
      lowerIsBetter,
    };
  } else if (input.baseline !== null && input.start) {
    path = {
      shape: "straight",
      from: { date: input.start, value: input.baseline },
      to,
      startsFrom: "baseline",
      lowerIsBetter,
    };
  } else if (input.firstResult) {
    path = {
      shape: "straight",
      from: { date: input.firstResult.date, value: input.firstResult.value },
      to,
      startsFrom: "first_result",
      lowerIsBetter,
    };
  }
  return path && path.from.date < path.to.date ? path : null;
}

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Where the path stands on `date` (before its start: the start; after its end: the target). */
export function expectedAt(path: ProgressPath, date: string): number {
  const t0 = time(path.from.date);
  const t1 = time(path.to.date);
  const t = Math.min(Math.max(time(date), t0), t1);
  if (path.shape === "flat" || t1 === t0) return path.to.value;
  return path.from.value + ((path.to.value - path.from.value) * (t - t0)) / (t1 - t0);
}

const EPSILON = 1e-9;

/** A result's place against the path: the path's value on its date and on track / behind. */
export function pointStatus(
  path: ProgressPath | null,
  point: { entry: ListedEntry; date: string; value: number },
  target: Pick<
    ItemFields,
    "value" | "unit" | "comparator" | "direction" | "horizon" | "category"
  > & {
    text?: string;
  },
): { expected: number | null; status: PointStatus | null } {
  const reached = attainment(target, point.entry.snippet);
  const met = reached.status === "met" || reached.status === "exceeded";
  if (!path)
    return { expected: null, status: reached.comparable ? (met ? "on_track" : "behind") : null };
  if (path.shape === "flat")
    return { expected: path.to.value, status: met ? "on_track" : "behind" };
  const expected = expectedAt(path, point.date);
  if (
    path.startsFrom === "first_result" &&
    point.date === path.from.date &&
    Math.abs(point.value - path.from.value) <= EPSILON
  )
    return { expected, status: null };
  const tolerance = EPSILON * Math.max(1, Math.abs(expected));
  const onPath = path.lowerIsBetter
    ? point.value <= expected + tolerance
    : point.value >= expected - tolerance;
  return { expected, status: onPath || met ? "on_track" : "behind" };
}
