/**
 * Import of JSON exports (Dexie over fake-indexeddb, a fresh factory per
 * test): export → import → export round-trips, duplicates are merged (tags
 * united, notes kept, newer fields win), a write failure leaves the collection
 * as it was, progress is reported, JSON syntax errors are located, older
 * versions are migrated. Hostile files: `import-hostile.test.ts`.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import {
  canonicalArticle,
  canonicalSnippet,
  dataForEntries,
  EXPORT_VERSION,
  readCollection,
  toJson,
} from "../../lib/export/index.ts";
import {
  importCollection,
  locateJsonError,
  mergeNotes,
  migrateImport,
  parseImport,
} from "../../lib/import/index.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import {
  type CollectionDb,
  openCollectionDb,
  snippetsForArticle,
} from "../../lib/storage/index.ts";
import {
  ARTICLES,
  assertImports,
  CG,
  CG_SNAPSHOT,
  editedFile,
  fileOf,
  GROWTH,
  HD,
  IMPORT_TIME,
  INCOME,
  INSURANCE,
  MERGER,
  NOW,
  SNIPPETS,
  seed,
  T1,
  T2,
} from "./helpers/import-fixtures.ts";
import { T0 } from "./helpers/records.ts";
import { countStored, everyStored, findStored } from "./helpers/stored.ts";

let factory: IDBFactory;
let db: CollectionDb;
const opened: CollectionDb[] = [];

function freshDb(): CollectionDb {
  const instance = openCollectionDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(instance);
  return instance;
}

beforeEach(() => {
  factory = new IDBFactory();
  db = openCollectionDb({ indexedDB: factory, IDBKeyRange });
  opened.push(db);
});

afterEach(() => {
  for (const instance of opened.splice(0)) instance.close();
});

/** The collection as an export (canonical) and as stored (raw objects, key order included). */
async function state(target: CollectionDb = db): Promise<{ json: string; raw: string }> {
  const data = await readCollection(target);
  return { json: toJson(data, NOW), raw: JSON.stringify(data) };
}

// ---------------------------------------------------------------------------

describe("importCollection: round trip", () => {
  test("export → import into an empty collection → export gives the same file", async () => {
    await seed(db, ARTICLES, SNIPPETS);
    const exported = toJson(await readCollection(db), NOW);
    const target = freshDb();
    await assertImports(target, exported, { articlesAdded: 2, snippetsAdded: 4 });
    const later = new Date(NOW.getTime() + 86_400_000);
    const again = toJson(await readCollection(target), later);
    const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]*"/, "");
    assert.notEqual(again, exported);
    assert.equal(withoutTime(again), withoutTime(exported));
    // Stored records are the originals, field for field (optional fields included).
    assert.deepEqual(await findStored(target, GROWTH.id), GROWTH);
    assert.deepEqual(await target.articles.get(CG.id), CG);
  });

  test("a file exported from the current filter imports on its own", async () => {
    const entries = [GROWTH, MERGER].map((s) => ({
      snippet: s,
      article: ARTICLES.find((a) => a.id === s.articleId),
    }));
    const file = toJson(dataForEntries(entries), NOW);
    const result = await importCollection(db, file);
    assert.ok(result.ok);
    assert.equal(result.articlesAdded, 2);
    assert.equal(result.snippetsAdded, 2);
    assert.deepEqual(
      (await everyStored(db)).map((s) => s.id).sort(),
      [GROWTH.id, MERGER.id].sort(),
    );
  });

  test("an article dated only by its month or year round-trips", async () => {
    const entries = [
      { snippet: MERGER, article: { ...CG, publishedAt: "2023-07" } },
      { snippet: GROWTH, article: { ...HD, publishedAt: "2021" } },
    ];
    const result = await importCollection(db, toJson(dataForEntries(entries), NOW));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal((await db.articles.get(CG.id))?.publishedAt, "2023-07");
    assert.equal((await db.articles.get(HD.id))?.publishedAt, "2021");
  });

  test("accepts a file saved with a byte-order mark", async () => {
    const result = await importCollection(db, `\uFEFF${fileOf([CG], [INSURANCE])}`);
    assert.ok(result.ok);
    assert.equal(result.snippetsAdded, 1);
  });
});

describe("importCollection: merging duplicates", () => {
  test("importing the same file twice changes nothing the second time", async () => {
    const file = fileOf(ARTICLES, SNIPPETS);
    const first = await importCollection(db, file, { now: IMPORT_TIME });
    assert.ok(first.ok);
    const before = await state();
    // Nothing is even rewritten: Dexie's hooks see no put.
    let writes = 0;
    const count = () => {
      writes++;
    };
    for (const table of [db.articles, db.snippetGroups] as const) {
      table.hook("creating", count);
      table.hook("updating", count);
    }
    const second = await importCollection(db, file, { now: IMPORT_TIME + 1000 });
    assert.equal(writes, 0);
    assert.deepEqual(second, {
      ok: true,
      articlesAdded: 0,
      articlesUpdated: 0,
      snippetsAdded: 0,
      snippetsMerged: 4,
    });
    assert.deepEqual(await state(), before);
    assert.equal(await countStored(db), 4);
    assert.equal(await db.articles.count(), 2);
  });

  test("unites tags, keeps both notes, takes the newer fields, the earlier createdAt", async () => {
    await seed(
      db,
      [CG],
      [{ ...INCOME, note: "Ghi chú trên máy A", tags: ["thu nhập", "so sánh"] }],
    );
    const incoming: SnippetRecord = {
      ...INCOME,
      indicator: "thu nhập bình quân/người",
      note: "Ghi chú trên máy B",
      tags: ["so sánh", "kinh tế"],
      createdAt: T0 - 60_000,
      updatedAt: T2,
    };
    const file = fileOf([CG], [incoming, MERGER]);
    await assertImports(db, file, { snippetsAdded: 1, snippetsMerged: 1 });
    const merged = await findStored(db, INCOME.id);
    assert.deepEqual(merged, {
      ...INCOME,
      indicator: "thu nhập bình quân/người",
      note: "Ghi chú trên máy A\n\nGhi chú trên máy B",
      tags: ["thu nhập", "so sánh", "kinh tế"],
      createdAt: T0 - 60_000,
      // Neither side had this record: it changed now.
      updatedAt: IMPORT_TIME,
    });
    // Importing the file again does not repeat the note or the tags.
    const before = await state();
    const again = await importCollection(db, file, { now: IMPORT_TIME + 5000 });
    assert.ok(again.ok);
    assert.deepEqual(await state(), before);
  });

  test("a snippet the file gives under another article is merged, and moves with the newer record", async () => {
    await seed(db, ARTICLES, [INSURANCE, MERGER, GROWTH]);
    const moved = {
      ...INSURANCE,
      articleId: HD.id,
      note: "từ tệp",
      updatedAt: INSURANCE.updatedAt + 1,
    };
    const result = await importCollection(db, fileOf([HD], [moved]), { now: IMPORT_TIME });
    assert.ok(result.ok);
    assert.equal(result.snippetsAdded, 0);
    assert.equal(result.snippetsMerged, 1);
    const stored = await everyStored(db);
    assert.equal(stored.filter((s) => s.id === INSURANCE.id).length, 1, "stored once");
    assert.equal((await findStored(db, INSURANCE.id))?.articleId, HD.id);
    assert.deepEqual(
      (await snippetsForArticle(db, CG.id)).map((s) => s.id),
      [MERGER.id],
    );
    assert.deepEqual((await snippetsForArticle(db, HD.id)).map((s) => s.id).sort(), [
      ...[GROWTH.id, INSURANCE.id].sort(),
    ]);
  });

  test("an older copy in the file does not overwrite the collection's fields", async () => {
    const stored = {
      ...INSURANCE,
      indicator: "bảo hiểm y tế (đã sửa)",
      tags: ["y tế"],
      updatedAt: T2,
    };
    await seed(db, [CG], [stored]);
    const before = await state();
    const older = { ...INSURANCE, indicator: "bản cũ", tags: ["y tế"], updatedAt: T1 };
    const result = await importCollection(db, fileOf([CG], [older]), { now: IMPORT_TIME });
    assert.ok(result.ok);
    assert.equal(result.snippetsMerged, 1);
    assert.deepEqual(await state(), before);
    // A note the collection lacks is still taken from the older copy.
    const withNote = { ...older, note: "ghi chú mới", tags: ["BHYT"] };
    await importCollection(db, fileOf([CG], [withNote]), { now: IMPORT_TIME });
    const merged = await findStored(db, INSURANCE.id);
    assert.equal(merged?.indicator, "bảo hiểm y tế (đã sửa)");
    assert.equal(merged?.note, "ghi chú mới");
    assert.deepEqual(merged?.tags, ["y tế", "BHYT"]);
    assert.equal(merged?.updatedAt, IMPORT_TIME);
  });

  test("articles: the newer record wins and keeps the earlier createdAt", async () => {
    await seed(db, [{ ...CG, updatedAt: T1 }], []);
    const newer = {
      ...CG,
      title: "Tiêu đề mới",
      snapshot: `${CG_SNAPSHOT}\nĐoạn bổ sung.`,
      createdAt: T1,
      updatedAt: T2,
    };
    await assertImports(db, fileOf([newer, HD], []), { articlesAdded: 1, articlesUpdated: 1 });
    assert.deepEqual(await db.articles.get(CG.id), { ...newer, createdAt: T0 });
    const older = { ...CG, title: "Tiêu đề cũ", updatedAt: T0 };
    const before = await state();
    const again = await importCollection(db, fileOf([older], []));
    assert.ok(again.ok);
    assert.equal(again.articlesUpdated, 0);
    assert.deepEqual(await state(), before);
  });

  test("duplicate ids inside the file are merged, not doubled", async () => {
    const a = { ...INSURANCE, note: "ghi chú 1", tags: ["a"] };
    const b = { ...INSURANCE, note: "ghi chú 2", tags: ["b", "a"] };
    const text = JSON.stringify({
      ...JSON.parse(fileOf([CG], [])),
      articles: [CG, { ...CG, title: "bản mới hơn", updatedAt: T1 }],
      snippets: [a, b],
    });
    await assertImports(db, text, { articlesAdded: 1, snippetsAdded: 1 });
    assert.equal(await countStored(db), 1);
    const stored = await findStored(db, INSURANCE.id);
    assert.deepEqual(stored?.tags, ["a", "b"]);
    assert.equal(stored?.note, "ghi chú 1\n\nghi chú 2");
    assert.equal((await db.articles.get(CG.id))?.title, "bản mới hơn");
  });

  test("mergeNotes keeps each note once", () => {
    assert.equal(mergeNotes("", "B"), "B");
    assert.equal(mergeNotes("A", ""), "A");
    assert.equal(mergeNotes("A", "  "), "A");
    assert.equal(mergeNotes("A", "A"), "A");
    assert.equal(mergeNotes("A", "B"), "A\n\nB");
    assert.equal(mergeNotes("A\n\nB", "B"), "A\n\nB");
    assert.equal(mergeNotes("B\n\nA", "B"), "B\n\nA");
    assert.equal(mergeNotes("A\n\nB\n\nC", "B"), "A\n\nB\n\nC");
    assert.equal(mergeNotes("B", "A\n\nB"), "A\n\nB");
    // Only whole paragraphs count: a note that merely contains the other is not a copy of it.
    assert.equal(mergeNotes("AB", "B"), "AB\n\nB");
  });
});

/** `count` articles like CG, each with `each` snippets like INSURANCE. */
function manyArticles(count: number, each: number) {
  const articles = Array.from({ length: count }, (_, k) => ({
    ...CG,
    id: `${CG.id}?bai=${k}`,
    url: `${CG.url}?bai=${k}`,
  }));
  const snippets = articles.flatMap((article, k) =>
    Array.from({ length: each }, (_, i) => ({
      ...INSURANCE,
      id: `s-${String(k * each + i).padStart(11, "0")}`,
      articleId: article.id,
      anchor: { ...INSURANCE.anchor, start: i, end: i + 10 },
    })),
  );
  return { articles, snippets };
}

describe("importCollection: all or nothing", () => {
  test("a failing write leaves the collection unchanged", async () => {
    await seed(db, [HD], [GROWTH]);
    const before = await state();
    const original = db.snippetGroups.bulkPut.bind(db.snippetGroups);
    db.snippetGroups.bulkPut = (() => {
      throw new Error("đĩa đầy (giả lập)");
    }) as unknown as typeof db.snippetGroups.bulkPut;
    const result = await importCollection(db, fileOf(ARTICLES, SNIPPETS));
    db.snippetGroups.bulkPut = original;
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.match(
      result.errors[0] ?? "",
      /Không ghi được vào bộ sưu tập \(đĩa đầy \(giả lập\)\); không có thay đổi nào/,
    );
    // The article CG was written before the failure: rolled back with the rest.
    assert.equal(await db.articles.get(CG.id), undefined);
    assert.deepEqual(await state(), before);
  });

  test("a failure in the second chunk of 1,000 snippets rolls back the first", async () => {
    const { articles, snippets } = manyArticles(25, 100);
    const before = await state();
    let calls = 0;
    // One article's snippets are one record: the 15th is in the second chunk (10 to a chunk).
    db.snippetGroups.hook("creating", () => {
      calls++;
      if (calls === 15) throw new Error("lỗi ở bản ghi thứ 15");
    });
    const result = await importCollection(db, fileOf(articles, snippets));
    assert.ok(!result.ok);
    assert.match(result.errors[0] ?? "", /lỗi ở bản ghi thứ 15/);
    assert.ok(calls >= 15);
    assert.equal(await countStored(db), 0);
    assert.deepEqual(await state(), before);
  });

  test("reports progress after validation and after each chunk written", async () => {
    const { articles, snippets } = manyArticles(25, 100);
    const calls: Array<[number, number]> = [];
    const result = await importCollection(db, fileOf(articles, snippets), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    assert.ok(result.ok);
    assert.equal(result.snippetsAdded, 2500);
    // Validated; the 25 articles; then the snippets, whole articles' groups of about 1,000.
    assert.deepEqual(calls, [
      [0, 2525],
      [25, 2525],
      [1025, 2525],
      [2025, 2525],
      [2525, 2525],
    ]);
    assert.equal(await countStored(db), 2500);
  });
});

describe("parseImport", () => {
  test("returns the file's records as they were exported", () => {
    const result = parseImport(fileOf(ARTICLES, SNIPPETS));
    assert.ok(result.ok);
    assert.equal(result.data.version, EXPORT_VERSION);
    assert.equal(result.data.exportedAt, NOW.toISOString());
    assert.deepEqual(
      new Map(result.data.snippets.map((s) => [s.id, s])),
      new Map(SNIPPETS.map((s) => [s.id, s])),
    );
    assert.deepEqual(
      new Map(result.data.articles.map((a) => [a.id, a])),
      new Map(ARTICLES.map((a) => [a.id, a])),
    );
  });

  test("records come out in their canonical shape, whatever the file's key order", () => {
    const reversed = (record: object) => Object.fromEntries(Object.entries(record).reverse());
    const result = parseImport(
      editedFile(fileOf([CG], [INSURANCE, MERGER]), (d) => {
        d.articles = d.articles.map(reversed);
        d.snippets = d.snippets.map((s: Record<string, unknown>) => ({
          ...reversed(s),
          anchor: reversed(s.anchor as object),
          value: s.value && reversed(s.value as object),
        }));
      }),
    );
    assert.ok(result.ok);
    for (const article of result.data.articles) {
      assert.equal(JSON.stringify(article), JSON.stringify(canonicalArticle(article)));
    }
    for (const snippet of result.data.snippets) {
      assert.equal(JSON.stringify(snippet), JSON.stringify(canonicalSnippet(snippet)));
    }
  });

  test("drops fields it does not know", () => {
    const result = parseImport(
      editedFile(fileOf([CG], [INSURANCE, MERGER]), (d) => {
        d.extra = 1;
        d.snippets[0].injected = "<script>";
        d.articles[0].anchor = { x: 1 };
      }),
    );
    assert.ok(result.ok);
    assert.equal("injected" in (result.data.snippets[0] ?? {}), false);
    assert.equal("anchor" in (result.data.articles[0] ?? {}), false);
  });

  test("locates JSON syntax errors where the JavaScript engine does", () => {
    const cases: Array<[string, number]> = [
      ['{"a": 1', 7],
      ['{"a" 1}', 5],
      ['{"a": 1,}', 8],
      ["[1, 2", 5],
      ['{"a": "x\ny"}', 8],
      ['{"a": 1} {', 9],
      ['"\\u12"', 5],
      ['"\\q"', 2],
      ['{"a":01}', 6],
      ['{"a":-}', 6],
      ["[1.]", 3],
      ['{"a":[1,2}', 9],
      ["{1:2}", 1],
      ["[1 2]", 3],
      ['"abc', 4],
      ['{"a":1e}', 7],
      ['{"a": nul}', 9],
      ["[1,,2]", 3],
      ['{"a": tru', 9],
    ];
    for (const [text, at] of cases) {
      assert.equal(locateJsonError(text).at, at, text);
      let engine: string | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        engine = /at position (\d+)/.exec((error as Error).message)?.[1];
      }
      if (engine !== undefined) assert.equal(Number(engine), at, `engine disagrees on ${text}`);
    }
    const multiline = '{\n  "a": 1,\n  "b": ?\n}';
    const result = parseImport(multiline);
    assert.ok(!result.ok);
    assert.equal(
      result.errors[0],
      'Tệp không phải JSON hợp lệ (vị trí 19, dòng 3, cột 8): ký tự không mong đợi "?".',
    );
  });

  test("migrateImport upgrades older versions step by step", () => {
    const v1 = { format: "gvn-chi-tieu.collection", version: 1, articles: [], snippets: [] };
    assert.deepEqual(migrateImport(v1), v1);
    const upgraded = migrateImport(
      v1,
      {
        1: (doc) => ({ ...doc, renamed: true }),
        2: (doc) => ({ ...doc, step: 3 }),
      },
      3,
    );
    assert.deepEqual(upgraded, { ...v1, renamed: true, step: 3, version: 3 });
    assert.throws(() => migrateImport(v1, {}, 2), /no migration from export version 1/);
  });
});
