/**
 * Unicode-aware word boundaries. JavaScript's `\b` is ASCII-only even with the
 * `u` flag (`/\bđến/u.test("đến")` is false), so patterns use these lookarounds.
 */
export const WORD_START = "(?<![\\p{L}\\p{M}\\p{N}])";
export const WORD_END = "(?![\\p{L}\\p{M}\\p{N}])";

/** Wraps an alternation so that it only matches whole words. */
export function wholeWords(alternation: string): string {
  return `${WORD_START}(?:${alternation})${WORD_END}`;
}

/** Escapes a literal string for use inside a RegExp source. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern source for a phrase: spaces match one or more spaces. */
export function phrasePattern(phrase: string): string {
  return escapeRegExp(phrase.trim()).replace(/\s+/g, "\\s+");
}

/** Builds a whole-word alternation from a list of phrases, longest first. */
export function phraseAlternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(phrasePattern)
    .join("|");
}
