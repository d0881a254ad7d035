import { WORD_END, WORD_START } from "../../text/boundaries.ts";
import { dayDeadline, isNotPast, isValidDate, textBefore } from "./calendar.ts";
import type { DeadlineRule } from "./types.ts";

// `trước ngày 15/01/2021`, `chậm nhất ngày 10/12`, `từ nay đến ngày 25/12`,
// `đến hết ngày 30 tháng 6 năm 2021`. A bare date (`Ngày 21/12, … tổ chức`) is
// an event: a trigger word is required.
const TRIGGER =
  "trước|chậm nhất là|chậm nhất|muộn nhất là|muộn nhất|hạn chót là|hạn chót|hạn cuối là|hạn cuối|từ nay đến hết|từ nay đến|từ nay tới|đến hết|đến|tới|xong trước|hoàn thành trước";
const DATE =
  "(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+tháng\\s+)(\\d{1,2})(?:(?:\\s*[/.-]\\s*|\\s+năm\\s+)(\\d{4}))?";

export const dayDateRule: DeadlineRule = {
  name: "deadline.day",
  pattern: new RegExp(
    `${WORD_START}(${TRIGGER})\\s+(?:hết\\s+)?(?:ngày\\s+)?${DATE}(?![\\d/])${WORD_END}`,
    "giu",
  ),
  extract(match, context) {
    const [whole, trigger, dayText, monthText, yearText] = match;
    const start = match.index;
    const before = textBefore(context, start);
    const triggerWord = (trigger as string).toLowerCase();
    // `từ ngày 17 đến 18/8/2020` is a span of an event; `tính đến ngày 30/6` is a reporting date.
    if (/^(?:đến|tới)/.test(triggerWord)) {
      if (
        /(?:từ\s+(?:\d{1,2}\s+giờ\s+)?(?:ngày\s+)?\d{1,2}(?:(?:\s*[/.-]\s*|\s+tháng\s+)\d{1,2})?|tính|tính từ|cho)\s*$/u.test(
          before,
        )
      ) {
        return null;
      }
      if (!/ngày/u.test(whole) && !yearText) return null;
    }
    const day = Number(dayText);
    const month = Number(monthText);
    let year = yearText ? Number(yearText) : context.reference?.year;
    if (year === undefined) return null;
    const yearInferred = !yearText;
    if (!isValidDate(year, month, day)) return null;
    let deadline = dayDeadline(year, month, day, yearInferred);
    if (yearInferred && !isNotPast(deadline, context)) {
      // `từ nay đến ngày 10/01` written in December means next January.
      year += 1;
      deadline = dayDeadline(year, month, day, true);
    }
    if (!isNotPast(deadline, context)) return null;
    return { start, end: start + whole.length, deadline };
  },
};
