/**
 * Where a search's words are in a text, so that the collection can show and mark them: search
 * compares folded text (no case, no diacritics), and the marks are put back on the text as
 * written (`bao hiem` marks `bảo hiểm`). Plain offsets only: the interface builds `<mark>`
 * elements and text nodes from them, never HTML.
 */
import { foldsToNothing, foldWithOffsets } from "./search-fold.ts";

/** A stretch of a text, in UTF-16 code units: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `word` occurs in `folded`: every occurrence, and those that start a word. */
function occurrences(folded: string, word: string): { all: number[]; starts: number[] } {
  const all: number[] = [];
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) all.push(at);
  const starts = all.filter((at) => at === 0 || !WORD_CHAR.test(folded[at - 1] ?? ""));
  return { all, starts };
}

/**
 * Where the folded `words` (from `queryWords`) occur in `text`, sorted, overlaps merged. A word is
 * marked where it starts a word of the text (`y` in `y tế`, not in `quy`); the words in `inside`
 * are marked inside words too (search matches them there: see `wordsStartingNowhere`).
 */
export function matchSpans(
  text: string,
  words: readonly string[],
  inside: readonly string[] = [],
): Span[] {
  if (!text || words.length === 0) return [];
  const { folded, offsets } = foldWithOffsets(text);
  const spans: Span[] = [];
  for (const word of words) {
    if (!word) continue;
    const found = occurrences(folded, word);
    for (const at of inside.includes(word) ? found.all : found.starts) {
      const start = offsets[at] ?? 0;
      let end = (offsets[at + word.length - 1] ?? start) + 1;
      // Combining marks after the last letter belong to it.
      while (end < text.length && foldsToNothing(text.charCodeAt(end))) end++;
      spans.push({ start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Which of the folded `words` start no word in any of `texts` (found, if at all, inside words). */
export function wordsStartingNowhere(texts: readonly string[], words: readonly string[]): string[] {
  const folded = texts.map((text) => foldWithOffsets(text).folded);
  return words.filter((word) => !folded.some((text) => occurrences(text, word).starts.length > 0));
}

/** Which of the folded `words` occur in none of `texts`. */
export function wordsMissingFrom(texts: readonly string[], words: readonly string[]): string[] {
  const folded = texts.map((text) => foldWithOffsets(text).folded);
  return words.filter((word) => !folded.some((text) => text.includes(word)));
}

/** A piece of a longer text around some of its spans, with those spans moved into it. */
export interface Excerpt {
  text: string;
  spans: Span[];
  /** Text was left out before / after the piece. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * The part of `text` around `focus` (the spans to be seen), widened by `context` characters each
 * side to word boundaries and at most `max` long; `spans` (every mark) are clipped to it.
 */
export function excerptAround(
  text: string,
  focus: readonly Span[],
  spans: readonly Span[],
  options: { context?: number; max?: number } = {},
): Excerpt {
  const { context = 60, max = 280 } = options;
  const first = focus[0];
  if (!first) return { text, spans: [...spans], cutStart: false, cutEnd: false };
  const last = focus[focus.length - 1] ?? first;
  let start = Math.max(0, first.start - context);
  let end = Math.min(text.length, Math.max(last.end, first.end) + context);
  if (end - start > max) end = Math.max(first.end, start + max);
  // Widen to whole words.
  while (start > 0 && WORD_CHAR.test(text[start - 1] ?? "")) start--;
  while (end < text.length && WORD_CHAR.test(text[end] ?? "")) end++;
  const piece = text.slice(start, end);
  const lead = piece.length - piece.trimStart().length;
  const trail = piece.length - piece.trimEnd().length;
  const from = start + lead;
  const to = end - trail;
  return {
    text: text.slice(from, to),
    spans: spans
      .filter((s) => s.end > from && s.start < to)
      .map((s) => ({ start: Math.max(s.start, from) - from, end: Math.min(s.end, to) - from })),
    cutStart: from > 0,
    cutEnd: to < text.length,
  };
}
