/**
 * The background's answer to a page asking for its article's analysis: the analysis, the
 * article's key and the id each item's snippet gets when saved. The ids are worked out where the
 * analysis is made (off the page's main thread), so the page only places and paints the items.
 */
import type { PageAnalysis } from "../page.ts";
import { itemSnippet } from "./build.ts";
import { articleKey, snippetId } from "./keys.ts";

export interface ArticleAnalysis extends PageAnalysis {
  /** The article's key for the page the analysis was asked for (`articleKey`). */
  articleId: string;
  /** Each item's snippet id, in the order of `items`. */
  snippetIds: string[];
}

/** The snippet id of an item the engine found in `text`, in the article `articleId`. */
export function itemSnippetId(
  articleId: string,
  text: string,
  item: PageAnalysis["items"][number],
): string {
  return snippetId(articleId, item.kind, itemSnippet(text, item).anchor);
}

/** The analysis of the article read at `url`, with its key and its items' snippet ids. */
export function withSnippetIds(analysis: PageAnalysis, url: string): ArticleAnalysis {
  const articleId = articleKey(url, analysis.article.canonicalUrl);
  const { text } = analysis.article;
  return {
    ...analysis,
    articleId,
    snippetIds: analysis.items.map((item) => itemSnippetId(articleId, text, item)),
  };
}
