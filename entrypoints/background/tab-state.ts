/**
 * What each tab's content script reported: the badge on the toolbar icon
 * (how many items the page has) and the tab's state, kept in session storage
 * so the popup finds it even after the service worker was stopped.
 */
import { browser } from "wxt/browser";
import {
  onMessage,
  type PageReport,
  type TabState,
  tabStateKey,
} from "@/lib/messaging/protocol.ts";

const BADGE_COLOUR = "#9a3412";

function actionApi() {
  return browser.action ?? browser.browserAction;
}

async function updateTab(tabId: number, url: string, report: PageReport): Promise<void> {
  const total = report.counts.target + report.counts.result + report.counts.deadline;
  const action = actionApi();
  await action.setBadgeText({ tabId, text: report.recognised && total > 0 ? String(total) : "" });
  await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  const state: TabState = { ...report, url, updatedAt: Date.now() };
  await browser.storage.session.set({ [tabStateKey(tabId)]: state });
}

export function listenForTabReports(): void {
  onMessage("reportPage", async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;
    await updateTab(tabId, sender.tab?.url ?? "", data);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    browser.storage.session.remove(tabStateKey(tabId)).catch(() => {});
  });
}
