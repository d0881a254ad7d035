/**
 * The unit of `npm run bench` output: one named figure with its unit. `--json` prints an array of
 * these; the human output prints them as a table. Shared by scripts/bench.ts and scripts/bench/*.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** The middle value (the upper one of the two middles for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** `value` rounded to `digits` decimals, as a number (for figures). */
export function round(value: number, digits: number): number {
  return +value.toFixed(digits);
}

/** The figure `name`: the median of `values` in milliseconds, rounded to `digits` decimals. */
export function medianMs(name: string, values: readonly number[], digits = 1): Figure {
  return { name, value: round(median(values), digits), unit: "ms" };
}
