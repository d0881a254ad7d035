/** What the content script says on the page's performance timeline when it has read the page. */
import type { Page } from "playwright-core";

/** Name of the performance mark the content script records when it finished a reading of the page. */
export const READING_MARK = "gvn:done";

/** `detail` of a `gvn:done` mark: what one reading of the page found. */
export interface ReadingDetail {
  recognised: boolean;
  items: number;
  /** Saved snippets placed on the page / not placed (recognised pages only). */
  saved?: number;
  orphans?: number;
  mainThreadMs: number;
}

/**
 * The readings the content script recorded on the page so far, oldest first: the `detail` of each
 * `gvn:done` performance mark. Marks live in the page's performance timeline, which the content
 * script's isolated world shares with the page's main world (where this runs); the extension
 * leaves no trace in the page's DOM.
 */
export async function readingMarks(page: Page): Promise<ReadingDetail[]> {
  return page.evaluate(
    (name) =>
      performance
        .getEntriesByName(name, "mark")
        .map((entry) => (entry as PerformanceMark).detail as ReadingDetail),
    READING_MARK,
  );
}

/**
 * Runs in the page: the newest reading once there are at least `count` and, unless `recognised`
 * is null, it says the page was recognised or not as asked; else null (keep waiting). Shared by
 * the Playwright and the Firefox (puppeteer) `waitForReading`; self-contained, as it is sent to
 * the page as source.
 */
export function newestReading(args: {
  name: string;
  count: number;
  recognised: boolean | null;
}): ReadingDetail | null {
  const marks = performance.getEntriesByName(args.name, "mark") as PerformanceMark[];
  const last = marks.at(-1);
  if (marks.length < args.count || !last) return null;
  const detail = last.detail as ReadingDetail;
  return args.recognised === null || detail.recognised === args.recognised ? detail : null;
}

/** What `waitForReading` waits for: at least `count` readings, and whether it was recognised. */
export interface ReadingWait {
  count?: number;
  recognised?: boolean;
  timeout?: number;
}

/** `newestReading`'s arguments and the wait's timeout (the drivers' defaults differ). */
export function readingWait(
  options: ReadingWait,
  defaultTimeout: number,
): { args: Parameters<typeof newestReading>[0]; timeout: number } {
  return {
    args: { name: READING_MARK, count: options.count ?? 1, recognised: options.recognised ?? null },
    timeout: options.timeout ?? defaultTimeout,
  };
}

/**
 * Wait until the content script has recorded at least `count` readings of the page (`gvn:done`
 * marks; default 1) and return the newest. With `recognised`, wait for a reading that says so.
 */
export async function waitForReading(
  page: Page,
  options: ReadingWait = {},
): Promise<ReadingDetail> {
  const { args, timeout } = readingWait(options, 10_000);
  const handle = await page.waitForFunction(newestReading, args, { timeout });
  return (await handle.jsonValue()) as ReadingDetail;
}

/** Wait until the content script has finished a reading of the page (a `gvn:done` mark). */
export async function waitForContentScript(page: Page, timeout = 10_000): Promise<void> {
  await waitForReading(page, { timeout });
}

/** Whether the content script has finished a reading of the page (a `gvn:done` mark) so far. */
export async function hasContentScriptMarker(page: Page): Promise<boolean> {
  return (await readingMarks(page)).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Chromium without the extension
