/**
 * The extension's own pages (the popup and the full-tab collection page) as the end-to-end tests
 * drive them, and readers for what they export: the downloaded file of an export button, a CSV
 * parsed with papaparse, an iCalendar file unfolded into events, a Markdown file cut into its
 * article sections.
 *
 * The functions passed to `page.evaluate` / `serviceWorker.evaluate` run in the browser: no named
 * functions inside them (tsx would wrap them in a `__name` helper the browser lacks).
 */

import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Locator, Page, Worker } from "playwright-core";
import { toJson } from "../../../lib/export/json.ts";
import { COLUMN_HEADERS } from "../../../lib/export/labels.ts";
import type { ArticleRecord, SnippetRecord } from "../../../lib/snippets/types.ts";
import type { ExtensionBrowser } from "../harness.ts";
import type { Collection } from "./extension.ts";

/** Mark the collection page (and the popup) records after its first render with data loaded. */
export const RENDERED_MARK = "gvn:collection-rendered";

/** The tabs of the collection interface, by their accessible names. */
export const TAB = {
  page: "Trang này",
  collection: "Bộ sưu tập",
  compare: "So sánh",
  progress: "Tiến độ",
  transfer: "Xuất / Nhập",
} as const;

/** `chrome-extension://<id>/<path>`. */
export function extensionUrl(browser: ExtensionBrowser, path: string): string {
  return `chrome-extension://${browser.extensionId}/${path.replace(/^\/+/, "")}`;
}

/** Waits for the page's `gvn:collection-rendered` mark and returns its detail. */
export async function waitForCollectionRendered(
  page: Page,
  timeout = 15_000,
): Promise<{ snippets: number; startTime: number }> {
  const handle = await page.waitForFunction(
    (name) => {
      const mark = performance.getEntriesByName(name, "mark")[0] as PerformanceMark | undefined;
      if (!mark) return null;
      return { ...(mark.detail as { snippets: number }), startTime: mark.startTime };
    },
    RENDERED_MARK,
    { timeout },
  );
  return (await handle.jsonValue()) as { snippets: number; startTime: number };
}

/**
 * Opens an extension page (`popup.html`, `collection.html?tab=…`) in a new, active tab and waits
 * until it has rendered the collection once.
 */
export async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, path));
  await waitForCollectionRendered(page);
  return page;
}

/** `openExtensionPage`, then `use` on the page, which is closed afterwards whatever happens. */
export async function onExtensionPage(
  browser: ExtensionBrowser,
  path: string,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await openExtensionPage(browser, path);
  try {
    await use(page);
  } finally {
    await page.close();
  }
}

/** The interface's tab named `name` (a `role=tab` button). */
export function tab(page: Page, name: string): Locator {
  return page.getByRole("tab", { name, exact: true });
}

/** Selects a tab and waits until it is the selected one. */
export async function selectTab(page: Page, name: string): Promise<void> {
  await tab(page, name).click();
  await page.locator(`[role=tab][aria-selected=true]`, { hasText: name }).waitFor();
}

/**
 * Imports `collection` through the page's own JSON import (the Xuất / Nhập tab) and waits for its
 * status: every article and snippet new.
 */
export async function importThroughPage(page: Page, collection: Collection): Promise<void> {
  await selectTab(page, TAB.transfer);
  await page.locator("input[data-import=json]").setInputFiles({
    name: "collection.json",
    mimeType: "application/json",
    buffer: Buffer.from(toJson(collection)),
  });
  const { articles, snippets } = collection;
  await page
    .getByRole("status")
    .filter({ hasText: `Đã nhập: ${articles.length} bài viết mới, ${snippets.length} mục mới` })
    .waitFor();
}

/** The number the results line gives (`[data-results=N]`). */
export async function resultsCount(page: Page): Promise<number> {
  return Number(await page.locator("[data-results]").getAttribute("data-results"));
}

/** Waits until the results line says `count`. */
export async function waitForResults(page: Page, count: number): Promise<void> {
  await page.locator(`[data-results="${count}"]`).waitFor();
}

/** The ids of the snippets listed (`li[data-snippet]`), in the order shown. */
export async function listedIds(page: Page): Promise<string[]> {
  return page
    .locator("li[data-snippet]")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-snippet") ?? ""));
}

// ---------------------------------------------------------------------------------------------
// The popup for a page

interface WorkerChrome {
  chrome: {
    tabs: {
      query(query: object): Promise<Array<{ id?: number; url?: string; windowId?: number }>>;
      update(tabId: number, props: object): Promise<unknown>;
      create(props: object): Promise<{ id?: number }>;
    };
  };
}

/**
 * Opens popup.html as a background tab in the window of the tab showing `articleUrl`, with that
 * tab the active one: the popup's "Trang này" asks for the active tab of its window when it
 * starts, and finds the article (as it would when opened from the toolbar over that tab). The
 * returned page is in the background: it gets no animation frames, so bring it to the front
 * before clicking (its "Trang này" keeps the tab it found).
 */
export async function openPopupOver(browser: ExtensionBrowser, articleUrl: string): Promise<Page> {
  const popupUrl = extensionUrl(browser, "popup.html");
  const opened = browser.context.waitForEvent("page", {
    predicate: (page) => page.url() === popupUrl,
  });
  await browser.serviceWorker.evaluate(
    async ({ articleUrl, popupUrl }) => {
      const { chrome } = globalThis as unknown as WorkerChrome;
      const tabs = await chrome.tabs.query({});
      const article = tabs.find((t) => t.url === articleUrl);
      if (article?.id === undefined) throw new Error(`no tab shows ${articleUrl}`);
      await chrome.tabs.update(article.id, { active: true });
      await chrome.tabs.create({ url: popupUrl, windowId: article.windowId, active: false });
    },
    { articleUrl, popupUrl },
  );
  const page = await opened;
  await page.waitForLoadState("domcontentloaded");
  return page;
}

// ---------------------------------------------------------------------------------------------
// Downloads

export interface DownloadedFile {
  /** The name the page offered (`<a download>`). */
  fileName: string;
  /** The file read as UTF-8, byte-order mark kept. */
  text: string;
  /** Where Playwright saved it (valid until the browser closes). */
  path: string;
}

/** Clicks `button` and returns the file it makes the page download. */
export async function downloadFrom(page: Page, button: Locator): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: readFileSync(path, "utf8"), path };
}

// ---------------------------------------------------------------------------------------------
// Records

/** A copy with both lists sorted by id (order-insensitive comparison of collections). */
export function sortedById(collection: Collection): Collection {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    articles: [...collection.articles].sort(byId),
    snippets: [...collection.snippets].sort(byId),
  };
}

/** Lower case, no diacritics (`đ` → `d`), white space collapsed: `Nông thôn MỚI` → `nong thon moi`. */
export function foldVi(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Reads a snippet record straight from IndexedDB in the service worker (undefined: not there). */
export async function readSnippet(
  serviceWorker: Worker,
  id: string,
): Promise<SnippetRecord | undefined> {
  return serviceWorker.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("gvn-collection");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      // The snippets are stored one record per article (lib/storage/snippet-records.ts).
      return await new Promise<SnippetRecord | undefined>((resolve, reject) => {
        const request = db
          .transaction("snippetGroups", "readonly")
          .objectStore("snippetGroups")
          .index("snippetIds")
          .get(id);
        request.onsuccess = () => {
          const group = request.result as { snippets: SnippetRecord[] } | undefined;
          resolve(group?.snippets.find((s) => s.id === id));
        };
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, id);
}

// ---------------------------------------------------------------------------------------------
// Export files

/**
 * A CSV export parsed: whether it starts with a BOM, the header as written (`labels`, in the
 * export's language), the header as column ids (`kind`, `indicator`…: a label no language has
 * stays as it is) and its rows (as objects keyed by column id).
 */
export function parseCsvExport(text: string): {
  bom: boolean;
  labels: string[];
  header: string[];
  rows: Array<Record<string, string>>;
  errors: Papa.ParseError[];
} {
  const bom = text.startsWith("\uFEFF");
  const ids = new Map<string, string>();
  for (const headers of Object.values(COLUMN_HEADERS)) {
    for (const [id, label] of Object.entries(headers)) ids.set(label, id);
  }
  const parsed = Papa.parse<Record<string, string>>(bom ? text.slice(1) : text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (label) => ids.get(label) ?? label,
  });
  const labels =
    Papa.parse<string[]>((bom ? text.slice(1) : text).split("\r\n")[0] ?? "").data[0] ?? [];
  return {
    bom,
    labels,
    header: parsed.meta.fields ?? [],
    rows: parsed.data,
    errors: parsed.errors,
  };
}

/** An iCalendar file's events: each VEVENT's properties (name without parameters → value). */
export function icsEvents(text: string): Array<{ props: Record<string, string>; lines: string[] }> {
  // Unfold (RFC 5545 §3.1): a line break followed by a space or tab continues the line.
  const lines = text.replace(/\r\n[ \t]/g, "").split(/\r\n/);
  const events: Array<{ props: Record<string, string>; lines: string[] }> = [];
  let current: { props: Record<string, string>; lines: string[] } | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") {
      current = { props: {}, lines: [] };
      continue;
    }
    if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
      continue;
    }
    if (!current) continue;
    current.lines.push(line);
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const name = (line.slice(0, colon).split(";")[0] ?? "").toUpperCase();
    current.props[name] = line.slice(colon + 1);
  }
  return events;
}

/** Undoes iCalendar TEXT escaping (`\n`, `\,`, `\;`, `\\`). */
export function icsText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** A Markdown export cut at its `## ` headings: each section's heading line and its bullets. */
export function markdownSections(text: string): Array<{ heading: string; bullets: string[] }> {
  const sections: Array<{ heading: string; bullets: string[] }> = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("## ")) sections.push({ heading: line, bullets: [] });
    else if (line.startsWith("- ") && sections.length > 0) sections.at(-1)?.bullets.push(line);
  }
  return sections;
}

/** Snippets of the collection by article id. */
export function snippetsByArticle(collection: Collection): Map<string, SnippetRecord[]> {
  const out = new Map<string, SnippetRecord[]>();
  for (const snippet of collection.snippets) {
    const list = out.get(snippet.articleId);
    if (list) list.push(snippet);
    else out.set(snippet.articleId, [snippet]);
  }
  return out;
}

/** The article record whose locality is `locality`, or throws. */
export function articleOf(collection: Collection, locality: string): ArticleRecord {
  const article = collection.articles.find((a) => a.locality === locality);
  if (!article) {
    throw new Error(
      `no article of ${locality} (${collection.articles.map((a) => a.locality).join(", ")})`,
    );
  }
  return article;
}
