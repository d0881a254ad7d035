/**
 * A figure's comparator, direction of change and horizon, each from the words around its value.
 */

import { allMatches } from "../../text/matches.ts";
import type { Sentence } from "../../text/sentences.ts";
import type { HorizonMarker } from "../horizons.ts";
import type { QuantityMention } from "../quantities.ts";
import type { Comparator, Direction, Horizon } from "../types.ts";
import type { FigureIndicator } from "./indicator.ts";
import type { ClauseSpan } from "./types.ts";

const DIRECTION = /(tăng|giảm)(?![\p{L}\p{M}])/giu;
const AVERAGE = /bình quân/iu;

/** A range; else `trở lên` / `trở xuống` after the value; else a comparator word before it; else `=`. */
export function figureComparator(
  mention: QuantityMention,
  comparatorWord: FigureIndicator["comparatorWord"],
): Comparator {
  if (mention.isRange) return "range";
  return mention.comparatorAfter ?? comparatorWord?.comparator ?? "=";
}

/** The last `tăng` / `giảm` in the clause within 40 characters before the value. */
export function figureDirection(
  text: string,
  mention: QuantityMention,
  clause: ClauseSpan,
): Direction | null {
  let direction: Direction | null = null;
  const before = text.slice(Math.max(clause.start, mention.valueStart - 40), mention.valueStart);
  for (const m of allMatches(DIRECTION, before)) {
    direction = (m[1] as string).toLowerCase() === "tăng" ? "increase" : "decrease";
  }
  return direction;
}

/** The nearest horizon marker before the value in its sentence, else the first after it in its clause. */
function markerHorizon(
  markers: readonly HorizonMarker[],
  sentence: Sentence,
  valueStart: number,
  clauseEndAt: number,
): Horizon | null {
  // Markers are sorted by start: find the first one in the sentence, then walk.
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((markers[mid] as HorizonMarker).start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let best: HorizonMarker | null = null;
  for (let i = lo; i < markers.length; i++) {
    const m = markers[i] as HorizonMarker;
    if (m.start >= sentence.end) break;
    if (m.end <= valueStart) best = m;
    else if (!best && m.start >= valueStart && m.end <= clauseEndAt) return m.horizon;
  }
  return best?.horizon ?? null;
}

/** A marker's horizon; else every year for a per-year unit or an average percentage. */
export function figureHorizon(
  text: string,
  markers: readonly HorizonMarker[],
  sentence: Sentence,
  mention: QuantityMention,
  clause: ClauseSpan,
  unit: string | null,
): Horizon | null {
  const horizon = markerHorizon(markers, sentence, mention.valueStart, clause.end);
  if (horizon) return horizon;
  if (unit && /\/\s*năm$/.test(unit)) return { type: "annual" };
  if (unit?.startsWith("%") && AVERAGE.test(text.slice(clause.start, mention.valueStart)))
    return { type: "annual" };
  return null;
}
