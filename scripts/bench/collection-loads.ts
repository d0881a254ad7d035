/**
 * The collection bench's loads of collection.html: their marks (first render, every snippet
 * loaded), read once a load has settled; the pages' copy dropped or awaited under the extension's
 * own code (raw IndexedDB); records put straight into the database; cold and warm loads in turn.
 * Details in collection.ts's header.
 */
import type { Page } from "playwright-core";

const RENDERED_MARK = "gvn:collection-rendered";
const LOADED_MARK = "gvn:collection-loaded";

/** The page's load marks (ms since navigation start) and heap once every snippet is loaded. */
export interface LoadMarks {
  /** First render with data (the newest snippets, or all of them). */
  startTime: number;
  /** Render with every snippet loaded. */
  loadedTime: number;
  snippets: number;
  heap: number | null;
}

/** Runs in the page: the load's marks, or null while they are not both set. */
function readLoadMarks({ first, loaded }: { first: string; loaded: string }): LoadMarks | null {
  const mark = performance.getEntriesByName(first, "mark")[0] as PerformanceMark | undefined;
  const full = performance.getEntriesByName(loaded, "mark")[0] as PerformanceMark | undefined;
  if (!mark || !full) return null;
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return {
    startTime: mark.startTime,
    loadedTime: full.startTime,
    snippets: (full.detail as { snippets: number }).snippets,
    heap: memory ? memory.usedJSHeapSize : null,
  };
}

const LOAD_MARKS = { first: RENDERED_MARK, loaded: LOADED_MARK };

/** Waits for the collection page's first-render and loaded marks (App.tsx). */
export async function waitForLoaded(page: Page): Promise<LoadMarks> {
  const handle = await page.waitForFunction(readLoadMarks, LOAD_MARKS);
  return (await handle.jsonValue()) as LoadMarks;
}

/** How long a timed load is left alone before its marks are read (`readWhenSettled`). */
export const LOAD_SETTLE_MS = 1500;

/**
 * `read`'s value in the page once it is not null, asked for only after `settleMs`, then every
 * 50 ms. For a timed load: Playwright's `waitForFunction` injects its own script into the page and
 * polls there, about 20–25 ms of the page's main thread (seen in a trace) inside the very window
 * being timed. The marks keep their times; reading them late changes nothing.
 */
export async function readWhenSettled<A, T>(
  page: Page,
  read: (arg: A) => T | null,
  arg: A,
  options: { settleMs: number; timeoutMs?: number },
): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, options.settleMs));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const value = (await page.evaluate(read as (arg: unknown) => T | null, arg)) as T | null;
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`not set within ${options.timeoutMs ?? 60_000} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The marks of a load just started (a reload or a navigation), read once it has settled. */
export function timedLoad(page: Page, settleMs = LOAD_SETTLE_MS): Promise<LoadMarks> {
  return readWhenSettled(page, readLoadMarks, LOAD_MARKS, { settleMs });
}

/**
 * Runs `body` (JavaScript, with `db` an open IDBDatabase of the collection and `views` its copy
 * store in a read-write transaction `tx`) in the page and resolves with its value once `tx` is
 * complete. Raw IndexedDB: the bench reaches under the extension's own code on purpose.
 */
function withCollectionStore(page: Page, body: string): Promise<unknown> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open("gvn-collection");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(["views"], "readwrite");
      const views = tx.objectStore("views");
      let value;
      ${body}
      tx.oncomplete = () => { db.close(); resolve(value); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    };
  })`);
}

/** Deletes the pages' copy of the collection, as any write does (lib/storage/view-cache.ts). */
export async function dropCopy(page: Page): Promise<void> {
  await withCollectionStore(page, 'views.delete("collection");');
}

/** Waits until the page has written its copy of the collection (false after `timeout` ms). */
export async function waitForCopy(page: Page, timeout: number): Promise<boolean> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const found = await withCollectionStore(
      page,
      'views.count("collection").onsuccess = (e) => { value = e.target.result; };',
    );
    if (found === 1) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

/**
 * Writes records straight into the collection's stores (raw IndexedDB, `chunk` at a time): how the
 * large bench fills a collection of 100,000 snippets that no import file could hold.
 */
export async function putRecords(
  page: Page,
  store: "articles" | "snippetGroups",
  records: readonly object[],
  chunk = 5000,
): Promise<void> {
  for (let start = 0; start < records.length; start += chunk) {
    const json = JSON.stringify(records.slice(start, start + chunk));
    await page.evaluate(`new Promise((resolve, reject) => {
      const records = JSON.parse(${JSON.stringify(json)});
      const open = indexedDB.open("gvn-collection");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction([${JSON.stringify(store)}], "readwrite");
        const target = tx.objectStore(${JSON.stringify(store)});
        for (const record of records) target.put(record);
        tx.oncomplete = () => { db.close(); resolve(undefined); };
        tx.onerror = () => { db.close(); reject(tx.error); };
      };
    })`);
  }
}

/**
 * Loads of the collection page, `rounds` of each in turn: cold (its copy dropped, as any write
 * does: the records are read and the copy made again) and warm (from the copy, once the page has
 * written it within `copyWaitMs`; `onNoCopy` hears of a round where it did not). Every load must
 * show all `snippets`.
 */
export async function timeLoads(
  page: Page,
  options: {
    rounds: number;
    snippets: number;
    copyWaitMs: number;
    onNoCopy: () => void;
    /** How long each load is left alone before its marks are read (`timedLoad`). */
    settleMs?: number;
  },
): Promise<{ cold: LoadMarks[]; warm: LoadMarks[] }> {
  const cold: LoadMarks[] = [];
  const warm: LoadMarks[] = [];
  for (let r = 0; r < options.rounds; r++) {
    await dropCopy(page);
    await page.reload();
    cold.push(await timedLoad(page, options.settleMs));
    if (!(await waitForCopy(page, options.copyWaitMs))) options.onNoCopy();
    await page.reload();
    warm.push(await timedLoad(page, options.settleMs));
  }
  for (const mark of [...cold, ...warm]) {
    if (mark.snippets !== options.snippets) {
      throw new Error(`loaded with ${mark.snippets} snippets, not ${options.snippets}`);
    }
  }
  return { cold, warm };
}
