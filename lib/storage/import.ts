/**
 * Writing an import file's records (validated, duplicates inside the file merged) into the
 * collection: one transaction, all or nothing. A record whose id is already stored is merged into
 * the stored one (`lib/import/merge.ts`); unchanged records are not written, so importing a file
 * twice changes nothing the second time.
 *
 * Costs kept down for a large file: the snippets are written one record per article (their
 * group, snippet-records.ts), read once per article too; which article ids are stored is one key
 * listing (not a read per record) once the file has many; the writes, in chunks of about
 * `WRITE_CHUNK` records, are all issued at once and progress (in the file's records) is reported
 * as each chunk completes.
 */
import type { EntityTable, IDType } from "dexie";
import type { ProgressCallback } from "../export/format.ts";
import { canonicalArticle, canonicalSnippet } from "../export/format.ts";
import { mergeArticle, mergeSnippet, sameJson } from "../import/merge.ts";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { groupRecord, type SnippetGroupRecord } from "./snippet-records.ts";
import { touch } from "./view-cache.ts";

/** Records written per `bulkPut` (snippets: about this many, in whole article groups). */
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
  return db.transaction("rw", db.articles, db.snippetGroups, db.views, async () => {
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
    const groups = await storedGroups(db, snippets);

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
    // Each file snippet into its group (merged with the stored one, found by its id in whichever
    // group holds it); a group is written only when one of its snippets changed.
    for (const incoming of snippets) {
      const current = groups.find(incoming.id);
      if (!current) {
        counts.snippetsAdded++;
        groups.set(incoming);
        continue;
      }
      counts.snippetsMerged++;
      const existing = canonicalSnippet(current);
      const merged = mergeSnippet(existing, incoming, now);
      if (sameJson(merged, existing)) continue;
      if (merged.articleId !== current.articleId) groups.remove(current);
      groups.set(merged);
    }

    // Every chunk's writes are issued now. A chunk is done once its last write (without writes:
    // the last write issued before it) has succeeded: a transaction's requests complete in order.
    let done = 0;
    let written: Promise<unknown> = Promise.resolve();
    const chunks: Promise<unknown>[] = [];
    const chunkDone = (records: number) => {
      done += records;
      const reached = done;
      chunks.push(written.then(() => onProgress?.(reached, total)));
    };
    await touch(db);
    for (let start = 0; start < articles.length; start += WRITE_CHUNK) {
      const chunk = articles.slice(start, start + WRITE_CHUNK);
      const puts: ArticleRecord[] = [];
      for (const incoming of chunk) {
        const record = articleWrite(incoming);
        if (record) puts.push(record);
      }
      if (puts.length > 0) written = db.articles.bulkPut(puts);
      chunkDone(chunk.length);
    }
    // The groups in chunks of about `WRITE_CHUNK` snippets, each counted as the file's snippets
    // it holds (progress in records of the file, as before the grouping).
    let fileSnippets = 0;
    let held = 0;
    let chunk: string[] = [];
    const writeChunk = () => {
      const write = groups.write(chunk);
      if (write) written = write;
      chunkDone(fileSnippets);
      fileSnippets = 0;
      held = 0;
      chunk = [];
    };
    const fromFile = new Map<string, number>();
    for (const snippet of snippets) {
      fromFile.set(snippet.articleId, (fromFile.get(snippet.articleId) ?? 0) + 1);
    }
    for (const articleId of groups.changedOrFrom(fromFile.keys())) {
      chunk.push(articleId);
      fileSnippets += fromFile.get(articleId) ?? 0;
      held += groups.size(articleId);
      if (held >= WRITE_CHUNK) writeChunk();
    }
    if (chunk.length > 0) writeChunk();
    await Promise.all(chunks);
    return counts;
  });
}

/**
 * The stored groups an import touches, changed in memory: those of the file's articles, and any
 * other holding a snippet id of the file (a snippet the file gives under another article).
 */
async function storedGroups(db: CollectionDb, snippets: readonly SnippetRecord[]) {
  const articleIds = [...new Set(snippets.map((s) => s.articleId))];
  const found = articleIds.length > 0 ? await db.snippetGroups.bulkGet(articleIds) : [];
  const stored = new Map<string, SnippetGroupRecord>();
  for (const group of found) if (group) stored.set(group.articleId, group);
  const where = new Map<string, string>(); // snippet id → the article whose group holds it
  for (const group of stored.values())
    for (const id of group.snippetIds) where.set(id, group.articleId);
  if (snippets.some((s) => !where.has(s.id)) && (await db.snippetGroups.count()) > stored.size) {
    // Ids not in their article's group may be in another's: the stored ids from the index alone.
    const storedIds = new Set(await db.snippetGroups.orderBy("snippetIds").keys());
    const elsewhere = snippets
      .filter((s) => !where.has(s.id) && storedIds.has(s.id))
      .map((s) => s.id);
    if (elsewhere.length > 0) {
      for (const group of await db.snippetGroups.where("snippetIds").anyOf(elsewhere).toArray()) {
        stored.set(group.articleId, group);
        for (const id of group.snippetIds) where.set(id, group.articleId);
      }
    }
  }
  const snippetsOf = new Map<string, Map<string, SnippetRecord>>();
  const current = (articleId: string) => {
    let map = snippetsOf.get(articleId);
    if (!map) {
      map = new Map((stored.get(articleId)?.snippets ?? []).map((s) => [s.id, s]));
      snippetsOf.set(articleId, map);
    }
    return map;
  };
  const changed = new Set<string>();
  return {
    /** The stored snippet `id` (as changed so far). */
    find(id: string): SnippetRecord | undefined {
      const articleId = where.get(id);
      return articleId === undefined ? undefined : current(articleId).get(id);
    },
    set(record: SnippetRecord): void {
      current(record.articleId).set(record.id, record);
      where.set(record.id, record.articleId);
      changed.add(record.articleId);
    },
    remove(record: SnippetRecord): void {
      current(record.articleId).delete(record.id);
      where.delete(record.id);
      changed.add(record.articleId);
    },
    /** How many snippets the article's group holds now. */
    size(articleId: string): number {
      return snippetsOf.get(articleId)?.size ?? 0;
    },
    /** The articles of `fromFile`, then any other whose group changed. */
    *changedOrFrom(fromFile: Iterable<string>): Generator<string> {
      const seen = new Set<string>();
      for (const articleId of fromFile) {
        seen.add(articleId);
        yield articleId;
      }
      for (const articleId of changed) if (!seen.has(articleId)) yield articleId;
    },
    /** Writes the changed groups among `articleIds`; the last request, or null without any. */
    write(articleIds: readonly string[]): Promise<unknown> | null {
      const puts: SnippetGroupRecord[] = [];
      const deletes: string[] = [];
      for (const articleId of articleIds) {
        if (!changed.has(articleId)) continue;
        const record = groupRecord(
          articleId,
          [...current(articleId).values()],
          stored.get(articleId),
        );
        if (record) puts.push(record);
        else if (stored.has(articleId)) deletes.push(articleId);
      }
      let last: Promise<unknown> | null = null;
      if (deletes.length > 0) last = db.snippetGroups.bulkDelete(deletes);
      if (puts.length > 0) last = db.snippetGroups.bulkPut(puts);
      return last;
    },
  };
}
