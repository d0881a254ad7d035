/**
 * The collection page's boot read of the collection's copy (lib/storage/copy-raw.ts): right after
 * the quick first read, in bare IndexedDB, the stamp's and the copy's records; the page's first
 * full load reads and parses the copy's Blob (`copyIfStamped`) instead of asking the database
 * again. It never creates or holds the database, gives null where it cannot read, and a copy made
 * under another stamp is never used.
 */
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { IDBFactory } from "fake-indexeddb";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { handOverBootCopy, readCopyRaw, takeBootCopy } from "../../lib/storage/boot.ts";
import { copyIfStamped } from "../../lib/storage/copy-format.ts";
import {
  type CollectionDb,
  type CollectionView,
  readCollectionView,
  startNewestRead,
  watchCollection,
} from "../../lib/storage/index.ts";
import { storeCopy } from "../../lib/storage/view-cache.ts";
import {
  DISTRICT,
  openWithTwoArticles,
  PROVINCE,
  strangerDatabase,
  upgradeUnblocked,
} from "./helpers/newest-read.ts";
import { bareSnippet, listedArticle, listedSnippet, T0 } from "./helpers/records.ts";
import { putStored } from "./helpers/stored.ts";

/**
 * `count` results, one a minute, alternately of the district and of the province; past the first
 * ten, each ten of an article of their own (the quick read takes whole articles: with more than
 * it shows, the first full load is the copy's).
 */
function results(count: number): SnippetRecord[] {
  return Array.from({ length: count }, (_, i) =>
    bareSnippet(
      `r${String(i).padStart(4, "0")}`,
      i < 10 ? (i % 2 ? PROVINCE.id : DISTRICT.id) : `${DISTRICT.id}?so-ket=${Math.floor(i / 10)}`,
      "result",
      `đã cứng hóa ${i} km đường giao thông nông thôn`,
      { createdAt: T0 + i * 60_000 },
    ),
  );
}

let factory: IDBFactory;
let db: CollectionDb;
const raw = () => readCopyRaw({ indexedDB: factory });

const byId = <T extends { id: string }>(records: readonly T[]) =>
  [...records].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * Stores `count` snippets and the copy of the collection made from a full read; gives the read's
 * records as the copy lists them.
 */
async function withCopy(count: number) {
  await putStored(db, results(count));
  const read = await readCollectionView(db);
  assert.ok(read && !read.fromCopy);
  assert.equal(await storeCopy(db, read.key, read), true);
  return {
    ...read,
    articles: (read.articles as ArticleRecord[]).map(listedArticle),
    snippets: (read.snippets as SnippetRecord[]).map(listedSnippet),
  };
}

beforeEach(async () => {
  factory = new IDBFactory();
  db = await openWithTwoArticles(factory);
});

describe("the boot read of the copy", () => {
  test("reads the copy the page's own read would take", async () => {
    const read = await withCopy(12);
    db.close();
    const stored = await raw();
    assert.ok(stored);
    const copy = await copyIfStamped(stored);
    assert.equal(copy?.key, read.key);
    assert.deepEqual(byId(copy?.snippets ?? []), byId(read.snippets));
    assert.deepEqual(byId(copy?.articles ?? []), byId(read.articles));
  });

  test("no copy yet: the stamp alone, and nothing to parse", async () => {
    await putStored(db, results(3));
    db.close();
    const stored = await raw();
    assert.ok(stored);
    assert.equal(stored.copy, undefined);
    assert.equal(await copyIfStamped(stored), undefined);
  });

  test("a copy made under another stamp is not used", async () => {
    await withCopy(4);
    await db.views.put({ id: "stamp", key: "a later write's stamp" });
    db.close();
    const stored = await raw();
    assert.ok(stored?.copy, "the copy is read");
    assert.equal(await copyIfStamped(stored), undefined);
  });

  test("no database yet: null, and none is created", async () => {
    const fresh = new IDBFactory();
    assert.equal(await readCopyRaw({ indexedDB: fresh }), null);
    assert.deepEqual(await fresh.databases(), []);
  });

  test("a database without the copy's store: null", async () => {
    db.close();
    assert.equal(await readCopyRaw({ indexedDB: await strangerDatabase() }), null);
  });

  test("its connection never blocks a later upgrade", async () => {
    await withCopy(3);
    db.close();
    await raw();
    assert.equal(await upgradeUnblocked(factory), 3, "nothing stored changed");
  });

  test("is handed over once through the page's global object", () => {
    const scope = {};
    const copy = Promise.resolve(null);
    handOverBootCopy(scope, copy);
    assert.equal(takeBootCopy(scope), copy);
    assert.equal(takeBootCopy(scope), undefined);
  });
});

describe("the page's first full load takes the boot read's copy", () => {
  /**
   * Watches `db` until it shows the whole collection; the views it was given. (Dexie's live query,
   * the read after the first full load, gives nothing under Node: what shows the whole collection
   * here is the first full load itself.)
   */
  async function firstFullLoad(): Promise<CollectionView[]> {
    const views: CollectionView[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no whole collection shown, only ${views.length} partial views`));
      }, 3000);
      const stop = watchCollection(db, {
        next: (view) => {
          views.push(view);
          if (view.partial) return;
          clearTimeout(timer);
          stop();
          resolve();
        },
        error: reject,
      });
    });
    return views;
  }

  test("the whole collection comes from the copy the boot script read", async () => {
    // More snippets than the quick read takes; the copy read by the boot script, then gone from
    // the database, so only the boot read's copy can give the whole collection here.
    const read = await withCopy(130);
    const stored = await raw();
    await db.views.delete("collection");
    await startNewestRead(db, undefined, Promise.resolve(stored));
    const views = await firstFullLoad();
    assert.deepEqual(
      views.map((v) => v.partial),
      [true, false],
    );
    assert.deepEqual(byId(views[1]?.snippets ?? []), byId(read.snippets));
    assert.deepEqual(byId(views[1]?.articles ?? []), byId(read.articles));
  });

  test("without it, or with nothing usable in it, the page reads the copy itself", async () => {
    const read = await withCopy(130);
    const stored = await raw();
    assert.ok(stored);
    const otherStamp = { ...stored, stamp: { id: "stamp", key: "another write's stamp" } };
    for (const bootCopy of [undefined, Promise.resolve(null), Promise.resolve(otherStamp)]) {
      await startNewestRead(db, undefined, bootCopy);
      const views = await firstFullLoad();
      assert.deepEqual(
        views.map((v) => v.partial),
        [true, false],
      );
      assert.deepEqual(byId(views[1]?.snippets ?? []), byId(read.snippets));
    }
  });
});
