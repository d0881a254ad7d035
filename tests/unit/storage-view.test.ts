/**
 * The pages' copy of the collection (lib/storage/view-cache.ts, schema version 2): a database of
 * version 1 gets the empty `views` store and reads as before; a read after the copy is made gives
 * the same records from the copy, as listed (without each article's saved text and each anchor's
 * context, which stored-records.ts reads when asked); every write through lib/storage, a write
 * between a read and the copy's write, and a write by an older build that knows nothing of the
 * copy each keep a stale copy from being used; an older build's copies are never read, and an
 * older build never reads this one.
 */
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { toJson } from "../../lib/export/json.ts";
import { importCollection } from "../../lib/import/index.ts";
import type { ListedArticle, ListedSnippet, SnippetRecord } from "../../lib/snippets/types.ts";
import { asciiJson } from "../../lib/storage/copy-format.ts";
import {
  type CollectionDb,
  clearCollection,
  DB_NAME,
  declareSchema,
  deleteSnippets,
  openCollectionDb,
  readCollectionView,
  restoreSnippets,
  SCHEMA_VERSION,
  saveSnippets,
  storedArticle,
  storedEntries,
  updateSnippet,
} from "../../lib/storage/index.ts";
import { storeCopy } from "../../lib/storage/view-cache.ts";
import { readStampedCopy } from "../../lib/storage/watch.ts";
import { article, listedArticle, listedSnippet, snippet, T0 } from "./helpers/records.ts";
import { everyStored, findStored, putStored } from "./helpers/stored.ts";

const TEXT = [
  "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.",
  "Tỷ lệ hộ nghèo giảm còn dưới 1%; hoàn thành trước ngày 30/6/2021.",
].join("\n");
const CG = article("https://camgiang.haiduong.gov.vn/tin-tuc/nghi-quyet.html", {
  title: "Đại hội Đảng bộ huyện Cẩm Giàng",
  locality: "Cẩm Giàng",
  snapshot: TEXT,
});
const INSURANCE = snippet(CG, "tỷ lệ bao phủ bảo hiểm y tế đạt 95%", { note: "xem lại" });
const POVERTY = snippet(CG, "hộ nghèo giảm còn dưới 1%", { kind: "result" });
const DEADLINE = snippet(CG, "trước ngày 30/6/2021", { kind: "deadline", createdAt: T0 + 1 });

let factory: IDBFactory;
let db: CollectionDb;

beforeEach(async () => {
  factory = new IDBFactory();
  db = openCollectionDb({ indexedDB: factory, IDBKeyRange });
  await db.open();
  await db.articles.put(CG);
  await putStored(db, [INSURANCE, POVERTY]);
});

const byId = <T extends { id: string }>(records: readonly T[]) =>
  [...records].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What the copy must give for the stored records now. */
async function listedRecords(): Promise<{ articles: ListedArticle[]; snippets: ListedSnippet[] }> {
  return {
    articles: byId((await db.articles.toArray()).map(listedArticle)),
    snippets: byId((await everyStored(db)).map(listedSnippet)),
  };
}

/** Reads the collection, makes the copy from that read, and checks the next read uses it. */
async function withCopy(): Promise<void> {
  const read = await readCollectionView(db);
  assert.ok(read && !read.fromCopy, "a first read reads the records");
  assert.equal(await storeCopy(db, read.key, read), true, "the copy is written");
  const again = await readCollectionView(db);
  assert.ok(again?.fromCopy, "the next read takes the copy");
  const first = await readStampedCopy(db);
  assert.ok(first?.fromCopy, "a page's first full load takes it");
  assert.equal(first.key, read.key, "with the key it was made with");
  const listed = await listedRecords();
  assert.deepEqual(byId(first.snippets), listed.snippets);
  assert.deepEqual(byId(first.articles), listed.articles);
}

/** The next read does not take the copy and gives what the records hold. */
async function readsRecords(): Promise<{ articles: ListedArticle[]; snippets: ListedSnippet[] }> {
  const read = await readCollectionView(db);
  assert.ok(read);
  assert.equal(read.fromCopy, false, "a stale copy is not used");
  assert.deepEqual(byId(read.snippets), byId(await everyStored(db)));
  assert.deepEqual(byId(read.articles), byId(await db.articles.toArray()));
  return read;
}

describe("the pages' copy of the collection", () => {
  test("a version 1 database opens with an empty copy store and reads every record", async () => {
    const name = "gvn-view-migration";
    const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    declareSchema(old, 1);
    await old.table("articles").put(CG);
    await old.table("snippets").bulkPut([INSURANCE, POVERTY]);
    old.close();
    const current = openCollectionDb({ name, indexedDB: factory, IDBKeyRange });
    await current.open();
    assert.equal(current.verno, SCHEMA_VERSION);
    assert.equal(await current.views.count(), 0);
    const read = await readCollectionView(current);
    assert.ok(read && !read.fromCopy);
    assert.deepEqual(byId(read.snippets), byId([INSURANCE, POVERTY]));
    assert.deepEqual(read.articles, [CG]);
    assert.equal(await storeCopy(current, read.key, read), true);
    current.close();
  });

  test("the copy gives the stored records as listed; a read with the current key gives null", async () => {
    const first = await readCollectionView(db);
    assert.ok(first);
    await storeCopy(db, first.key, first);
    const copied = await readCollectionView(db);
    assert.ok(copied?.fromCopy);
    assert.deepEqual(byId(copied.snippets), byId([INSURANCE, POVERTY].map(listedSnippet)));
    assert.deepEqual(copied.articles, [listedArticle(CG)]);
    assert.equal("snapshot" in (copied.articles[0] ?? {}), false, "no saved text");
    assert.equal("prefix" in (copied.snippets[0]?.anchor ?? {}), false, "no anchor context");
    assert.equal(copied.key, first.key);
    assert.equal(await readCollectionView(db, copied.key), null, "nothing changed since");
  });

  const writes: Array<[string, () => Promise<unknown>]> = [
    [
      "a save from a page",
      () =>
        saveSnippets(
          db,
          { ...CG, url: CG.url },
          [{ ...DEADLINE, anchor: DEADLINE.anchor }],
          T0 + 5,
        ),
    ],
    [
      "an edit (same time as before)",
      () => updateSnippet(db, INSURANCE.id, { tags: ["y tế"] }, T0),
    ],
    ["a delete", () => deleteSnippets(db, [POVERTY.id])],
    ["an undo", () => restoreSnippets(db, [{ ...POVERTY, note: "khôi phục" }])],
    ["clearing the collection", () => clearCollection(db)],
    [
      "an import",
      async () => {
        const result = await importCollection(
          db,
          toJson({ articles: [CG], snippets: [{ ...INSURANCE, note: "ghi chú khác" }] }),
          { now: T0 },
        );
        assert.ok(result.ok);
      },
    ],
  ];
  for (const [name, write] of writes) {
    test(`after ${name} the copy is not used`, async () => {
      await withCopy();
      await write();
      assert.equal(await readStampedCopy(db), null, "not by a page's first full load either");
      await readsRecords();
    });
  }

  test("clearing the collection drops the copy itself", async () => {
    await withCopy();
    await clearCollection(db);
    assert.deepEqual(
      (await db.views.toArray()).filter((record) => record.id === "collection"),
      [],
    );
  });

  test("the copy is a Blob of ASCII JSON, as listed; an older build's copies are never read, nor ours by it", async () => {
    await withCopy();
    const copy = await db.views.get("collection");
    assert.ok(copy?.listing instanceof Blob);
    assert.equal(copy.blob, undefined, "an older build reads `blob` as stored records: none");
    const text = await copy.listing.text();
    assert.match(text, /^[\x20-\x7e]*$/, "the copy's text is ASCII");
    assert.ok(text.includes(asciiJson(JSON.stringify(INSURANCE.note))), "Vietnamese text kept");
    assert.equal(text.includes(asciiJson(JSON.stringify(TEXT))), false, "no saved text");
    assert.equal(text.includes('"prefix"'), false, "no anchor context");
    // An older build's copies: every stored record as ASCII JSON in a Blob, in bytes, in a string.
    const whole = asciiJson(JSON.stringify({ articles: [CG], snippets: [INSURANCE, POVERTY] }));
    const olderCopies = [
      { blob: new Blob([whole]) },
      { bytes: new TextEncoder().encode(whole) },
      { json: whole },
    ];
    for (const older of olderCopies) {
      await db.views.put({ id: "collection", key: copy.key, ...older });
      assert.equal(await readStampedCopy(db), null);
      await readsRecords();
    }
  });

  test("a copy that cannot be read gives way to the records", async () => {
    await withCopy();
    const copy = await db.views.get("collection");
    assert.ok(copy?.listing);
    const good = JSON.parse(await copy.listing.text()) as { rows: unknown[][] };
    // A row whose article is at no place in the copy, and a row that is no row.
    const lost = { ...good, rows: good.rows.map((row) => [row[0], 7, ...row.slice(2)]) };
    const broken = { ...good, rows: good.rows.map(() => ({})) };
    const unreadable = [
      "{",
      JSON.stringify({ ...good, version: 99 }),
      JSON.stringify(lost),
      JSON.stringify(broken),
      new Uint8Array([0x7b, 0xff, 0x7d]),
    ];
    for (const content of unreadable) {
      await db.views.put({ id: "collection", key: copy.key, listing: new Blob([content]) });
      assert.equal(await readStampedCopy(db), null, "not by a page's first full load");
      await readsRecords();
    }
  });

  test("a quote that is not the snippet's text and a snippet without its article keep theirs", async () => {
    const shortened = { ...POVERTY, id: "s-shortened", text: "dưới 1%" };
    const orphan = { ...DEADLINE, articleId: "https://example.gov.vn/khong-con.html" };
    await putStored(db, [shortened, orphan]);
    await withCopy();
    const copied = await readStampedCopy(db);
    const find = (id: string) => copied?.snippets.find((s) => s.id === id);
    assert.equal(find(shortened.id)?.anchor.quote, POVERTY.anchor.quote);
    assert.equal(find(orphan.id)?.articleId, orphan.articleId);
  });

  test("a write between a read and the copy's write: no copy is written", async () => {
    const read = await readCollectionView(db);
    assert.ok(read);
    await updateSnippet(db, POVERTY.id, { note: "mới" }, T0);
    assert.equal(await storeCopy(db, read.key, read), false);
    const again = await readsRecords();
    assert.equal(again.snippets.find((s) => s.id === POVERTY.id)?.note, "mới");
  });

  test("writes by an older build, which knows nothing of the copy, are seen", async () => {
    await withCopy();
    // A build of schema version 6 opening the database as it is, while this one has it open: it
    // knows nothing of the groups and saves a snippet into the store of one record a snippet.
    const older = () => {
      const build = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
      declareSchema(build, 6);
      return build;
    };
    const saved: SnippetRecord = {
      ...INSURANCE,
      id: "s-ban-cu",
      note: "bản cũ",
      updatedAt: T0 + 9,
    };
    const saving = older();
    await saving.table("snippets").put(saved);
    saving.close();
    let read = await readsRecords();
    assert.deepEqual(
      read.snippets.find((s) => s.id === saved.id),
      saved,
    );

    await withCopy();
    const deleting = older();
    await deleting.table("snippets").delete(saved.id);
    deleting.close();
    // A page's first full load checks only the stamp and shows the copy; its live read, which
    // follows with the copy's key, sees the delete and gives the records.
    const stale = await readStampedCopy(db);
    assert.equal(stale?.snippets.length, 3);
    const live = await readCollectionView(db, stale?.key ?? null);
    assert.ok(live && !live.fromCopy, "the live read corrects it");
    assert.equal(live.snippets.length, 2);

    // Saved again by the older build; this build, opening the database, moves it into its
    // article's record and marks the collection changed (the copy is not used).
    await withCopy();
    const again = older();
    await again.table("snippets").put(saved);
    again.close();
    db.close();
    db = openCollectionDb({ indexedDB: factory, IDBKeyRange });
    read = await readsRecords();
    assert.equal(read.snippets.length, 3);
    assert.equal(await db.snippets.count(), 0, "moved out of the older builds' store");
    assert.deepEqual(await findStored(db, saved.id), saved);
  });
});

describe("the stored records behind the listed ones", () => {
  test("storedEntries: the stored snippets in the order asked, with their articles; a deleted one left out", async () => {
    const entries = await storedEntries(db, [POVERTY.id, "s-deleted", INSURANCE.id]);
    assert.deepEqual(entries, [
      { snippet: POVERTY, article: CG },
      { snippet: INSURANCE, article: CG },
    ]);
  });

  test("storedEntries of many snippets (one read of every article's snippets) gives the same", async () => {
    const many = Array.from({ length: 600 }, (_, i) => ({
      ...INSURANCE,
      id: `s-many-${String(i).padStart(3, "0")}`,
    }));
    await putStored(db, many);
    const ids = many.map((s) => s.id).reverse();
    const entries = await storedEntries(db, [...ids, "s-deleted"]);
    assert.deepEqual(
      entries.map((entry) => entry.snippet.id),
      ids,
    );
    assert.ok(entries.every((entry) => entry.article?.snapshot === TEXT));
    assert.ok(entries.every((entry) => entry.snippet.anchor.prefix === INSURANCE.anchor.prefix));
  });

  test("storedArticle: the saved text and the article's stored snippets in text order", async () => {
    const { article: stored, snippets } = await storedArticle(db, CG.id);
    assert.equal(stored?.snapshot, TEXT);
    assert.deepEqual(snippets, [INSURANCE, POVERTY]);
    assert.deepEqual(await storedArticle(db, "https://example.gov.vn/khong-co.html"), {
      article: undefined,
      snippets: [],
    });
  });
});
