/**
 * What the comparison compares and how a cell's targets meet its results: which snippets take
 * part, a unit and a value as the comparison reads them, and the pairing of each target with the
 * result that reports on it.
 */
import type { SnippetRecord } from "../snippets/types.ts";
import type { ComparisonPair } from "./compare.ts";
import type { CollectionEntry } from "./entries.ts";

/** Targets and results with a category take part; deadlines and excerpts do not. */
export function takesPart(snippet: SnippetRecord): boolean {
  return (snippet.kind === "target" || snippet.kind === "result") && snippet.category !== null;
}

/** A unit as comparison sees it: NFC, trimmed, lower case, single spaces (`null` is ""). */
export function unitKey(unit: string | null): string {
  return (unit ?? "").normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** The number a value stands for: itself, or the midpoint of a range; null without a value. */
export function numericValue(snippet: SnippetRecord): number | null {
  const value = snippet.value;
  if (!value || !Number.isFinite(value.min) || !Number.isFinite(value.max)) return null;
  return value.min === value.max ? value.min : (value.min + value.max) / 2;
}

/** Two numbers equal but for floating-point noise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** How far apart two values are, relative to their size; unknown values are farthest. */
function distance(a: SnippetRecord, b: SnippetRecord): number {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x === null || y === null) return Number.MAX_VALUE;
  return Math.abs(x - y) / Math.max(1, Math.abs(x), Math.abs(y));
}

/**
 * Pairs a cell's targets with its results (all of one category and one source). One target and
 * one result pair up. With more, a result pairs with the target of the same unit whose value is
 * closest (each used once, closest pairs first); the rest stay unpaired.
 */
export function pairTargetsAndResults(
  targets: readonly CollectionEntry[],
  results: readonly CollectionEntry[],
): ComparisonPair[] {
  if (targets.length === 1 && results.length === 1) {
    return [{ target: targets[0] ?? null, result: results[0] ?? null }];
  }
  const candidates: Array<{ t: number; r: number; d: number }> = [];
  targets.forEach((target, t) => {
    results.forEach((result, r) => {
      if (unitKey(target.snippet.unit) === unitKey(result.snippet.unit)) {
        candidates.push({ t, r, d: distance(target.snippet, result.snippet) });
      }
    });
  });
  candidates.sort((a, b) => a.d - b.d || a.t - b.t || a.r - b.r);
  const resultOf = new Map<number, number>();
  const used = new Set<number>();
  for (const { t, r } of candidates) {
    if (resultOf.has(t) || used.has(r)) continue;
    resultOf.set(t, r);
    used.add(r);
  }
  const pairs: ComparisonPair[] = targets.map((target, t) => {
    const r = resultOf.get(t);
    return { target, result: r === undefined ? null : (results[r] ?? null) };
  });
  results.forEach((result, r) => {
    if (!used.has(r)) pairs.push({ target: null, result });
  });
  return pairs;
}
