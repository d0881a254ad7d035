/**
 * The indicator taxonomy: one category per indicator, each with its Vietnamese
 * phrasings, so the same indicator in two localities lines up side by side.
 */
import { escapeRegExp } from "../text/boundaries.ts";
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

// One alternation over all phrasings, longest first; whole words on folded text.
const PHRASE_PATTERN = new RegExp(
  PHRASES.map(
    (p) =>
      `${/^[a-z0-9]/.test(p.folded) ? "(?<![a-z0-9])" : ""}${escapeRegExp(p.folded).replace(/ /g, "\\s+")}(?![a-z0-9])`,
  ).join("|"),
  "y",
);
const categoryOfFolded = new Map(PHRASES.map((p) => [p.folded, p.category]));

export interface CategoryMatch {
  category: string;
  /** Offsets in the searched text. */
  start: number;
  end: number;
}

/**
 * Every taxonomy phrasing in `foldedText` (diacritic-folded, same length as the
 * text it was folded from), leftmost-longest, without overlaps.
 */
export function findCategoryPhrases(foldedText: string): CategoryMatch[] {
  const found: CategoryMatch[] = [];
  // The longest phrasing at every word start, so that overlapping phrasings
  // (`xa dat chuan nong thon moi` / `dat chuan nong thon moi nang cao`) all count.
  for (let at = 0; at < foldedText.length; at++) {
    const inWord = /[a-z0-9]/;
    if (
      at > 0 &&
      inWord.test(foldedText[at] as string) &&
      inWord.test(foldedText[at - 1] as string)
    )
      continue;
    PHRASE_PATTERN.lastIndex = at;
    const match = PHRASE_PATTERN.exec(foldedText);
    if (!match) continue;
    const category = categoryOfFolded.get(match[0].replace(/\s+/g, " "));
    if (category) found.push({ category, start: at, end: at + match[0].length });
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
