/**
 * `npm run eval -- --browser`: the corpus articles served inside portal layouts to the built
 * extension in Chromium, scored from `CSS.highlights` like the command-line eval.
 */
import type { ArticleScore, CorpusArticle } from "../../lib/evaluation/corpus.ts";

export interface BrowserCorpusEvaluation {
  /** One score per corpus article, from the highlights the extension painted. */
  scores: ArticleScore[];
  /** Highlights painted outside the article's own text (chrome, related lists, sidebars). */
  outsideArticle: number;
  /** Negative pages on which anything was highlighted. */
  negativePagesHighlighted: number;
  /** Pages whose text (`document.body.innerText`) differs from a plain Chromium's. */
  textChanged: number;
  /** Ids of the articles whose items differ from the command line's scores. */
  differences(cli: readonly ArticleScore[]): string[];
}

export async function evaluateCorpusInBrowser(
  _corpus: readonly CorpusArticle[],
  _options: { log: (line: string) => void; verbose: boolean },
): Promise<BrowserCorpusEvaluation> {
  throw new Error("the browser corpus evaluation is not built yet");
}
