/**
 * The whole collection for the extension's own pages (popup, collection tab):
 * every article and snippet, kept current with Dexie's liveQuery, so a save
 * from a page, an edit, a delete or an import shows at once.
 *
 * A large collection first shows its newest snippets (one quick indexed read)
 * while the full read runs; `partial` says which one the state holds.
 */
import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import type { CollectionDb } from "../../lib/storage/index.ts";
import { errorMessage, storageFailureCode, watchBlockedOpen } from "../../lib/storage/index.ts";

export interface CollectionState {
  loading: boolean;
  /** True while only the newest snippets are loaded. */
  partial: boolean;
  /** How many snippets the collection has (known before they are all loaded). */
  total: number;
  /** Why the collection cannot be read (a storage failure's clear message), or null. */
  error: string | null;
  /** The database's open waits for another tab of the extension to close it. */
  blocked: boolean;
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
}

/** How many of the newest snippets the first, quick read takes. */
const FIRST_READ = 100;

/**
 * How many times in a row the live read starts again after the connection was closed under it
 * (another build's upgrade closes ours; Dexie opens it again on the next read).
 */
const REOPEN_ATTEMPTS = 3;

/** The newest snippets (all of those sharing the oldest time among them) and their articles. */
async function newestSnippets(db: CollectionDb) {
  const newest = await db.snippets.orderBy("createdAt").reverse().limit(FIRST_READ).toArray();
  const oldest = newest.at(-1)?.createdAt;
  const snippets =
    oldest === undefined ? [] : await db.snippets.where("createdAt").aboveOrEqual(oldest).toArray();
  const ids = [...new Set(snippets.map((s) => s.articleId))];
  const articles = (await db.articles.bulkGet(ids)).filter((a): a is ArticleRecord => Boolean(a));
  const total = await db.snippets.count();
  return { articles, snippets, total, complete: snippets.length >= total };
}

export function useCollection(db: CollectionDb): CollectionState {
  const [state, setState] = useState<CollectionState>({
    loading: true,
    partial: false,
    total: 0,
    error: null,
    blocked: false,
    articles: [],
    snippets: [],
  });
  useEffect(() => {
    let subscription: { unsubscribe(): void } | null = null;
    let stopped = false;
    let reopenAttempts = 0;
    // What is already shown stays shown: a failure only adds its message.
    const fail = (error: unknown) => {
      if (storageFailureCode(error) === "closed" && reopenAttempts < REOPEN_ATTEMPTS) {
        reopenAttempts++;
        subscription?.unsubscribe();
        subscribe();
        return;
      }
      setState((previous) => ({ ...previous, loading: false, error: errorMessage(error) }));
    };
    const stopWatchingBlocked = watchBlockedOpen(db, (blocked) =>
      setState((previous) => ({ ...previous, blocked })),
    );
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
          setState({
            loading: false,
            partial: false,
            total: snippets.length,
            error: null,
            blocked: false,
            articles,
            snippets,
          });
        },
        error: fail,
      });
    };
    // The quick read first (it would queue behind the full one otherwise), then the full one.
    newestSnippets(db)
      .then(({ articles, snippets, total, complete }) => {
        if (!stopped && !complete) {
          setState({
            loading: false,
            partial: true,
            total,
            error: null,
            blocked: false,
            articles,
            snippets,
          });
        }
      })
      .catch(() => {
        // The full read reports any error.
      })
      .finally(subscribe);
    return () => {
      stopped = true;
      stopWatchingBlocked();
      subscription?.unsubscribe();
    };
  }, [db]);
  return state;
}
