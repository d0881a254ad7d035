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

interface FoldedPhrase {
  category: string;
  folded: string;
}

const PHRASES: FoldedPhrase[] = CATEGORIES.flatMap((category) =>
  category.phrases.map((phrase) => ({
    category: category.id,
    folded: foldDiacritics(phrase).replace(/\s+/g, " "),
  })),
).sort((a, b) => b.folded.length - a.folded.length);

/** The first word of a folded phrasing (or its first character when it starts with no letter). */
function firstToken(text: string, at: number): string {
  const isWord = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);
  if (!isWord(text[at])) return text[at] ?? "";
  let end = at + 1;
  while (isWord(text[end])) end++;
  return text.slice(at, end);
}

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

const WORD_CHAR = /[a-z0-9]/;

/**
 * Length of `phrase` (single spaces) at `at` in `text`, where any run of white space counts as one
 * space and the spaces around a dash or after a number may be left out (`CN - TTCN` finds `CN-TTCN`,
 * `1 ha` finds `1ha`); -1 if absent.
 */
function matchLength(text: string, at: number, phrase: string): number {
  let i = at;
  for (let j = 0; j < phrase.length; j++) {
    const expected = phrase[j] as string;
    if (expected === " ") {
      // Optional beside a dash, and between a number and its unit (`1 ha` finds `1ha`).
      const optional =
        phrase[j - 1] === "-" ||
        phrase[j + 1] === "-" ||
        (/\d/.test(phrase[j - 1] ?? "") && /[a-z]/.test(phrase[j + 1] ?? ""));
      if (!/\s/.test(text[i] ?? "") && !optional) return -1;
      while (/\s/.test(text[i] ?? "")) i++;
    } else if (text[i] === expected) {
      i++;
    } else {
      return -1;
    }
  }
  return WORD_CHAR.test(text[i] ?? "") ? -1 : i - at;
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
    const c = foldedText[at] as string;
    if (at > 0 && WORD_CHAR.test(c) && WORD_CHAR.test(foldedText[at - 1] as string)) continue;
    const candidates = PHRASES_BY_FIRST_TOKEN.get(firstToken(foldedText, at));
    if (!candidates) continue;
    for (const phrase of candidates) {
      const length = matchLength(foldedText, at, phrase.folded);
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
