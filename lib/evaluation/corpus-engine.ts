/**
 * The command-line side of the corpus evaluation: each article through the same path as
 * `npm run extract` on article text (`analyzeText`: recognition, then extraction when the page is
 * recognised), with the gold's article date as the reference date and the manifest's address.
 */
import { analyzeText } from "../page.ts";
import type { CorpusArticle } from "./corpus.ts";
import { type ArticleScore, scoreArticle } from "./corpus-score.ts";

/**
 * `always`: extract on every page, recognised or not — the engine's figures apart from
 * recognition (negative pages still count as not recognised).
 */
export function scoreArticleWithEngine(article: CorpusArticle, always = false): ArticleScore {
  const analysis = analyzeText(article.text, {
    url: article.url,
    date: article.articleDate ?? article.date,
    always,
  });
  return scoreArticle(article, analysis.items, analysis.recognised);
}
