/**
 * Where a quote may be in a text: its exact occurrences, and fuzzy matches (approx-string-match,
 * Myers' bit-parallel algorithm) in the whole text and in windows where the quote is expected.
 *
 * approx-string-match only reports the matches with the fewest errors in the text it is given, so
 * a wrong place with one error would hide the right place with two. Besides the whole-text search,
 * windows are therefore searched at the stored offset, after the stored prefix, before the stored
 * suffix.
 */
import search from "approx-string-match";
import type { NormalizedText } from "../text/normalize.ts";
import { lowerBound } from "./canonical-form.ts";
import type { Candidate, Target } from "./scoring.ts";

/** Length of the prefix tail / suffix head used to guide window searches. */
const GUIDE_LENGTH = 16;
const MIN_GUIDE_LENGTH = 4;
const MAX_GUIDES = 8;

export function occurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** Fuzzy candidates: the whole text, plus windows where the quote is expected. */
export function fuzzyCandidates(
  form: NormalizedText,
  target: Target,
  maxErrors: number,
): Map<string, Candidate> {
  const { text, quote, prefix, suffix } = target;
  const found = new Map<string, Candidate>();
  const searchIn = (from: number, to: number) => {
    const start = Math.max(0, from);
    const end = Math.min(text.length, to);
    if (end - start < quote.length - maxErrors) return;
    const window = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const match of search(window, quote, maxErrors)) {
      const candidate = {
        start: match.start + start,
        end: match.end + start,
        errors: match.errors,
      };
      found.set(`${candidate.start}:${candidate.end}`, candidate);
    }
  };

  searchIn(0, text.length);
  const reach = quote.length + maxErrors;
  if (target.expected !== null) {
    const at = lowerBound(form.starts, target.expected);
    searchIn(at - reach, at + 2 * reach);
  }
  const tail = prefix.slice(-GUIDE_LENGTH);
  if (tail.length >= MIN_GUIDE_LENGTH) {
    let guides = 0;
    for (let at = text.indexOf(tail); at !== -1 && guides < MAX_GUIDES; guides++) {
      const from = at + tail.length;
      searchIn(from, from + reach);
      at = text.indexOf(tail, at + 1);
    }
  }
  const head = suffix.slice(0, GUIDE_LENGTH);
  if (head.length >= MIN_GUIDE_LENGTH) {
    let guides = 0;
    for (let at = text.indexOf(head); at !== -1 && guides < MAX_GUIDES; guides++) {
      searchIn(at - reach, at);
      at = text.indexOf(head, at + 1);
    }
  }
  return found;
}
