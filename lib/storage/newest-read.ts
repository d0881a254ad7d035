/**
 * What the quick first read of the collection returns, in a module of its own (no Dexie): the
 * Dexie read (watch.ts) and the page's boot read without Dexie (newest-raw.ts) share it.
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
