/**
 * The indicator taxonomy: one category per indicator, each with its Vietnamese
 * phrasings, so the same indicator in two localities lines up side by side.
 */
import { foldDiacritics } from "../text/fold.ts";
import data from "./indicators.json" with { type: "json" };

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
}

const PHRASES: FoldedPhrase[] = CATEGORIES.flatMap((category) =>
  category.phrases.map((phrase) => ({
    category: category.id,
    folded: foldDiacritics(phrase).replace(/\s+/g, " "),
  })),
).sort((a, b) => b.folded.length - a.folded.length);

/**
 * The rest of the phrasings after their first word, as a trie: one walk along the text finds every
 * phrasing that goes on there, instead of comparing the phrasings one by one.
 */
interface PhraseNode {
  /** The phrasing's character this node stands for (the first word's last one at the root). */
  char: number;
  children: Map<number, PhraseNode>;
  /** Index in `PHRASES` of the phrasing that ends here (-1: none). */
  phrase: number;
}

const newNode = (char: number): PhraseNode => ({ char, children: new Map(), phrase: -1 });

// The trie of each first word: at each word start only the phrasings that begin with the text's
// word there are followed (no regex over every phrasing at every position).
const TRIES_BY_FIRST_TOKEN = new Map<string, PhraseNode>();
for (const [index, phrase] of PHRASES.entries()) {
  const key = firstToken(phrase.folded, 0);
  let node: PhraseNode = TRIES_BY_FIRST_TOKEN.get(key) ?? newNode(key.charCodeAt(key.length - 1));
  TRIES_BY_FIRST_TOKEN.set(key, node);
  for (let j = key.length; j < phrase.folded.length; j++) {
    const char = phrase.folded.charCodeAt(j);
    let child: PhraseNode | undefined = node.children.get(char);
    if (!child) {
      child = newNode(char);
      node.children.set(char, child);
    }
    node = child;
  }
  // Sorted longest first: the first phrasing to end at a node is the one to keep.
  if (node.phrase < 0) node.phrase = index;
}

/** The first two characters of every first word of two characters or more (folded: ASCII). */
const FIRST_PAIRS = new Uint8Array(128 * 128);
for (const key of TRIES_BY_FIRST_TOKEN.keys())
  if (key.length >= 2) FIRST_PAIRS[(key.charCodeAt(0) & 127) * 128 + (key.charCodeAt(1) & 127)] = 1;

/** The trie of the phrasings whose first word is the word at `at` (ending at `end`), if any. */
function trieAt(text: string, at: number, end: number): PhraseNode | undefined {
  // Most words begin no phrasing: their first two letters tell, without cutting the word out.
  if (
    end - at >= 2 &&
    !FIRST_PAIRS[(text.charCodeAt(at) & 127) * 128 + (text.charCodeAt(at + 1) & 127)]
  )
    return undefined;
  return TRIES_BY_FIRST_TOKEN.get(text.slice(at, end));
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
function walk(text: string, node: PhraseNode, i: number, best: Best): void {
  if (node.phrase >= 0 && (best.phrase < 0 || node.phrase < best.phrase)) {
    if (!isWordCode(text.charCodeAt(i))) {
      best.phrase = node.phrase;
      best.end = i;
    }
  }
  const code = text.charCodeAt(i);
  const next = node.children.get(code);
  if (next && code !== 32) walk(text, next, i + 1, best);
  const space = node.children.get(32);
  if (!space) return;
  if (isSpaceCode(code)) {
    let j = i + 1;
    while (isSpaceCode(text.charCodeAt(j))) j++;
    const after = space.children.get(text.charCodeAt(j));
    if (after) walk(text, after, j + 1, best);
  } else {
    const after = space.children.get(code);
    if (after && spaceIsOptional(node.char, after.char)) walk(text, after, i + 1, best);
  }
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
    const end = tokenEnd(foldedText, at);
    const trie = trieAt(foldedText, at, end);
    if (!trie) continue;
    const best: Best = { phrase: -1, end: at };
    walk(foldedText, trie, end, best);
    if (best.phrase >= 0 && best.end > at)
      found.push({
        category: (PHRASES[best.phrase] as FoldedPhrase).category,
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
