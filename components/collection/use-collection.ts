/**
 * The whole collection for the extension's own pages (popup, collection tab), kept current
 * (`watchCollection` in lib/storage): a save from a page, an edit, a delete or an import shows at
 * once. A large collection first shows its newest snippets while the full read runs.
 */
import { useEffect, useState } from "preact/hooks";
import type { ListedArticle, ListedSnippet } from "../../lib/snippets/types.ts";
import type { CollectionDb, NewestRead } from "../../lib/storage/index.ts";
import {
  earlyReadResult,
  errorMessage,
  watchBlockedOpen,
  watchCollection,
} from "../../lib/storage/index.ts";

export interface CollectionState {
  loading: boolean;
  /** True while only the newest snippets are loaded. */
  partial: boolean;
  /** How many snippets the collection has; null while only the newest are loaded. */
  total: number | null;
  /** Why the collection cannot be read (a storage failure's clear message), or null. */
  error: string | null;
  /** The database's open waits for another tab of the extension to close it. */
  blocked: boolean;
  articles: ListedArticle[];
  snippets: ListedSnippet[];
}

/** The state before the watch's first view: the page's early read when it has already come. */
function initialState(early: NewestRead | undefined): CollectionState {
  const start = { error: null, blocked: false };
  if (!early)
    return { ...start, loading: true, partial: false, total: 0, articles: [], snippets: [] };
  const { articles, snippets, complete } = early;
  return {
    ...start,
    loading: false,
    partial: !complete,
    total: complete ? snippets.length : null,
    articles,
    snippets,
  };
}

export function useCollection(db: CollectionDb): CollectionState {
  const [state, setState] = useState<CollectionState>(() => initialState(earlyReadResult(db)));
  useEffect(() => {
    const stopWatchingBlocked = watchBlockedOpen(db, (blocked) =>
      setState((previous) => ({ ...previous, blocked })),
    );
    const stopWatching = watchCollection(db, {
      next: (view) =>
        setState((previous) =>
          // The early read the first render already showed, given again by the watch.
          view.partial && previous.partial && view.snippets === previous.snippets
            ? previous
            : { loading: false, error: null, blocked: false, ...view },
        ),
      // What is already shown stays shown: a failure only adds its message.
      error: (error) =>
        setState((previous) => ({ ...previous, loading: false, error: errorMessage(error) })),
    });
    return () => {
      stopWatchingBlocked();
      stopWatching();
    };
  }, [db]);
  return state;
}
