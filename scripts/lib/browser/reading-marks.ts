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
 * Wait until the content script has recorded at least `count` readings of the page (`gvn:done`
 * marks; default 1) and return the newest. With `recognised`, wait for a reading that says so.
 */
export async function waitForReading(
  page: Page,
  options: { count?: number; recognised?: boolean; timeout?: number } = {},
): Promise<ReadingDetail> {
  const { count = 1, recognised, timeout = 10_000 } = options;
  const handle = await page.waitForFunction(
    ({ name, count, recognised }) => {
      const marks = performance.getEntriesByName(name, "mark") as PerformanceMark[];
      const last = marks.at(-1);
      if (marks.length < count || !last) return null;
      const detail = last.detail as { recognised: boolean };
      return recognised === undefined || detail.recognised === recognised ? detail : null;
    },
    { name: READING_MARK, count, recognised },
    { timeout },
  );
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
