/**
 * The whole collection for the extension's own pages (popup, collection tab):
 * every article and snippet, kept current with Dexie's liveQuery, so a save
 * from a page, an edit, a delete or an import shows at once.
 */
import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import type { CollectionDb } from "../../lib/storage/index.ts";

export interface CollectionState {
  loading: boolean;
  error: string | null;
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
}

export function useCollection(db: CollectionDb): CollectionState {
  const [state, setState] = useState<CollectionState>({
    loading: true,
    error: null,
    articles: [],
    snippets: [],
  });
  useEffect(() => {
    const subscription = liveQuery(async () => {
      const [articles, snippets] = await Promise.all([
        db.articles.toArray(),
        db.snippets.toArray(),
      ]);
      return { articles, snippets };
    }).subscribe({
      next: ({ articles, snippets }) =>
        setState({ loading: false, error: null, articles, snippets }),
      error: (error: unknown) =>
        setState((previous) => ({
          ...previous,
          loading: false,
          error: error instanceof Error ? error.message : String(error),
        })),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return state;
}
