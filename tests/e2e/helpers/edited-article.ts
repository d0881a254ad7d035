/**
 * An article the portal edits between two visits, for the suites on changed figures and
 * re-attached snippets: the project's own demo article (tests/e2e/pages/demo-bai-viet, written for
 * tests) served in memory under its own slug, so a suite can serve an edited version at the same
 * address; and the few moves those suites share (open and wait, save all, give a snippet a note,
 * the context menu's re-attach).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page, Worker } from "playwright-core";
import type { SnippetRecord } from "../../../lib/snippets/types.ts";
import {
  E2E_PAGES_DIR,
  type ExtensionBrowser,
  GOV_HOST,
  type PortalServer,
  portalUrl,
  type ReadingDetail,
  waitForReading,
} from "../harness.ts";
import { eventually } from "./compare.ts";
import { COLLECTION_DB, readCollection, tabIdFor } from "./extension.ts";
import { ui } from "./page.ts";

export const DEMO_HTML = readFileSync(
  path.join(E2E_PAGES_DIR, "demo-bai-viet/source.html"),
  "utf8",
);

/** `html` with each `[from, to]` replaced once (each `from` must be there). */
export function edited(html: string, edits: ReadonlyArray<readonly [string, string]>): string {
  let out = html;
  for (const [from, to] of edits) {
    assert.ok(out.includes(from), `the article has «${from}»`);
    out = out.replace(from, to);
  }
  return out;
}

export function articleUrl(server: PortalServer, slug: string): string {
  return portalUrl(GOV_HOST, server.port, slug);
}

/** Opens `url` in a new tab, in front, and waits for the reading and the panel. */
export async function openArticle(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ page: Page; reading: ReadingDetail }> {
  const page = await browser.context.newPage();
  const response = await page.goto(url);
  assert.equal(response?.status(), 200, url);
  await page.bringToFront();
  const reading = await waitForReading(page, { recognised: true });
  await ui(page).panel.waitFor();
  return { page, reading };
}

/** Reloads and waits for the new reading. */
export async function reloadArticle(page: Page): Promise<ReadingDetail> {
  await page.reload();
  await page.bringToFront();
  const reading = await waitForReading(page, { recognised: true });
  await ui(page).panel.waitFor();
  return reading;
}

/** "Lưu tất cả", then the collection's snippets once all `count` are there. */
export async function saveAll(
  browser: ExtensionBrowser,
  page: Page,
  count: number,
): Promise<SnippetRecord[]> {
  await ui(page).saveAll.click();
  await ui(page).panel.locator(`[data-saved-count="${count}"]`).waitFor();
  const collection = await eventually(
    () => readCollection(browser.serviceWorker),
    (c) => c.snippets.length >= count,
  );
  return collection.snippets;
}

/** The collection's snippets, once `done` holds for them (or after the wait gives up). */
export async function snippetsWhen(
  browser: ExtensionBrowser,
  done: (snippets: SnippetRecord[]) => boolean,
): Promise<SnippetRecord[]> {
  return (
    await eventually(
      () => readCollection(browser.serviceWorker),
      (c) => done(c.snippets),
    )
  ).snippets;
}

/**
 * Gives a stored snippet a note and tags as the reader would have (a raw write in the extension's
 * origin, standing for an earlier session in the collection page).
 */
export async function giveNote(
  serviceWorker: Worker,
  id: string,
  note: string,
  tags: string[],
): Promise<void> {
  await serviceWorker.evaluate(
    async ({ name, id, note, tags }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction("snippets", "readwrite");
          const store = tx.objectStore("snippets");
          const get = store.get(id);
          get.onsuccess = () => store.put({ ...get.result, note, tags });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { name: COLLECTION_DB, id, note, tags },
  );
}

/**
 * The context menu's *Gắn lại vào đây* on the tab showing `url`. An automated browser cannot click
 * a context menu: this calls the function the menu's click handler calls, which the background
 * exposes to tests (service worker scope only).
 */
export async function reattachFromMenu(serviceWorker: Worker, url: string): Promise<unknown> {
  const tabId = await tabIdFor(serviceWorker, url);
  return serviceWorker.evaluate(async (tabId) => {
    const globals = globalThis as unknown as {
      gvnReattachSelectionInTab?: (tabId: number) => Promise<unknown>;
    };
    if (typeof globals.gvnReattachSelectionInTab !== "function") {
      throw new Error("the background does not expose gvnReattachSelectionInTab");
    }
    return globals.gvnReattachSelectionInTab(tabId);
  }, tabId);
}
