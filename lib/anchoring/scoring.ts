/**
 * How well a candidate place fits a saved anchor: quote similarity (from the edit count), context
 * similarity (prefix and suffix, by common affixes or by edit distance) and distance from the
 * stored offset, combined into one score; and the choice of the best candidate.
 */

// Weights of the combined score. Context weighs less than the quote but enough
// that a one-error match in the wrong sentence loses to a two-error match in
// the right one; position only breaks near-ties.
const WEIGHTS = { quote: 0.6, prefix: 0.175, suffix: 0.175, position: 0.05 } as const;
/** Context shorter than this counts proportionally less (a 2-character prefix says little). */
const FULL_CONTEXT_LENGTH = 8;
/** Candidates kept after the cheap ranking, for the edit-distance context scores. */
const MAX_RANKED = 48;

export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

export interface Scored extends Candidate {
  quoteSimilarity: number;
  contextSimilarity: number;
  score: number;
  /** The score this candidate would have with a perfect context. */
  ceiling: number;
  distance: number;
}

/** What the candidates are compared against, in one coordinate system. */
export interface Target {
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
export function scoreCandidate(target: Target, candidate: Candidate, cheap: boolean): Scored {
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
  const prefixWeight = contextWeight(WEIGHTS.prefix, prefix.length);
  const suffixWeight = contextWeight(WEIGHTS.suffix, suffix.length);
  const contextTotal = prefixWeight + suffixWeight;
  const contextSimilarity =
    contextTotal === 0 ? 1 : (prefixWeight * prefixSim + suffixWeight * suffixSim) / contextTotal;
  const distance =
    target.expected === null
      ? 0
      : Math.abs(target.originalStart(candidate.start) - target.expected);
  const positionSimilarity = 1 - Math.min(1, distance / Math.max(1, target.length));
  const rest = WEIGHTS.quote * quoteSimilarity + WEIGHTS.position * positionSimilarity;
  const total = WEIGHTS.quote + contextTotal + WEIGHTS.position;
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
export function pickBest(target: Target, candidates: Iterable<Candidate>): Scored | undefined {
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
