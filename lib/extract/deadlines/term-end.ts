import { WORD_START } from "../../text/boundaries.ts";
import { isNotPast, isPlanningYear, yearDeadline } from "./calendar.ts";
import type { DeadlineRule } from "./types.ts";

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
