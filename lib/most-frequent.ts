/** The most frequent of a list of values, used by the article facts and the comparison columns. */

/** The value met most often; on a tie, the one that reached the highest count first. */
export function mostFrequent<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
