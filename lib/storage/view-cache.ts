/**
 * A copy of the whole collection as the pages list it (copy-format.ts: no saved texts, no anchor
 * context), in one record, so the pages load it in one read: IndexedDB
 * hands out 10,000 snippet records one object at a time (hundreds of milliseconds), one Blob of
 * JSON comes back at once, is read as text without copying it on the page's thread, and
 * `JSON.parse` takes a fraction of that.
 *
 * The copy is only ever used when it is the collection as it is now. Its key is the collection's
 * state when it was made: the stamp (a random value every write through lib/storage replaces, in
 * the write's own transaction: `touch`), how many article and snippet records there are, and
 * the newest `updatedAt` of each (these also catch writes by an older build of the extension, which
 * does not know the stamp). The key is read in the same transaction as the copy or the records,
 * and the copy is written only when the key is still the same (`storeCopy`), so a write between
 * a read and the copy's write leaves no stale copy behind. A page's first full load checks only
 * the stamp (`storedCopy`: counting 10,000 records is slower than reading the copy) and its live
 * read checks the whole key right after, showing the records if an older build wrote meanwhile.
 */
import { COPY, type CollectionRecords, encodeCopy, STAMP, type StoredCopy } from "./copy-format.ts";
import type { CollectionDb } from "./db.ts";
import { snippetsState } from "./snippet-records.ts";

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

/**
 * The copy's record, when it is the collection as it is now (inside a read transaction over all
 * three). Its Blob is read and parsed after the transaction (`parseCopy`): awaiting the read
 * inside would let IndexedDB commit the transaction under Dexie, which then fails it.
 */
export async function currentCopyRecord(db: CollectionDb, key: string): Promise<unknown> {
  const copy = await db.views.get(COPY);
  return copy?.key === key ? copy : undefined;
}

/**
 * The stamp's and the copy's records (inside a read transaction over `views`); the copy is the
 * collection's when its stamp is the one it was made with (`copyIfStamped`, after the
 * transaction): no write through lib/storage came since. Two small requests, where the whole key
 * counts every record (100 ms and more for 10,000). What only the whole key sees, a write by an
 * older build that knows nothing of the stamp, the page's live read (`readCollectionView` with
 * the copy's key) sees next and shows the records.
 */
export async function storedCopy(db: CollectionDb): Promise<StoredCopy> {
  const [stamp, copy] = await Promise.all([db.views.get(STAMP), db.views.get(COPY)]);
  return { stamp, copy };
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
  const listing = new Blob([encodeCopy(records)], { type: "application/json" });
  try {
    const stores = [db.articles, db.snippets, db.snippetGroups, db.views];
    return await db.transaction("rw", stores, async () => {
      if ((await collectionKey(db)) !== key) return false;
      await db.views.put({ id: COPY, key, listing });
      return true;
    });
  } catch {
    return false;
  }
}
