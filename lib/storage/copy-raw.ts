/**
 * The collection's copy (view-cache.ts) as stored, read in bare IndexedDB by the collection
 * page's boot script right after its quick first read: IndexedDB hands back the copy's Blob at
 * once (not its contents), so the page's first full load, once the first render is painted, reads
 * and parses it (`copyIfStamped`) without another request to the database.
 *
 * Like the quick read (newest-raw.ts) it only reads: the database as it is, never created, the
 * connection closed after the read. Null means "no early copy": the page reads it with Dexie.
 */

import { COPY, STAMP, type StoredCopy } from "./copy-format.ts";
import { DB_NAME } from "./db-name.ts";
import { openExisting, result } from "./raw-idb.ts";

const VIEWS = "views";

/** The stamp and the copy, read together in one read transaction, or null (see above). */
export async function readCopyRaw(options: {
  indexedDB: IDBFactory;
  name?: string;
}): Promise<StoredCopy | null> {
  const db = await openExisting(options.indexedDB, options.name ?? DB_NAME);
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains(VIEWS)) return null;
    const views = db.transaction(VIEWS, "readonly").objectStore(VIEWS);
    const [stamp, copy] = await Promise.all([result(views.get(STAMP)), result(views.get(COPY))]);
    return { stamp, copy };
  } catch {
    return null;
  } finally {
    db.close();
  }
}
