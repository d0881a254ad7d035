import type { Deadline } from "../types.ts";

/** What a deadline rule knows besides its match. */
export interface DeadlineContext {
  /** The canonical text being searched. */
  text: string;
  /** The article's date: dates without a year take its year; earlier dates are events, not deadlines. */
  reference: { year: number; month: number; day: number } | null;
  /** The mode of the clause at a text offset (target or result), when known. */
  modeAt?: (index: number) => "target" | "result" | null;
}

export interface DeadlineMatch {
  start: number;
  end: number;
  deadline: Deadline;
}

/** One deadline rule: a pattern and what a match of it means (or `null` to reject it). */
export interface DeadlineRule {
  name: string;
  pattern: RegExp;
  /** Lower-case words of which at least one must occur for the rule to match at all (a cheap pre-check). */
  needs?: readonly string[];
  extract(match: RegExpExecArray, context: DeadlineContext): DeadlineMatch | null;
}
