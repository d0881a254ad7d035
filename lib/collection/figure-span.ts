/**
 * The span of a figure: what stretch of time its number covers. Per-year figures (`%/năm`,
 * `mỗi năm kết nạp 120 đảng viên`, an economic growth rate) never meet whole-term totals or a
 * year's level, so a target is only measured by a result of a span that meets its own.
 *
 * - `annual`: a rate or amount per year (`tăng bình quân 7%/năm`, `mỗi năm kết nạp 120 đảng viên`,
 *   `trong năm đã kết nạp 126 đảng viên`);
 * - `term`: a total over a period or the term (`trong nhiệm kỳ kết nạp 600 đảng viên`);
 * - `level`: a state at a point (`đến năm 2030 tỷ lệ hộ nghèo dưới 2%`). A share (`%`) is a level
 *   whatever period it is stated for (`hằng năm có trên 80% tổ chức đảng hoàn thành tốt nhiệm vụ`)
 *   unless it is a change per year (`giảm 1,5% mỗi năm`); so is a per-capita or per-hectare measure;
 * - `open`: nothing says (no horizon: `đến nay có 12 xã`): meets `level` and `term`, never `annual`.
 */
import type { ItemFields } from "../extract/types.ts";
import { readUnit } from "./figure-units.ts";

export type FigureSpan = "annual" | "term" | "level" | "open";

/** Categories whose figures in `%` are yearly rates even when the text says no `/năm`. */
const YEARLY_RATE_CATEGORIES = new Set(["growth", "sector_growth"]);

/** A figure stated for one year (`trong năm đã kết nạp…`, `cả năm đạt…`). */
const WITHIN_A_YEAR = /(?:^|[\s,;(])(?:trong|cả) năm(?=$|[\s,;:)])/iu;

/** The span of a figure (its effective fields: see `effectiveSnippet`). */
export function spanOf(
  figure: Pick<ItemFields, "unit" | "horizon" | "category" | "direction"> & { text?: string },
): FigureSpan {
  const unit = readUnit(figure.unit);
  if (unit.perYear) return "annual";
  if (unit.perOther) return "level";
  const horizon = figure.horizon?.type;
  if (unit.key === "%") {
    if (figure.category && YEARLY_RATE_CATEGORIES.has(figure.category)) return "annual";
    if (horizon === "annual" && figure.direction) return "annual";
    return horizon ? "level" : "open";
  }
  if (horizon === "annual") return "annual";
  if (!horizon) return WITHIN_A_YEAR.test((figure.text ?? "").normalize("NFC")) ? "annual" : "open";
  return horizon === "year" ? "level" : "term";
}

/** Whether figures of spans `a` and `b` measure the same stretch of time. */
export function spansMeet(a: FigureSpan, b: FigureSpan): boolean {
  if (a === b) return true;
  if (a === "annual" || b === "annual") return false;
  return a === "open" || b === "open";
}
