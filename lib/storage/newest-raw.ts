/**
 * The quick first read (the newest snippets and their articles, as `newestSnippets` in watch.ts
 * reads them with Dexie) in bare IndexedDB, for the collection page's boot script: it runs while
 * the page still loads and compiles its modules, so the read is done when they are.
 *
 * It only reads, and never creates, upgrades or holds the database:
 * - no version is asked for, so it opens the database as it is; when there is none yet the open
 *   would create it, and the upgrade is aborted (the database stays uncreated for Dexie);
 * - a database without the stores or the index it needs gives null;
 * - the connection is closed after the read, and at once when another connection asks for an
 *   upgrade.
 * Null (or a failure) means "no quick read": the page reads with Dexie as it would without it.
 */
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import { DB_NAME } from "./db-name.ts";
import { FIRST_READ, type NewestRead } from "./newest-read.ts";
import { openExisting, result } from "./raw-idb.ts";

const SNIPPETS = "snippets";
const ARTICLES = "articles";
const NEWEST_FIRST_INDEX = "createdAt";

export interface RawReadOptions {
  /** The IndexedDB factory (a fake one in tests). */
  indexedDB: IDBFactory;
  /** The key range constructor that goes with it. */
  IDBKeyRange: typeof IDBKeyRange;
  /** Database name; defaults to `DB_NAME`. */
  name?: string;
  count?: number;
}

/**
 * The `createdAt` keys of the `count`-th newest snippet and of the one after it (a key cursor on
 * the index that skips ahead); undefined where there is none.
 */
function oldestAndNext(
  index: IDBIndex,
  count: number,
): Promise<[IDBValidKey | undefined, IDBValidKey | undefined]> {
  return new Promise((resolve, reject) => {
    const request = index.openKeyCursor(null, "prev");
    const keys: IDBValidKey[] = [];
    let skipped = count <= 1;
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve([keys[0], keys[1]]);
      if (!skipped) {
        skipped = true;
        cursor.advance(count - 1);
        return;
      }
      keys.push(cursor.key);
      if (keys.length === 2) resolve([keys[0], keys[1]]);
      else cursor.continue();
    };
  });
}

async function readNewest(
  transaction: IDBTransaction,
  range: typeof IDBKeyRange,
  count: number,
): Promise<NewestRead> {
  const snippetStore = transaction.objectStore(SNIPPETS);
  const byTime = snippetStore.index(NEWEST_FIRST_INDEX);
  const [oldest, next] = await oldestAndNext(byTime, count);
  const snippets = (await result(
    oldest === undefined ? snippetStore.getAll() : byTime.getAll(range.lowerBound(oldest)),
  )) as SnippetRecord[];
  const articleStore = transaction.objectStore(ARTICLES);
  const ids = [...new Set(snippets.map((s) => s.articleId))];
  const found = await Promise.all(ids.map((id) => result(articleStore.get(id))));
  const articles = found.filter((a): a is ArticleRecord => Boolean(a));
  return { articles, snippets, complete: next === undefined };
}

/** The newest snippets and their articles in one read transaction, or null (see above). */
export async function readNewestRaw(options: RawReadOptions): Promise<NewestRead | null> {
  const db = await openExisting(options.indexedDB, options.name ?? DB_NAME);
  if (!db) return null;
  try {
    const names = db.objectStoreNames;
    if (!names.contains(SNIPPETS) || !names.contains(ARTICLES)) return null;
    const transaction = db.transaction([SNIPPETS, ARTICLES], "readonly");
    if (!transaction.objectStore(SNIPPETS).indexNames.contains(NEWEST_FIRST_INDEX)) return null;
    return await readNewest(transaction, options.IDBKeyRange, options.count ?? FIRST_READ);
  } catch {
    return null;
  } finally {
    db.close();
  }
}
