/**
 * The article tools' questions to the engine, which runs in the background (off the page's main
 * thread, and not in this script): the analysis of the article read in the page, and the items of
 * a selection the reader saves. When the background cannot answer (an extension being updated or
 * removed), the article is left unhighlighted and a selection is saved as a plain excerpt.
 */
import type { ExtractedItem } from "../extract/types.ts";
import { type AnalyzeRequest, sendMessage } from "../messaging/protocol.ts";
import { sendIdempotent } from "../messaging/retry.ts";
import type { ReadableArticle } from "../recognition/readable.ts";
import type { Recognition } from "../recognition/recognize.ts";
import type { ArticleAnalysis } from "../snippets/item-ids.ts";
import type { SelectionRequest } from "../snippets/selection.ts";

export interface AnalyzeOptions {
  url: string;
  /** The content script's recognition of this reading, when it is the one handed over. */
  recognition?: Recognition;
  /** Asks the background (the default); a test gives its own. */
  send?: (request: AnalyzeRequest) => Promise<ArticleAnalysis>;
}

const askBackground = (request: AnalyzeRequest) =>
  sendIdempotent(() => sendMessage("analyzeArticle", request));

/** The analysis of `read`, or null when the background cannot answer. */
export async function analyzeArticle(
  read: ReadableArticle,
  options: AnalyzeOptions,
): Promise<ArticleAnalysis | null> {
  // The page's nodes stay in the page: the background gets the text and the facts.
  const { pieces: _nodes, ...plain } = read;
  try {
    return await (options.send ?? askBackground)({
      url: options.url,
      read: plain,
      ...(options.recognition ? { recognition: options.recognition } : {}),
    });
  } catch (error) {
    console.warn("The extension's background did not analyse the article:", error);
    return null;
  }
}

/** The items the engine finds in a selection; none (a plain excerpt) without an answer. */
export async function findInSelection(
  request: SelectionRequest,
  send: (request: SelectionRequest) => Promise<ExtractedItem[]> = (r) =>
    sendIdempotent(() => sendMessage("extractSelection", r)),
): Promise<ExtractedItem[]> {
  try {
    return await send(request);
  } catch (error) {
    console.warn("The extension's background did not read the selection:", error);
    return [];
  }
}
