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
import { FIRST_READ, NEWEST_BATCH, type NewestRead, oldestFirst } from "./newest-read.ts";
import { openExisting, result } from "./raw-idb.ts";

const GROUPS = "snippetGroups";
const ARTICLES = "articles";
const NEWEST_FIRST_INDEX = "createdAt";

/** What this read needs of a group record (snippet-records.ts; that module needs Dexie). */
interface Group {
  snippets: SnippetRecord[];
}

export interface RawReadOptions {
  /** The IndexedDB factory (a fake one in tests). */
  indexedDB: IDBFactory;
  /** Database name; defaults to `DB_NAME`. */
  name?: string;
  count?: number;
}

/**
 * The groups by their newest snippet, newest first, until they hold at least `count` snippets
 * (`newestGroups` in snippet-records.ts, read the same way); `complete` when no group is left.
 */
async function newestGroups(
  store: IDBObjectStore,
  count: number,
): Promise<{ snippets: SnippetRecord[]; complete: boolean }> {
  // Ascending by the index, a tie by key: reversed, the newest first and a tie by key, last first.
  const keys = (await result(store.index(NEWEST_FIRST_INDEX).getAllKeys())).reverse();
  const snippets: SnippetRecord[] = [];
  let taken = 0;
  for (let batch = NEWEST_BATCH; taken < keys.length && snippets.length < count; batch *= 2) {
    const wanted = keys.slice(taken, taken + batch);
    const groups = await Promise.all(wanted.map((key) => result(store.get(key))));
    for (const group of groups as (Group | undefined)[]) {
      if (snippets.length >= count) break;
      taken++;
      if (group) snippets.push(...group.snippets);
    }
  }
  // The order of `newestGroups` in snippet-records.ts.
  return { snippets: snippets.sort(oldestFirst), complete: taken >= keys.length };
}

async function readNewest(transaction: IDBTransaction, count: number): Promise<NewestRead> {
  const { snippets, complete } = await newestGroups(transaction.objectStore(GROUPS), count);
  const articleStore = transaction.objectStore(ARTICLES);
  const ids = [...new Set(snippets.map((s) => s.articleId))];
  const found = await Promise.all(ids.map((id) => result(articleStore.get(id))));
  const articles = found.filter((a): a is ArticleRecord => Boolean(a));
  return { articles, snippets, complete };
}

/** The newest snippets and their articles in one read transaction, or null (see above). */
export async function readNewestRaw(options: RawReadOptions): Promise<NewestRead | null> {
  const db = await openExisting(options.indexedDB, options.name ?? DB_NAME);
  if (!db) return null;
  try {
    const names = db.objectStoreNames;
    if (!names.contains(GROUPS) || !names.contains(ARTICLES)) return null;
    const transaction = db.transaction([GROUPS, ARTICLES], "readonly");
    if (!transaction.objectStore(GROUPS).indexNames.contains(NEWEST_FIRST_INDEX)) return null;
    return await readNewest(transaction, options.count ?? FIRST_READ);
  } catch {
    return null;
  } finally {
    db.close();
  }
}
