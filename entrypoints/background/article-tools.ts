/**
 * Injects the article tools into a page whose content script recognised a
 * party-news article, so that the script every portal page loads stays small.
 */
import { browser } from "wxt/browser";
import { onMessage } from "@/lib/messaging/protocol.ts";

export function listenForArticlePages(): void {
  onMessage("attachArticleTools", async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: ["/article-tools.js"],
    });
    return true;
  });
}
