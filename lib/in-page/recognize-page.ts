/**
 * The content script (and the article tools, for a page too big to read) ask the background to
 * recognise what they read: the recognition rules run there, off the page's main thread, and are
 * not in the script every portal page loads. Null when the background cannot answer (an
 * extension being updated or removed): the page is then left alone.
 */
import { sendMessage } from "../messaging/protocol.ts";
import { sendIdempotent } from "../messaging/retry.ts";
import type { Recognition, RecognitionInput } from "../recognition/recognize.ts";
import { type PageReading, recognitionInput } from "./page-reading.ts";

export type AskRecognition = (input: RecognitionInput) => Promise<Recognition>;

const askBackground: AskRecognition = (input) =>
  sendIdempotent(() => sendMessage("recognizePage", input));

export async function recognizePage(
  reading: PageReading,
  url: string,
  ask: AskRecognition = askBackground,
): Promise<Recognition | null> {
  try {
    return await ask(recognitionInput(reading, url));
  } catch (error) {
    console.warn("The extension's background did not answer; this page is left alone:", error);
    return null;
  }
}
