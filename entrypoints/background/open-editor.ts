/**
 * The page's card asks to correct a saved figure: the collection page opens in a new tab with
 * that snippet in its editor (`collection.html?edit=<id>`), where every field can be corrected.
 */
import { browser } from "wxt/browser";
import { onMessage } from "@/lib/messaging/protocol.ts";

/** The collection page's address with `id` opened in its editor. */
export function editorUrl(id: string): string {
  return browser.runtime.getURL(`/collection.html?edit=${encodeURIComponent(id)}`);
}

export function listenForEditorRequests(): void {
  onMessage("openEditor", async ({ data }) => {
    await browser.tabs.create({ url: editorUrl(data.id) });
  });
}
