/**
 * Horizon markers: the words that say when a figure is meant — by a year
 * (`đến năm 2025`), over a period (`giai đoạn 2021 - 2025`), every year
 * (`hằng năm`, `%/năm`), or over the term (`trong nhiệm kỳ`). A figure takes the
 * nearest marker before it in its sentence.
 */

import { matcher, WORD_END, WORD_START } from "../text/boundaries.ts";
import type { FoundDeadline } from "./deadlines/index.ts";
import type { Horizon } from "./types.ts";

export interface HorizonMarker {
  start: number;
  end: number;
  horizon: Horizon;
}

const PERIOD = new RegExp(`${WORD_START}giai đoạn\\s+(\\d{4})\\s*-\\s*(\\d{4})`, "giu");
const ANNUAL = new RegExp(
  `${WORD_START}(?:bình quân hằng năm|bình quân hàng năm|bình quân mỗi năm|bình quân năm|hằng năm|hàng năm|mỗi năm|năm nào cũng)${WORD_END}`,
  "giu",
);
const TERM = new RegExp(
  `${WORD_START}(?:trong nhiệm kỳ|cả nhiệm kỳ|toàn nhiệm kỳ|nhiệm kỳ này|trong 5 năm|trong 05 năm)${WORD_END}`,
  "giu",
);
// The word-start look-behinds checked in code (`matcher`): each search skips ahead to its words.
const findPeriods = matcher(PERIOD);
const findAnnual = matcher(ANNUAL);
const findTerms = matcher(TERM);

export function findHorizonMarkers(
  text: string,
  deadlines: readonly FoundDeadline[],
): HorizonMarker[] {
  const markers: HorizonMarker[] = [];
  for (const d of deadlines) {
    if (d.deadline.precision === "year") {
      markers.push({
        start: d.start,
        end: d.end,
        horizon: { type: "year", year: Number(d.deadline.date.slice(0, 4)) },
      });
    }
  }
  for (const m of findPeriods(text)) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (to > from) {
      markers.push({
        start: m.index as number,
        end: (m.index as number) + m[0].length,
        horizon: { type: "period", from, to },
      });
    }
  }
  for (const m of findAnnual(text)) {
    markers.push({
      start: m.index as number,
      end: (m.index as number) + m[0].length,
      horizon: { type: "annual" },
    });
  }
  for (const m of findTerms(text)) {
    markers.push({
      start: m.index as number,
      end: (m.index as number) + m[0].length,
      horizon: { type: "term" },
    });
  }
  return markers.sort((a, b) => a.start - b.start);
}
