/**
 * Finding a saved `TextAnchor` again in an article's text, which may have
 * changed since the snippet was saved (chrome added or removed, words edited,
 * Unicode form or whitespace different).
 *
 * Attempts, cheapest first:
 * 1. position: the quote is still at its stored offsets (and at least one
 *    side of its context is still there);
 * 2. exact: the quote occurs verbatim; among several occurrences the one whose
 *    surroundings agree best with the stored prefix/suffix wins (then the one
 *    nearest the stored offset);
 * 3. canonical: both sides are canonicalised (`normalizeText`: NFC, one tone
 *    placement, one kind of dash and space; here also line breaks as spaces) and
 *    the quote is searched exactly, then with up to `maxErrors` edits
 *    (approx-string-match, Myers' bit-parallel algorithm).
 *
 * An exact occurrence is accepted outright unless its surroundings disagree
 * with the stored context (context similarity < 0.75): then a fuzzy candidate
 * whose context agrees better may beat it, since the quote was most likely
 * edited where it stood and the verbatim text elsewhere is another sentence
 * (short quotes such as "thôn mới" recur in resolutions). A fuzzy candidate is
 * accepted when its quote similarity (1 - errors / quote length) and its
 * combined score (quote, prefix, suffix and a little position) reach the
 * thresholds; 0.8 was tuned on edited and deleted spans of resolution prose
 * (correct fuzzy matches scored >= 0.8, matches of a deleted quote to a
 * similar sentence mostly < 0.8).
 *
 * approx-string-match only reports the matches with the fewest errors in the
 * text it is given, so a wrong place with one error would hide the right place
 * with two. Besides the whole-text search, windows are therefore searched where
 * the quote is expected: at the stored offset, after the stored prefix, before
 * the stored suffix.
 *
 * The canonical form of the text is cached (one entry) because normalising
 * 100 KB takes milliseconds and a page anchors all its snippets in one text.
 */
import search from "approx-string-match";
import type { TextAnchor } from "../snippets/types.ts";
import { type NormalizedText, normalizeText, toOriginalSpan } from "../text/normalize.ts";

export type AnchorMethod = "position" | "exact" | "fuzzy";

/** Where an anchor was found: offsets in the text given to `anchorInText`. */
export interface AnchorMatch {
  start: number;
  end: number;
  /** `exact` also covers quotes equal to the text after canonicalisation (NFD page, other whitespace). */
  method: AnchorMethod;
  /** 0..1, 1 = perfect: quote, context and position all agree. */
  score: number;
}

export interface AnchorOptions {
  /** Most edits allowed in a fuzzy match. Default: min(32, floor(canonical quote length / 4)). */
  maxErrors?: number;
  /** Least quote similarity (1 - errors / quote length) of a fuzzy match. Default 0.75. */
  minQuoteSimilarity?: number;
  /** Least combined score of a fuzzy match. Default 0.8. */
  minScore?: number;
  /** Quotes longer than this (code units) are only searched exactly. Default 2000. */
  maxFuzzyQuoteLength?: number;
}

const DEFAULT_MIN_QUOTE_SIMILARITY = 0.75;
const DEFAULT_MIN_SCORE = 0.8;
const DEFAULT_MAX_FUZZY_QUOTE_LENGTH = 2000;
const MAX_DEFAULT_ERRORS = 32;

// Weights of the combined score. Context weighs less than the quote but enough
// that a one-error match in the wrong sentence loses to a two-error match in
// the right one; position only breaks near-ties.
const WEIGHT_QUOTE = 0.6;
const WEIGHT_PREFIX = 0.175;
const WEIGHT_SUFFIX = 0.175;
const WEIGHT_POSITION = 0.05;
/** Context shorter than this counts proportionally less (a 2-character prefix says little). */
const FULL_CONTEXT_LENGTH = 8;
/** Least (common-affix) context similarity of a position hit: one side intact is enough. */
const POSITION_CONTEXT = 0.5;
/** Below this context similarity an exact occurrence may lose to a fuzzy one. */
const STRONG_CONTEXT = 0.75;
/** Candidates kept after the cheap ranking, for the edit-distance context scores. */
const MAX_RANKED = 48;
/** Length of the prefix tail / suffix head used to guide window searches. */
const GUIDE_LENGTH = 16;
const MIN_GUIDE_LENGTH = 4;
const MAX_GUIDES = 8;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  quoteSimilarity: number;
  contextSimilarity: number;
  score: number;
  /** The score this candidate would have with a perfect context. */
  ceiling: number;
  distance: number;
}

/** What the candidates are compared against, in one coordinate system. */
interface Target {
  text: string;
  quote: string;
  prefix: string;
  suffix: string;
  /** Original offset of a candidate start (for the distance to the stored offset). */
  originalStart: (at: number) => number;
  /** Stored start offset, or null when the anchor has none. */
  expected: number | null;
  /** Length of the original text (scales the distance). */
  length: number;
}

// ---------------------------------------------------------------------------
// Canonical form

/** `normalizeText`, then line breaks as spaces with runs collapsed (same offset-map shape). */
function anchoringForm(input: string): NormalizedText {
  const norm = normalizeText(input);
  const source = norm.text;
  if (!source.includes("\n")) return norm;
  const length = source.length;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  let text = "";
  let copyFrom = 0;
  let n = 0;
  let previousSpace = false;
  for (let i = 0; i < length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x20 || code === 0x0a) {
      if (previousSpace) {
        text += source.slice(copyFrom, i);
        copyFrom = i + 1;
        ends[n - 1] = norm.ends[i] as number;
        continue;
      }
      if (code === 0x0a) {
        text += `${source.slice(copyFrom, i)} `;
        copyFrom = i + 1;
      }
      previousSpace = true;
    } else {
      previousSpace = false;
    }
    starts[n] = norm.starts[i] as number;
    ends[n] = norm.ends[i] as number;
    n++;
  }
  text += source.slice(copyFrom);
  return { text, original: input, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

let cachedInput: string | null = null;
let cachedForm: NormalizedText | null = null;

function textForm(text: string): NormalizedText {
  if (cachedForm === null || cachedInput !== text) {
    cachedForm = anchoringForm(text);
    cachedInput = text;
  }
  return cachedForm;
}

/** First index whose value is >= `value` (values non-decreasing). */
function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Canonical prefix, quote and suffix, normalised together so that what depends
 * on neighbours (tone placement, space runs) comes out as in the page.
 */
function canonicalPieces(
  prefix: string,
  quote: string,
  suffix: string,
): { prefix: string; quote: string; suffix: string } {
  const form = anchoringForm(prefix + quote + suffix);
  const quoteStart = lowerBound(form.starts, prefix.length);
  const quoteEnd = lowerBound(form.starts, prefix.length + quote.length);
  return {
    prefix: form.text.slice(0, quoteStart),
    quote: form.text.slice(quoteStart, quoteEnd),
    suffix: form.text.slice(quoteEnd),
  };
}

// ---------------------------------------------------------------------------
// Similarity

/** Length of the common part of `prefix`'s end and the text ending at `at`. */
function commonBefore(prefix: string, text: string, at: number): number {
  let k = 0;
  while (
    k < prefix.length &&
    k < at &&
    prefix.charCodeAt(prefix.length - 1 - k) === text.charCodeAt(at - 1 - k)
  ) {
    k++;
  }
  return k;
}

/** Length of the common part of `suffix`'s start and the text starting at `at`. */
function commonAfter(suffix: string, text: string, at: number): number {
  let k = 0;
  while (
    k < suffix.length &&
    at + k < text.length &&
    suffix.charCodeAt(k) === text.charCodeAt(at + k)
  ) {
    k++;
  }
  return k;
}

/**
 * Fewest edits turning `pattern` into some piece of `text` that touches its
 * start (or, `fromEnd`, its end): the context must sit right against the quote,
 * but how far it reaches away from it is free.
 */
function alignedDistance(pattern: string, text: string, fromEnd: boolean): number {
  const m = pattern.length;
  const n = text.length;
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let best = m;
  for (let j = 1; j <= n; j++) {
    const c = fromEnd ? text.charCodeAt(n - j) : text.charCodeAt(j - 1);
    let diagonal = column[0] as number;
    column[0] = j;
    for (let i = 1; i <= m; i++) {
      const left = column[i] as number;
      const p = fromEnd ? pattern.charCodeAt(m - i) : pattern.charCodeAt(i - 1);
      const substitution = diagonal + (p === c ? 0 : 1);
      const above = (column[i - 1] as number) + 1;
      column[i] = Math.min(substitution, above, left + 1);
      diagonal = left;
    }
    if ((column[m] as number) < best) best = column[m] as number;
  }
  return best;
}

function prefixSimilarity(prefix: string, text: string, at: number): number {
  const m = prefix.length;
  if (m === 0) return 1;
  if (at >= m && text.startsWith(prefix, at - m)) return 1;
  const before = text.slice(Math.max(0, at - m - Math.ceil(m / 2)), at);
  return 1 - alignedDistance(prefix, before, true) / m;
}

function suffixSimilarity(suffix: string, text: string, at: number): number {
  const m = suffix.length;
  if (m === 0) return 1;
  if (text.startsWith(suffix, at)) return 1;
  const after = text.slice(at, at + m + Math.ceil(m / 2));
  return 1 - alignedDistance(suffix, after, false) / m;
}

function contextWeight(weight: number, length: number): number {
  return weight * Math.min(1, length / FULL_CONTEXT_LENGTH);
}

/** Similarities of a candidate, combined; `cheap` measures context by common affixes only. */
function scoreCandidate(target: Target, candidate: Candidate, cheap: boolean): Scored {
  const { text, quote, prefix, suffix } = target;
  const quoteSimilarity = quote.length === 0 ? 0 : Math.max(0, 1 - candidate.errors / quote.length);
  const prefixSim = cheap
    ? prefix.length === 0
      ? 1
      : commonBefore(prefix, text, candidate.start) / prefix.length
    : prefixSimilarity(prefix, text, candidate.start);
  const suffixSim = cheap
    ? suffix.length === 0
      ? 1
      : commonAfter(suffix, text, candidate.end) / suffix.length
    : suffixSimilarity(suffix, text, candidate.end);
  const prefixWeight = contextWeight(WEIGHT_PREFIX, prefix.length);
  const suffixWeight = contextWeight(WEIGHT_SUFFIX, suffix.length);
  const contextTotal = prefixWeight + suffixWeight;
  const contextSimilarity =
    contextTotal === 0 ? 1 : (prefixWeight * prefixSim + suffixWeight * suffixSim) / contextTotal;
  const distance =
    target.expected === null
      ? 0
      : Math.abs(target.originalStart(candidate.start) - target.expected);
  const positionSimilarity = 1 - Math.min(1, distance / Math.max(1, target.length));
  const rest = WEIGHT_QUOTE * quoteSimilarity + WEIGHT_POSITION * positionSimilarity;
  const total = WEIGHT_QUOTE + contextTotal + WEIGHT_POSITION;
  const score = (rest + contextTotal * contextSimilarity) / total;
  const ceiling = (rest + contextTotal) / total;
  return { ...candidate, quoteSimilarity, contextSimilarity, score, ceiling, distance };
}

function better(a: Scored, b: Scored): number {
  return b.score - a.score || a.distance - b.distance || a.start - b.start;
}

/**
 * The best candidate. All are ranked with the cheap context measure, a lower
 * bound of the edit-distance one. When no other candidate could beat the top
 * one even with a perfect context, it is the answer (the usual case: the
 * quote's own place, its context intact, even among dozens of occurrences);
 * otherwise the best `MAX_RANKED` are re-scored with edit distances.
 */
function pickBest(target: Target, candidates: Iterable<Candidate>): Scored | undefined {
  const cheap = [...candidates].map((candidate) => scoreCandidate(target, candidate, true));
  if (cheap.length === 0) return undefined;
  cheap.sort(better);
  const top = cheap[0] as Scored;
  let unbeatable = true;
  for (let k = 1; k < cheap.length && unbeatable; k++) {
    unbeatable = (cheap[k] as Scored).ceiling < top.score;
  }
  // The full measure only raises the top score (and makes it exact).
  if (unbeatable) return top.contextSimilarity === 1 ? top : scoreCandidate(target, top, false);
  return cheap
    .slice(0, MAX_RANKED)
    .map((candidate) => scoreCandidate(target, candidate, false))
    .sort(better)[0];
}

// ---------------------------------------------------------------------------
// Search

function occurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** Fuzzy candidates: the whole text, plus windows where the quote is expected. */
function fuzzyCandidates(
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

function resolveMaxErrors(option: number | undefined, quoteLength: number): number {
  if (option !== undefined && Number.isFinite(option) && option >= 0) {
    return Math.min(Math.floor(option), quoteLength);
  }
  return Math.min(MAX_DEFAULT_ERRORS, Math.floor(quoteLength / 4));
}

function numberOption(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

const SPACE = /\s/;

function leadingSpaces(text: string, from: number, to: number): number {
  let k = 0;
  while (from + k < to && SPACE.test(text[from + k] as string)) k++;
  return k;
}

function trailingSpaces(text: string, from: number, to: number): number {
  let k = 0;
  while (to - k > from && SPACE.test(text[to - k - 1] as string)) k++;
  return k;
}

/**
 * A whitespace run is one canonical space, so a span mapped back may hold more
 * (or less) of a run at its edges than the quote did: give each edge as much
 * whitespace as the quote has there, as far as the run allows.
 */
function fitWhitespace(
  text: string,
  quote: string,
  span: { start: number; end: number },
): { start: number; end: number } {
  let { start, end } = span;
  const quoteLeading = leadingSpaces(quote, 0, quote.length);
  if (quoteLeading === quote.length) return span;
  const quoteTrailing = trailingSpaces(quote, 0, quote.length);
  const leading = leadingSpaces(text, start, end);
  if (leading === end - start) return span;
  if (leading > quoteLeading) start += leading - quoteLeading;
  for (let extra = quoteLeading - leading; extra > 0 && start > 0; extra--) {
    if (!SPACE.test(text[start - 1] as string)) break;
    start--;
  }
  const trailing = trailingSpaces(text, start, end);
  if (trailing > quoteTrailing) end -= trailing - quoteTrailing;
  for (let extra = quoteTrailing - trailing; extra > 0 && end < text.length; extra--) {
    if (!SPACE.test(text[end] as string)) break;
    end++;
  }
  return { start, end };
}

function inOriginal(
  form: NormalizedText,
  quote: string,
  best: Scored,
  method: AnchorMethod,
): AnchorMatch {
  const span = fitWhitespace(form.original, quote, toOriginalSpan(form, best.start, best.end));
  return { start: span.start, end: span.end, method, score: best.score };
}

/**
 * Finds `anchor` in `text`: offsets in `text` itself, or null when the quote is
 * empty or cannot be found well enough. Never throws.
 */
export function anchorInText(
  text: string,
  anchor: TextAnchor,
  options?: AnchorOptions,
): AnchorMatch | null {
  if (typeof text !== "string" || anchor === null || typeof anchor !== "object") return null;
  const settings = options ?? {};
  const quote = typeof anchor.quote === "string" ? anchor.quote : "";
  const prefix = typeof anchor.prefix === "string" ? anchor.prefix : "";
  const suffix = typeof anchor.suffix === "string" ? anchor.suffix : "";
  const expected =
    typeof anchor.start === "number" && Number.isFinite(anchor.start) ? anchor.start : null;
  if (quote.length === 0) return null;

  const raw: Target = {
    text,
    quote,
    prefix,
    suffix,
    originalStart: (at) => at,
    expected,
    length: text.length,
  };

  // 1. Position, if the context does not contradict it (a short quote may sit
  // at its old offset by chance after the text moved).
  if (
    expected !== null &&
    Number.isInteger(expected) &&
    expected >= 0 &&
    text.startsWith(quote, expected)
  ) {
    const candidate = { start: expected, end: expected + quote.length, errors: 0 };
    const scored = scoreCandidate(raw, candidate, true);
    if (scored.contextSimilarity >= POSITION_CONTEXT) {
      return { start: scored.start, end: scored.end, method: "position", score: scored.score };
    }
  }

  // 2. Exact, in the text as it is.
  const rawExact = pickBest(raw, occurrences(text, quote));
  if (rawExact && rawExact.contextSimilarity >= STRONG_CONTEXT) {
    return { start: rawExact.start, end: rawExact.end, method: "exact", score: rawExact.score };
  }
  const fallback: AnchorMatch | null = rawExact
    ? { start: rawExact.start, end: rawExact.end, method: "exact", score: rawExact.score }
    : null;

  // 3. Canonical: exact, then fuzzy.
  const form = textForm(text);
  const pieces = canonicalPieces(prefix, quote, suffix);
  if (pieces.quote.length === 0) return fallback;
  const target: Target = {
    ...pieces,
    text: form.text,
    originalStart: (at) => (at < form.starts.length ? (form.starts[at] as number) : text.length),
    expected,
    length: text.length,
  };
  const exact = occurrences(form.text, pieces.quote);
  const bestExact = pickBest(target, exact);
  const maxFuzzy = numberOption(settings.maxFuzzyQuoteLength, DEFAULT_MAX_FUZZY_QUOTE_LENGTH);
  const maxErrors = resolveMaxErrors(settings.maxErrors, pieces.quote.length);
  const canFuzzy = pieces.quote.length <= maxFuzzy && maxErrors > 0;
  if (bestExact && (bestExact.contextSimilarity >= STRONG_CONTEXT || !canFuzzy)) {
    return inOriginal(form, quote, bestExact, "exact");
  }
  const exactFallback = bestExact ? inOriginal(form, quote, bestExact, "exact") : fallback;
  if (!canFuzzy) return exactFallback;

  const candidates = fuzzyCandidates(form, target, maxErrors);
  for (const candidate of exact) candidates.set(`${candidate.start}:${candidate.end}`, candidate);
  const best = pickBest(target, candidates.values());
  if (!best) return exactFallback;
  if (best.errors === 0) return inOriginal(form, quote, best, "exact");
  const minQuote = numberOption(settings.minQuoteSimilarity, DEFAULT_MIN_QUOTE_SIMILARITY);
  const minScore = numberOption(settings.minScore, DEFAULT_MIN_SCORE);
  if (best.quoteSimilarity >= minQuote && best.score >= minScore) {
    return inOriginal(form, quote, best, "fuzzy");
  }
  return exactFallback;
}
