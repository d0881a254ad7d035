import type { Deadline } from "../types.ts";
import type { DeadlineContext } from "./types.ts";

const pad = (n: number) => String(n).padStart(2, "0");

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function dayDeadline(
  year: number,
  month: number,
  day: number,
  yearInferred = false,
): Deadline {
  return {
    date: isoDate(year, month, day),
    precision: "day",
    ...(yearInferred ? { yearInferred: true } : {}),
  };
}

export function monthDeadline(year: number, month: number): Deadline {
  return { date: isoDate(year, month, lastDayOfMonth(year, month)), precision: "month" };
}

export function yearDeadline(year: number): Deadline {
  return { date: isoDate(year, 12, 31), precision: "year" };
}

/** A plausible planning year: not a count, not a typo like `202`. */
export function isPlanningYear(year: number): boolean {
  return year >= 1990 && year <= 2100;
}

/**
 * A deadline lies on or after the article's date: an earlier date written after
 * `đến`/`trong` reports what happened, it does not set a limit.
 */
export function isNotPast(deadline: Deadline, context: DeadlineContext): boolean {
  const ref = context.reference;
  if (!ref) return true;
  return deadline.date >= isoDate(ref.year, ref.month, ref.day).slice(0, deadline.date.length);
}

/** Text just before `index`, for look-behind checks that a RegExp cannot express cheaply. */
export function textBefore(context: DeadlineContext, index: number, length = 40): string {
  return context.text.slice(Math.max(0, index - length), index).toLowerCase();
}
