/**
 * What the collection bench does inside collection.html: timers that run in the page (the import
 * from the file input's change to the status, the CSV export from its click to the download
 * link's click, one keystroke in the search box until the result count changes and a frame is
 * painted), and the keystrokes whose result counts change, computed in node with lib/collection's
 * own search. Details in collection.ts's header.
 */
import type { Page } from "playwright-core";
import { createSearchIndex, joinEntries, searchEntries } from "../../lib/collection/index.ts";
import type { CollectionData } from "../../lib/export/index.ts";
import { type ExtensionBrowser, launchBrowserWithExtension } from "../lib/browser.ts";

/** A browser with the extension (precise memory figures on) and a tab for its collection page. */
export interface CollectionBench {
  browser: ExtensionBrowser;
  page: Page;
  /** The collection page's address (chrome-extension://<id>/collection.html). */
  base: string;
}

/**
 * Launches the browser with the extension at `extensionPath` (default: scripts/lib/browser.ts's)
 * and opens a blank tab whose actions wait at most `timeoutMs`. The caller closes the browser.
 */
export async function openCollectionBench(options: {
  extensionPath?: string;
  timeoutMs: number;
}): Promise<CollectionBench> {
  const browser = await launchBrowserWithExtension({
    ...(options.extensionPath ? { extensionPath: options.extensionPath } : {}),
    extraArgs: ["--enable-precise-memory-info"],
  });
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(options.timeoutMs);
    return { browser, page, base: `chrome-extension://${browser.extensionId}/collection.html` };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Opens the bench browser (see `openCollectionBench`), resolves with what `use` makes of it and
 * closes the browser whether `use` succeeds or fails.
 */
export async function withCollectionBench<T>(
  options: { extensionPath?: string | undefined; timeoutMs: number },
  use: (bench: CollectionBench) => Promise<T>,
): Promise<T> {
  const bench = await openCollectionBench({
    ...(options.extensionPath ? { extensionPath: options.extensionPath } : {}),
    timeoutMs: options.timeoutMs,
  });
  try {
    return await use(bench);
  } finally {
    await bench.browser.close();
  }
}

/** Resolves with the import's time once the status says it is done (see the header). */
export const IMPORT_TIMER = `window.__gvnImport = new Promise((resolve) => {
  let start = null;
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.matches("input[data-import=json]")) {
      start = performance.now();
    }
  }, { capture: true });
  const observer = new MutationObserver(() => {
    const status = document.querySelector("[role=status]");
    const text = status ? status.textContent || "" : "";
    if (start === null) return;
    if (/^Đã nhập:/.test(text) || status?.classList.contains("error")) {
      const ms = performance.now() - start;
      observer.disconnect();
      const errors = [...document.querySelectorAll("[data-import-errors] li")].map((li) => li.textContent);
      resolve({ ms, text, errors });
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
});
undefined`;

/** Records an export button's click (with its format) and the download link's click (see the header). */
export const EXPORT_TIMER = `(() => {
  window.__gvnExport = [];
  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const button = target.closest("[data-export]");
    if (button) window.__gvnExport.push({ format: button.getAttribute("data-export"), click: performance.now() });
    else if (target.matches("a[download]")) {
      const last = window.__gvnExport.at(-1);
      if (last && last.download === undefined) last.download = performance.now();
    }
  }, { capture: true });
})()`;

/** Runs in the page: one timed keystroke in #search (see the header). */
export function timeKeystroke(args: { query: string; expected: number; timeout: number }) {
  return new Promise<{ ms: number; results: number } | { error: string }>((resolve) => {
    const input = document.querySelector<HTMLInputElement>("#search");
    const results = document.querySelector("[data-results]");
    if (!input || !results) return resolve({ error: "no #search or [data-results]" });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ error: `[data-results] did not change within ${args.timeout} ms` });
    }, args.timeout);
    let start = 0;
    const observer = new MutationObserver(() => {
      const count = Number(results.getAttribute("data-results"));
      if (count !== args.expected) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve({ ms: performance.now() - start, results: count });
        }, 0),
      );
    });
    observer.observe(results, { attributes: true, attributeFilter: ["data-results"] });
    input.focus();
    input.value = args.query;
    start = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Sets the search box to `query` (untimed) and waits until the list shows `expected` results. */
export async function setQuery(page: Page, query: string, expected: number): Promise<void> {
  await page.evaluate((query) => {
    const input = document.querySelector<HTMLInputElement>("#search");
    if (!input) throw new Error("no #search");
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, query);
  await page.locator(`[data-results="${expected}"]`).waitFor({ timeout: 10_000 });
  // Let the page settle (a painted frame) before the next timed keystroke.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}

/**
 * `count` keystrokes (query → query + one character) whose number of results differs, with those
 * numbers, computed with lib/collection's search over `data`.
 */
export function searchKeystrokes(
  data: CollectionData,
  count: number,
): Array<{ from: string; to: string; fromCount: number; toCount: number }> {
  const index = createSearchIndex(joinEntries(data.articles, data.snippets));
  const results = (query: string) => searchEntries(index, { query }).length;
  const words = [
    "nong thon moi",
    "bao hiem y te",
    "tang truong",
    "thu ngan sach",
    "ho ngheo",
    "tra vinh",
    "doanh nghiep",
    "ket nap dang vien",
    "truoc ngay",
    "che phu rung",
    "du lich",
  ];
  const out: Array<{ from: string; to: string; fromCount: number; toCount: number }> = [];
  for (const phrase of words) {
    // From the third character on: the first ones match nearly everything.
    for (let k = 3; k < phrase.length && out.length < count; k++) {
      const from = phrase.slice(0, k);
      const to = phrase.slice(0, k + 1);
      if (from.endsWith(" ") || to.endsWith(" ")) continue;
      const fromCount = results(from);
      const toCount = results(to);
      // A keystroke that changes the list, with something left to show.
      if (fromCount !== toCount && toCount > 0) {
        out.push({ from, to, fromCount, toCount });
        break;
      }
    }
    if (out.length >= count) break;
  }
  return out;
}

/** Times `rounds` keystrokes in the page's search box; returns the times and a line describing them. */
export async function timeSearch(
  page: Page,
  data: CollectionData,
  rounds: number,
  timeout: number,
): Promise<{ ms: number[]; rounds: number; line: string }> {
  // The table view's search box (its module may still be loading).
  await page.locator("#search").waitFor();
  const keystrokes = searchKeystrokes(data, rounds);
  const ms: number[] = [];
  for (const keystroke of keystrokes) {
    await setQuery(page, keystroke.from, keystroke.fromCount);
    const result = await page.evaluate(timeKeystroke, {
      query: keystroke.to,
      expected: keystroke.toCount,
      timeout,
    });
    if ("error" in result) throw new Error(`search «${keystroke.to}»: ${result.error}`);
    ms.push(result.ms);
  }
  const line = keystrokes
    .map((k, i) => `«${k.to}» ${k.fromCount}→${k.toCount} ${ms[i]?.toFixed(1)} ms`)
    .join(", ");
  return { ms, rounds: keystrokes.length, line };
}
