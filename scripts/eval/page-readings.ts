/**
 * What the browser evaluation waits for and reads on a loaded portal page: the article body of a
 * late layout, the extension's settled readings (its performance marks), and the items it shows
 * for the tab (its answer to the popup's `pageItems`).
 */
import type { Page, Worker } from "playwright-core";
import type { ExtractedItem } from "../../lib/extract/types.ts";
import { READING_MARK } from "../lib/browser.ts";
import { BODY_START_COMMENT, LATE_BODY_MARK } from "./layouts.ts";

/** The extension's readings have settled when no new one came for this long (ms). */
const QUIET_MS = 1500;
/** How long a reading after the late body's arrival is waited for (ms). */
const AFTER_BODY_TIMEOUT_MS = 8000;
/** How long the content script waits after a page change before reading it again (watch.ts). */
const READING_WAIT_MS = 700;

/** Waits until the page shows its article body (the late layout inserts it after a second). */
export async function waitForBody(page: Page): Promise<void> {
  await page.waitForFunction(
    (comment) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if ((node as Comment).data.trim() === comment) return true;
      return false;
    },
    BODY_START_COMMENT,
    // Polled by time: a background tab has no animation frames to poll on.
    { timeout: 20_000, polling: 100 },
  );
}

/**
 * Waits for the extension's readings to settle — a reading that started after the late layout's
 * body was inserted (when it has one), then no new reading for `QUIET_MS` — and returns the last
 * reading's `recognised`.
 */
export async function settledReading(page: Page): Promise<boolean> {
  const marks = () =>
    page.evaluate(
      (name) =>
        performance
          .getEntriesByName(name, "mark")
          .map((entry) => (entry as PerformanceMark).detail as { recognised: boolean }),
      READING_MARK,
    );
  await page.waitForFunction(
    (reading) => performance.getEntriesByName(reading, "mark").length > 0,
    READING_MARK,
    { timeout: 20_000, polling: 100 },
  );
  // A reading that finds the same article text as the one before records nothing: after a while
  // without one, the readings have settled all the same.
  await page
    .waitForFunction(
      ({ reading, body, wait }) => {
        const inserted = performance.getEntriesByName(body, "mark")[0]?.startTime;
        // The reading the insertion causes ends after the content script's wait after a change.
        const after = inserted === undefined ? -1 : inserted + wait;
        return performance.getEntriesByName(reading, "mark").some((m) => m.startTime > after);
      },
      { reading: READING_MARK, body: LATE_BODY_MARK, wait: READING_WAIT_MS },
      { timeout: AFTER_BODY_TIMEOUT_MS, polling: 100 },
    )
    .catch(() => {});
  let seen = (await marks()).length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_MS) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = (await marks()).length;
    if (now !== seen) {
      seen = now;
      quietSince = Date.now();
    }
  }
  return (await marks()).at(-1)?.recognised ?? false;
}

interface PageItemsAnswer {
  res?: { items: Array<{ item: ExtractedItem }> };
}

/** The items the extension shows for the tab at `url` (its answer to the popup's `pageItems`). */
export async function pageItems(serviceWorker: Worker, url: string): Promise<ExtractedItem[]> {
  const answer = (await serviceWorker.evaluate(async (url) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(query: object): Promise<Array<{ id?: number; url?: string }>>;
            sendMessage(tabId: number, message: unknown, callback: (r: unknown) => void): void;
          };
          runtime: { lastError?: unknown };
        };
      }
    ).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) return null;
    const tabId = tab.id;
    return new Promise((resolve) =>
      // The message format of @webext-core/messaging (lib/messaging/protocol.ts).
      api.tabs.sendMessage(
        tabId,
        { id: 1, type: "pageItems", data: undefined, timestamp: Date.now() },
        (response) => {
          void api.runtime.lastError;
          resolve(response ?? null);
        },
      ),
    );
  }, url)) as PageItemsAnswer | null;
  return answer?.res?.items.map((entry) => entry.item) ?? [];
}
