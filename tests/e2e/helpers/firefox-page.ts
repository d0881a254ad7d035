/**
 * What a reader sees in Firefox, through puppeteer: the content script's readings (`gvn:done`
 * marks), the in-page UI under `<gvn-chi-tieu>` (puppeteer's `>>>` pierces its open shadow root),
 * and the texts and status lines of the add-on's own pages. The code that runs in the page is kept
 * free of named functions (tsx would wrap them in a `__name` helper the page lacks).
 */
import type { Page } from "puppeteer-core";
import { UI_HOST } from "./page.ts";

export { waitForReading } from "../../../scripts/lib/firefox.ts";

/** The selector of `selector` inside the in-page UI's shadow root. */
export function inUi(selector: string): string {
  return `${UI_HOST} >>> ${selector}`;
}

/** The text of the first element matching `selector` (null: none). */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  const element = await page.$(selector);
  if (!element) return null;
  try {
    return await element.evaluate((e) => e.textContent);
  } finally {
    await element.dispose();
  }
}

/** The texts of every element matching `selector`, in document order. */
export async function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => elements.map((e) => e.textContent ?? ""));
}

/** Waits until an element with `role=status` on the page says `text` (as part of its text). */
export async function waitForStatus(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (text) =>
      Array.from(document.querySelectorAll("[role=status]")).some((e) =>
        (e.textContent ?? "").includes(text),
      ),
    { timeout },
    text,
  );
}

/** Clicks the page's tab (`role=tab`) named `name` and waits until it is the selected one. */
export async function selectTab(page: Page, name: string): Promise<void> {
  await page.locator(`[role=tab]::-p-text(${name})`).click();
  await page.waitForFunction(
    (name) =>
      Array.from(document.querySelectorAll("[role=tab][aria-selected=true]")).some(
        (e) => e.textContent === name,
      ),
    { timeout: 10_000 },
    name,
  );
}

/** The ids of the snippets listed (`li[data-snippet]`), in the order shown. */
export async function listedIds(page: Page): Promise<string[]> {
  return page.$$eval("li[data-snippet]", (items) =>
    items.map((item) => item.getAttribute("data-snippet") ?? ""),
  );
}
