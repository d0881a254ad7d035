/**
 * Reading the extension's own state through its service worker: the toolbar badge of a tab, the
 * collection database (IndexedDB in the extension's origin, read with the raw API, not through the
 * extension's code) and the context-menu handler the background exposes for tests.
 *
 * The functions passed to `serviceWorker.evaluate` run in the worker: they can only use what they
 * are given and the worker's globals.
 */
import type { Worker } from "playwright-core";
import type { ArticleRecord, SnippetRecord } from "../../../lib/snippets/types.ts";

/** The few extension APIs used here, as the service worker sees them. */
interface WorkerGlobals {
  chrome: {
    tabs: {
      query(query: object): Promise<Array<{ id?: number; url?: string; title?: string }>>;
    };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
  };
  gvnSaveSelectionInTab?: (
    tab: { id?: number; url?: string; title?: string },
    selectionText: string,
  ) => Promise<unknown>;
}

export const COLLECTION_DB = "gvn-collection";

export interface Collection {
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
}

/**
 * Everything in the collection database: both object stores read in one read-only transaction.
 * An empty collection when the extension has not created the database yet (this does not create it).
 */
export async function readCollection(serviceWorker: Worker): Promise<Collection> {
  return serviceWorker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const request = indexedDB.open(name);
      // No database yet: do not create one (the extension's Dexie schema must do that).
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () =>
        request.error?.name === "AbortError" ? resolve(null) : reject(request.error);
    });
    if (!db) return { articles: [], snippets: [] };
    try {
      // The snippets one record per article (lib/storage/snippet-records.ts), and any an older
      // build wrote into the store of one record a snippet.
      const names = ["articles", "snippetGroups", "snippets"];
      const stores = names.filter((store) => db.objectStoreNames.contains(store));
      if (stores.length < 3) return { articles: [], snippets: [] };
      const tx = db.transaction(stores, "readonly");
      // No named functions here: tsx would wrap them in a `__name` helper the worker lacks.
      const [articles, groups, loose] = await Promise.all(
        names.map(
          (store) =>
            new Promise<unknown[]>((resolve, reject) => {
              const request = tx.objectStore(store).getAll();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      const grouped = (groups as { snippets: SnippetRecord[] }[]).flatMap((g) => g.snippets);
      const snippets = [...grouped, ...(loose as SnippetRecord[])];
      return { articles: articles as ArticleRecord[], snippets };
    } finally {
      db.close();
    }
  }, COLLECTION_DB);
}

/** The article record stored for a canonical URL (or page URL) and its snippets. */
export function articleIn(
  collection: Collection,
  key: string,
): { article: ArticleRecord | undefined; snippets: SnippetRecord[] } {
  const article = collection.articles.find(
    (a) => a.id === key || a.canonicalUrl === key || a.url === key,
  );
  return {
    article,
    snippets: article ? collection.snippets.filter((s) => s.articleId === article.id) : [],
  };
}

/** The id of the tab showing `url` (exactly), or throws. */
export async function tabIdFor(serviceWorker: Worker, url: string): Promise<number> {
  const tabs = await serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as WorkerGlobals;
    return (await chrome.tabs.query({})).map((tab) => ({ id: tab.id, url: tab.url }));
  });
  const tab = tabs.find((t) => t.url === url);
  if (tab?.id === undefined) {
    throw new Error(`no tab shows ${url} (tabs: ${tabs.map((t) => t.url).join(", ")})`);
  }
  return tab.id;
}

/** The toolbar badge text the extension set for the tab showing `url`. */
export async function badgeText(serviceWorker: Worker, url: string): Promise<string> {
  const tabId = await tabIdFor(serviceWorker, url);
  return serviceWorker.evaluate(async (tabId) => {
    const { chrome } = globalThis as unknown as WorkerGlobals;
    return chrome.action.getBadgeText({ tabId });
  }, tabId);
}

/**
 * Runs the "Lưu đoạn trích" context-menu handler for the tab showing `url`, as Chromium would with
 * the page's current selection (`selectionText`), and returns its answer.
 */
export async function saveSelectionFromMenu(
  serviceWorker: Worker,
  url: string,
  selectionText: string,
): Promise<unknown> {
  const tabId = await tabIdFor(serviceWorker, url);
  return serviceWorker.evaluate(
    async ({ tabId, selectionText }) => {
      const globals = globalThis as unknown as WorkerGlobals;
      const tab = (await globals.chrome.tabs.query({})).find((t) => t.id === tabId);
      if (!tab) throw new Error(`tab ${tabId} is gone`);
      if (typeof globals.gvnSaveSelectionInTab !== "function") {
        throw new Error("the background does not expose gvnSaveSelectionInTab");
      }
      return globals.gvnSaveSelectionInTab(tab, selectionText);
    },
    { tabId, selectionText },
  );
}
