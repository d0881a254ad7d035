/**
 * Stopping the extension's MV3 service worker from a test, and holding it at chosen moments of a
 * save, through the DevTools protocol:
 *
 * - stop: `Target.closeTarget` on the worker's `service_worker` target (a browser-level CDP
 *   session), as Chrome's guide "Test service worker termination with Puppeteer" does; it stops
 *   the worker even in the middle of a task. Whether it really stopped is read from the
 *   `ServiceWorker` domain of an extension page, which reports the worker's running status
 *   (running → stopping → stopped → starting → running).
 * - hold a save before it is written: an extension page (same origin, same database) keeps a
 *   read-write transaction open on the collection's stores, so the worker's save waits for it.
 * - hold a save after it is written (its transaction, once committed, keeps the worker's thread
 *   busy before Dexie sees the `complete` event), or a read before it is made: the answer is
 *   never sent.
 *
 * The target (and Playwright's `Worker` for it) stays the same across restarts: an evaluate runs
 * in the worker's current run, so call `running()` first (an evaluate in a stopped worker waits).
 * Code evaluated in the page or worker is given as a string where it needs a named function
 * (tsx would wrap named functions in a `__name` helper the browser lacks).
 */
import type { CDPSession, Page, Worker } from "playwright-core";
import type { SnippetRecord } from "../../../lib/snippets/types.ts";
import type { ExtensionBrowser } from "../harness.ts";
import { COLLECTION_DB } from "./extension.ts";
import { patchStoredSnippet } from "./stored-snippets.ts";

type RunningStatus = "stopped" | "starting" | "running" | "stopping";

export interface WorkerControl {
  /** Stops the worker (running it first if needed); waits until DevTools reports it stopped. */
  stop(): Promise<void>;
  /** Waits until the worker runs, starting it when it is stopped. */
  running(): Promise<void>;
  /** How many times the worker was seen to stop. */
  readonly stops: number;
  dispose(): Promise<void>;
}

/**
 * Controls the extension's service worker through a browser-level CDP session (to stop it) and
 * `controlPage`, an extension page whose `ServiceWorker` domain reports the worker's status.
 */
export async function controlWorker(
  browser: ExtensionBrowser,
  controlPage: Page,
): Promise<WorkerControl> {
  const origin = `chrome-extension://${browser.extensionId}/`;
  const chromium = browser.context.browser();
  if (!chromium) throw new Error("no browser object for the extension's context");
  const browserSession = await chromium.newBrowserCDPSession();
  const pageSession: CDPSession = await browser.context.newCDPSession(controlPage);
  let status: RunningStatus | null = null;
  let stops = 0;
  const waiters = new Set<() => void>();
  pageSession.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(origin)) continue;
      if (version.runningStatus === "stopped" && status !== "stopped") stops++;
      status = version.runningStatus;
    }
    for (const wake of waiters) wake();
  });
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      if (condition()) return resolve();
      const check = () => {
        if (!condition()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });
  await pageSession.send("ServiceWorker.enable");

  const control: WorkerControl = {
    get stops() {
      return stops;
    },
    async running() {
      for (;;) {
        await until(() => status === "running" || status === "stopped");
        if (status === "running") return;
        // Any extension event starts a stopped worker: a message nobody answers will do.
        await controlPage.evaluate(() => {
          const { chrome } = globalThis as unknown as {
            chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
          };
          chrome.runtime.sendMessage({ wake: true }).catch(() => {});
        });
        await until(() => status !== "stopped");
      }
    },
    async stop() {
      await control.running();
      const before = stops;
      const { targetInfos } = await browserSession.send("Target.getTargets");
      const target = targetInfos.find(
        (t) => t.type === "service_worker" && t.url.startsWith(origin),
      );
      if (!target) throw new Error(`no service worker target for ${origin}`);
      await browserSession.send("Target.closeTarget", { targetId: target.targetId });
      await until(() => stops > before);
    },
    async dispose() {
      waiters.clear();
      await pageSession.detach().catch(() => {});
      await browserSession.detach().catch(() => {});
    },
  };
  return control;
}

/**
 * Keeps a read-write transaction on the collection's stores open from `page` (an extension page)
 * until the returned function is called: every save of the worker waits for it meanwhile.
 */
export async function holdCollection(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(${JSON.stringify(COLLECTION_DB)});
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(["articles", "snippetGroups"], "readwrite");
    const state = { released: false };
    globalThis.__gvnHold = state;
    state.done = new Promise((resolve) => {
      tx.oncomplete = () => { db.close(); resolve("complete"); };
      tx.onabort = () => { db.close(); resolve("abort"); };
    });
    // A transaction stays open while it has requests: keep asking until released.
    const store = tx.objectStore("snippetGroups");
    function keepBusy() {
      if (!state.released) store.count().onsuccess = keepBusy;
    }
    keepBusy();
  })()`);
  return async () => {
    const outcome = await page.evaluate(`(() => {
      const state = globalThis.__gvnHold;
      state.released = true;
      return state.done;
    })()`);
    if (outcome !== "complete") throw new Error(`the holding transaction ended with ${outcome}`);
  };
}

/** The `storage.session` key the worker sets when it starts being held (see below). */
export const HELD_KEY = "gvnTestHeld";

/**
 * The worker's thread kept busy for `ms`, after it tells `storage.session` (`HELD_KEY`): the
 * request leaves the worker at once, and the browser carries it out while the thread is busy.
 */
const holdThread = (ms: number) => `
  chrome.storage.session.set({ ${JSON.stringify(HELD_KEY)}: true });
  const end = Date.now() + ${ms};
  while (Date.now() < end) {}
`;

/**
 * From now on (in the worker's current run), when a read-write transaction on the snippets' store
 * has committed, the worker is held before Dexie hears of it: the save is written, its answer is
 * not sent. A restarted worker is free of it.
 */
export async function holdAfterWrites(worker: Worker, ms = 15_000): Promise<void> {
  await worker.evaluate(`(() => {
    const native = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, "oncomplete");
    Object.defineProperty(IDBTransaction.prototype, "oncomplete", {
      configurable: true,
      get() { return native.get.call(this); },
      set(handler) {
        const held = this.mode === "readwrite" && this.objectStoreNames.contains("snippetGroups") &&
          typeof handler === "function";
        native.set.call(this, !held ? handler : function (event) {
          ${holdThread(ms)}
          return handler.call(this, event);
        });
      },
    });
  })()`);
}

/**
 * From now on (in the worker's current run), when a read-only transaction first reaches for the
 * snippets store, the worker is held: the read (e.g. of a page's saved snippets) is not made and
 * not answered. A restarted worker is free of it.
 */
export async function holdReads(worker: Worker, ms = 15_000): Promise<void> {
  await worker.evaluate(`(() => {
    const native = IDBTransaction.prototype.objectStore;
    IDBTransaction.prototype.objectStore = function (name) {
      if (this.mode === "readonly" && name === "snippetGroups") {
        ${holdThread(ms)}
      }
      return native.call(this, name);
    };
  })()`);
}

/** Waits, from an extension page, until the worker is being held (`HELD_KEY`), and clears it. */
export async function waitUntilHeld(page: Page): Promise<void> {
  await page.waitForFunction(
    async (key) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
      };
      return (await chrome.storage.session.get(key))[key] === true;
    },
    HELD_KEY,
    { polling: 50, timeout: 30_000 },
  );
  await page.evaluate(async (key) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { remove(key: string): Promise<void> } } };
    };
    await chrome.storage.session.remove(key);
  }, HELD_KEY);
}

/**
 * Counts the `saveSnippets` messages the worker (its current run) receives from now on; the
 * returned function resolves once `count` have arrived.
 */
export async function countSaveMessages(
  worker: Worker,
  count: number,
): Promise<() => Promise<void>> {
  await worker.evaluate((count) => {
    const scope = globalThis as unknown as {
      chrome: {
        runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
      };
      __gvnSavesArrived?: Promise<void>;
    };
    scope.__gvnSavesArrived = new Promise<void>((resolve) => {
      let seen = 0;
      scope.chrome.runtime.onMessage.addListener((message) => {
        if ((message as { type?: string } | null)?.type !== "saveSnippets") return;
        seen++;
        if (seen >= count) resolve();
      });
    });
  }, count);
  return () =>
    worker.evaluate(
      () => (globalThis as unknown as { __gvnSavesArrived: Promise<void> }).__gvnSavesArrived,
    );
}

/** The stored snippets, read from an extension page (without the worker). */
export async function storedSnippets(page: Page): Promise<SnippetRecord[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<SnippetRecord[]>((resolve, reject) => {
        // One record per article (lib/storage/snippet-records.ts).
        const request = db.transaction("snippetGroups").objectStore("snippetGroups").getAll();
        request.onsuccess = () =>
          resolve((request.result as { snippets: SnippetRecord[] }[]).flatMap((g) => g.snippets));
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, COLLECTION_DB);
}

/** Writes a note on a stored snippet, as the reader does in the collection. */
export async function writeNote(page: Page, id: string, note: string): Promise<void> {
  await patchStoredSnippet(page, id, { note }, { stamp: true });
}
