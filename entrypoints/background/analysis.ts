/**
 * The background's side of reading a page: recognition of what a content script read
 * (`recognizePage`), recognition and extraction of the text a page's article tools read
 * (`analyzeArticle`), and extraction of a selection the reader saves (`extractSelection`). The
 * engine runs only here, off the pages' main threads, and stays warm from one page to the next
 * while the background lives.
 */
import { onMessage } from "@/lib/messaging/protocol.ts";
import { analyzeReadArticleSteps } from "@/lib/page.ts";
import { recognize } from "@/lib/recognition/recognize.ts";
import { withSnippetIds } from "@/lib/snippets/item-ids.ts";
import { selectionItems } from "@/lib/snippets/selection.ts";
import { runSteps } from "@/lib/steps.ts";
import { rememberPageText } from "./page-fingerprints.ts";

export function listenForAnalysis(): void {
  onMessage("recognizePage", ({ data }) => recognize(data));
  onMessage("extractSelection", ({ data }) => selectionItems(data));
  onMessage("analyzeArticle", ({ data }) => {
    const analysis = runSteps(
      analyzeReadArticleSteps(data.read, { url: data.url, recognition: data.recognition }),
    );
    if (analysis.recognised) rememberPageText(data.url, analysis.article.text);
    return withSnippetIds(analysis, data.url);
  });
}
