/**
 * Storage faults (Dexie 4 on fake-indexeddb, one fresh factory per test), and what each leaves
 * behind, read with the raw IndexedDB API:
 * - a database written by a newer build (higher version, an extra store and index, a field this
 *   build does not know) opens read/write, and every record, store, index and field is kept;
 * - a full disk during a save: the page is answered with the clear quota message and nothing
 *   saved before changes (the save is all or nothing); the same for an import;
 * - an open blocked by a connection that does not close: the save is answered at once with the
 *   "another tab holds the collection" message and writes nothing; the open goes on once the
 *   connection closes, and nothing is lost;
 * - another build's upgrade closes our connection (it is never blocked by us), and our next
 *   operation opens the database again.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { saveRequest } from "../../entrypoints/background/collection.ts";
import { toJson } from "../../lib/export/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { importCollection } from "../../lib/import/index.ts";
import type { ArticleRecord } from "../../lib/snippets/types.ts";
import {
  type CollectionDb,
  DB_NAME,
  deleteSnippets,
  isOpenBlocked,
  openCollectionDb,
  SCHEMA_HISTORY,
  SCHEMA_VERSION,
  saveSnippets,
  watchBlockedOpen,
} from "../../lib/storage/index.ts";
import {
  articleInput,
  type FullDisk,
  failWritesWhenFull,
  groupedSnippetsOf,
  holdOpen,
  readRaw,
  recordsOf,
  saveRequestFor,
  snippetInput,
} from "./helpers/storage-faults.ts";
import { changeStored, countStored, everyStored } from "./helpers/stored.ts";

const INSURANCE = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%";
const POVERTY = "tỷ lệ hộ nghèo giảm xuống dưới 1%";
const MERGER = "trước ngày 30/6/2021";

/** A regression here would leave an open or a save waiting forever: fail instead. */
const TIMEOUT = { timeout: 20_000 };

let factory: IDBFactory;
const opened: Dexie[] = [];

/** Our build's database in this test's factory (closed after the test). */
function ourDb(): CollectionDb {
  const db = openCollectionDb({ indexedDB: factory, IDBKeyRange });
  opened.push(db);
  return db;
}

beforeEach(() => {
  factory = new IDBFactory();
});

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe("a database written by a newer build", () => {
  /** The next schema a newer build might ship: one more index, one more store. */
  const NEWER_VERSION = SCHEMA_VERSION + 1;
  const newerStores = {
    snippetGroups: `${SCHEMA_HISTORY.at(-1)?.stores.snippetGroups}, color`,
    highlights: "++id, snippetId",
  };

  /** A newer build's Dexie: this build's whole history and one version more. */
  function newerBuild(): Dexie {
    const db = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    for (const entry of SCHEMA_HISTORY) db.version(entry.version).stores(entry.stores);
    db.version(NEWER_VERSION).stores(newerStores);
    opened.push(db);
    return db;
  }

  /** Saves two snippets with this build, then lets the newer build upgrade and add its own data. */
  async function writtenByNewerBuild() {
    const first = ourDb();
    await saveSnippets(first, articleInput(), [
      snippetInput(INSURANCE),
      snippetInput(MERGER, "deadline"),
    ]);
    first.close();
    const newer = newerBuild();
    await newer.table("articles").toCollection().modify({ reviewedBy: "Ban Tuyên giáo" });
    await newer.table("snippetGroups").toCollection().modify({ color: "amber" });
    await newer.table("highlights").add({ snippetId: "x", style: "underline" });
    newer.close();
    const raw = await readRaw(factory, DB_NAME);
    assert.ok(raw);
    assert.equal(raw.version, NEWER_VERSION * 10, "the newer build upgraded the database");
    return raw;
  }

  test("opens read/write and keeps every record, store, index and unknown field", async () => {
    const before = await writtenByNewerBuild();

    const db = ourDb();
    const snippets = await everyStored(db);
    assert.equal(snippets.length, 2, "this build reads the newer build's records");
    assert.equal(
      await db.snippetGroups
        .where("snippetIds")
        .equals(snippets[0]?.id ?? "")
        .count(),
      1,
      "indexes answer",
    );
    const saved = await saveRequest(saveRequestFor(POVERTY, INSURANCE), db);
    assert.equal(saved.ok, true, saved.error);
    assert.equal(saved.created, 1);
    db.close();

    const after = await readRaw(factory, DB_NAME);
    assert.ok(after);
    assert.equal(after.version, before.version, "never downgraded, deleted or recreated");
    assert.deepEqual(Object.keys(after.stores), Object.keys(before.stores));
    for (const [name, store] of Object.entries(before.stores)) {
      assert.deepEqual(after.stores[name]?.indexes, store.indexes, `indexes of ${name}`);
    }
    assert.deepEqual(after.stores.highlights, before.stores.highlights, "the newer store is kept");
    const afterSnippets = groupedSnippetsOf(after);
    for (const record of groupedSnippetsOf(before)) {
      assert.deepEqual(
        afterSnippets.find((s) => s.id === record.id),
        record,
        `snippet ${record.id} unchanged, with the newer build's field`,
      );
    }
    assert.equal(afterSnippets.length, 3, "the new snippet was added");
    type NewerGroup = { color?: string };
    assert.equal(recordsOf<NewerGroup>(after, "snippetGroups")[0]?.color, "amber");
    type NewerArticle = ArticleRecord & { reviewedBy?: string };
    const [articleBefore] = recordsOf<NewerArticle>(before, "articles");
    const [articleAfter] = recordsOf<NewerArticle>(after, "articles");
    assert.equal(articleAfter?.reviewedBy, "Ban Tuyên giáo", "the newer build's field is kept");
    assert.equal(articleAfter?.createdAt, articleBefore?.createdAt);

    // The newer build opens the database again with everything in place.
    const newer = newerBuild();
    assert.equal(await newer.table("snippetGroups").count(), 1);
    assert.equal(await newer.table("snippetGroups").where("color").equals("amber").count(), 1);
    assert.equal(await newer.table("highlights").count(), 1);
  });

  test("a newer build that dropped an index this build queries: the index comes back, nothing is lost", async () => {
    const first = ourDb();
    await saveSnippets(first, articleInput(), [
      snippetInput(INSURANCE),
      snippetInput(MERGER, "deadline"),
    ]);
    first.close();
    const newer = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    opened.push(newer);
    for (const entry of SCHEMA_HISTORY) newer.version(entry.version).stores(entry.stores);
    newer.version(NEWER_VERSION).stores({ snippetGroups: "articleId, createdAt, *snippetIds" });
    await newer.open();
    newer.close();
    const before = await readRaw(factory, DB_NAME);
    assert.ok(before);
    assert.ok(
      !before.stores.snippetGroups?.indexes.includes("updatedAt"),
      "the newer build dropped `updatedAt`",
    );

    const db = ourDb();
    assert.equal(await db.snippetGroups.where("updatedAt").above(0).count(), 1);
    db.close();
    const after = await readRaw(factory, DB_NAME);
    assert.ok(after);
    assert.ok(after.version >= before.version, "the version only ever goes up");
    assert.deepEqual(after.stores.snippetGroups?.records, before.stores.snippetGroups?.records);
    assert.deepEqual(after.stores.articles?.records, before.stores.articles?.records);
  });
});

describe("a full disk", () => {
  let db: CollectionDb;
  let disk: FullDisk;

  beforeEach(() => {
    db = ourDb();
    disk = { full: false, refused: 0 };
    failWritesWhenFull(db, disk);
  });

  test("a save is answered with the clear quota message and changes nothing saved before", async () => {
    const first = await saveRequest(saveRequestFor(INSURANCE, MERGER), db);
    assert.equal(first.ok, true, first.error);
    await changeStored(db, first.saved[0] as string, { note: "ghi chú của người đọc" });
    const before = await readRaw(factory, DB_NAME);

    disk.full = true;
    // A new snippet of the same article: the article's refresh comes first in the transaction.
    const response = await saveRequest(saveRequestFor(POVERTY), db);
    assert.ok(disk.refused > 0, "the write reached the full disk");
    assert.equal(response.ok, false);
    assert.equal(response.errorCode, "quota");
    assert.equal(response.error, t("storageQuota"));
    assert.match(response.error ?? "", /^Không còn đủ dung lượng lưu trữ\. Những gì đã lưu/);
    assert.deepEqual(await readRaw(factory, DB_NAME), before, "nothing saved before changed");

    disk.full = false;
    const retried = await saveRequest(saveRequestFor(POVERTY), db);
    assert.equal(retried.ok, true, "saving works again once there is room");
    assert.equal(retried.created, 1);
  });

  test("a delete, an edit and an import fail whole and leave the collection as it was", async () => {
    await saveRequest(saveRequestFor(INSURANCE, MERGER), db);
    const exported = toJson({
      articles: await db.articles.toArray(),
      snippets: (await everyStored(db)).map((s) => ({ ...s, note: "từ tệp" })),
    });
    const before = await readRaw(factory, DB_NAME);
    const ids = (await everyStored(db)).map((s) => s.id);

    disk.full = true;
    await assert.rejects(deleteSnippets(db, ids), { name: "QuotaExceededError" });
    await assert.rejects(changeStored(db, ids[0] as string, { note: "mới" }));
    const imported = await importCollection(db, exported);
    assert.equal(imported.ok, false);
    assert.ok(!imported.ok);
    assert.deepEqual(imported.storageFailure, { code: "quota", message: t("storageQuota") });
    assert.deepEqual(await readRaw(factory, DB_NAME), before, "nothing changed");
  });
});

describe("an open blocked by another connection", () => {
  const OLD_NATIVE_VERSION = 5;
  const OLD_RECORD = {
    id: "old-snippet",
    articleId: "old-article",
    kind: "target",
    tags: ["giữ nguyên"],
    createdAt: 1,
  };

  /** An old layout of the database (no indexes yet), held open by a connection that never closes. */
  function oldConnection(): Promise<IDBDatabase> {
    return holdOpen(factory, DB_NAME, OLD_NATIVE_VERSION, (raw) => {
      raw.createObjectStore("articles", { keyPath: "id" });
      raw.createObjectStore("snippets", { keyPath: "id" }).add(OLD_RECORD);
    });
  }

  /** A test that starts with `oldConnection()` held open and this build's database not yet open. */
  function testWhileHeld(
    name: string,
    body: (holder: IDBDatabase, db: CollectionDb) => Promise<void>,
  ): void {
    test(name, TIMEOUT, async () => body(await oldConnection(), ourDb()));
  }

  testWhileHeld(
    "a save is answered at once with the clear message and writes nothing",
    async (holder, db) => {
      const seen: boolean[] = [];
      watchBlockedOpen(db, (blocked) => seen.push(blocked));

      const response = await saveRequest(saveRequestFor(INSURANCE), db);
      assert.equal(response.ok, false);
      assert.equal(response.errorCode, "blocked");
      assert.equal(response.error, t("storageBlocked"));
      assert.equal(isOpenBlocked(db), true);
      assert.deepEqual(seen, [true]);

      // The other tab closes: the open goes on, the old record is upgraded, the dropped save is not written.
      holder.close();
      await db.open();
      assert.deepEqual(seen, [true, false]);
      assert.equal(isOpenBlocked(db), false);
      assert.deepEqual(await everyStored(db), [OLD_RECORD]);
      assert.equal(
        await db.snippetGroups.where("snippetIds").equals("old-snippet").count(),
        1,
        "indexed",
      );

      const again = await saveRequest(saveRequestFor(INSURANCE), db);
      assert.equal(again.ok, true, again.error);
      const raw = await readRaw(factory, DB_NAME);
      assert.equal(groupedSnippetsOf(raw).length, 2, "the old record and the new one");
    },
  );

  testWhileHeld(
    "a page's read waits for the open, which goes on without losing anything",
    async (holder, db) => {
      const blocked = new Promise<void>((resolve) =>
        watchBlockedOpen(db, (isBlocked) => isBlocked && resolve()),
      );
      const reading = everyStored(db);
      await blocked;
      holder.close();
      assert.deepEqual(await reading, [OLD_RECORD]);
      assert.equal(isOpenBlocked(db), false);
    },
  );
});

describe("another build's upgrade", () => {
  test(
    "closes our connection instead of being blocked; our next operation opens it again",
    TIMEOUT,
    async () => {
      const db = ourDb();
      const first = await saveRequest(saveRequestFor(INSURANCE), db);
      assert.equal(first.ok, true);

      const events: string[] = [];
      const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = factory.open(DB_NAME, (SCHEMA_VERSION + 1) * 10);
        req.onblocked = () => events.push("blocked");
        req.onupgradeneeded = () => req.result.createObjectStore("highlights");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      upgraded.close();
      assert.deepEqual(events, [], "our open connection did not block the upgrade");
      assert.equal(db.isOpen(), false, "ours closed itself");

      const again = await saveRequest(saveRequestFor(MERGER), db);
      assert.equal(again.ok, true, again.error);
      assert.equal(await countStored(db), 2);
      assert.equal(db.isOpen(), true);
      const raw = await readRaw(factory, DB_NAME);
      assert.ok(raw?.stores.highlights, "the other build's store is there");
    },
  );
});
