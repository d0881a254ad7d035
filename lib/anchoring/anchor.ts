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
 * The parts, one job each: canonical-form.ts (the canonical text and its map
 * back), candidates.ts (exact and fuzzy places), scoring.ts (how well a place
 * fits, the best one), whitespace.ts (fitting the span back onto the text).
 */
import type { TextAnchor } from "../snippets/types.ts";
import { type NormalizedText, toOriginalSpan } from "../text/normalize.ts";
import { fuzzyCandidates, occurrences } from "./candidates.ts";
import { canonicalPieces, textForm } from "./canonical-form.ts";
import { pickBest, type Scored, scoreCandidate, type Target } from "./scoring.ts";
import { fitWhitespace } from "./whitespace.ts";
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

/** Defaults of the `AnchorOptions` left unset (`maxErrors`: the cap for long quotes). */
const DEFAULTS = {
  minQuoteSimilarity: 0.75,
  minScore: 0.8,
  maxFuzzyQuoteLength: 2000,
  maxErrors: 32,
} as const;

/** Least (common-affix) context similarity of a position hit: one side intact is enough. */
const POSITION_CONTEXT = 0.5;
/** Below this context similarity an exact occurrence may lose to a fuzzy one. */
const STRONG_CONTEXT = 0.75;

function resolveMaxErrors(option: number | undefined, quoteLength: number): number {
  if (option !== undefined && Number.isFinite(option) && option >= 0) {
    return Math.min(Math.floor(option), quoteLength);
  }
  return Math.min(DEFAULTS.maxErrors, Math.floor(quoteLength / 4));
}

function numberOption(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
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
  const maxFuzzy = numberOption(settings.maxFuzzyQuoteLength, DEFAULTS.maxFuzzyQuoteLength);
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
  const minQuote = numberOption(settings.minQuoteSimilarity, DEFAULTS.minQuoteSimilarity);
  const minScore = numberOption(settings.minScore, DEFAULTS.minScore);
  if (best.quoteSimilarity >= minQuote && best.score >= minScore) {
    return inOriginal(form, quote, best, "fuzzy");
  }
  return exactFallback;
}
