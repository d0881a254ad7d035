/**
 * The collection database (Dexie over fake-indexeddb, one fresh factory per
 * test): saving is idempotent and keeps the reader's notes, one article
 * record however the page is reached, invalid input writes nothing, delete and
 * restore round-trip, and the declared indexes answer queries.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { readCollection, toJson } from "../../lib/export/json.ts";
import { importCollection } from "../../lib/import/index.ts";
import { articleKey, snippetId } from "../../lib/snippets/keys.ts";
import type { ArticleInput, SnippetInput } from "../../lib/snippets/types.ts";
import {
  type CollectionDb,
  countSnippets,
  DB_NAME,
  deleteSnippets,
  findArticle,
  openCollectionDb,
  restoreSnippets,
  SCHEMA_VERSION,
  saveSnippets,
  snippetsForArticle,
} from "../../lib/storage/index.ts";
import { wellFormedText } from "../../lib/text/well-formed.ts";
import { storagePageFigures } from "./helpers/readings.ts";
import { anchorIn, snippetInputIn } from "./helpers/records.ts";
import { articleInput, PAGE_URL } from "./helpers/storage-faults.ts";
import { changeStored, everyStored, findStored } from "./helpers/stored.ts";

const SNAPSHOT = [
  "Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025.",
  "Nhiệm kỳ 2015-2020, thu nhập bình quân đầu người đạt 52 triệu đồng, tăng 1,8 lần so với đầu nhiệm kỳ.",
  "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%; tỷ lệ hộ nghèo giảm xuống dưới 1%.",
  "Hoàn thành đề án sáp nhập các thôn, khu dân cư trước ngày 30/6/2021.",
].join("\n");

const T0 = Date.UTC(2024, 2, 1, 8, 0, 0);
const T1 = Date.UTC(2024, 2, 5, 9, 30, 0);

/** The article record the content script sends, over this file's snapshot. */
const article = (overrides: Partial<ArticleInput> = {}): ArticleInput =>
  articleInput({ snapshot: SNAPSHOT, ...overrides });

/** A snippet of this file's snapshot, as the content script sends it. */
const snippet = (quote: string, overrides: Partial<SnippetInput> = {}): SnippetInput =>
  snippetInputIn(SNAPSHOT, quote, overrides);

const { INSURANCE, POVERTY, MERGER } = storagePageFigures(snippet);
const INCOME = snippet("thu nhập bình quân đầu người đạt 52 triệu đồng", {
  kind: "result",
  indicator: "thu nhập bình quân đầu người",
  category: "income_per_capita",
  value: { min: 52_000_000, max: 52_000_000 },
  unit: "đồng",
  comparator: "=",
  horizon: { type: "period", from: 2015, to: 2020 },
});
const ALL = [INCOME, INSURANCE, POVERTY, MERGER];

let db: CollectionDb;
let factory: IDBFactory;

beforeEach(() => {
  factory = new IDBFactory();
  db = openCollectionDb({ indexedDB: factory, IDBKeyRange });
});

afterEach(() => {
  db.close();
});

/** Everything in the database, in key order. */
async function dump(target: CollectionDb = db) {
  return { articles: await target.articles.toArray(), snippets: await everyStored(target) };
}

describe("CollectionDb", () => {
  test("opens the newest version (the review status indexed; fingerprints and copies added) of gvn-collection in the given IndexedDB factory", async () => {
    await db.open();
    assert.equal(db.name, DB_NAME);
    assert.equal(DB_NAME, "gvn-collection");
    assert.equal(db.verno, SCHEMA_VERSION);
    const names = (await factory.databases()).map((info) => info.name);
    assert.deepEqual(names, ["gvn-collection"]);
  });

  test("declares only the indexes storage queries (schema versions 6 and 7)", () => {
    // The snippets by article (version 7): the newest first, the collection's key, a snippet by id.
    assert.equal(db.snippetGroups.schema.primKey.keyPath, "articleId");
    assert.deepEqual(db.snippetGroups.schema.indexes.map((index) => index.name).sort(), [
      "createdAt",
      "snippetIds",
      "updatedAt",
    ]);
    assert.equal(db.snippetGroups.schema.idxByName.snippetIds?.multi, true);
    // The store of one record per snippet stays as version 6 left it, for an older build.
    assert.equal(db.snippets.schema.primKey.keyPath, "id");
    assert.deepEqual(db.snippets.schema.indexes.map((index) => index.name).sort(), [
      "articleId",
      "createdAt",
      "updatedAt",
    ]);
    assert.equal(db.articles.schema.primKey.keyPath, "id");
    assert.deepEqual(db.articles.schema.indexes.map((index) => index.name).sort(), [
      "canonicalUrl",
      "updatedAt",
      "url",
    ]);
  });
});

describe("saveSnippets", () => {
  test("creates the article and its snippets", async () => {
    const result = await saveSnippets(db, article(), [INSURANCE, MERGER], T0);
    const articleId = articleKey(PAGE_URL, null);
    assert.deepEqual(result, {
      articleId,
      saved: [
        snippetId(articleId, "target", INSURANCE.anchor),
        snippetId(articleId, "deadline", MERGER.anchor),
      ],
      created: 2,
      alreadySaved: 0,
    });

    const { articles, snippets } = await dump();
    assert.deepEqual(articles, [{ ...article(), id: articleId, createdAt: T0, updatedAt: T0 }]);
    assert.equal(snippets.length, 2);
    const insurance = await findStored(db, result.saved[0] ?? "");
    assert.deepEqual(insurance, {
      ...INSURANCE,
      id: result.saved[0],
      articleId,
      note: "",
      tags: [],
      review: "unreviewed",
      corrections: {},
      createdAt: T0,
      updatedAt: T0,
    });
    assert.equal(await countSnippets(db), 2);
  });

  test("saving the same items again creates nothing and keeps the reader's note and tags", async () => {
    const first = await saveSnippets(db, article(), ALL, T0);
    const id = first.saved[1] ?? "";
    const edited = await changeStored(db, id, {
      note: "So sánh với chỉ tiêu BHYT của tỉnh Hải Dương",
      tags: ["bhyt"],
    });
    assert.equal(edited, true);
    const before = await findStored(db, id);

    const second = await saveSnippets(db, article(), ALL, T1);
    assert.deepEqual(second.saved, first.saved);
    assert.equal(second.created, 0);
    assert.equal(second.alreadySaved, 4);
    assert.equal(await countSnippets(db), 4);
    const after = await findStored(db, id);
    assert.equal(after?.note, "So sánh với chỉ tiêu BHYT của tỉnh Hải Dương");
    assert.deepEqual(after?.tags, ["bhyt"]);
    assert.deepEqual(after, before);
  });

  test("adds only the new snippets when some are already saved", async () => {
    await saveSnippets(db, article(), [INSURANCE], T0);
    const result = await saveSnippets(db, article(), [INSURANCE, POVERTY], T1);
    assert.equal(result.created, 1);
    assert.equal(result.alreadySaved, 1);
    assert.equal((await findStored(db, result.saved[0] ?? ""))?.createdAt, T0);
    assert.equal((await findStored(db, result.saved[1] ?? ""))?.createdAt, T1);
  });

  test("counts a snippet given twice in one call once", async () => {
    // Same identity (kind, quote, context), different fields: the first one given is stored.
    const relabelled: SnippetInput = { ...INSURANCE, category: "social_insurance" };
    const result = await saveSnippets(db, article(), [INSURANCE, relabelled, MERGER], T0);
    assert.equal(result.saved.length, 3);
    assert.equal(result.saved[0], result.saved[1]);
    assert.notEqual(result.saved[0], result.saved[2]);
    assert.equal(result.created, 2);
    assert.equal(result.alreadySaved, 0);
    assert.equal(await countSnippets(db), 2);
    assert.equal((await findStored(db, result.saved[0] ?? ""))?.category, "health_insurance");

    const again = await saveSnippets(db, article(), [MERGER, MERGER], T1);
    assert.equal(again.created, 0);
    assert.equal(again.alreadySaved, 1);
  });

  test("maps the page reached with a fragment, tracking parameters or through its canonical URL to one article", async () => {
    const tracked = `${PAGE_URL}?utm_source=facebook&utm_medium=social&fbclid=IwAR0abc#binh-luan`;
    const first = await saveSnippets(db, article({ url: tracked }), [INSURANCE], T0);
    const second = await saveSnippets(db, article({ url: `${PAGE_URL}#noi-dung` }), [MERGER], T1);
    const mobile = "https://m.camgiang.haiduong.gov.vn/tin-tuc/1234?utm_source=zalo";
    const third = await saveSnippets(
      db,
      article({ url: mobile, canonicalUrl: PAGE_URL }),
      [INSURANCE],
      T1,
    );

    assert.equal(first.articleId, PAGE_URL);
    assert.equal(second.articleId, PAGE_URL);
    assert.equal(third.articleId, PAGE_URL);
    assert.equal(third.created, 0);
    const { articles, snippets } = await dump();
    assert.equal(articles.length, 1);
    assert.equal(articles[0]?.createdAt, T0);
    assert.equal(snippets.length, 2);
    assert.ok(snippets.every((record) => record.articleId === PAGE_URL));
    // Stored addresses are normalised, so the url/canonicalUrl indexes can find them.
    assert.equal(articles[0]?.url, "https://m.camgiang.haiduong.gov.vn/tin-tuc/1234");
    assert.equal(articles[0]?.canonicalUrl, PAGE_URL);
  });

  test("refreshes the article snapshot and fields, keeping createdAt", async () => {
    await saveSnippets(db, article(), [INSURANCE], T0);
    const corrected = SNAPSHOT.replace("52 triệu đồng", "52,5 triệu đồng");
    await saveSnippets(
      db,
      article({ snapshot: corrected, publishedAt: "2020-08-21", title: "Nghị quyết Đại hội XXVI" }),
      [],
      T1,
    );
    const record = await db.articles.get(PAGE_URL);
    assert.equal(record?.snapshot, corrected);
    assert.equal(record?.publishedAt, "2020-08-21");
    assert.equal(record?.title, "Nghị quyết Đại hội XXVI");
    assert.equal(record?.createdAt, T0);
    assert.equal(record?.updatedAt, T1);
    assert.equal(await countSnippets(db), 1);
  });

  test("rejects invalid input with a TypeError and leaves the database as it was", async () => {
    await saveSnippets(db, article(), [INSURANCE, MERGER], T0);
    await changeStored(db, snippetId(PAGE_URL, "target", INSURANCE.anchor), { note: "xem lại" });
    const before = await dump();
    const otherUrl = "https://haiduong.dcs.vn/tin-tuc/dai-hoi-dang-bo-tinh-hai-duong-lan-thu-xvii";
    const withoutAnchor = { ...POVERTY, anchor: undefined } as unknown as SnippetInput;

    const cases: [string, () => Promise<unknown>, RegExp][] = [
      ["empty url", () => saveSnippets(db, article({ url: "" }), [POVERTY], T1), /article\.url/],
      ["blank url", () => saveSnippets(db, article({ url: "  " }), [POVERTY], T1), /article\.url/],
      [
        "quote not a string",
        () =>
          saveSnippets(
            db,
            article(),
            [{ ...POVERTY, anchor: { ...POVERTY.anchor, quote: 95 as unknown as string } }],
            T1,
          ),
        /snippets\[0\]\.anchor\.quote must be a string/,
      ],
      [
        "unknown kind",
        () =>
          saveSnippets(db, article(), [{ ...POVERTY, kind: "goal" as SnippetInput["kind"] }], T1),
        /snippets\[0\]\.kind must be one of target, result, deadline, excerpt/,
      ],
      [
        "missing anchor",
        () => saveSnippets(db, article(), [withoutAnchor], T1),
        /snippets\[0\]\.anchor/,
      ],
      [
        "a new article whose second snippet is invalid",
        () =>
          saveSnippets(
            db,
            article({ url: otherUrl, snapshot: "Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII" }),
            [POVERTY, { ...INCOME, kind: "achievement" as SnippetInput["kind"] }],
            T1,
          ),
        /snippets\[1\]\.kind/,
      ],
    ];
    for (const [name, call, message] of cases) {
      await assert.rejects(call, (error: unknown) => {
        assert.ok(error instanceof TypeError, `${name}: ${String(error)}`);
        assert.match(error.message, message, name);
        return true;
      });
      assert.deepEqual(await dump(), before, `${name} changed the database`);
    }
  });
});

describe("snippetsForArticle", () => {
  test("returns the article's snippets in text order", async () => {
    await saveSnippets(db, article(), [MERGER, POVERTY, INCOME, INSURANCE], T0);
    const other = "https://haiduong.dcs.vn/tin-tuc/dai-hoi-dang-bo-tinh-hai-duong-lan-thu-xvii";
    await saveSnippets(db, article({ url: other }), [INCOME], T0);

    const records = await snippetsForArticle(db, PAGE_URL);
    assert.deepEqual(
      records.map((record) => record.text),
      [INCOME.text, INSURANCE.text, POVERTY.text, MERGER.text],
    );
    assert.ok(records.every((record) => record.articleId === PAGE_URL));
    assert.deepEqual(await snippetsForArticle(db, "https://example.gov.vn/none"), []);
  });
});

describe("findArticle", () => {
  test("finds the article by any URL that maps to its key", async () => {
    await saveSnippets(db, article(), [INSURANCE], T0);
    const found = await findArticle(db, `${PAGE_URL}?utm_campaign=dai-hoi#top`, null);
    assert.equal(found?.id, PAGE_URL);
    const viaCanonical = await findArticle(db, "https://m.camgiang.haiduong.gov.vn/1234", PAGE_URL);
    assert.equal(viaCanonical?.id, PAGE_URL);
    assert.equal(
      await findArticle(db, "https://camgiang.haiduong.gov.vn/tin-tuc/khac.html", null),
      undefined,
    );
  });

  test("finds an article first saved under another canonical URL by its url or canonicalUrl", async () => {
    const mobile = "https://m.camgiang.haiduong.gov.vn/tin-tuc/1234";
    const canonical = `${PAGE_URL}?utm_source=rss#noi-dung`;
    await saveSnippets(db, article({ url: mobile, canonicalUrl: canonical }), [INSURANCE], T0);
    assert.equal((await db.articles.get(PAGE_URL))?.canonicalUrl, PAGE_URL);

    // The page now names a different canonical: its own URL still matches the record's url ...
    const byUrl = await findArticle(
      db,
      `${mobile}#binh-luan`,
      "https://camgiang.haiduong.gov.vn/?p=1234",
    );
    assert.equal(byUrl?.id, PAGE_URL);
    // ... and the old canonical address matches the record's canonicalUrl.
    const byCanonical = await findArticle(
      db,
      `${PAGE_URL}?utm_source=zalo`,
      "https://camgiang.haiduong.gov.vn/?p=1234",
    );
    assert.equal(byCanonical?.id, PAGE_URL);
    assert.equal(
      await findArticle(
        db,
        "https://camgiang.haiduong.gov.vn/tin-tuc/khac.html",
        "https://camgiang.haiduong.gov.vn/?p=1234",
      ),
      undefined,
    );
  });
});

describe("deleteSnippets / restoreSnippets", () => {
  test("delete returns the deleted records and restore puts them back as they were", async () => {
    const { saved } = await saveSnippets(db, article(), ALL, T0);
    const [income, insurance, poverty, merger] = saved as [string, string, string, string];
    await changeStored(db, insurance, { note: "Chỉ tiêu BHYT", tags: ["bhyt", "y-te"] });
    const before = await dump();

    const deleted = await deleteSnippets(db, [merger, insurance, "s-missing", merger]);
    assert.deepEqual(
      deleted.map((record) => record.id),
      [merger, insurance],
    );
    assert.deepEqual(
      deleted,
      [merger, insurance].map((id) => before.snippets.find((record) => record.id === id)),
    );
    assert.equal(await countSnippets(db), 2);
    assert.deepEqual(
      (await snippetsForArticle(db, PAGE_URL)).map((record) => record.id),
      [income, poverty],
    );

    await restoreSnippets(db, deleted);
    assert.deepEqual(await dump(), before);
    assert.equal((await findStored(db, insurance))?.note, "Chỉ tiêu BHYT");
  });

  test("deleting unknown ids deletes nothing", async () => {
    await saveSnippets(db, article(), [INSURANCE], T0);
    assert.deepEqual(await deleteSnippets(db, ["s-unknown"]), []);
    assert.deepEqual(await deleteSnippets(db, []), []);
    assert.equal(await countSnippets(db), 1);
  });
});

describe("indexes", () => {
  // The canonical address's index is queried by the test of an article first saved under
  // another canonical URL (saveSnippets), above.
  test("answer the queries storage makes: by article, by creation and update time, by address", async () => {
    const { saved } = await saveSnippets(db, article(), ALL, T0);
    const [income, insurance, poverty, merger] = saved as [string, string, string, string];
    const other = "https://haiduong.dcs.vn/tin-tuc/dai-hoi-dang-bo-tinh-hai-duong-lan-thu-xvii";
    const otherSave = await saveSnippets(
      db,
      // Another article (its own text: the same text at another address would be one article).
      article({
        url: other,
        site: "haiduong.dcs.vn",
        level: "province",
        snapshot: "Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII đề ra 26 chỉ tiêu chủ yếu.",
      }),
      [INSURANCE],
      T1,
    );
    const otherInsurance = otherSave.saved[0] ?? "";
    await changeStored(db, insurance, { tags: ["bhyt", "y-te"] });
    await changeStored(db, otherInsurance, { tags: ["bhyt"] });
    await changeStored(db, poverty, { tags: ["giam-ngheo"] });

    const ids = (records: { id: string }[]) => records.map((record) => record.id).sort();

    const groups = (records: { articleId: string }[]) => records.map((record) => record.articleId);
    assert.deepEqual(ids(await snippetsForArticle(db, PAGE_URL)), [
      ...[income, insurance, poverty, merger].sort(),
    ]);
    assert.deepEqual(ids(await snippetsForArticle(db, other)), [otherInsurance]);
    assert.deepEqual(groups(await db.snippetGroups.where("createdAt").aboveOrEqual(T1).toArray()), [
      other,
    ]);
    assert.deepEqual(groups(await db.snippetGroups.where("snippetIds").equals(poverty).toArray()), [
      PAGE_URL,
    ]);
    assert.deepEqual(await db.snippetGroups.orderBy("updatedAt").reverse().limit(1).keys(), [
      Math.max(...(await db.snippetGroups.toArray()).map((group) => group.updatedAt)),
    ]);
    assert.deepEqual(ids(await db.articles.where("url").anyOf([other, "https://x.vn"]).toArray()), [
      other,
    ]);
    assert.equal(await db.articles.where("updatedAt").above(T0).count(), 1);
  });
});

describe("saving page text with lone surrogates", () => {
  test("stores U+FFFD in their place, so the collection exports and imports again", async () => {
    const broken = `${SNAPSHOT}\nChú thích \uD83D lỗi \uDE00 trang.`;
    const quote = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%";
    const anchor = anchorIn(broken, quote);
    await saveSnippets(db, article({ snapshot: broken, title: "Tiêu đề \uDBFF" }), [
      { ...INSURANCE, anchor, indicator: "chỉ số \uDC00", sentence: "câu \uD800" },
    ]);
    const [stored] = await db.articles.toArray();
    const [saved] = await everyStored(db);
    assert.ok(stored && saved);
    assert.equal(stored.snapshot.length, broken.length, "offsets keep their meaning");
    assert.ok(stored.snapshot.endsWith("Chú thích \uFFFD lỗi \uFFFD trang."));
    assert.equal(stored.title, "Tiêu đề \uFFFD");
    assert.equal(saved.sentence, "câu \uFFFD");
    assert.equal(saved.indicator, "chỉ số \uFFFD");
    // JSON.stringify writes a lone surrogate as an escape (\udXXX), a proper pair as itself.
    assert.doesNotMatch(JSON.stringify([stored, saved]), /\\u[dD][89a-fA-F]/);
    // A proper pair is kept as it is.
    const emoji = "😀";
    assert.equal(wellFormedText(`a${emoji}\uD800b`), `a${emoji}\uFFFDb`);

    const exported = toJson(await readCollection(db), new Date(T1));
    const fresh = openCollectionDb({ name: "again", indexedDB: factory, IDBKeyRange });
    try {
      const result = await importCollection(fresh, exported, { now: T1 });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(toJson(await readCollection(fresh), new Date(T1)), exported);
    } finally {
      fresh.close();
    }
  });
});
