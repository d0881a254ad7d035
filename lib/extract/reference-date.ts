/**
 * The article's date read from its own words, for when the caller gives none: a date line at the
 * top (`Thứ Hai, 07/12/2015, 11:31`, `Cập nhật: 28/09/2022`), else the period a review names in
 * its title or lead (`sơ kết 9 tháng đầu năm 2019` is written after September 2019, `tổng kết năm
 * 2023` at the end of 2023). Dates deadlines without a year and tells past years from later ones.
 */

export interface ReferenceDate {
  year: number;
  month: number;
  day: number;
}

const DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})`;
// A date line: a weekday or a publishing label before the date, or a time after it.
const DATE_LINE = new RegExp(
  String.raw`(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|cập nhật|ngày đăng|đăng ngày|ngày cập nhật|đăng lúc)\s*[:,]?\s*(?:ngày\s+)?${DATE}|${DATE}\s*[,|-]?\s*\d{1,2}\s*[:h]\s*\d{2})`,
  "iu",
);
const MONTH_WORDS: Readonly<Record<string, number>> = { ba: 3, sáu: 6, chín: 9 };
const REVIEW_PERIOD =
  /(?<![\p{L}\p{M}])(?:(\d{1,2}|ba|sáu|chín)\s+tháng(?:\s+đầu)?\s+năm|(?:tổng kết|kết quả)(?:\s+[\p{L}\p{M}]+){0,4}\s+năm)\s+((?:19|20)\d{2})(?!\s*-)/iu;

/** How far into the text a date line or a review period is looked for. */
const HEAD_CHARS = 600;

function validDay(year: number, month: number, day: number): ReferenceDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? { year, month, day }
    : null;
}

/** The article's date from its own head, or null when it names none. */
export function inferReferenceDate(head: string): ReferenceDate | null {
  const text = head.slice(0, HEAD_CHARS);
  const line = DATE_LINE.exec(text);
  if (line) {
    const [day, month, year] = line[1] ? [line[1], line[2], line[3]] : [line[4], line[5], line[6]];
    const date = validDay(Number(year), Number(month), Number(day));
    if (date) return date;
  }
  const period = REVIEW_PERIOD.exec(text);
  if (period) {
    const year = Number(period[2]);
    const months = period[1] ? (MONTH_WORDS[period[1].toLowerCase()] ?? Number(period[1])) : 12;
    // Written once the period is over: the first day of the month after it (or its last month).
    return months >= 12 ? { year, month: 12, day: 1 } : { year, month: months + 1, day: 1 };
  }
  return null;
}
