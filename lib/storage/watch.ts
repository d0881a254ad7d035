/**
 * The whole collection for the extension's own pages (popup, collection tab), kept current with
 * Dexie's `liveQuery`: a save from a page, an edit, a delete or an import shows at once.
 *
 * A large collection first shows its newest snippets (one quick indexed read) while the full read
 * runs; `partial` says which one a view holds.
 */
import { liveQuery } from "dexie";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { storageFailureCode } from "./errors.ts";

/** What the collection holds, as the pages show it. */
export interface CollectionView {
  /** True while only the newest snippets are loaded. */
  partial: boolean;
  /** How many snippets the collection has (known before they are all loaded). */
  total: number;
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
}

export interface CollectionWatcher {
  /** The newest snippets first (only when there are more), then the whole collection at each change. */
  next(view: CollectionView): void;
  /** The collection cannot be read (after the reads that reopen a closed connection failed too). */
  error(error: unknown): void;
}

/** How many of the newest snippets the first, quick read takes. */
export const FIRST_READ = 100;

/**
 * How many times in a row the live read starts again after the connection was closed under it
 * (another build's upgrade closes ours; Dexie opens it again on the next read).
 */
const REOPEN_ATTEMPTS = 3;

/** The newest snippets (all of those sharing the oldest time among them) and their articles. */
export async function newestSnippets(db: CollectionDb, count: number = FIRST_READ) {
  const newest = await db.snippets.orderBy("createdAt").reverse().limit(count).toArray();
  const oldest = newest.at(-1)?.createdAt;
  const snippets =
    oldest === undefined ? [] : await db.snippets.where("createdAt").aboveOrEqual(oldest).toArray();
  const ids = [...new Set(snippets.map((s) => s.articleId))];
  const articles = (await db.articles.bulkGet(ids)).filter((a): a is ArticleRecord => Boolean(a));
  const total = await db.snippets.count();
  return { articles, snippets, total, complete: snippets.length >= total };
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
  const subscribe = () => {
    if (stopped) return;
    subscription = liveQuery(async () => {
      const [articles, snippets] = await Promise.all([
        db.articles.toArray(),
        db.snippets.toArray(),
      ]);
      return { articles, snippets };
    }).subscribe({
      next: ({ articles, snippets }) => {
        reopenAttempts = 0;
        watcher.next({ partial: false, total: snippets.length, articles, snippets });
      },
      error: fail,
    });
  };
  // The quick read first (it would queue behind the full one otherwise), then the full one.
  newestSnippets(db)
    .then(({ articles, snippets, total, complete }) => {
      if (!stopped && !complete) watcher.next({ partial: true, total, articles, snippets });
    })
    .catch(() => {
      // The full read reports any error.
    })
    .finally(subscribe);
  return () => {
    stopped = true;
    subscription?.unsubscribe();
  };
}
