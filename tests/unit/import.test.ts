/**
 * Import of JSON exports (Dexie over fake-indexeddb, a fresh factory per
 * test): export → import → export round-trips, duplicates are merged (tags
 * united, notes kept, newer fields win), a write failure leaves the collection
 * as it was, progress is reported, and hostile files (bad JSON, wrong types,
 * huge values, prototype keys, newer versions…) are refused with a message
 * naming where the problem is, the collection byte-for-byte unchanged.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { dataForEntries, EXPORT_VERSION, readCollection, toJson } from "../../lib/export/index.ts";
import {
  IMPORT_LIMITS,
  importCollection,
  locateJsonError,
  mergeNotes,
  migrateImport,
  parseImport,
} from "../../lib/import/index.ts";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { type CollectionDb, openCollectionDb } from "../../lib/storage/index.ts";
import { article, snippet, T0 } from "./helpers/records.ts";

// ---------------------------------------------------------------------------
// Fixtures

const NOW = new Date(2026, 10, 21, 9, 30, 0);
const IMPORT_TIME = Date.UTC(2026, 10, 21, 2, 30, 0);
const T1 = Date.UTC(2024, 2, 5, 9, 30, 0);
const T2 = Date.UTC(2024, 5, 1, 7, 0, 0);

const CG_URL =
  "https://camgiang.haiduong.gov.vn/tin-tuc/hoc-tap-nghi-quyet-dai-hoi-dang-bo-huyen-cam-giang-lan-thu-xxvi-1234.html";
const HD_URL = "https://haiduong.dcs.vn/nghi-quyet-dai-hoi-xvii-5678.html";

const CG_SNAPSHOT = [
  "Học tập Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025.",
  "Nhiệm kỳ 2015-2020, thu nhập bình quân đầu người đạt 52 triệu đồng.",
  "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.",
  "Hoàn thành đề án sáp nhập thôn trước ngày 15/01/2021.",
].join("\n");
const HD_SNAPSHOT = [
  "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII.",
  "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm.",
].join("\n");

const CG = article(CG_URL, {
  title: "Học tập Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025",
  siteName: "Cổng thông tin điện tử huyện Cẩm Giàng",
  organization: "Đảng bộ huyện Cẩm Giàng",
  level: "huyện",
  locality: "Cẩm Giàng",
  congress: 26,
  term: "2020-2025",
  publishedAt: "2020-08-20",
  snapshot: CG_SNAPSHOT,
});
const HD = article(HD_URL, {
  title: "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII",
  organization: "Đảng bộ tỉnh Hải Dương",
  level: "tỉnh",
  locality: "Hải Dương",
  congress: 17,
  term: "2020-2025",
  publishedAt: "2020-10-16",
  snapshot: HD_SNAPSHOT,
});

const INSURANCE = snippet(CG, "tỷ lệ bao phủ bảo hiểm y tế đạt 95%", {
  indicator: "tỷ lệ bao phủ bảo hiểm y tế",
  category: "health_insurance",
  value: { min: 95, max: 95 },
  unit: "%",
  comparator: "=",
  horizon: { type: "year", year: 2025 },
});
const MERGER = snippet(CG, "trước ngày 15/01/2021", {
  kind: "deadline",
  deadline: { date: "2021-01-15", precision: "day" },
});
const INCOME = snippet(CG, "thu nhập bình quân đầu người đạt 52 triệu đồng", {
  kind: "result",
  indicator: "thu nhập bình quân đầu người",
  category: "income_per_capita",
  value: { min: 52, max: 52 },
  unit: "triệu đồng",
  comparator: "=",
  horizon: { type: "period", from: 2015, to: 2020 },
  note: "Số liệu năm 2020, cần đối chiếu Cục Thống kê.",
  tags: ["thu nhập", "so sánh"],
  updatedAt: T1,
});
const GROWTH = snippet(HD, "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm", {
  indicator: "Tốc độ tăng trưởng kinh tế",
  category: "growth",
  value: { min: 7.5, max: 7.5, numerator: 15, denominator: 2 },
  unit: "%",
  comparator: ">=",
  direction: "increase",
  horizon: { type: "annual" },
  deadline: { date: "2025-12-31", precision: "year", yearInferred: true },
  manual: true,
});

const ARTICLES = [CG, HD];
const SNIPPETS = [INSURANCE, MERGER, INCOME, GROWTH];

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

async function seed(target: CollectionDb, articles: ArticleRecord[], snippets: SnippetRecord[]) {
  await target.transaction("rw", target.articles, target.snippets, async () => {
    await target.articles.bulkPut(articles);
    await target.snippets.bulkPut(snippets);
  });
}

/** The collection as an export (canonical) and as stored (raw objects, key order included). */
async function state(target: CollectionDb = db): Promise<{ json: string; raw: string }> {
  const data = await readCollection(target);
  return { json: toJson(data, NOW), raw: JSON.stringify(data) };
}

function fileOf(articles: ArticleRecord[], snippets: SnippetRecord[]): string {
  return toJson({ articles, snippets }, NOW);
}

// ---------------------------------------------------------------------------

describe("importCollection: round trip", () => {
  test("export → import into an empty collection → export gives the same file", async () => {
    await seed(db, ARTICLES, SNIPPETS);
    const exported = toJson(await readCollection(db), NOW);
    const target = freshDb();
    const result = await importCollection(target, exported, { now: IMPORT_TIME });
    assert.deepEqual(result, {
      ok: true,
      articlesAdded: 2,
      articlesUpdated: 0,
      snippetsAdded: 4,
      snippetsMerged: 0,
    });
    const later = new Date(NOW.getTime() + 86_400_000);
    const again = toJson(await readCollection(target), later);
    const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]*"/, "");
    assert.notEqual(again, exported);
    assert.equal(withoutTime(again), withoutTime(exported));
    // Stored records are the originals, field for field (optional fields included).
    assert.deepEqual(await target.snippets.get(GROWTH.id), GROWTH);
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
      (await db.snippets.toArray()).map((s) => s.id).sort(),
      [GROWTH.id, MERGER.id].sort(),
    );
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
    for (const table of [db.articles, db.snippets] as const) {
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
    assert.equal(await db.snippets.count(), 4);
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
    const result = await importCollection(db, file, { now: IMPORT_TIME });
    assert.deepEqual(result, {
      ok: true,
      articlesAdded: 0,
      articlesUpdated: 0,
      snippetsAdded: 1,
      snippetsMerged: 1,
    });
    const merged = await db.snippets.get(INCOME.id);
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
    const merged = await db.snippets.get(INSURANCE.id);
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
    const result = await importCollection(db, fileOf([newer, HD], []), { now: IMPORT_TIME });
    assert.deepEqual(result, {
      ok: true,
      articlesAdded: 1,
      articlesUpdated: 1,
      snippetsAdded: 0,
      snippetsMerged: 0,
    });
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
    const result = await importCollection(db, text, { now: IMPORT_TIME });
    assert.deepEqual(result, {
      ok: true,
      articlesAdded: 1,
      articlesUpdated: 0,
      snippetsAdded: 1,
      snippetsMerged: 0,
    });
    assert.equal(await db.snippets.count(), 1);
    const stored = await db.snippets.get(INSURANCE.id);
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

describe("importCollection: all or nothing", () => {
  test("a failing write leaves the collection unchanged", async () => {
    await seed(db, [HD], [GROWTH]);
    const before = await state();
    const original = db.snippets.bulkPut.bind(db.snippets);
    db.snippets.bulkPut = (() => {
      throw new Error("đĩa đầy (giả lập)");
    }) as unknown as typeof db.snippets.bulkPut;
    const result = await importCollection(db, fileOf(ARTICLES, SNIPPETS));
    db.snippets.bulkPut = original;
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

  test("a failure in the second chunk of 1,000 rolls back the first", async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      ...INSURANCE,
      id: `s-${String(i).padStart(11, "0")}`,
      anchor: { ...INSURANCE.anchor, start: i, end: i + 10 },
    }));
    const before = await state();
    let calls = 0;
    db.snippets.hook("creating", () => {
      calls++;
      if (calls === 1500) throw new Error("lỗi ở bản ghi thứ 1500");
    });
    const result = await importCollection(db, fileOf([CG], many));
    assert.ok(!result.ok);
    assert.match(result.errors[0] ?? "", /lỗi ở bản ghi thứ 1500/);
    assert.ok(calls >= 1500);
    assert.equal(await db.snippets.count(), 0);
    assert.deepEqual(await state(), before);
  });

  test("reports progress after validation and after each chunk written", async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      ...INSURANCE,
      id: `s-${String(i).padStart(11, "0")}`,
    }));
    const calls: Array<[number, number]> = [];
    const result = await importCollection(db, fileOf([CG], many), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    assert.ok(result.ok);
    assert.equal(result.snippetsAdded, 2500);
    assert.deepEqual(calls, [
      [0, 2501],
      [1, 2501],
      [1001, 2501],
      [2001, 2501],
      [2501, 2501],
    ]);
    assert.equal(await db.snippets.count(), 2500);
  });
});

// ---------------------------------------------------------------------------
// Hostile files

const VALID = fileOf([CG], [INSURANCE, MERGER]);

/** The valid file changed by `mutate` (on its parsed form). */
// biome-ignore lint/suspicious/noExplicitAny: the cases edit arbitrary parts of the parsed file
function edited(mutate: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(VALID);
  mutate(doc);
  return JSON.stringify(doc, null, 2);
}

/** The valid file with the first `search` replaced (for what `JSON.stringify` cannot write). */
function replaced(search: string, replacement: string): string {
  assert.ok(VALID.includes(search), `fixture: ${search}`);
  return VALID.replace(search, replacement);
}

const BINARY = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x7b,
]).toString("latin1");

const HOSTILE: Array<{ name: string; text: () => string; message: string | RegExp }> = [
  { name: "empty string", text: () => "", message: "Tệp rỗng: không có dữ liệu để nhập." },
  { name: "white space only", text: () => " \n\t ", message: /^Tệp rỗng/ },
  {
    name: "null",
    text: () => "null",
    message: "(gốc): cần một đối tượng JSON (tệp xuất của tiện ích), nhận null",
  },
  {
    name: "an array",
    text: () => "[]",
    message: /^\(gốc\): cần một đối tượng JSON .*nhận mảng \(array\)$/,
  },
  { name: "a bare number", text: () => "42", message: /^\(gốc\): .*nhận số \(number\) 42$/ },
  {
    name: "truncated JSON",
    text: () => VALID.slice(0, Math.floor(VALID.length / 2)),
    message: new RegExp(
      `^Tệp không phải JSON hợp lệ \\(vị trí ${Math.floor(VALID.length / 2)}, dòng \\d+, cột \\d+\\): tệp kết thúc giữa chừng \\(bị cắt cụt\\?\\)\\.$`,
    ),
  },
  {
    name: "binary garbage",
    text: () => BINARY,
    message: "Tệp không phải JSON hợp lệ (vị trí 0, dòng 1, cột 1): ký tự không mong đợi U+0089.",
  },
  {
    name: "a trailing comma",
    text: () => VALID.replace(/\n\}\n$/, ",\n}\n"),
    message:
      /^Tệp không phải JSON hợp lệ \(vị trí \d+, dòng \d+, cột 1\): cần tên trường trong ngoặc kép/,
  },
  {
    name: "garbage after the document",
    text: () => `${VALID}<script>`,
    message: /thừa dữ liệu sau khi JSON đã kết thúc \(ký tự không mong đợi "<"\)/,
  },
  {
    name: "wrong format",
    text: () => edited((d) => (d.format = "other.app.backup")),
    message:
      'format: "other.app.backup" không phải định dạng tệp xuất của tiện ích (cần "gvn-chi-tieu.collection")',
  },
  {
    name: "no format",
    text: () => edited((d) => delete d.format),
    message: /^format: thiếu — đây không phải tệp xuất của tiện ích/,
  },
  {
    name: "version 99",
    text: () => edited((d) => (d.version = 99)),
    message:
      /^version: tệp được tạo bởi phiên bản mới hơn của tiện ích \(định dạng phiên bản 99; phiên bản tiện ích này chỉ đọc được đến phiên bản 1\)/,
  },
  {
    name: "version as a string",
    text: () => edited((d) => (d.version = "1")),
    message: 'version: cần số nguyên từ 1 trở lên, nhận "1"',
  },
  {
    name: "version 0",
    text: () => edited((d) => (d.version = 0)),
    message: "version: cần số nguyên từ 1 trở lên, nhận 0",
  },
  {
    name: "snippet kind achievement",
    text: () => edited((d) => (d.snippets[1].kind = "achievement")),
    message:
      'snippets[1].kind: giá trị không hợp lệ ("achievement"); cần một trong target, result, deadline, excerpt',
  },
  {
    name: "anchor.start as a string",
    text: () => edited((d) => (d.snippets[0].anchor.start = "12")),
    message: 'snippets[0].anchor.start: cần số (number), nhận chuỗi (string) "12"',
  },
  {
    name: "anchor.quote as a number",
    text: () => edited((d) => (d.snippets[0].anchor.quote = 95)),
    message: "snippets[0].anchor.quote: cần chuỗi (string), nhận số (number) 95",
  },
  {
    name: "anchor end before start",
    text: () => edited((d) => (d.snippets[0].anchor.end = 0)),
    message: /^snippets\[0\]\.anchor\.end: phải không nhỏ hơn start \(start \d+, end 0\)$/,
  },
  {
    name: "a 3 MB snapshot",
    text: () => edited((d) => (d.articles[0].snapshot = "Nghị quyết. ".repeat(250_000))),
    message: "articles[0].snapshot: quá dài: 3000000 ký tự (tối đa 2000000)",
  },
  {
    name: "a huge note",
    text: () => edited((d) => (d.snippets[0].note = "x".repeat(IMPORT_LIMITS.longText + 1))),
    message: `snippets[0].note: quá dài: ${IMPORT_LIMITS.longText + 1} ký tự (tối đa ${IMPORT_LIMITS.longText})`,
  },
  {
    name: "101 tags",
    text: () =>
      edited((d) => (d.snippets[0].tags = Array.from({ length: 101 }, (_, i) => `thẻ ${i}`))),
    message: "snippets[0].tags: quá nhiều phần tử: 101 (tối đa 100)",
  },
  {
    name: "a tag that is not a string",
    text: () => edited((d) => (d.snippets[0].tags = ["y tế", { evil: true }])),
    message: "snippets[0].tags[1]: cần chuỗi (string), nhận đối tượng (object)",
  },
  {
    name: "__proto__ at the top",
    text: () => replaced("{\n", '{\n  "__proto__": { "polluted": true },\n'),
    message: '__proto__: khóa "__proto__" không được phép trong tệp nhập (có thể là tệp độc hại)',
  },
  {
    name: "__proto__ inside a snippet",
    text: () => replaced('"kind": "target"', '"__proto__": { "isAdmin": true }, "kind": "target"'),
    message: /^snippets\[0\]\.__proto__: khóa "__proto__" không được phép/,
  },
  {
    name: "constructor.prototype inside an article",
    text: () => replaced('"title":', '"constructor": { "prototype": { "x": 1 } }, "title":'),
    message: /^articles\[0\]\.constructor: khóa "constructor" không được phép/,
  },
  {
    name: "a snippet whose article is not in the file",
    text: () => edited((d) => (d.articles = [])),
    message: `snippets[0].articleId: không có bài viết ${JSON.stringify(`${CG.id.slice(0, 57)}…`)} trong tệp (mỗi đoạn phải kèm bài viết của nó)`,
  },
  {
    name: "a snippet that is an array",
    text: () => edited((d) => (d.snippets[0] = [1, 2, 3])),
    message: "snippets[0]: cần đối tượng (object), nhận mảng (array)",
  },
  {
    name: "a missing field",
    text: () => edited((d) => delete d.snippets[0].anchor),
    message: "snippets[0].anchor: thiếu trường bắt buộc",
  },
  {
    name: "null where an object is required",
    text: () => edited((d) => (d.snippets[0].anchor = null)),
    message: "snippets[0].anchor: cần đối tượng (object), nhận null",
  },
  {
    name: "a deadline on 30 February",
    text: () => edited((d) => (d.snippets[1].deadline.date = "2021-02-30")),
    message: 'snippets[1].deadline.date: cần một ngày có thật dạng YYYY-MM-DD, nhận "2021-02-30"',
  },
  {
    name: "a value that is a string",
    text: () => edited((d) => (d.snippets[0].value = "95%")),
    message: 'snippets[0].value: cần đối tượng (object) hoặc null, nhận chuỗi (string) "95%"',
  },
  {
    name: "an infinite timestamp (1e999)",
    text: () => replaced(`"createdAt": ${T0}`, '"createdAt": 1e999'),
    message: "articles[0].createdAt: cần số nguyên, nhận Infinity",
  },
  {
    name: "articles that are not an array",
    text: () => edited((d) => (d.articles = { 0: "x" })),
    message: "articles: cần mảng (array), nhận đối tượng (object)",
  },
  {
    name: "a huge array of numbers",
    text: () => edited((d) => (d.snippets = new Array(250_000).fill(7))),
    message: "snippets: quá nhiều phần tử: 250000 (tối đa 200000)",
  },
  {
    name: "deeply nested arrays",
    text: () =>
      replaced('"snippets": [', `"snippets": [${"[".repeat(100_000)}${"]".repeat(100_000)},`),
    message: "snippets[0]: cần đối tượng (object), nhận mảng (array)",
  },
  {
    name: "a file over 100 MB",
    text: () => " ".repeat(IMPORT_LIMITS.fileChars + 1),
    message: "Tệp quá lớn (100.0 MB; tối đa 100.0 MB).",
  },
];

describe("importCollection: hostile files", () => {
  test(`there are at least 15 cases (${HOSTILE.length})`, () => {
    assert.ok(HOSTILE.length >= 15);
    assert.ok(parseImport(VALID).ok, "the file the cases start from is valid");
  });

  for (const { name, text, message } of HOSTILE) {
    test(`refuses ${name}, naming what is wrong, and changes nothing`, async () => {
      await seed(db, [HD], [GROWTH]);
      const before = await state();
      const result = await importCollection(db, text(), { now: IMPORT_TIME });
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.ok(result.errors.length >= 1 && result.errors.length <= IMPORT_LIMITS.messages + 1);
      const found = result.errors.some((error) =>
        typeof message === "string" ? error === message : message.test(error),
      );
      assert.ok(found, `expected ${message} in:\n${result.errors.join("\n")}`);
      assert.deepEqual(await state(), before);
    });
  }

  test("lists at most 20 messages, then how many more", () => {
    const text = edited((d) => (d.snippets = new Array(1000).fill(7)));
    const result = parseImport(text);
    assert.ok(!result.ok);
    assert.equal(result.errors.length, 21);
    assert.equal(result.errors[0], "snippets[0]: cần đối tượng (object), nhận số (number) 7");
    assert.equal(result.errors[19], "snippets[19]: cần đối tượng (object), nhận số (number) 7");
    assert.equal(result.errors[20], "… và 980 lỗi khác");
  });

  test("reports every problem of a record, each with its path", () => {
    const result = parseImport(
      edited((d) => {
        d.snippets[0].kind = "achievement";
        d.snippets[0].manual = "yes";
        d.snippets[0].horizon = { type: "decade", year: 2025.5 };
        d.articles[0].publishedAt = "20/08/2020";
      }),
    );
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      'articles[0].publishedAt: cần ngày dạng YYYY-MM-DD, nhận "20/08/2020"',
      'snippets[0].kind: giá trị không hợp lệ ("achievement"); cần một trong target, result, deadline, excerpt',
      'snippets[0].manual: cần true/false (boolean), nhận chuỗi (string) "yes"',
      'snippets[0].horizon.type: giá trị không hợp lệ ("decade"); cần một trong year, period, annual, term',
      "snippets[0].horizon.year: cần số nguyên, nhận 2025.5",
    ]);
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

  test("drops fields it does not know", () => {
    const result = parseImport(
      edited((d) => {
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
