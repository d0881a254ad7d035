/**
 * A whole document analysed: its article read (the article region, else Readability), then
 * recognised and extracted (lib/page.ts). Used where the document is at hand: the CLI and the
 * bench, on a server-side DOM.
 */
import { type AnalyzeOptions, analyzeReadArticle, type PageAnalysis } from "./page.ts";
import { readArticle } from "./recognition/readable.ts";

export function analyzeDocument(doc: Document, options: AnalyzeOptions): PageAnalysis {
  return analyzeReadArticle(readArticle(doc), options);
}
