/** A recognised article in a tab of the test browser: opened or reloaded, then read. */
import assert from "node:assert/strict";
import { after, before } from "node:test";
import type { Page } from "playwright-core";
import { type ExtensionBrowser, type ReadingDetail, waitForReading } from "../harness.ts";
import { ui } from "./page.ts";

/**
 * Opens `url` in a new tab (brought in front unless `front` is false) and waits for the content
 * script's reading of the article and for its panel.
 */
export async function openArticle(
  browser: ExtensionBrowser,
  url: string,
  options: { front?: boolean } = {},
): Promise<{ page: Page; reading: ReadingDetail }> {
  const page = await browser.context.newPage();
  const response = await page.goto(url);
  assert.equal(response?.status(), 200, url);
  if (options.front ?? true) await page.bringToFront();
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

/** Waits until the page's panel says `count` of its items are saved. */
export async function waitForSavedCount(page: Page, count: number): Promise<void> {
  await ui(page).panel.locator(`[data-saved-count="${count}"]`).waitFor();
}

/** "Lưu tất cả" in the page's panel, then waits until all `count` items are saved. */
export async function saveAllFromPanel(page: Page, count: number): Promise<void> {
  await ui(page).saveAll.click();
  await waitForSavedCount(page, count);
}

/** A suite's article tab, read in its hooks and tests once the `before` that opens it has run. */
export interface ArticleTab {
  readonly page: Page;
}

/**
 * Opens the article at `url()` in a new tab of the session's browser, brought in front (pointer
 * and focus handling need the front tab), in a `before` hook, and closes it in an `after` hook.
 * Called in a `describe` inside the one that opens the session, so that the tab closes first.
 */
export function useArticleTab(
  session: { readonly browser: ExtensionBrowser },
  url: () => string,
): ArticleTab {
  let page: Page | undefined;
  before(async () => {
    ({ page } = await openArticle(session.browser, url()));
  });
  after(async () => {
    await page?.close();
  });
  return {
    get page() {
      if (!page) throw new Error("the article tab is not open: read it in a hook or a test");
      return page;
    },
  };
}
