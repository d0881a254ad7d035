/**
 * A copy of the whole collection in one record, so the pages load it in one read: IndexedDB
 * hands out 10,000 snippet records one object at a time (hundreds of milliseconds), one block of
 * UTF-8 JSON, `TextDecoder` and `JSON.parse` take a fraction of that.
 *
 * The copy is only ever used when it is the collection as it is now. Its key is the collection's
 * state when it was made: the stamp (a random value every write through lib/storage replaces, in
 * the write's own transaction: `touch`), how many article and snippet records there are, and
 * the newest `updatedAt` of each (these also catch writes by an older build of the extension, which
 * does not know the stamp). The key is read in the same transaction as the copy or the records,
 * and the copy is written only when the key is still the same (`storeCopy`), so a write between
 * a read and the copy's write leaves no stale copy behind. A page's first full load checks only
 * the stamp (`stampedCopy`: counting 10,000 records is slower than reading the copy) and its live
 * read checks the whole key right after, showing the records if an older build wrote meanwhile.
 */
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { snippetsState } from "./snippet-records.ts";

const COPY = "collection";
const STAMP = "stamp";

export interface CollectionRecords {
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
}

/**
 * Marks the collection changed and drops the copy (no deleted snippet stays behind in it): call
 * inside every write transaction (it must include `views`).
 */
export async function touch(db: CollectionDb): Promise<void> {
  await Promise.all([db.views.put({ id: STAMP, key: crypto.randomUUID() }), db.views.delete(COPY)]);
}

/**
 * The collection's state now (inside a transaction over articles, snippets, snippet groups and
 * views): the stamp, then the articles' count and newest `updatedAt`, then the snippets' records
 * (`snippetsState`: the groups', and the older builds' store's).
 */
export async function collectionKey(db: CollectionDb): Promise<string> {
  const [stamp, articles, articleUpdated, snippets] = await Promise.all([
    db.views.get(STAMP),
    db.articles.count(),
    db.articles.orderBy("updatedAt").reverse().limit(1).keys(),
    snippetsState(db),
  ]);
  return JSON.stringify([stamp?.key ?? "", articles, articleUpdated[0] ?? null, ...snippets]);
}

/** The copy, when it is the collection as it is now (inside a read transaction over all three). */
export async function currentCopy(
  db: CollectionDb,
  key: string,
): Promise<CollectionRecords | undefined> {
  const copy = await db.views.get(COPY);
  return copy?.key === key ? parseCopy(copy.bytes) : undefined;
}

/** The stamp a key was made with (its first part), or undefined for what is not a key. */
function stampOf(key: unknown): string | undefined {
  if (typeof key !== "string") return undefined;
  try {
    const parts: unknown = JSON.parse(key);
    return Array.isArray(parts) && typeof parts[0] === "string" ? parts[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The copy when the stamp is the one it was made with (inside a read transaction over `views`),
 * with the key it was made with: no write through lib/storage came since. Two small requests
 * beside the copy, where the whole key counts every record (100 ms and more for 10,000). What
 * only the whole key sees, a write by an older build that knows nothing of the stamp, the
 * page's live read (`readCollectionView` with this key) sees next and shows the records.
 */
export async function stampedCopy(
  db: CollectionDb,
): Promise<(CollectionRecords & { key: string }) | undefined> {
  const [stamp, copy] = await Promise.all([db.views.get(STAMP), db.views.get(COPY)]);
  if (!copy || stampOf(copy.key) !== (stamp?.key ?? "")) return undefined;
  const records = parseCopy(copy.bytes);
  return records ? { ...records, key: copy.key } : undefined;
}

/** The copy's records from its bytes, or undefined when they are not a copy. */
function parseCopy(bytes: unknown): CollectionRecords | undefined {
  if (!(bytes instanceof Uint8Array)) return undefined;
  try {
    const json = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const records = JSON.parse(json) as Partial<CollectionRecords>;
    if (!Array.isArray(records.articles) || !Array.isArray(records.snippets)) return undefined;
    return { articles: records.articles, snippets: records.snippets };
  } catch {
    return undefined;
  }
}

/**
 * JSON with every character past ASCII written as a `\uXXXX` escape: the copy's bytes are then
 * plain ASCII, which `TextDecoder` turns into a string several times faster than UTF-8 text with
 * Vietnamese letters (a bulk copy instead of decoding character by character); `JSON.parse` reads
 * the escapes back into the same strings.
 */
export function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Writes the copy of `records`, read when the collection's key was `key`, unless the collection
 * changed since. Best effort: a failure (a full disk…) only means the next load reads the records.
 */
export async function storeCopy(
  db: CollectionDb,
  key: string,
  records: CollectionRecords,
): Promise<boolean> {
  const bytes = new TextEncoder().encode(
    asciiJson(JSON.stringify({ articles: records.articles, snippets: records.snippets })),
  );
  try {
    const stores = [db.articles, db.snippets, db.snippetGroups, db.views];
    return await db.transaction("rw", stores, async () => {
      if ((await collectionKey(db)) !== key) return false;
      await db.views.put({ id: COPY, key, bytes });
      return true;
    });
  } catch {
    return false;
  }
}
