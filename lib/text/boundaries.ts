/**
 * Unicode-aware word boundaries. JavaScript's `\b` is ASCII-only even with the
 * `u` flag (`/\bđến/u.test("đến")` is false), so patterns use these lookarounds.
 */
import { allMatches } from "./matches.ts";

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

/** A letter, mark or digit ends the text (the last code point, astral ones included). */
const ENDS_IN_WORD_CHARACTER = /[\p{L}\p{M}\p{N}]$/u;

/** Whether `index` in `text` is a word start: no letter, mark or digit right before it. */
export function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.charCodeAt(index - 1);
  // ASCII, the usual case, by code: its letters and digits are the only word characters in it.
  if (before < 0x80) return !isAsciiLetterOrDigit(before);
  return !ENDS_IN_WORD_CHARACTER.test(text.slice(Math.max(0, index - 2), index));
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * The matches of a global `pattern` in `text` that begin at a word start: what a leading
 * `WORD_START` look-behind gives, checked in code instead. A pattern that opens with a look-behind
 * is tried at every position of the text; one that opens with its words lets the engine skip ahead
 * to where they can begin, several times faster on long texts.
 */
export function matchAllAtWordStart(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (isWordStart(text, m.index)) matches.push(m);
    else pattern.lastIndex = m.index + 1;
    // An empty match would not move on by itself.
    if (m[0].length === 0 && pattern.lastIndex === m.index) pattern.lastIndex++;
  }
  return matches;
}

/**
 * Whether a pattern source has a `|` outside every group and character class (a top-level
 * alternation, which a prefix would bind to the first branch only).
 */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

/** Words and spaces only, `|` between alternatives: a group the opening words can be read from. */
const PLAIN_ALTERNATIVES =
  /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*(?:\|[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*)*$/u;

/**
 * The words every match of `source` opens with, when it opens with a group of plain alternatives
 * (`(trong|đến hết|chậm nhất là)\s+…`, not made optional): each alternative's first word. Null
 * when the source opens otherwise.
 */
function openingWords(source: string): string[] | null {
  const open = source.startsWith("(?:") ? 3 : source.startsWith("(") && source[1] !== "?" ? 1 : 0;
  if (open === 0) return null;
  const close = source.indexOf(")", open);
  if (close < 0 || "?*{".includes(source[close + 1] ?? "")) return null;
  const group = source.slice(open, close);
  if (!PLAIN_ALTERNATIVES.test(group)) return null;
  return [...new Set(group.split("|").map((alternative) => alternative.split(" ")[0] as string))];
}

/**
 * The matches of a global `pattern` (its `WORD_START` left out) that begin at a word start, found
 * by trying `sticky` (the pattern with the `y` flag) only where one of its opening words begins a
 * word: `openers` (the opening words, same flags) finds those places. Same matches as
 * `matchAllAtWordStart`: a match there must begin with an opening word at a word start, and an
 * opening word (letters only) never covers the start of the word after it, so the search for them
 * passes over no such place.
 */
function matchAllFromOpeners(openers: RegExp, sticky: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let from = 0;
  openers.lastIndex = 0;
  for (let o = openers.exec(text); o !== null; o = openers.exec(text)) {
    const at = o.index;
    if (at < from || !isWordStart(text, at)) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m === null) continue;
    matches.push(m);
    from = at + Math.max(1, m[0].length);
  }
  sticky.lastIndex = 0;
  return matches;
}

/**
 * A function that finds every match of a global `pattern` in a text, as `matchAll` would. When the
 * pattern opens with `WORD_START` (and has no top-level alternation after it), the look-behind is
 * left out of the compiled pattern and checked in code (`matchAllAtWordStart`): same matches,
 * found several times faster. When it then opens with a group of plain words, the pattern is only
 * tried where one of their first words begins a word (`matchAllFromOpeners`).
 */
export function matcher(pattern: RegExp): (text: string) => RegExpExecArray[] {
  if (!pattern.global) throw new Error(`matcher needs a global pattern: ${pattern}`);
  const rest = pattern.source.startsWith(WORD_START)
    ? pattern.source.slice(WORD_START.length)
    : null;
  if (rest !== null && !hasTopLevelAlternation(rest)) {
    const words = openingWords(rest);
    if (words) {
      const openers = new RegExp(words.map(escapeRegExp).join("|"), pattern.flags);
      const sticky = new RegExp(rest, `${pattern.flags}y`);
      return (text) => matchAllFromOpeners(openers, sticky, text);
    }
    const stripped = new RegExp(rest, pattern.flags);
    return (text) => matchAllAtWordStart(stripped, text);
  }
  return (text) => allMatches(pattern, text);
}
