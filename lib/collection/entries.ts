/**
 * The collection as the pages show it: each saved snippet with the article it
 * came from, newest first.
 */
import type { ListedArticle, ListedEntry, ListedSnippet } from "../snippets/types.ts";

export type { ListedEntry } from "../snippets/types.ts";

/**
 * Newest first: `createdAt` descending; snippets saved together (same time, same article) in text
 * order; then by id so the order never depends on the input order.
 */
export function newestFirst(a: ListedEntry, b: ListedEntry): number {
  const x = a.snippet;
  const y = b.snippet;
  if (x.createdAt !== y.createdAt) return y.createdAt - x.createdAt;
  if (x.articleId !== y.articleId) return x.articleId < y.articleId ? -1 : 1;
  if (x.anchor.start !== y.anchor.start) return x.anchor.start - y.anchor.start;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/**
 * Every snippet joined with its article, newest first (see `newestFirst`): listed records make
 * `ListedEntry`s, stored records entries holding them (what the lossless exports take).
 */
export function joinEntries<A extends ListedArticle, S extends ListedSnippet>(
  articles: readonly A[],
  snippets: readonly S[],
): Array<{ snippet: S; article: A | undefined }> {
  const byId = new Map<string, A>();
  for (const article of articles) byId.set(article.id, article);
  return snippets
    .map((snippet) => ({ snippet, article: byId.get(snippet.articleId) }))
    .sort(newestFirst);
}
