/**
 * The indicator taxonomy: one category per indicator, each with its Vietnamese
 * phrasings, so the same indicator in two localities lines up side by side.
 */
import { foldDiacritics } from "../text/fold.ts";
import { isWhiteSpaceCode } from "../text/white-space.ts";
import data from "./indicators.json" with { type: "json" };
import { buildPhraseTrie, childOf, type PhraseTrie, ROOT } from "./phrase-trie.ts";

/**
 * The group a category's row sits in, in the order resolutions list them: kinh tế; văn hóa - xã
 * hội và môi trường; quốc phòng - an ninh; xây dựng Đảng và hệ thống chính trị; the resolution as a
 * whole (indicators met, share of the resolution reached).
 */
export type CategoryGroup = "economy" | "society" | "defence" | "party" | "overall";

export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  "economy",
  "society",
  "defence",
  "party",
  "overall",
];

export interface IndicatorCategory {
  id: string;
  group: CategoryGroup;
  /** Vietnamese label. */
  vi: string;
  /** English label. */
  en: string;
  phrases: string[];
}

export const CATEGORIES: readonly IndicatorCategory[] = data.categories as IndicatorCategory[];

const byId = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: string): IndicatorCategory | undefined {
  return byId.get(id);
}

/** A folded word character: `a`–`z` or `0`–`9` (the text is diacritic-folded). */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
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
}

/** The phrasings, their trie and the first-word tables that `findCategoryPhrases` searches with. */
interface PhraseIndex {
  /** Longest first. */
  phrases: FoldedPhrase[];
  /** The phrasings as one trie (lib/taxonomy/phrase-trie.ts), their first words paths like the rest. */
  trie: PhraseTrie;
  /** The first two characters of every first word of two characters or more (folded: ASCII). */
  firstPairs: Uint8Array;
  /** The ASCII characters that are a first word on their own (`%`, `-` …). */
  firstSingles: Uint8Array;
}

function buildPhraseIndex(): PhraseIndex {
  const phrases: FoldedPhrase[] = CATEGORIES.flatMap((category) =>
    category.phrases.map((phrase) => ({
      category: category.id,
      folded: foldDiacritics(phrase).replace(/\s+/g, " "),
    })),
  ).sort((a, b) => b.folded.length - a.folded.length);
  const trie = buildPhraseTrie(
    phrases.map((phrase) => phrase.folded),
    (folded) => tokenEnd(folded, 0),
  );
  const firstPairs = new Uint8Array(128 * 128);
  const firstSingles = new Uint8Array(128);
  for (const { folded } of phrases) {
    const key = firstToken(folded, 0);
    if (key.length >= 2)
      firstPairs[(key.charCodeAt(0) & 127) * 128 + (key.charCodeAt(1) & 127)] = 1;
    else if (key.charCodeAt(0) < 128) firstSingles[key.charCodeAt(0)] = 1;
  }
  return { phrases, trie, firstPairs, firstSingles };
}

let phraseIndexBuilt: PhraseIndex | null = null;

/**
 * Built on first use, not when the module loads: the article tools load this module for the
 * categories' names, and building the trie would lengthen the task that starts them on the page.
 */
function phraseIndex(): PhraseIndex {
  phraseIndexBuilt ??= buildPhraseIndex();
  return phraseIndexBuilt;
}

/**
 * The node where the phrasings whose first word is the word at `at` (ending at `end`) go on, or -1
 * when no phrasing begins with it.
 */
function trieAt(index: PhraseIndex, text: string, at: number, end: number): number {
  const { trie, firstPairs, firstSingles } = index;
  // Most words begin no phrasing: their first two letters tell, without following the word; so
  // does a table for the spaces and marks between words.
  if (end - at >= 2) {
    if (!firstPairs[(text.charCodeAt(at) & 127) * 128 + (text.charCodeAt(at + 1) & 127)]) return -1;
  } else {
    const code = text.charCodeAt(at);
    if (code < 128 && !firstSingles[code]) return -1;
  }
  let node = ROOT;
  for (let i = at; i < end && node >= 0; i++) node = childOf(trie, node, text.charCodeAt(i));
  return node >= 0 && trie.firstWordEnd[node] === 1 ? node : -1;
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;
const isLetterCode = (code: number) => code >= 97 && code <= 122;

/**
 * Whether a phrasing's space between `before` and `after` may be left out in the text: beside a
 * dash (`CN - TTCN` finds `CN-TTCN`) or between a number and a letter (`1 ha` finds `1ha`).
 */
const spaceIsOptional = (before: number, after: number) =>
  before === 45 || after === 45 || (isDigitCode(before) && isLetterCode(after));

export interface CategoryMatch {
  category: string;
  /** Offsets in the searched text. */
  start: number;
  end: number;
}

/** The best phrasing found so far at one position: the lowest index (longest first), its end. */
interface Best {
  phrase: number;
  end: number;
}

/**
 * Follows the trie from `node` along `text` from `i`, where any run of white space counts as one
 * space and optional spaces may be left out, keeping the lowest-index phrasing that ends at a word's
 * end in `best`.
 */
function walk(trie: PhraseTrie, text: string, node: number, i: number, best: Best): void {
  const phrase = trie.phrase[node] as number;
  if (phrase >= 0 && (best.phrase < 0 || phrase < best.phrase)) {
    if (!isWordCode(text.charCodeAt(i))) {
      best.phrase = phrase;
      best.end = i;
    }
  }
  const code = text.charCodeAt(i);
  const next = childOf(trie, node, code);
  if (next >= 0 && code !== 32) walk(trie, text, next, i + 1, best);
  const space = trie.space[node] as number;
  if (space < 0) return;
  if (isWhiteSpaceCode(code)) {
    let j = i + 1;
    while (isWhiteSpaceCode(text.charCodeAt(j))) j++;
    const after = childOf(trie, space, text.charCodeAt(j));
    if (after >= 0) walk(trie, text, after, j + 1, best);
  } else {
    const after = childOf(trie, space, code);
    if (after >= 0 && spaceIsOptional(trie.char[node] as number, trie.char[after] as number))
      walk(trie, text, after, i + 1, best);
  }
}

/**
 * Every taxonomy phrasing in `foldedText` (diacritic-folded, same length as the
 * text it was folded from): the longest phrasing at every word start, so that
 * overlapping phrasings (`xa dat chuan nong thon moi` / `dat chuan nong thon moi
 * nang cao`) all count.
 */
export function findCategoryPhrases(foldedText: string): CategoryMatch[] {
  const index = phraseIndex();
  const found: CategoryMatch[] = [];
  for (let at = 0; at < foldedText.length; at++) {
    const code = foldedText.charCodeAt(at);
    if (at > 0 && isWordCode(code) && isWordCode(foldedText.charCodeAt(at - 1))) continue;
    const end = tokenEnd(foldedText, at);
    const node = trieAt(index, foldedText, at, end);
    if (node < 0) continue;
    const best: Best = { phrase: -1, end: at };
    walk(index.trie, foldedText, node, end, best);
    if (best.phrase >= 0 && best.end > at)
      found.push({
        category: (index.phrases[best.phrase] as FoldedPhrase).category,
        start: at,
        end: best.end,
      });
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
