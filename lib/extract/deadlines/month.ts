import { WORD_START } from "../../text/boundaries.ts";
import { isNotPast, lastDayOfMonth, monthDeadline } from "./calendar.ts";
import type { DeadlineContext, DeadlineMatch, DeadlineRule } from "./types.ts";

// `trong tháng 11/2020` → 2020-11-30; `trước tháng 6/2021` → 2021-05-31;
// `đến hết tháng 12 năm 2021`; `quý I/2021` → 2021-03-31;
// `6 tháng đầu năm 2021` → 2021-06-30.
const TRIGGER =
  "trong|trước|đến hết|đến cuối|đến|chậm nhất trong|chậm nhất là|chậm nhất|hết|ngay trong|từ nay đến hết|từ nay đến";

const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * A deadline at the end of a span of months ending with `lastMonth`; `trước`
 * (before) moves it to the end of the span before (`trước tháng 6` → May).
 */
function monthSpanMatch(
  start: number,
  whole: string,
  trigger: string,
  year: number,
  lastMonth: number,
  spanMonths: number,
  context: DeadlineContext,
): DeadlineMatch | null {
  let month = lastMonth;
  let y = year;
  if (trigger.toLowerCase() === "trước") {
    month -= spanMonths;
    if (month <= 0) {
      month += 12;
      y -= 1;
    }
  }
  const deadline = monthDeadline(y, month);
  if (!isNotPast(deadline, context)) return null;
  return { start, end: start + whole.length, deadline };
}

export const monthRule: DeadlineRule = {
  name: "deadline.month",
  needs: ["tháng"],
  pattern: new RegExp(
    `${WORD_START}(${TRIGGER})\\s+tháng\\s+(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+năm\\s+)(\\d{4})(?![\\d/])`,
    "giu",
  ),
  extract(match, context) {
    const [whole, trigger, monthText, yearText] = match;
    const month = Number(monthText);
    if (month < 1 || month > 12) return null;
    return monthSpanMatch(
      match.index,
      whole,
      trigger as string,
      Number(yearText),
      month,
      1,
      context,
    );
  },
};

export const quarterRule: DeadlineRule = {
  name: "deadline.quarter",
  needs: ["quý"],
  pattern: new RegExp(
    `${WORD_START}(${TRIGGER})\\s+quý\\s+(I{1,3}|IV|[1-4])(?:\\s*[/.-]\\s*|\\s+năm\\s+)(\\d{4})(?![\\d/])`,
    "giu",
  ),
  extract(match, context) {
    const [whole, trigger, quarterText, yearText] = match;
    const key = (quarterText as string).toLowerCase();
    const quarter = ROMAN_QUARTERS[key] ?? Number(key);
    return monthSpanMatch(
      match.index,
      whole,
      trigger as string,
      Number(yearText),
      quarter * 3,
      3,
      context,
    );
  },
};

const MONTH_COUNT_WORDS: Readonly<Record<string, number>> = { ba: 3, sáu: 6, chín: 9 };

// `trong 6 tháng đầu năm 2021` → 2021-06-30; `trong 3 tháng cuối năm` → the end of the article's year.
export const halfYearRule: DeadlineRule = {
  name: "deadline.half-year",
  needs: ["tháng đầu", "tháng cuối"],
  pattern: new RegExp(
    `${WORD_START}(${TRIGGER})\\s+(0?3|0?6|0?9|ba|sáu|chín)\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+(\\d{4}))?(?![\\d/])`,
    "giu",
  ),
  extract(match, context) {
    const [whole, , countText, half, yearText] = match;
    const year = yearText ? Number(yearText) : context.reference?.year;
    if (year === undefined) return null;
    const count =
      MONTH_COUNT_WORDS[(countText as string).toLowerCase()] ?? Number(countText as string);
    const month = (half as string).toLowerCase() === "đầu" ? count : 12;
    const deadline = monthDeadline(year, month);
    if (!isNotPast(deadline, context)) return null;
    return { start: match.index, end: match.index + whole.length, deadline };
  },
};

export { lastDayOfMonth };
