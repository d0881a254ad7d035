/**
 * A figure's indicator phrase and span: the words before its value, or after it when the value
 * comes first (`100% xã đạt chuẩn nông thôn mới`), or both around a counted unit (`Kết nạp` +
 * `đảng viên` + `mới`); a horizon heading the clause is no indicator.
 */
import { comparatorBefore, trimIndicator } from "../clauses.ts";
import type { ClauseSpan, FigureDraft } from "./types.ts";

export interface FigureIndicator {
  indicator: string;
  /** The indicator's words before the value (empty when none). */
  precedingText: string;
  spanStart: number;
  spanEnd: number;
  /** The comparator word before the value, when it stands in the clause. */
  comparatorWord: ReturnType<typeof comparatorBefore>;
}

const FOLLOWING_STOP = /^\s*(?:so với|trở lên|dân số|Nghị quyết|kế hoạch|mỗi năm|hằng năm|\/)/iu;
const HEAD_HORIZON =
  /^\s*(?:(?:và|trong)\s+)?(?:giai đoạn\s+\d{4}\s*-\s*\d{4}|(?:đến|năm)\s+(?:năm\s+)?\d{4})[\s,:]*/iu;
const COUNTED_UNITS = new Set(["count", "locality-count", "ratio-noun", "people"]);
const MAX_INDICATOR = 90;

/** Cuts `[start, end)` to at most MAX_INDICATOR characters, at a word boundary. */
function wordLimit(text: string, start: number, end: number): number {
  if (end - start <= MAX_INDICATOR) return end;
  const cut = text.lastIndexOf(" ", start + MAX_INDICATOR);
  return cut > start ? cut : start + MAX_INDICATOR;
}

export function figureIndicator(
  text: string,
  draft: FigureDraft,
  clause: ClauseSpan,
): FigureIndicator {
  const { mention, next, previous } = draft;
  // The following noun phrase, when a value comes first (`100% xã đạt chuẩn nông thôn mới`).
  let nextValue = clause.end;
  if (next && next.valueStart < nextValue) nextValue = next.valueStart;
  const following = FOLLOWING_STOP.test(text.slice(mention.end, mention.end + 20))
    ? { start: mention.end, end: mention.end }
    : trimIndicator(text, mention.end, wordLimit(text, mention.end, nextValue), "after");
  let precedingStart = clause.start;
  // A horizon at the head of the clause (`giai đoạn 2026 - 2030 là 13-14%`) is no indicator.
  const headHorizon = HEAD_HORIZON.exec(text.slice(clause.start, mention.valueStart));
  if (headHorizon) precedingStart += headHorizon[0].length;
  const preceding = trimIndicator(text, precedingStart, mention.valueStart);
  const precedingText = text.slice(preceding.start, Math.max(preceding.start, preceding.end));
  const followingText = text.slice(following.start, Math.max(following.start, following.end));
  const precedingWords = precedingText ? precedingText.split(/\s+/).length : 0;

  const found = comparatorBefore(text, mention.valueStart);
  const comparatorWord = found && found.start >= clause.start ? found : null;
  const valueLead = comparatorWord ? comparatorWord.start : mention.valueStart;
  let indicator: string;
  let spanStart = precedingText ? preceding.start : valueLead;
  let spanEnd = mention.end;
  if (COUNTED_UNITS.has(mention.unitKind ?? "")) {
    // `Kết nạp` + `đảng viên` + `mới`; `xã` + `đạt chuẩn nông thôn mới kiểu mẫu`.
    indicator = [
      precedingWords > 0 ? precedingText : "",
      mention.unitNoun ?? "",
      followingText,
    ].join(" ");
    if (followingText) spanEnd = following.end;
  } else if (mention.unitKind === "percent" && followingText && precedingWords <= 2) {
    indicator = followingText;
    spanStart = valueLead;
    spanEnd = following.end;
  } else if (precedingText) {
    indicator = precedingText;
  } else {
    indicator = previous?.figure.indicator ?? "";
  }
  return {
    indicator: indicator.replace(/\s+/g, " ").trim(),
    precedingText,
    spanStart,
    spanEnd,
    comparatorWord,
  };
}
