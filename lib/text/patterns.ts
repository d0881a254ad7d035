/**
 * Warming the engine's patterns up. A regular expression is compiled the first time it runs, and
 * the engine's larger ones (long Unicode-aware, case-insensitive alternations) take milliseconds
 * each: left alone, the first article a page reads would compile dozens of them inside one step.
 * Modules register their module-level patterns here; `warmPatternSteps` compiles them one step
 * each (once per page), before extraction starts.
 */
import type { Steps } from "../steps.ts";

const patterns: RegExp[] = [];
let warmed = 0;

/** A short subject in two-byte characters, like article text (the compiled form depends on it). */
const SAMPLE = "Đạt 1 ệ";

/** Registers module-level patterns for `warmPatternSteps`. */
export function registerPatterns(...list: RegExp[]): void {
  patterns.push(...list);
}

/** Runs each registered pattern not yet run once on a short subject, pausing after each. */
export function* warmPatternSteps(): Steps<void> {
  while (warmed < patterns.length) {
    const pattern = patterns[warmed++] as RegExp;
    const lastIndex = pattern.lastIndex;
    pattern.test(SAMPLE);
    pattern.lastIndex = lastIndex;
    yield;
  }
}
