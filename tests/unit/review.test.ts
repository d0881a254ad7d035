/**
 * Review and correct (Dexie over fake-indexeddb, one fresh factory per test): statuses and
 * corrections are written beside the engine's values, saving the page again never touches them,
 * reverting brings the engine's value back; effective values reach search, the comparison and
 * every export; JSON round-trips them, and an export written before reviews existed imports as
 * unreviewed.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { joinEntries } from "../../lib/collection/entries.ts";
import {
  compareSources,
  createSearchIndex,
  facets,
  searchEntries,
} from "../../lib/collection/index.ts";
import {
  readCollection,
  tableRow,
  toIcs,
  toJson,
  toMarkdown,
  toWebAnnotation,
} from "../../lib/export/index.ts";
import { importCollection } from "../../lib/import/index.ts";
import { parseImport } from "../../lib/import/parse.ts";
import {
  applyCorrections,
  effectiveEntry,
  effectiveSnippet,
  reviewOf,
  statusAfter,
} from "../../lib/snippets/review.ts";
import type { SnippetInput, SnippetRecord } from "../../lib/snippets/types.ts";
import {
  type CollectionDb,
  correctSnippet,
  declareSchema,
  openCollectionDb,
  revertCorrection,
  SCHEMA_VERSION,
  saveSnippets,
  setReview,
} from "../../lib/storage/index.ts";
import { storagePageFigures } from "./helpers/readings.ts";
import { T0, T1, T2 } from "./helpers/records.ts";
import { articleInput, snippetInput } from "./helpers/storage-faults.ts";
import { everyStored, findStored, storedSnippet } from "./helpers/stored.ts";

const FIGURES = storagePageFigures(
  (quote, reading): SnippetInput => ({ ...snippetInput(quote), ...reading }),
);
const { INSURANCE, MERGER } = FIGURES;
// Saved here without its horizon.
const POVERTY: SnippetInput = { ...FIGURES.POVERTY, horizon: null };

let factory: IDBFactory;
let db: CollectionDb;
let ids: string[];

beforeEach(async () => {
  factory = new IDBFactory();
  db = openCollectionDb({ indexedDB: factory, IDBKeyRange });
  ids = (await saveSnippets(db, articleInput(), [INSURANCE, POVERTY, MERGER], T0)).saved;
});

afterEach(() => db.close());

const get = (id: string | undefined) => storedSnippet(db, id);

describe("storage: review statuses and corrections", () => {
  test("a new snippet is unreviewed, with no correction", async () => {
    const record = await get(ids[0]);
    assert.equal(record.review, "unreviewed");
    assert.deepEqual(record.corrections, {});
  });

  test("setReview accepts and rejects, stamps updatedAt, skips unknown ids", async () => {
    assert.deepEqual(await setReview(db, [ids[0] as string, "nope"], "accepted", T1), [ids[0]]);
    assert.equal((await get(ids[0])).review, "accepted");
    assert.equal((await get(ids[0])).updatedAt, T1);
    await setReview(db, [ids[1] as string], "rejected", T1);
    assert.equal((await get(ids[1])).review, "rejected");
    await assert.rejects(
      setReview(db, [ids[0] as string], "bogus" as never),
      /review must be one of/,
    );
    assert.equal((await get(ids[0])).review, "accepted", "a bad status writes nothing");
  });

  test("correctSnippet keeps the engine's value beside the reader's; the status is corrected", async () => {
    const id = ids[0] as string;
    await setReview(db, [id], "accepted", T1);
    const updated = await correctSnippet(
      db,
      id,
      { value: { min: 97, max: 97 }, indicator: "tỷ lệ tham gia BHYT", locality: "Cẩm Giàng" },
      T2,
    );
    assert.ok(updated);
    const record = await get(id);
    assert.deepEqual(record.value, { min: 95, max: 95 }, "the engine's value stays");
    assert.equal(record.indicator, INSURANCE.indicator);
    assert.deepEqual(record.corrections, {
      value: { min: 97, max: 97 },
      indicator: "tỷ lệ tham gia BHYT",
      locality: "Cẩm Giàng",
    });
    assert.equal(record.review, "corrected");
    assert.equal(record.updatedAt, T2);
    // Accepting a corrected snippet leaves it corrected; rejecting it rejects it.
    await setReview(db, [id], "accepted");
    assert.equal((await get(id)).review, "corrected");
    await setReview(db, [id], "rejected");
    assert.equal((await get(id)).review, "rejected");
    assert.deepEqual((await get(id)).corrections?.indicator, "tỷ lệ tham gia BHYT");
  });

  test("a value equal to the engine's reverts the field; revertCorrection reverts the rest", async () => {
    const id = ids[0] as string;
    await correctSnippet(db, id, { unit: "phần trăm", comparator: ">=" });
    await correctSnippet(db, id, { unit: "%" });
    assert.deepEqual((await get(id)).corrections, { comparator: ">=" });
    assert.equal((await get(id)).review, "corrected");
    await revertCorrection(db, id, ["comparator"]);
    assert.deepEqual((await get(id)).corrections, {});
    assert.equal((await get(id)).review, "unreviewed", "as the engine read it again");
    assert.equal(await revertCorrection(db, "nope"), null);
  });

  test("correctSnippet refuses a field the reader cannot correct, and writes nothing", async () => {
    const before = await get(ids[0]);
    await assert.rejects(
      correctSnippet(db, ids[0] as string, { text: "x" } as never),
      /text is not a field the reader can correct/,
    );
    assert.deepEqual(await get(ids[0]), before);
  });

  test("saving the page again never overwrites a status or a correction", async () => {
    await setReview(db, [ids[1] as string], "rejected", T1);
    await correctSnippet(db, ids[0] as string, { value: { min: 97, max: 97 } }, T1);
    const before = await Promise.all(ids.map(get));
    const again = await saveSnippets(db, articleInput(), [INSURANCE, POVERTY, MERGER], T2);
    assert.equal(again.created, 0);
    assert.deepEqual(await Promise.all(ids.map(get)), before);
  });

  test("statuses are stored on the records (the pages filter on them in memory)", async () => {
    await setReview(db, [ids[0] as string, ids[2] as string], "accepted");
    const statuses = (await everyStored(db)).map((record) => reviewOf(record));
    assert.deepEqual(statuses.sort(), ["accepted", "accepted", "unreviewed"]);
  });
});

describe("effective values", () => {
  const record = (corrections: SnippetRecord["corrections"]): SnippetRecord => ({
    ...(INSURANCE as SnippetRecord),
    id: "s",
    articleId: "a",
    note: "",
    tags: [],
    review: "corrected",
    corrections,
    createdAt: T0,
    updatedAt: T0,
  });

  test("a correction replaces the engine's value; none leaves the record as it is", () => {
    const plain = record({});
    assert.equal(effectiveSnippet(plain), plain);
    const fixed = effectiveSnippet(record({ value: { min: 97, max: 97 }, kind: "result" }));
    assert.deepEqual(fixed.value, { min: 97, max: 97 });
    assert.equal(fixed.kind, "result");
    assert.equal(effectiveSnippet(fixed).value, fixed.value, "idempotent");
  });

  test("locality and level corrections override the article's for this snippet", () => {
    const article = articleInput() as never as Parameters<typeof effectiveEntry>[0]["article"];
    const entry = effectiveEntry({
      snippet: record({ locality: "Cẩm Giàng", level: null }),
      article,
    });
    assert.equal(entry.article?.locality, "Cẩm Giàng");
    assert.equal(entry.article?.level, null);
    assert.equal(effectiveEntry({ snippet: record({}), article }).article, article);
  });

  test("applyCorrections and statusAfter", () => {
    const r = record({ unit: "hộ" });
    assert.deepEqual(applyCorrections(r, undefined, { unit: "%", comparator: ">" }), {
      comparator: ">",
    });
    assert.deepEqual(applyCorrections(r, undefined, { locality: null }), { unit: "hộ" });
    assert.equal(statusAfter("accepted", { unit: "x" }), "corrected");
    assert.equal(statusAfter("rejected", { unit: "x" }), "rejected");
    assert.equal(statusAfter("corrected", {}), "unreviewed");
  });
});

describe("search, comparison and exports use the corrected values", () => {
  async function entries() {
    const { articles, snippets } = await readCollection(db);
    return joinEntries(articles, snippets);
  }

  test("search and facets: the corrected category and the reviewed-only filter", async () => {
    await correctSnippet(db, ids[1] as string, { category: "health_insurance" });
    await setReview(db, [ids[2] as string], "rejected");
    const all = await entries();
    const index = createSearchIndex(all);
    assert.equal(searchEntries(index, { categories: ["health_insurance"] }).length, 2);
    assert.equal(searchEntries(index, { categories: ["poverty_rate"] }).length, 0);
    const reviewed = searchEntries(index, { reviewedOnly: true });
    assert.deepEqual(
      reviewed.map((e) => e.snippet.id),
      [ids[1]],
    );
    assert.equal(reviewed[0]?.snippet.category, "poverty_rate", "the stored record is returned");
    assert.deepEqual(
      searchEntries(index, { reviews: ["rejected"] }).map((e) => e.snippet.id),
      [ids[2]],
    );
    assert.deepEqual(
      facets(all).reviews.map((c) => [c.value, c.count]),
      [
        ["unreviewed", 1],
        ["corrected", 1],
        ["rejected", 1],
      ],
    );
  });

  test("the comparison: corrected values, rejected left out, reviewed only on request", async () => {
    const other = articleInput({
      url: "https://travinh.gov.vn/bai-viet.html",
      locality: "Trà Vinh",
      level: "province",
      // Its own text: the same text at another address would be one article (republished.ts).
      snapshot: "Tỉnh Trà Vinh phấn đấu tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.",
    });
    const [tv] = (await saveSnippets(db, other, [INSURANCE], T0)).saved;
    await correctSnippet(db, ids[0] as string, { value: { min: 97, max: 97 } });
    const sources = [
      { type: "locality" as const, name: "Hải Dương" },
      { type: "locality" as const, name: "Trà Vinh" },
    ];
    const row = (table: ReturnType<typeof compareSources>) =>
      table.rows.find((r) => r.category === "health_insurance");
    const table = compareSources(await entries(), sources);
    assert.deepEqual(row(table)?.chart?.values, [97, 95]);
    assert.equal(row(table)?.differs, true);
    await setReview(db, [tv as string], "rejected");
    assert.deepEqual(row(compareSources(await entries(), sources))?.chart?.values, [97, null]);
    await setReview(db, [tv as string], "unreviewed");
    const reviewed = compareSources(await entries(), sources, { reviewedOnly: true });
    assert.deepEqual(row(reviewed)?.chart?.values, [97, null]);
  });

  test("CSV/XLSX rows, Markdown, iCal and Web Annotation carry the corrected value", async () => {
    await correctSnippet(db, ids[0] as string, {
      value: { min: 97, max: 97 },
      deadline: { date: "2025-12-31", precision: "day" },
    });
    await setReview(db, [ids[1] as string], "rejected");
    const all = await entries();
    const insurance = all.find((e) => e.snippet.id === ids[0]);
    assert.ok(insurance);
    const row = tableRow(insurance, "vi");
    assert.equal(row.value_min, 97);
    assert.equal(row.deadline, "2025-12-31");
    assert.equal(row.review, "đã sửa");
    assert.equal(row.corrected, "có");
    assert.equal(tableRow(insurance, "en").corrected, "yes");
    const markdown = toMarkdown(all);
    assert.match(markdown, /97% — đến năm 2025 \*\(đã sửa\)\*|97%.*\*\(đã sửa\)\*/);
    assert.match(markdown, /hộ nghèo.*\*\(loại bỏ\)\*/);
    const ics = toIcs(all);
    assert.ok(ics.ok);
    assert.match(ics.value, /DTSTART;VALUE=DATE:20251231/);
    const annotations = toWebAnnotation(all).first?.items ?? [];
    const fields = annotations
      .flatMap((a) => a.body.filter((b) => b.format === "application/json"))
      .map((b) => JSON.parse(b.value));
    const corrected = fields.find((f) => f.corrected);
    assert.deepEqual(corrected?.value, { min: 97, max: 97 });
    assert.equal(corrected?.review, "corrected");
    assert.deepEqual(corrected?.corrected, ["value", "deadline"]);
  });
});

describe("JSON: lossless round trip; older files import as unreviewed", () => {
  test("statuses and corrections come back exactly", async () => {
    await correctSnippet(db, ids[0] as string, { value: { min: 97, max: 97 }, level: "tỉnh" });
    await setReview(db, [ids[1] as string], "rejected");
    const exported = toJson(await readCollection(db), new Date(T2));
    const target = openCollectionDb({ name: "other", indexedDB: factory, IDBKeyRange });
    try {
      const result = await importCollection(target, exported);
      assert.ok(result.ok);
      assert.equal(toJson(await readCollection(target), new Date(T2)), exported);
      assert.deepEqual((await findStored(target, ids[0] as string))?.corrections, {
        value: { min: 97, max: 97 },
        level: "tỉnh",
      });
    } finally {
      target.close();
    }
  });

  test("a file without reviews imports; merging it keeps the stored review", async () => {
    await setReview(db, [ids[0] as string], "accepted", T1);
    const data = JSON.parse(toJson(await readCollection(db), new Date(T2)));
    for (const s of data.snippets) {
      delete s.review;
      delete s.corrections;
      s.updatedAt = T2;
      s.note = "từ tệp cũ";
    }
    const parsed = parseImport(JSON.stringify(data));
    assert.ok(parsed.ok);
    assert.equal(parsed.data.snippets[0]?.review, undefined);
    const result = await importCollection(db, JSON.stringify(data));
    assert.ok(result.ok);
    const merged = await get(ids[0]);
    assert.equal(merged.note, "từ tệp cũ");
    assert.equal(merged.review, "accepted", "the file said nothing of it");
  });

  test("a bad review or correction is refused with its path", () => {
    const bad = (edit: (s: Record<string, unknown>) => void) => {
      const file = {
        format: "gvn-chi-tieu.collection",
        version: 1,
        exportedAt: new Date(T0).toISOString(),
        articles: [],
        snippets: [{}],
      };
      edit(file.snippets[0] as Record<string, unknown>);
      return parseImport(JSON.stringify(file));
    };
    const status = bad((s) => {
      s.review = "maybe";
    });
    assert.ok(!status.ok);
    assert.match(JSON.stringify(status), /review/);
    const correction = bad((s) => {
      s.corrections = { value: { min: "nhiều" } };
    });
    assert.ok(!correction.ok);
    assert.match(JSON.stringify(correction), /corrections/);
  });
});

describe("schema version 3", () => {
  test("a version 2 database opens with its records unchanged and takes a review", async () => {
    const name = "gvn-review-migration";
    const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    declareSchema(old, 2);
    const legacy = { ...(await get(ids[0])), id: "legacy" } as Record<string, unknown>;
    delete legacy.review;
    delete legacy.corrections;
    await old.table("snippets").put(legacy);
    old.close();
    const current = openCollectionDb({ name, indexedDB: factory, IDBKeyRange });
    try {
      const record = await findStored(current, "legacy");
      assert.deepEqual(record, legacy);
      assert.equal(current.verno, SCHEMA_VERSION);
      assert.deepEqual(effectiveSnippet(record as SnippetRecord), record);
      await setReview(current, ["legacy"], "accepted");
      assert.equal((await findStored(current, "legacy"))?.review, "accepted");
    } finally {
      current.close();
    }
  });
});
