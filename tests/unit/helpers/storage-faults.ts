/**
 * Tools for the storage fault tests, on fake-indexeddb: the whole database read with the raw
 * IndexedDB API (every store, every index, not through the extension's code), a disk that fills
 * up on demand (a Dexie middleware whose writes fail with `QuotaExceededError`, as Chromium's
 * do), a connection that never closes, and a page's save request.
 */
import type Dexie from "dexie";
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from "dexie";
import type { SaveRequest } from "../../../lib/messaging/protocol.ts";
import type { ArticleInput, SnippetInput, SnippetRecord } from "../../../lib/snippets/types.ts";
import { snippetInputIn } from "./records.ts";

/** Everything in a database as IndexedDB holds it: its version, stores, indexes and records. */
export interface RawDatabase {
  version: number;
  stores: Record<string, { indexes: string[]; records: unknown[] }>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The records of one store of a raw read (fails the test when there is no such store). */
export function recordsOf<T>(raw: RawDatabase | null, store: string): T[] {
  const found = raw?.stores[store];
  if (!found) throw new Error(`no object store ${store} in the database`);
  return found.records as T[];
}

/** The snippets of a raw copy of the database, out of their article groups (schema version 7). */
export function groupedSnippetsOf(raw: RawDatabase | null): SnippetRecord[] {
  return recordsOf<{ snippets: SnippetRecord[] }>(raw, "snippetGroups").flatMap((g) => g.snippets);
}

/** Opens `name` at its current version with the raw API (null when there is no such database). */
function openRaw(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    // No database yet: do not create one.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => (req.error?.name === "AbortError" ? resolve(null) : reject(req.error));
  });
}

/** The whole database, read with the raw IndexedDB API in one read-only transaction. */
export async function readRaw(factory: IDBFactory, name: string): Promise<RawDatabase | null> {
  const db = await openRaw(factory, name);
  if (!db) return null;
  try {
    const names = [...db.objectStoreNames].sort();
    const tx = db.transaction(names, "readonly");
    const stores: RawDatabase["stores"] = {};
    for (const store of names) {
      const objectStore = tx.objectStore(store);
      stores[store] = {
        indexes: [...objectStore.indexNames].sort(),
        records: await request(objectStore.getAll()),
      };
    }
    return { version: db.version, stores };
  } finally {
    db.close();
  }
}

/**
 * A raw connection to `name` at `version` that never closes when another connection needs to
 * upgrade (as a tab of an old build stuck in a loop, or any code holding the database, would do).
 * `upgrade` creates its stores and records.
 */
export function holdOpen(
  factory: IDBFactory,
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, version);
    req.onupgradeneeded = () => upgrade(req.result);
    req.onsuccess = () => {
      // Ignores `versionchange`: stays open until the test closes it.
      req.result.onversionchange = null;
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
  });
}

/** A disk that fills up on demand: while `full`, every write to the database is refused. */
export interface FullDisk {
  full: boolean;
  /** Writes refused so far. */
  refused: number;
}

/**
 * Makes the database's writes fail with a `QuotaExceededError` `DOMException` while `disk.full`
 * (reads go on). Must be called before the database is first opened.
 */
export function failWritesWhenFull(db: Dexie, disk: FullDisk): void {
  db.use({
    stack: "dbcore",
    name: "full-disk",
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName: string): DBCoreTable => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
            if (!disk.full) return table.mutate(req);
            disk.refused++;
            return Promise.reject(
              new DOMException("The disk is full (test)", "QuotaExceededError"),
            );
          },
        };
      },
    }),
  });
}

export const PAGE_URL =
  "https://camgiang.haiduong.gov.vn/tin-tuc/nghi-quyet-dai-hoi-dang-bo-huyen-cam-giang-lan-thu-xxvi-1234.html";

export const SNAPSHOT = [
  "Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025.",
  "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%; tỷ lệ hộ nghèo giảm xuống dưới 1%.",
  "Hoàn thành đề án sáp nhập các thôn, khu dân cư trước ngày 30/6/2021.",
].join("\n");

export function articleInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    url: PAGE_URL,
    canonicalUrl: null,
    title: "Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025",
    siteName: "Cổng thông tin điện tử huyện Cẩm Giàng",
    site: "camgiang.haiduong.gov.vn",
    organization: "Đảng bộ huyện Cẩm Giàng",
    level: "district",
    locality: "Hải Dương",
    congress: 26,
    term: "2020-2025",
    publishedAt: "2020-08-20",
    snapshot: SNAPSHOT,
    ...overrides,
  };
}

/** A snippet of `SNAPSHOT` quoting `quote`, as the content script sends it. */
export function snippetInput(quote: string, kind: SnippetInput["kind"] = "target"): SnippetInput {
  return snippetInputIn(SNAPSHOT, quote, { kind });
}

/** The request a page sends to save these quotes of `SNAPSHOT`. */
export function saveRequestFor(...quotes: string[]): SaveRequest {
  return { article: articleInput(), snippets: quotes.map((quote) => snippetInput(quote)) };
}
