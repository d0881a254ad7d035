/**
 * The indicator taxonomy: one category per indicator, each with its Vietnamese
 * phrasings, so the same indicator in two localities lines up side by side.
 */
import { foldDiacritics } from "../text/fold.ts";
import data from "./indicators.json" with { type: "json" };

export interface IndicatorCategory {
  id: string;
  /** Vietnamese label. */
  vi: string;
  /** English label. */
  en: string;
  phrases: string[];
}

export const CATEGORIES: readonly IndicatorCategory[] = data.categories;

const byId = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: string): IndicatorCategory | undefined {
  return byId.get(id);
}

/** A folded word character: `a`–`z` or `0`–`9` (the text is diacritic-folded). */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** White space as `\s` reads it, by character code (no regex per character). */
function isSpaceCode(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** End of the word that starts at `at` in `text` (`at + 1` when it starts with no word character). */
function tokenEnd(text: string, at: number): number {
  if (!isWordCode(text.charCodeAt(at))) return at + 1;
  let end = at + 1;
  while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
  return end;
}

/** The first word of a folded phrasing (or its first character when it starts with no letter). */
function firstToken(text: string, at: number): string {
  return text.slice(at, tokenEnd(text, at));
}

interface FoldedPhrase {
  category: string;
  folded: string;
  /** Per space of `folded`: whether the text may leave it out (beside a dash, number then letter). */
  optionalSpace: boolean[];
}

const optionalSpaces = (phrase: string) =>
  Array.from(
    { length: phrase.length },
    (_, j) =>
      phrase[j] === " " &&
      (phrase[j - 1] === "-" ||
        phrase[j + 1] === "-" ||
        (/\d/.test(phrase[j - 1] ?? "") && /[a-z]/.test(phrase[j + 1] ?? ""))),
  );

const PHRASES: FoldedPhrase[] = CATEGORIES.flatMap((category) =>
  category.phrases.map((phrase) => {
    const folded = foldDiacritics(phrase).replace(/\s+/g, " ");
    return { category: category.id, folded, optionalSpace: optionalSpaces(folded) };
  }),
).sort((a, b) => b.folded.length - a.folded.length);

// Phrasings by their first word, longest first: at each word start only the phrasings that begin
// with that word are compared (no regex over every phrasing at every position).
const PHRASES_BY_FIRST_TOKEN = new Map<string, FoldedPhrase[]>();
for (const phrase of PHRASES) {
  const key = firstToken(phrase.folded, 0);
  const list = PHRASES_BY_FIRST_TOKEN.get(key);
  if (list) list.push(phrase);
  else PHRASES_BY_FIRST_TOKEN.set(key, [phrase]);
}

export interface CategoryMatch {
  category: string;
  /** Offsets in the searched text. */
  start: number;
  end: number;
}

/**
 * Length of `phrase` (single spaces) at `at` in `text`, where any run of white space counts as one
 * space and the spaces around a dash or after a number may be left out (`CN - TTCN` finds `CN-TTCN`,
 * `1 ha` finds `1ha`); -1 if absent.
 */
function matchLength(text: string, at: number, phrase: FoldedPhrase): number {
  const { folded, optionalSpace } = phrase;
  let i = at;
  for (let j = 0; j < folded.length; j++) {
    const expected = folded.charCodeAt(j);
    if (expected === 32) {
      if (!isSpaceCode(text.charCodeAt(i)) && !optionalSpace[j]) return -1;
      while (isSpaceCode(text.charCodeAt(i))) i++;
    } else if (text.charCodeAt(i) === expected) {
      i++;
    } else {
      return -1;
    }
  }
  return isWordCode(text.charCodeAt(i)) ? -1 : i - at;
}

/**
 * Every taxonomy phrasing in `foldedText` (diacritic-folded, same length as the
 * text it was folded from): the longest phrasing at every word start, so that
 * overlapping phrasings (`xa dat chuan nong thon moi` / `dat chuan nong thon moi
 * nang cao`) all count.
 */
export function findCategoryPhrases(foldedText: string): CategoryMatch[] {
  const found: CategoryMatch[] = [];
  for (let at = 0; at < foldedText.length; at++) {
    const code = foldedText.charCodeAt(at);
    if (at > 0 && isWordCode(code) && isWordCode(foldedText.charCodeAt(at - 1))) continue;
    const candidates = PHRASES_BY_FIRST_TOKEN.get(firstToken(foldedText, at));
    if (!candidates) continue;
    for (const phrase of candidates) {
      const length = matchLength(foldedText, at, phrase);
      if (length > 0) {
        found.push({ category: phrase.category, start: at, end: at + length });
        break;
      }
    }
  }
  return found;
}

/** The category of an indicator phrase: its longest phrasing, the earliest on a tie. */
export function categorize(phrase: string): string | null {
  const matches = findCategoryPhrases(foldDiacritics(phrase));
  let best: CategoryMatch | null = null;
  for (const m of matches) {
    if (!best || m.end - m.start > best.end - best.start) best = m;
  }
  return best?.category ?? null;
}
