/**
 * The whole collection for the extension's own pages (popup, collection tab), kept current
 * (`watchCollection` in lib/storage): a save from a page, an edit, a delete or an import shows at
 * once. A large collection first shows its newest snippets while the full read runs.
 */
import { useEffect, useState } from "preact/hooks";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import type { CollectionDb } from "../../lib/storage/index.ts";
import { errorMessage, watchBlockedOpen, watchCollection } from "../../lib/storage/index.ts";

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
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
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
    const stopWatchingBlocked = watchBlockedOpen(db, (blocked) =>
      setState((previous) => ({ ...previous, blocked })),
    );
    const stopWatching = watchCollection(db, {
      next: (view) => setState({ loading: false, error: null, blocked: false, ...view }),
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
