/**
 * Progress for long exports. The export functions are pure and synchronous;
 * each has an async variant (`toJsonAsync`, `toCsvAsync`…) that does the
 * per-record work through `mapInChunks` (500 records, then a macrotask so the
 * page can paint the progress line) and only the final join synchronously.
 * The async variant returns exactly what the synchronous one does.
 */
import type { ProgressCallback } from "./format.ts";

/** Lets the event loop run (rendering, input) before the next chunk. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `items.map(fn)` in chunks of `chunk` items, yielding to the event loop
 * between chunks and calling `onProgress(done, total)` after each chunk
 * (`onProgress(0, 0)` once for an empty list).
 */
export async function mapInChunks<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  onProgress?: ProgressCallback,
  chunk = 500,
): Promise<R[]> {
  if (!Number.isInteger(chunk) || chunk < 1) {
    throw new RangeError(`chunk must be a positive integer (got ${chunk})`);
  }
  const total = items.length;
  const out: R[] = [];
  if (total === 0) onProgress?.(0, 0);
  for (let start = 0; start < total; start += chunk) {
    const end = Math.min(start + chunk, total);
    for (let i = start; i < end; i++) out.push(fn(items[i] as T, i));
    onProgress?.(end, total);
    if (end < total) await yieldToEventLoop();
  }
  return out;
}
