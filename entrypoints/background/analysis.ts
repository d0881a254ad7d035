/**
 * The background's side of reading an article: recognition and extraction of the text a page's
 * article tools read (`analyzeArticle`). The engine runs here, off the page's main thread, and
 * stays warm from one page to the next while the background lives.
 */
import { onMessage } from "@/lib/messaging/protocol.ts";
import { analyzeReadArticleSteps } from "@/lib/page.ts";
import { runSteps } from "@/lib/steps.ts";

export function listenForAnalysis(): void {
  onMessage("analyzeArticle", ({ data }) =>
    runSteps(analyzeReadArticleSteps(data.read, { url: data.url, recognition: data.recognition })),
  );
}
