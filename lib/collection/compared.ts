/**
 * What the comparison weighs (`compare.ts`): the reader's corrected values, never a rejected
 * snippet, and on request only the reviewed ones.
 */
import { effectiveEntry, isRejected, isReviewed } from "../snippets/review.ts";
import type { ListedEntry } from "./entries.ts";

export interface CompareOptions {
  /** Only figures someone checked (accepted or corrected). */
  reviewedOnly?: boolean;
}

/**
 * What the comparison weighs: every entry with the reader's corrections in place (a corrected
 * locality moves the snippet to that place), rejected ones left out, and with `reviewedOnly`
 * only the checked ones.
 */
export function comparedEntries(
  entries: readonly ListedEntry[],
  options: CompareOptions = {},
): ListedEntry[] {
  const out: ListedEntry[] = [];
  for (const entry of entries) {
    if (isRejected(entry.snippet)) continue;
    if (options.reviewedOnly && !isReviewed(entry.snippet)) continue;
    out.push(effectiveEntry(entry));
  }
  return out;
}
