/**
 * The pages' quick first read of a large collection (lib/storage/watch.ts): the snippets of the
 * articles with the newest snippets, whole (they are stored one record per article), until there
 * are at least the read's size, and their articles, and whether that is all;
 * the read a page starts before its first render (`startNewestRead`) is the one the render shows
 * (`earlyReadResult`) and its watch shows first (the watch's
 * live part, Dexie's liveQuery, is covered in the browser by the collection's end-to-end tests).
 */
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import {
  type CollectionDb,
  earlyReadResult,
  newestSnippets,
  openCollectionDb,
  startNewestRead,
} from "../../lib/storage/index.ts";
import { FIRST_READ, firstRead } from "../../lib/storage/watch.ts";
import { DISTRICT, openWithTwoArticles, PROVINCE } from "./helpers/newest-read.ts";
import { bareSnippet, T0 } from "./helpers/records.ts";
import { putStored } from "./helpers/stored.ts";

let db: CollectionDb;

/** `count` results of the district, one a minute, the newest last. */
function results(count: number, from = 0): SnippetRecord[] {
  return Array.from({ length: count }, (_, i) =>
    bareSnippet(`r${String(from + i).padStart(4, "0")}`, DISTRICT.id, "result", `đạt ${i}%`, {
      createdAt: T0 + (from + i) * 60_000,
    }),
  );
}

/**
 * `count` results, one a minute, the newest last, ten to an article (`spread-0`, `spread-1`…, not
 * stored: the read gives only the articles it finds).
 */
function spread(count: number, from = 0): SnippetRecord[] {
  return results(count, from).map((s, i) => ({
    ...s,
    articleId: `spread-${Math.floor((from + i) / 10)}`,
  }));
}

beforeEach(async () => {
  db = await openWithTwoArticles();
});

describe("the quick first read", () => {
  test("takes the articles with the newest snippets, each with all its snippets, and the articles", async () => {
    // The district's results are older than the province's newest target, not than all of them.
    const targets = ["t1", "t2", "t3"].map((id, i) =>
      bareSnippet(id, PROVINCE.id, "target", `chỉ tiêu ${id}`, { createdAt: T0 + i * 120_000 }),
    );
    await putStored(db, [...results(3), ...targets]);
    const read = await newestSnippets(db, 2);
    assert.deepEqual(read.snippets.map((s) => s.id).sort(), ["t1", "t2", "t3"]);
    assert.deepEqual(
      read.articles.map((a) => a.locality),
      ["Quảng Ngãi"],
    );
    assert.equal(read.complete, false);
    // Three are not enough for four: the next article's snippets too, and that is all.
    const more = await newestSnippets(db, 4);
    assert.deepEqual(more.snippets.map((s) => s.id).sort(), [
      "r0000",
      "r0001",
      "r0002",
      "t1",
      "t2",
      "t3",
    ]);
    assert.deepEqual(more.articles.map((a) => a.locality).sort(), ["Hòa Vang", "Quảng Ngãi"]);
    assert.equal(more.complete, true);
  });

  test("a collection smaller than the read is read whole", async () => {
    await putStored(db, results(5));
    const read = await newestSnippets(db, 10);
    assert.equal(read.snippets.length, 5);
    assert.deepEqual(
      read.articles.map((a) => a.id),
      [DISTRICT.id],
    );
    assert.equal(read.complete, true);
  });

  test("whether it is whole is known without counting: exactly the read's size is whole, one more is not", async () => {
    await putStored(db, spread(20));
    assert.equal((await newestSnippets(db, 20)).complete, true);
    await putStored(db, spread(1, 20));
    const read = await newestSnippets(db, 11);
    assert.equal(read.complete, false);
    assert.equal(read.snippets.length, 11, "the newest article's one and the next article's ten");
    assert.ok(!read.snippets.some((s) => s.id === "r0000"), "the oldest is left for the full read");
  });

  test("an empty collection", async () => {
    assert.deepEqual(await newestSnippets(db), {
      articles: [],
      snippets: [],
      complete: true,
    });
  });
});

describe("the read a page starts before its first render", () => {
  test("is the one the page's watch takes first, once; later reads are current", async () => {
    await putStored(db, spread(FIRST_READ + 20));
    startNewestRead(db);
    // Written after the early read started (straight into the store).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const late = spread(1, 900);
    await putStored(db, late);
    const early = await firstRead(db);
    assert.equal(early.snippets.length, FIRST_READ);
    assert.equal(early.complete, false);
    assert.ok(!early.snippets.some((s) => s.id === late[0]?.id));
    const again = await firstRead(db);
    assert.ok(
      again.snippets.some((s) => s.id === late[0]?.id),
      "taken once: the next read is a new one",
    );
  });

  test("without an early read, the first read reads now", async () => {
    await putStored(db, results(3));
    const read = await firstRead(db);
    assert.equal(read.snippets.length, 3);
    assert.equal(read.complete, true);
  });

  test("its result is there for the first render once it has come, until the watch takes it", async () => {
    await putStored(db, spread(FIRST_READ + 15));
    const started = startNewestRead(db);
    assert.equal(earlyReadResult(db), undefined, "not before it has come");
    await started;
    const shown = earlyReadResult(db);
    assert.equal(shown?.snippets.length, FIRST_READ + 5, "the newest article's 5, then 10 of 10");
    assert.equal(shown?.complete, false);
    assert.equal(await firstRead(db), shown, "the watch takes the very read the render showed");
    assert.equal(earlyReadResult(db), undefined, "taken");
  });

  test("a failed early read gives the first render nothing, and the watch reads again", async () => {
    await putStored(db, results(3));
    db.close();
    const broken = openCollectionDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: "gone" });
    broken.close();
    await startNewestRead(broken);
    assert.equal(earlyReadResult(broken), undefined);
    await assert.rejects(firstRead(broken));
  });
});
