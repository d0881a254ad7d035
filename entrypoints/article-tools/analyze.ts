/**
 * An article read in the page is analysed (recognised, its items extracted) by the background, so
 * the page's main thread does not run the engine. When the background cannot answer (stopped for
 * good, an extension being updated), the page analyses it itself, in slices that let the page run.
 */
import { type AnalyzeRequest, sendMessage } from "@/lib/messaging/protocol.ts";
import { sendIdempotent } from "@/lib/messaging/retry.ts";
import { analyzeReadArticleSteps, type PageAnalysis } from "@/lib/page.ts";
import type { ReadableArticle } from "@/lib/recognition/readable.ts";
import type { Recognition } from "@/lib/recognition/recognize.ts";
import { type RunTimer, runSliced } from "../content/timing.ts";

export interface AnalyzeOptions {
  url: string;
  /** The content script's recognition of this reading, when it is the one handed over. */
  recognition?: Recognition;
  timer: RunTimer;
  cancelled: () => boolean;
  /** Asks the background (the default); a test gives its own. */
  send?: (request: AnalyzeRequest) => Promise<PageAnalysis>;
}

const askBackground = (request: AnalyzeRequest) =>
  sendIdempotent(() => sendMessage("analyzeArticle", request));

/** The analysis of `read`, or undefined when cancelled meanwhile. */
export async function analyzeArticle(
  read: ReadableArticle,
  options: AnalyzeOptions,
): Promise<PageAnalysis | undefined> {
  const { pieces: _nodes, ...plain } = read;
  try {
    return await (options.send ?? askBackground)({
      url: options.url,
      read: plain,
      ...(options.recognition ? { recognition: options.recognition } : {}),
    });
  } catch (error) {
    if (options.cancelled()) return undefined;
    console.warn("The background did not analyse the article; analysing it in the page:", error);
    return runSliced(
      analyzeReadArticleSteps(read, { url: options.url, recognition: options.recognition }),
      options.timer,
      "extract",
      options.cancelled,
    );
  }
}
