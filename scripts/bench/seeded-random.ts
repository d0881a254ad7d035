/**
 * Deterministic random choices for the bench's generated data, so every run measures the same
 * input, drawn from fast-check's seeded generator.
 */
import fc from "fast-check";

/** Integers drawn at once from fast-check, per seed. */
const DRAWS = 4096;
const INT_RANGE = 0x80000000;

/**
 * Deterministic random choices, so every run benchmarks the same data: uniform integers from
 * fast-check (`fc.sample` of an unbiased `fc.integer`, seeded), drawn 4,096 at a time, each batch
 * with the next seed.
 */
export function seededRandom(seed: number) {
  const integers = fc.noBias(fc.integer({ min: 0, max: INT_RANGE - 1 }));
  let batch = 0;
  let drawn: number[] = [];
  let at = 0;
  const next = () => {
    if (at >= drawn.length) {
      drawn = fc.sample(integers, { seed: seed + batch++, numRuns: DRAWS });
      at = 0;
    }
    return (drawn[at++] as number) / INT_RANGE;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
