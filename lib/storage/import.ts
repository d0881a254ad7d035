/**
 * Writing an import file's records (validated, duplicates inside the file merged) into the
 * collection: one transaction, all or nothing. A record whose id is already stored is merged into
 * the stored one (`lib/import/merge.ts`); unchanged records are not written, so importing a file
 * twice changes nothing the second time.
 *
 * Costs kept down for a large file: which ids are stored is one key listing (not a read per
 * record) once the file has many records, and only the stored ones are read; the writes, in
 * chunks of `WRITE_CHUNK` records, are all issued at once and progress is reported as each chunk
 * completes.
 */
import type { EntityTable, IDType } from "dexie";
import type { ProgressCallback } from "../export/format.ts";
import { canonicalArticle, canonicalSnippet } from "../export/format.ts";
import { mergeArticle, mergeSnippet, sameJson } from "../import/merge.ts";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { touch } from "./view-cache.ts";

/** Records written per `bulkPut` (all inside the one transaction). */
export const WRITE_CHUNK = 1000;

/** From how many ids on, the stored ones are found by listing the table's keys. */
const LIST_KEYS_FROM = 1000;

export interface ImportCounts {
  /** Articles new to the collection. */
  articlesAdded: number;
  /** Articles already there whose record changed (the file's was newer). */
  articlesUpdated: number;
  /** Snippets new to the collection. */
  snippetsAdded: number;
  /** Snippets of the file already in the collection, merged into the stored record (changed or not). */
  snippetsMerged: number;
}

export interface WriteImportOptions {
  /** The import time (ms), for records the merge changes. */
  now: number;
  /** Called after each chunk of records written: (records done, articles + snippets). */
  onProgress?: ProgressCallback;
}

/** The stored records among `ids`, by id. */
async function storedRecords<T extends { id: string }>(
  table: EntityTable<T, "id">,
  ids: readonly string[],
): Promise<Map<string, T>> {
  let wanted = ids;
  if (ids.length >= LIST_KEYS_FROM) {
    const keys = new Set<unknown>(await table.toCollection().primaryKeys());
    wanted = ids.filter((id) => keys.has(id));
  }
  // The ids are the records' string keys (`IDType` of a string `id` is string).
  const found = wanted.length > 0 ? await table.bulkGet([...wanted] as IDType<T, "id">[]) : [];
  const byId = new Map<string, T>();
  for (const record of found) if (record) byId.set(record.id, record);
  return byId;
}

/**
 * Writes the records (ids distinct within each list) in one transaction, merging those already
 * stored. Rejects, with nothing written, when any write fails.
 */
export async function writeImport(
  db: CollectionDb,
  records: { articles: readonly ArticleRecord[]; snippets: readonly SnippetRecord[] },
  options: WriteImportOptions,
): Promise<ImportCounts> {
  const { articles, snippets } = records;
  const { now, onProgress } = options;
  const total = articles.length + snippets.length;
  return db.transaction("rw", db.articles, db.snippets, db.views, async () => {
    const counts: ImportCounts = {
      articlesAdded: 0,
      articlesUpdated: 0,
      snippetsAdded: 0,
      snippetsMerged: 0,
    };
    const storedArticles = await storedRecords(
      db.articles,
      articles.map((article) => article.id),
    );
    const storedSnippets = await storedRecords(
      db.snippets,
      snippets.map((snippet) => snippet.id),
    );

    /** The record to write for a file's article (null: the stored one stays as it is). */
    const articleWrite = (incoming: ArticleRecord): ArticleRecord | null => {
      const current = storedArticles.get(incoming.id);
      if (!current) {
        counts.articlesAdded++;
        return incoming;
      }
      const existing = canonicalArticle(current);
      const merged = mergeArticle(existing, incoming);
      if (sameJson(merged, existing)) return null;
      counts.articlesUpdated++;
      return merged;
    };
    /** The record to write for a file's snippet (null: the stored one stays as it is). */
    const snippetWrite = (incoming: SnippetRecord): SnippetRecord | null => {
      const current = storedSnippets.get(incoming.id);
      if (!current) {
        counts.snippetsAdded++;
        return incoming;
      }
      counts.snippetsMerged++;
      const existing = canonicalSnippet(current);
      const merged = mergeSnippet(existing, incoming, now);
      return sameJson(merged, existing) ? null : merged;
    };

    // Every chunk's writes are issued now. A chunk is done once its last write (without writes:
    // the last write issued before it) has succeeded: a transaction's requests complete in order.
    let done = 0;
    let written: Promise<unknown> = Promise.resolve();
    const chunks: Promise<unknown>[] = [];
    const writeChunks = <T extends { id: string }>(
      table: EntityTable<T, "id">,
      list: readonly T[],
      write: (incoming: T) => T | null,
    ) => {
      for (let start = 0; start < list.length; start += WRITE_CHUNK) {
        const chunk = list.slice(start, start + WRITE_CHUNK);
        const puts: T[] = [];
        for (const incoming of chunk) {
          const record = write(incoming);
          if (record) puts.push(record);
        }
        if (puts.length > 0) written = table.bulkPut(puts);
        done += chunk.length;
        const reached = done;
        chunks.push(written.then(() => onProgress?.(reached, total)));
      }
    };
    await touch(db);
    writeChunks(db.articles, articles, articleWrite);
    writeChunks(db.snippets, snippets, snippetWrite);
    await Promise.all(chunks);
    return counts;
  });
}
