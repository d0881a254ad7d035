/**
 * Keyboard commands (manifest `commands`) and the "Lưu đoạn trích" context-menu
 * entry, both forwarded to the active tab's content script. A selection on a
 * page without the content script is still saved, as a plain excerpt.
 */
import { type Browser, browser } from "wxt/browser";
import { t } from "@/lib/i18n/index.ts";
import { sendMessage } from "@/lib/messaging/protocol.ts";
import { bareArticle, excerptSnippet } from "@/lib/snippets/excerpt.ts";
import { saveRequest } from "./collection.ts";

export const CONTEXT_MENU_ID = "gvn-save-selection";

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function runCommand(command: string): Promise<void> {
  const tabId = await activeTabId();
  if (tabId === undefined) return;
  const send =
    command === "toggle-highlights"
      ? sendMessage("toggleHighlights", undefined, tabId)
      : command === "next-highlight"
        ? sendMessage("moveHighlight", 1, tabId)
        : command === "previous-highlight"
          ? sendMessage("moveHighlight", -1, tabId)
          : null;
  await send?.catch(() => {
    // No content script on this tab (not a portal page): nothing to do.
  });
}

/** Saves the selection in `tab`: through its content script, else from what the menu knows. */
export async function saveSelectionInTab(
  tab: Pick<Browser.tabs.Tab, "id" | "url" | "title">,
  selectionText: string,
  pageUrl?: string,
) {
  if (tab.id !== undefined) {
    const answer = await sendMessage("saveSelection", undefined, tab.id).catch(() => undefined);
    if (answer) return answer;
  }
  const quote = selectionText.trim();
  // The menu's own page URL is there even where the extension has no access to the tab.
  const url = tab.url ?? pageUrl;
  if (!quote || !url) return null;
  return saveRequest({
    article: bareArticle(url, tab.title ?? url),
    snippets: [excerptSnippet(quote, 0, quote.length)],
  });
}

export function listenForCommands(): void {
  browser.commands?.onCommand.addListener((command) => {
    runCommand(command).catch(() => {});
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CONTEXT_MENU_ID,
      title: t("contextMenuSave"),
      contexts: ["selection"],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CONTEXT_MENU_ID || !tab) return;
    saveSelectionInTab(tab, info.selectionText ?? "", info.pageUrl).catch(() => {});
  });
}
