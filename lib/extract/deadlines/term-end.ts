import { WORD_START } from "../../text/boundaries.ts";
import { allMatches } from "../../text/matches.ts";
import { isNotPast, isPlanningYear, yearDeadline } from "./calendar.ts";
import type { DeadlineContext, DeadlineRule } from "./types.ts";

// `từ nay đến hết nhiệm kỳ 2020 - 2025`, `đến cuối nhiệm kỳ 2020-2025` → end of 2025.
// A term on its own (`nhiệm kỳ 2020 - 2025`) is no deadline.
export const termEndRule: DeadlineRule = {
  name: "deadline.term-end",
  needs: ["nhiệm kỳ"],
  pattern: new RegExp(
    `${WORD_START}(?:từ nay\\s+)?(?:đến|tới)\\s+(?:hết|cuối)\\s+nhiệm\\s+kỳ\\s+(\\d{4})\\s*-\\s*(\\d{4})`,
    "giu",
  ),
  extract(match, context) {
    const last = Number(match[2]);
    if (!isPlanningYear(last)) return null;
    const deadline = yearDeadline(last);
    if (!isNotPast(deadline, context)) return null;
    return { start: match.index, end: match.index + match[0].length, deadline };
  },
};

const TERM = /nhiệm\s+kỳ\s+(\d{4})\s*-\s*(\d{4})/giu;

/** The term the article speaks in: the one that holds its date, else the last one it names. */
function currentTermEnd(context: DeadlineContext): number | null {
  let latest: number | null = null;
  const year = context.reference?.year ?? null;
  for (const m of allMatches(TERM, context.text)) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (!isPlanningYear(to) || to <= from) continue;
    if (year !== null && from <= year && year <= to) return to;
    if (latest === null || to > latest) latest = to;
  }
  return latest;
}

// `từ nay đến hết nhiệm kỳ`, `đến cuối nhiệm kỳ` without years: the end of the article's term.
export const currentTermEndRule: DeadlineRule = {
  name: "deadline.term-end-current",
  needs: ["nhiệm kỳ"],
  pattern: new RegExp(
    `${WORD_START}(?:từ nay\\s+)?(?:đến|tới)\\s+(?:hết|cuối)\\s+nhiệm\\s+kỳ(?!\\s*(?:này\\s+)?\\(?\\d)(?![\\p{L}\\p{M}])`,
    "giu",
  ),
  extract(match, context) {
    const last = currentTermEnd(context);
    if (last === null) return null;
    const deadline = yearDeadline(last);
    if (!isNotPast(deadline, context)) return null;
    return { start: match.index, end: match.index + match[0].length, deadline };
  },
};
