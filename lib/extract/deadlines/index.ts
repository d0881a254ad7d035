import type { Steps } from "../../steps.ts";
import { matcher } from "../../text/boundaries.ts";
import { isPlanningYear } from "./calendar.ts";
import { dayDateRule } from "./day-date.ts";
import { halfYearRule, monthRule, quarterRule } from "./month.ts";
import { currentTermEndRule, termEndRule } from "./term-end.ts";
import type { DeadlineContext, DeadlineMatch, DeadlineRule } from "./types.ts";
import { bareYearRule, yearEndRule, yearRule, yearThenVerbRule } from "./year.ts";

/** Deadline rules, most specific first: an earlier rule's span wins an overlap. */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  termEndRule,
  currentTermEndRule,
  dayDateRule,
  halfYearRule,
  quarterRule,
  monthRule,
  yearRule,
  yearThenVerbRule,
  yearEndRule,
  bareYearRule,
];

const MATCHERS = DEADLINE_RULES.map((rule) => matcher(rule.pattern));

export interface FoundDeadline extends DeadlineMatch {
  rule: string;
}

/**
 * Finds every deadline in canonical text, one rule a step (see lib/steps.ts); overlapping matches
 * keep the earlier rule's.
 */
export function* findDeadlineSteps(context: DeadlineContext): Steps<FoundDeadline[]> {
  const found: FoundDeadline[] = [];
  const lower = context.text.toLowerCase();
  for (const [index, rule] of DEADLINE_RULES.entries()) {
    if (rule.needs && !rule.needs.some((word) => lower.includes(word))) continue;
    for (const match of (MATCHERS[index] as (typeof MATCHERS)[number])(context.text)) {
      const result = rule.extract(match, context);
      if (!result || !isPlanningYear(Number(result.deadline.date.slice(0, -6)))) continue;
      if (found.some((f) => f.start < result.end && result.start < f.end)) continue;
      found.push({ ...result, rule: rule.name });
    }
    yield;
  }
  return found.sort((a, b) => a.start - b.start);
}

export type { DeadlineContext } from "./types.ts";
