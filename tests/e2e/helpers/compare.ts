/**
 * Comparisons whose failure message says what differs: multisets of texts, and spans of the page's
 * text paired by overlap.
 */
import assert from "node:assert/strict";

/** Collapses runs of white space (no-break spaces and line breaks included) and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface MultisetDiff {
  /** In `expected`, not (as often) in `actual`. */
  missing: string[];
  /** In `actual`, not (as often) in `expected`. */
  extra: string[];
}

/** Order-insensitive difference of two lists of texts (white space normalised). */
export function multisetDiff(actual: readonly string[], expected: readonly string[]): MultisetDiff {
  const left = new Map<string, number>();
  for (const text of expected.map(normalizeSpace)) left.set(text, (left.get(text) ?? 0) + 1);
  const extra: string[] = [];
  for (const text of actual.map(normalizeSpace)) {
    const n = left.get(text) ?? 0;
    if (n > 0) left.set(text, n - 1);
    else extra.push(text);
  }
  const missing = [...left].flatMap(([text, n]) => Array<string>(n).fill(text));
  return { missing, extra };
}

export function formatDiff(diff: MultisetDiff): string {
  const list = (texts: string[]) => texts.map((text) => `    «${text}»`).join("\n");
  return [
    diff.missing.length > 0 ? `  missing (${diff.missing.length}):\n${list(diff.missing)}` : "",
    diff.extra.length > 0 ? `  unexpected (${diff.extra.length}):\n${list(diff.extra)}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

/** Asserts that two lists hold the same texts as often (order-insensitive, spacing normalised). */
export function assertSameTexts(
  actual: readonly string[],
  expected: readonly string[],
  label: string,
): void {
  const diff = multisetDiff(actual, expected);
  if (diff.missing.length === 0 && diff.extra.length === 0) return;
  assert.fail(`${label}: ${actual.length} texts, ${expected.length} expected\n${formatDiff(diff)}`);
}

/**
 * Asserts, for every key (e.g. item kind), that the two lists hold the same texts as often; the
 * failure lists the differences of all keys.
 */
export function assertSameTextsByKey(
  actual: Readonly<Record<string, readonly string[]>>,
  expected: Readonly<Record<string, readonly string[]>>,
  label: string,
): void {
  const problems: string[] = [];
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const diff = multisetDiff(actual[key] ?? [], expected[key] ?? []);
    if (diff.missing.length + diff.extra.length > 0) problems.push(`${key}:\n${formatDiff(diff)}`);
  }
  if (problems.length > 0) assert.fail(`${label}\n${problems.join("\n")}`);
}

/** A span of a text: `[start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Finds each needle in `haystack` in order, each search starting after the previous find (so a
 * repeated text is found at its next occurrence), comparing with white space collapsed. Returns the
 * spans in `haystack`'s own offsets, or null for a needle that is not there.
 */
export function locateInOrder(haystack: string, needles: readonly string[]): Array<Span | null> {
  // The collapsed haystack, with the original offset of each of its characters.
  let collapsed = "";
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < haystack.length; i++) {
    const ch = haystack[i] as string;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        collapsed += " ";
        origin.push(i);
      }
      inSpace = true;
    } else {
      collapsed += ch;
      origin.push(i);
      inSpace = false;
    }
  }
  let from = 0;
  return needles.map((needle) => {
    const wanted = normalizeSpace(needle);
    let at = collapsed.indexOf(wanted, from);
    if (at < 0) at = collapsed.indexOf(wanted);
    if (at < 0 || wanted.length === 0) return null;
    from = at + 1;
    const start = origin[at] as number;
    const end = (origin[at + wanted.length - 1] as number) + 1;
    return { start, end, text: haystack.slice(start, end) };
  });
}

export interface Pairing<E> {
  pairs: Array<{ expected: E; actual: Span }>;
  unpaired: E[];
  unmatched: Span[];
}

/**
 * Pairs expected spans with actual spans one to one when they overlap (the rule the engine's own
 * evaluation uses, `lib/evaluation/match.ts`), taking the first free overlapping span in order.
 */
export function pairByOverlap<E extends { span: Span | null }>(
  expected: readonly E[],
  actual: readonly Span[],
): Pairing<E> {
  const used = new Set<number>();
  const pairs: Pairing<E>["pairs"] = [];
  const unpaired: E[] = [];
  for (const item of expected) {
    const span = item.span;
    const index = span
      ? actual.findIndex((a, i) => !used.has(i) && a.start < span.end && span.start < a.end)
      : -1;
    if (index < 0) {
      unpaired.push(item);
      continue;
    }
    used.add(index);
    pairs.push({ expected: item, actual: actual[index] as Span });
  }
  return { pairs, unpaired, unmatched: actual.filter((_, i) => !used.has(i)) };
}

/** Polls `probe` until `done(value)` holds (or the time is up) and returns the last value. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const { timeout = 5_000, interval = 100 } = options;
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
