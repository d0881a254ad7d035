/**
 * What the comparison compares and how a cell's targets meet its results: which snippets take
 * part, a value as the comparison reads it, and the pairing of each target with the latest result
 * that reports on it (units that compare, spans that meet: see `attainment.ts`).
 */
import type { ListedSnippet } from "../snippets/types.ts";
import { attainment, comparableUnits, readUnit, spanOf, spansMeet } from "./attainment.ts";
import type { ComparisonPair } from "./compare.ts";
import type { ListedEntry } from "./entries.ts";

/** Targets and results with a category take part; deadlines and excerpts do not. */
export function takesPart(snippet: ListedSnippet): boolean {
  return (snippet.kind === "target" || snippet.kind === "result") && snippet.category !== null;
}

/** The number a value stands for: itself, or the midpoint of a range; null without a value. */
export function numericValue(snippet: ListedSnippet): number | null {
  const value = snippet.value;
  if (!value || !Number.isFinite(value.min) || !Number.isFinite(value.max)) return null;
  return value.min === value.max ? value.min : (value.min + value.max) / 2;
}

/** The value in its unit's base (`2 tỷ đồng` is 2 000 000 000 `đồng`); null without a value. */
export function scaledValue(snippet: ListedSnippet): number | null {
  const value = numericValue(snippet);
  return value === null ? null : value * readUnit(snippet.unit).scale;
}

/** Two numbers equal but for floating-point noise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether two figures measure alike: units that compare and spans that meet. */
export function figuresMeet(a: ListedSnippet, b: ListedSnippet): boolean {
  return comparableUnits(a.unit, b.unit) && spansMeet(spanOf(a), spanOf(b));
}

/** How far apart two values are, relative to their size; unknown values are farthest. */
function distance(a: ListedSnippet, b: ListedSnippet): number {
  const x = scaledValue(a);
  const y = scaledValue(b);
  if (x === null || y === null) return Number.MAX_VALUE;
  return Math.abs(x - y) / Math.max(1, Math.abs(x), Math.abs(y));
}

function pair(target: ListedEntry | null, result: ListedEntry | null): ComparisonPair {
  return {
    target,
    result,
    attainment: target ? attainment(target.snippet, result ? result.snippet : null) : null,
  };
}

/**
 * Pairs a cell's targets with its results (one category, one source; both in the source's order:
 * oldest article first, then text order). A target pairs only with a result that measures alike
 * (`figuresMeet`); the latest results choose first, each its closest target; a target and a result
 * are used once. Pairs come in the targets' order, then the unpaired results, latest first.
 */
export function pairTargetsAndResults(
  targets: readonly ListedEntry[],
  results: readonly ListedEntry[],
): ComparisonPair[] {
  const candidates: Array<{ t: number; r: number; d: number }> = [];
  targets.forEach((target, t) => {
    results.forEach((result, r) => {
      if (figuresMeet(target.snippet, result.snippet))
        candidates.push({ t, r, d: distance(target.snippet, result.snippet) });
    });
  });
  candidates.sort((a, b) => b.r - a.r || a.d - b.d || a.t - b.t);
  const resultOf = new Map<number, number>();
  const used = new Set<number>();
  for (const { t, r } of candidates) {
    if (resultOf.has(t) || used.has(r)) continue;
    resultOf.set(t, r);
    used.add(r);
  }
  const pairs = targets.map((target, t) => {
    const r = resultOf.get(t);
    return pair(target, r === undefined ? null : (results[r] ?? null));
  });
  for (let r = results.length - 1; r >= 0; r--) {
    if (!used.has(r)) pairs.push(pair(null, results[r] ?? null));
  }
  return pairs;
}
