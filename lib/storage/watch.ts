/**
 * The whole collection for the extension's own pages (popup, collection tab), kept current with
 * Dexie's `liveQuery`: a save from a page, an edit, a delete or an import shows at once.
 *
 * A large collection first shows its newest snippets (one quick indexed read; `partial` says which
 * one a view holds), then the whole of it: from its copy in one record when the copy is current
 * (view-cache.ts), else by reading every record, after which the copy is made.
 */
import { liveQuery } from "dexie";
import type { ArticleRecord, ListedArticle, ListedSnippet } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { storageFailureCode } from "./errors.ts";
import { FIRST_READ, type NewestRead } from "./newest-read.ts";
import { allSnippets, newestGroups } from "./snippet-records.ts";

export { FIRST_READ, type NewestRead } from "./newest-read.ts";

import {
  type CollectionRecords,
  copyIfStamped,
  parseCopy,
  type StoredCopy,
} from "./copy-format.ts";
import { collectionKey, currentCopyRecord, storeCopy, storedCopy } from "./view-cache.ts";

/**
 * What the collection holds, as the pages show it: listed records (from the copy, without each
 * article's saved text and each anchor's context; stored-records.ts reads those).
 */
export interface CollectionView {
  /** True while only the newest snippets are loaded. */
  partial: boolean;
  /** How many snippets the collection has; null while only the newest are loaded (not counted). */
  total: number | null;
  articles: ListedArticle[];
  snippets: ListedSnippet[];
}

export interface CollectionWatcher {
  /** The newest snippets first (only when there are more), then the whole collection at each change. */
  next(view: CollectionView): void;
  /** The collection cannot be read (after the reads that reopen a closed connection failed too). */
  error(error: unknown): void;
}

/**
 * How many times in a row the live read starts again after the connection was closed under it
 * (another build's upgrade closes ours; Dexie opens it again on the next read).
 */
const REOPEN_ATTEMPTS = 3;

/**
 * The newest snippets and their articles, in one read transaction (a write cannot land between
 * its requests): the snippets of the articles with the newest snippets (`newestGroups`).
 */
export function newestSnippets(db: CollectionDb, count: number = FIRST_READ): Promise<NewestRead> {
  return db.transaction("r", db.snippetGroups, db.articles, () => readNewest(db, count));
}

async function readNewest(db: CollectionDb, count: number): Promise<NewestRead> {
  const { snippets, complete } = await newestGroups(db, count);
  const ids = [...new Set(snippets.map((s) => s.articleId))];
  const articles = (await db.articles.bulkGet(ids)).filter((a): a is ArticleRecord => Boolean(a));
  return { articles, snippets, complete };
}

/** A quick read started before the page's first render, and its result once it has come. */
interface EarlyRead {
  read: Promise<NewestRead>;
  result?: NewestRead;
}

/** The quick reads started before a page's first render (`startNewestRead`), by database. */
const earlyReads = new WeakMap<CollectionDb, EarlyRead>();

/** The boot script's reads of the copy (`startNewestRead`), by database. */
const earlyCopies = new WeakMap<CollectionDb, Promise<StoredCopy | null>>();

/**
 * Starts the quick first read now, while the page still loads its settings and modules; the
 * first `watchCollection` on `db` takes it instead of reading again. A failure is left to that
 * watch (it reads again). The returned promise settles with the read, and never rejects.
 *
 * `boot` is the same read already started by the page's boot script without Dexie
 * (newest-raw.ts); when it gives nothing, the read is made here. `bootCopy` is the boot script's
 * read of the copy's stored records (copy-raw.ts), which the first watch parses instead of
 * reading the copy again.
 */
export function startNewestRead(
  db: CollectionDb,
  boot?: Promise<NewestRead | null>,
  bootCopy?: Promise<StoredCopy | null>,
): Promise<void> {
  if (bootCopy) earlyCopies.set(db, bootCopy);
  // With a boot read, Dexie opens the database meanwhile, for the reads after the quick one.
  if (boot) db.open().catch(() => undefined); // a failure is the watch's to report (it reads again)
  const read = boot
    ? boot.then(
        (result) => result ?? newestSnippets(db),
        () => newestSnippets(db),
      )
    : newestSnippets(db);
  const early: EarlyRead = { read };
  earlyReads.set(db, early);
  return early.read.then(
    (result) => {
      early.result = result;
    },
    () => undefined,
  );
}

/**
 * The early read of `db` when it has succeeded and no watch has taken it yet: a page's first
 * render can show it at once (the watch then takes the same read).
 */
export function earlyReadResult(db: CollectionDb): NewestRead | undefined {
  return earlyReads.get(db)?.result;
}

/** The early read of `db` if one was started (taken once), else a new quick read. */
export function firstRead(db: CollectionDb): Promise<NewestRead> {
  const early = earlyReads.get(db);
  earlyReads.delete(db);
  return early ? early.read.catch(() => newestSnippets(db)) : newestSnippets(db);
}

/** How long after a full read its copy is written (so the page shows the collection first). */
const COPY_DELAY_MS = 200;

/** A whole collection read, with its key and whether it came from the copy. */
export type CollectionRead = CollectionRecords & { key: string; fromCopy: boolean };

/**
 * The whole collection and its key, from the copy when it is current, else from its records;
 * `null` when its key is `known` (nothing changed since that read). The key and the copy's record
 * (or the records) are read in one read transaction, the copy's Blob after it (`parseCopy`);
 * a copy that cannot be parsed is left aside and the records are read.
 */
export async function readCollectionView(
  db: CollectionDb,
  known: string | null = null,
  withCopy = true,
): Promise<CollectionRead | null> {
  const stores = [db.articles, db.snippets, db.snippetGroups, db.views];
  const read = await db.transaction("r", stores, async () => {
    const key = await collectionKey(db);
    if (key === known) return null;
    const copy = withCopy ? await currentCopyRecord(db, key) : undefined;
    if (copy) return { key, copy };
    const [articles, snippets] = await Promise.all([db.articles.toArray(), allSnippets(db)]);
    return { key, records: { articles, snippets } };
  });
  if (!read) return null;
  if (read.records) return { ...read.records, key: read.key, fromCopy: false };
  const records = await parseCopy(read.copy);
  return records
    ? { ...records, key: read.key, fromCopy: true }
    : readCollectionView(db, known, false);
}

/**
 * The copy for a watch's first full load, if no write through lib/storage came since it was made
 * (`storedCopy`, `copyIfStamped`); the live read that follows checks the whole key and corrects
 * what it missed.
 */
export async function readStampedCopy(db: CollectionDb): Promise<CollectionRead | null> {
  const stored = await db.transaction("r", db.views, () => storedCopy(db));
  const copy = await copyIfStamped(stored);
  return copy ? { ...copy, fromCopy: true } : null;
}

/**
 * The copy for a watch's first full load: the boot script's read of it when there was one (taken
 * once) and it holds a copy made under the stamp it was read with, else `readStampedCopy`.
 */
async function firstCopy(db: CollectionDb): Promise<CollectionRead | null> {
  const early = earlyCopies.get(db);
  earlyCopies.delete(db);
  const stored = early ? await early.catch(() => null) : null;
  const copy = stored ? await copyIfStamped(stored) : undefined;
  return copy ? { ...copy, fromCopy: true } : readStampedCopy(db);
}

/**
 * Resolves after the next frame is painted, or after 100 ms (a hidden page paints no frames; a
 * worker has none).
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const next = () => setTimeout(resolve, 0);
    setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(next);
    else next();
  });
}

/** Follows the collection until the returned function is called. */
export function watchCollection(db: CollectionDb, watcher: CollectionWatcher): () => void {
  let subscription: { unsubscribe(): void } | null = null;
  let stopped = false;
  let reopenAttempts = 0;
  const fail = (error: unknown) => {
    if (storageFailureCode(error) === "closed" && reopenAttempts < REOPEN_ATTEMPTS) {
      reopenAttempts++;
      subscription?.unsubscribe();
      subscribe();
      return;
    }
    watcher.error(error);
  };
  /** The key of the last whole collection given to the watcher: the same again is not given. */
  let shownKey: string | null = null;
  let copyTimer: ReturnType<typeof setTimeout> | undefined;
  const show = (view: CollectionRead | null) => {
    if (stopped || !view || view.key === shownKey) return;
    shownKey = view.key;
    watcher.next({
      partial: false,
      total: view.snippets.length,
      articles: view.articles,
      snippets: view.snippets,
    });
    if (!view.fromCopy) {
      clearTimeout(copyTimer);
      copyTimer = setTimeout(() => void storeCopy(db, view.key, view), COPY_DELAY_MS);
    }
  };
  const subscribe = () => {
    if (stopped) return;
    subscription = liveQuery(() => readCollectionView(db, shownKey)).subscribe({
      next: (view) => {
        reopenAttempts = 0;
        show(view);
      },
      error: fail,
    });
  };
  // The quick read first (the newest snippets show at once), then the copy; the full read only
  // after them (the quick read would queue behind it otherwise).
  const start = async () => {
    const { articles, snippets, complete } = await firstRead(db);
    if (!stopped && !complete && shownKey === null) {
      watcher.next({ partial: true, total: null, articles, snippets });
    }
    if (complete) return;
    // Let the page paint the newest snippets before the copy is read and parsed.
    await afterPaint();
    const copy = await firstCopy(db);
    show(copy);
    // The live read checks the copy's key once the whole collection is painted: its requests
    // would otherwise share the page's thread with that render.
    if (copy) await afterPaint();
  };
  start()
    .catch(() => {
      // The full read reports any error.
    })
    .finally(subscribe);
  return () => {
    stopped = true;
    clearTimeout(copyTimer);
    subscription?.unsubscribe();
  };
}
