/**
 * The background's side of changed figures and re-attached orphans: the page's requests written
 * through lib/storage in the extension's origin, and the "Gắn lại vào đây" context-menu entry,
 * shown while the active tab has saved snippets it could not place.
 */
import { type Browser, browser } from "wxt/browser";
import { t } from "@/lib/i18n/index.ts";
import {
  onMessage,
  type ReattachAnswer,
  sendMessage,
  type TabState,
  tabStateKey,
} from "@/lib/messaging/protocol.ts";
import {
  acceptPageChange,
  keepSavedFigure,
  reattachSnippet,
  recordPageChanges,
} from "@/lib/storage/index.ts";
import { collectionDb } from "./collection.ts";

export const REATTACH_MENU_ID = "gvn-reattach-selection";

/** The context menu's *Gắn lại vào đây*: the tab's article tools re-attach its selection. */
export async function reattachSelectionInTab(tabId: number): Promise<ReattachAnswer | null> {
  return sendMessage("reattachSelection", undefined, tabId).catch(() => null);
}

/** Shows the menu entry when the tab has orphans (what its page last reported). */
async function showMenuFor(tabId: number): Promise<void> {
  const key = tabStateKey(tabId);
  const stored = (await browser.storage.session.get(key)) as Record<string, TabState | undefined>;
  const visible = (stored[key]?.orphans.length ?? 0) > 0;
  await browser.contextMenus.update(REATTACH_MENU_ID, { visible });
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function listenForPageChanges(): void {
  onMessage("notePageChanges", ({ data }) => recordPageChanges(collectionDb(), data));
  onMessage("decidePageChange", async ({ data }) => {
    const db = collectionDb();
    await recordPageChanges(db, [{ id: data.id, change: data.change }]);
    return data.decision === "accept"
      ? acceptPageChange(db, data.id, data.snapshot)
      : keepSavedFigure(db, data.id);
  });
  onMessage("reattachSnippet", ({ data }) =>
    reattachSnippet(collectionDb(), data.id, data.anchor, data.snapshot),
  );

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: REATTACH_MENU_ID,
      title: t("contextMenuReattach"),
      contexts: ["selection"],
      visible: false,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab?: Browser.tabs.Tab) => {
    if (info.menuItemId !== REATTACH_MENU_ID || tab?.id === undefined) return;
    reattachSelectionInTab(tab.id).catch(() => {});
  });
  // The entry follows the active tab: when the reader switches tabs and when a page reports.
  browser.tabs.onActivated.addListener(({ tabId }) => {
    showMenuFor(tabId).catch(() => {});
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== "session") return;
    activeTabId()
      .then((tabId) => {
        if (tabId !== undefined && tabStateKey(tabId) in changes) return showMenuFor(tabId);
      })
      .catch(() => {});
  });
}
