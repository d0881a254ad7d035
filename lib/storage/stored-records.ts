/**
 * The stored records behind what the pages list: the pages hold the collection as listed (its
 * copy leaves out each article's saved text and each anchor's context, view-cache.ts), so what
 * needs those (the saved-text view, the lossless JSON and Web Annotation exports) reads the
 * records here when the reader asks for it.
 */
import type { ArticleRecord, SnippetRecord, StoredEntry } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { snippetsForArticle } from "./save.ts";
import { allSnippets, getSnippets } from "./snippet-records.ts";

/**
 * Above this many snippets, one read of every article's snippets is quicker than a read of the
 * groups that hold them, one by one.
 */
const WHOLE_STORE_ABOVE = 500;

/** The stores a read of stored records takes (the older builds' loose snippets included). */
const readStores = (db: CollectionDb) => [db.snippetGroups, db.snippets, db.articles];

/**
 * The stored snippets `ids` name, each with its article, in the order of `ids`, in one read
 * transaction; a snippet deleted since is left out.
 */
export function storedEntries(db: CollectionDb, ids: readonly string[]): Promise<StoredEntry[]> {
  return db.transaction("r", readStores(db), async () => {
    const snippets = await storedSnippets(db, ids);
    const articleIds = [...new Set(snippets.map((s) => s.articleId))];
    const articles = new Map<string, ArticleRecord>();
    for (const article of await db.articles.bulkGet(articleIds)) {
      if (article) articles.set(article.id, article);
    }
    return snippets.map((snippet) => ({ snippet, article: articles.get(snippet.articleId) }));
  });
}

async function storedSnippets(db: CollectionDb, ids: readonly string[]): Promise<SnippetRecord[]> {
  if (ids.length <= WHOLE_STORE_ABOVE) {
    return (await getSnippets(db, ids)).filter((s): s is SnippetRecord => Boolean(s));
  }
  const byId = new Map<string, SnippetRecord>();
  for (const snippet of await allSnippets(db)) byId.set(snippet.id, snippet);
  return ids.flatMap((id) => {
    const snippet = byId.get(id);
    return snippet ? [snippet] : [];
  });
}

/** A stored article (with its saved text) and its stored snippets in text order. */
export interface StoredArticle {
  article: ArticleRecord | undefined;
  snippets: SnippetRecord[];
}

/**
 * A stored article with its stored snippets in text order (what the saved-text view shows), in
 * one read transaction; `article` undefined when there is none.
 */
export function storedArticle(db: CollectionDb, articleId: string): Promise<StoredArticle> {
  return db.transaction("r", readStores(db), async () => {
    const [article, snippets] = await Promise.all([
      db.articles.get(articleId),
      snippetsForArticle(db, articleId),
    ]);
    return { article, snippets };
  });
}
