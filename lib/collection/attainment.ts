/**
 * How far a result goes towards its target (*% thực hiện*) and what that makes of the target:
 * *vượt* (exceeded), *đạt* (met), *chưa đạt* (not met) or *chưa có số liệu* (no data). Pure; the
 * comparison and the progress view read the reader's effective values (`effectiveSnippet`).
 *
 * Decisions:
 * - A target is a floor (more is better) unless it is a ceiling: comparator `<`/`≤`, or a decrease
 *   stated as the level to go down to (`giảm còn`, `xuống`, `dưới`). A decrease stated as an
 *   amount (`giảm 1,5–2%/năm`) is a floor on the amount of the decrease.
 * - Met at the target's near bound, exceeded beyond its far bound: for a floor `10–11%` met at
 *   ≥ 10, exceeded above 11; for a single value `95%` met at 95, exceeded above it; a strict
 *   comparator (`trên 95%`) needs more than 95, which exceeds it. Ceilings mirror this.
 * - % thực hiện = result ÷ near bound for a floor, near bound ÷ result for a ceiling (below a
 *   ceiling is over 100%); null when the divisor is 0. A result range counts by its midpoint; two
 *   ratios (`12/15 xã` against `15/15 xã`) by their fractions; a result stated as a change in the
 *   other direction than the target's counts negative.
 * - Comparable only when the units are (`comparableUnits`, scale prefixes converted) and the spans
 *   meet (`spansMeet`: per-year never meets whole-term or a level).
 */
import type { ItemFields, ItemValue } from "../extract/types.ts";
import { spanOf, spansMeet } from "./figure-span.ts";
import { comparableUnits, readUnit } from "./figure-units.ts";

export { type FigureSpan, spanOf, spansMeet } from "./figure-span.ts";
export { comparableUnits, readUnit, type UnitReading, unitCompareKey } from "./figure-units.ts";

export type AttainmentStatus = "exceeded" | "met" | "not_met" | "no_data";

/** Why a target has no % thực hiện. */
export type NoDataReason = "no_result" | "no_value" | "units" | "span";

export interface Attainment {
  /** The result can be set against the target (units and spans agree, both have a value). */
  comparable: boolean;
  /** Result as a share of the target, in percent (100 = met exactly); null when not comparable. */
  percentDone: number | null;
  status: AttainmentStatus;
  /** Set when the status is `no_data`. */
  reason?: NoDataReason;
}

/** The figure fields attainment reads, and the quote for the wording of a decrease. */
export type Figure = Pick<
  ItemFields,
  "value" | "unit" | "comparator" | "direction" | "horizon" | "category"
> & { text?: string };

/** A decrease to a level: `còn`, `xuống`, `dưới`, `không quá`, `tối đa` before the number. */
const TO_A_LEVEL =
  /(?:^|[\s(])(?:còn|xuống|dưới|không quá|tối đa|không vượt quá)\s*(?:mức\s*)?(?:dưới\s*)?[\d.,]/iu;

/** Whether the target asks for the figure to stay at or go below its value. */
export function isCeiling(target: Figure): boolean {
  if (target.comparator === "<" || target.comparator === "<=") return true;
  if (target.direction !== "decrease") return false;
  if (target.comparator === ">" || target.comparator === ">=") return false;
  return TO_A_LEVEL.test((target.text ?? "").normalize("NFC"));
}

const EPSILON = 1e-9;
const same = (a: number, b: number) =>
  Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

function valid(value: ItemValue | null): value is ItemValue {
  return value !== null && Number.isFinite(value.min) && Number.isFinite(value.max);
}

const isRatio = (value: ItemValue) =>
  value.numerator !== undefined && value.denominator !== undefined && value.denominator > 0;

const noData = (reason: NoDataReason): Attainment => ({
  comparable: false,
  percentDone: null,
  status: "no_data",
  reason,
});

/** The attainment of `target` by `result` (null: no result reported). */
export function attainment(target: Figure, result: Figure | null): Attainment {
  if (!result) return noData("no_result");
  if (!valid(target.value) || !valid(result.value)) return noData("no_value");
  if (!comparableUnits(target.unit, result.unit)) return noData("units");
  if (!spansMeet(spanOf(target), spanOf(result))) return noData("span");

  const ratios = isRatio(target.value) && isRatio(result.value);
  const scaleOf = (figure: Figure) => (ratios ? 1 : readUnit(figure.unit).scale);
  const tScale = scaleOf(target);
  let low = target.value.min * tScale;
  let high = target.value.max * tScale;
  if (ratios) {
    const fraction = (target.value.numerator as number) / (target.value.denominator as number);
    low = fraction;
    high = fraction;
  }
  let actual = ratios
    ? (result.value.numerator as number) / (result.value.denominator as number)
    : ((result.value.min + result.value.max) / 2) * scaleOf(result);
  const strict = target.comparator === ">" || target.comparator === "<";
  let status: AttainmentStatus;
  let percentDone: number | null;
  if (isCeiling(target)) {
    const near = high;
    const far = low;
    const exceeded = actual < far && !same(actual, far);
    const met = strict
      ? actual < near && !same(actual, near)
      : actual <= near || same(actual, near);
    status = exceeded ? "exceeded" : met ? "met" : "not_met";
    percentDone = actual > 0 ? (near / actual) * 100 : null;
  } else {
    // A change the other way from the target's (`giảm 2%` against `tăng 10%`) counts negative.
    if (target.direction && result.direction && target.direction !== result.direction)
      actual = -actual;
    const near = low;
    const far = high;
    const exceeded = actual > far && !same(actual, far);
    const met = strict
      ? actual > near && !same(actual, near)
      : actual >= near || same(actual, near);
    status = exceeded ? "exceeded" : met ? "met" : "not_met";
    percentDone = near !== 0 ? (actual / near) * 100 : null;
  }
  return { comparable: true, percentDone, status };
}
