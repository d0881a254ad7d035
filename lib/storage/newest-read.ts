/**
 * The quick first read of the collection, in a module of its own (no Dexie): what it returns, its
 * batches and its order, shared by the Dexie read (snippet-records.ts, watch.ts) and the page's
 * boot read without Dexie (newest-raw.ts). Each runs the read's loop itself: awaited through a
 * shared async function, Dexie's transaction lost track of its promises and committed early.
 */
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";

/** How many of the newest snippets the first, quick read takes. */
export const FIRST_READ = 100;

/**
 * The quick first read: the newest snippets and their articles. It does not count the collection:
 * IndexedDB counts by walking every record, which for 10,000 snippets took longer than the read.
 */
export interface NewestRead {
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
  /** The read holds every snippet. */
  complete: boolean;
}

/** How many group records the newest-first read asks for first (then twice as many each time). */
export const NEWEST_BATCH = 8;

/** The newest-first read's order, as the `createdAt` index gave it before the grouping: oldest first, a tie by id. */
export function oldestFirst(a: SnippetRecord, b: SnippetRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
