import { WORD_START } from "../../text/boundaries.ts";
import { isNotPast, lastDayOfMonth, monthDeadline } from "./calendar.ts";
import type { DeadlineRule } from "./types.ts";

// `trong tháng 11/2020` → 2020-11-30; `trước tháng 6/2021` → 2021-05-31;
// `đến hết tháng 12 năm 2021`; `quý I/2021` → 2021-03-31;
// `6 tháng đầu năm 2021` → 2021-06-30.
const TRIGGER =
  "trong|trước|đến hết|đến cuối|đến|chậm nhất trong|chậm nhất là|chậm nhất|hết|ngay trong|từ nay đến hết|từ nay đến";

const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

export const monthRule: DeadlineRule = {
  name: "deadline.month",
  needs: ["tháng"],
  pattern: new RegExp(
    `${WORD_START}(${TRIGGER})\\s+tháng\\s+(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+năm\\s+)(\\d{4})(?![\\d/])`,
    "giu",
  ),
  extract(match, context) {
    const [whole, trigger, monthText, yearText] = match;
    let month = Number(monthText);
    let year = Number(yearText);
    if (month < 1 || month > 12) return null;
    if ((trigger as string).toLowerCase() === "trước") {
      month -= 1;
      if (month === 0) {
        month = 12;
        year -= 1;
      }
    }
    const deadline = monthDeadline(year, month);
    if (!isNotPast(deadline, context)) return null;
    return { start: match.index, end: match.index + whole.length, deadline };
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
    let year = Number(yearText);
    let month = quarter * 3;
    if ((trigger as string).toLowerCase() === "trước") {
      month -= 3;
      if (month === 0) {
        month = 12;
        year -= 1;
      }
    }
    const deadline = monthDeadline(year, month);
    if (!isNotPast(deadline, context)) return null;
    return { start: match.index, end: match.index + whole.length, deadline };
  },
};

export const halfYearRule: DeadlineRule = {
  name: "deadline.half-year",
  needs: ["tháng đầu", "tháng cuối"],
  pattern: new RegExp(
    `${WORD_START}(${TRIGGER})\\s+(?:0?6\\s+tháng|sáu\\s+tháng)\\s+(đầu|cuối)\\s+năm\\s+(\\d{4})(?![\\d/])`,
    "giu",
  ),
  extract(match, context) {
    const [whole, , half, yearText] = match;
    const year = Number(yearText);
    const month = (half as string).toLowerCase() === "đầu" ? 6 : 12;
    const deadline = monthDeadline(year, month);
    if (!isNotPast(deadline, context)) return null;
    return { start: match.index, end: match.index + whole.length, deadline };
  },
};

export { lastDayOfMonth };
