/**
 * Every schema version ever shipped stays readable: for each version in the
 * history, a database written by a build that knew only versions up to it is
 * opened by the current build, and every record is still there, unchanged
 * (fields added by later versions aside), and reachable through its indexes.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { toJson } from "../../lib/export/index.ts";
import { importCollection } from "../../lib/import/index.ts";
import { effectiveSnippet, reviewOf } from "../../lib/snippets/review.ts";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import {
  declareSchema,
  keepSavedFigure,
  openCollectionDb,
  recordPageChanges,
  SCHEMA_HISTORY,
  SCHEMA_VERSION,
  setReview,
} from "../../lib/storage/index.ts";
import { readRaw } from "./helpers/storage-faults.ts";

/** Records as a build of `version` wrote them. */
function recordsOfVersion(version: number): {
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
} {
  const article: ArticleRecord = {
    id: "https://camgiang.haiduong.gov.vn/tin-tuc/hoc-tap-nghi-quyet.html",
    url: "https://camgiang.haiduong.gov.vn/tin-tuc/hoc-tap-nghi-quyet.html",
    canonicalUrl: null,
    title:
      "Huyện ủy Cẩm Giàng học tập Nghị quyết Đại hội Đảng bộ huyện lần thứ XXVI, nhiệm kỳ 2020-2025",
    siteName: null,
    site: "camgiang.haiduong.gov.vn",
    organization: "Đảng bộ huyện Cẩm Giàng",
    level: "huyện",
    locality: "Cẩm Giàng",
    congress: 26,
    term: "2020-2025",
    publishedAt: "2020-10-15",
    snapshot: "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.",
    createdAt: 1_600_000_000_000 + version,
    updatedAt: 1_600_000_000_000 + version,
  };
  const snippet: SnippetRecord = {
    id: `s-v${version}`,
    articleId: article.id,
    kind: "target",
    manual: false,
    text: "tỷ lệ bao phủ bảo hiểm y tế đạt 95%",
    sentence: "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.",
    indicator: "tỷ lệ bao phủ bảo hiểm y tế",
    category: "health_insurance",
    value: { min: 95, max: 95 },
    unit: "%",
    comparator: "=",
    direction: null,
    horizon: { type: "year", year: 2025 },
    deadline: null,
    anchor: {
      quote: "tỷ lệ bao phủ bảo hiểm y tế đạt 95%",
      prefix: "Phấn đấu đến năm 2025, ",
      suffix: ".",
      start: 23,
      end: 59,
    },
    note: `ghi chú v${version}`,
    tags: ["y tế", `v${version}`],
    createdAt: 1_600_000_000_000,
    updatedAt: 1_600_000_000_000,
  };
  const deadline: SnippetRecord = {
    ...snippet,
    id: `d-v${version}`,
    kind: "deadline",
    text: "trước ngày 15/01/2021",
    category: null,
    value: null,
    unit: null,
    comparator: null,
    horizon: null,
    deadline: { date: "2021-01-15", precision: "day" },
    tags: [],
  };
  return { articles: [article], snippets: [snippet, deadline] };
}

describe("schema history", () => {
  test("versions are increasing and the newest is the current one", () => {
    const versions = SCHEMA_HISTORY.map((entry) => entry.version);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
    );
    assert.equal(new Set(versions).size, versions.length);
    assert.equal(versions.at(-1), SCHEMA_VERSION);
  });

  for (const { version } of SCHEMA_HISTORY) {
    test(`a database written by schema version ${version} opens with every record intact`, async () => {
      const indexedDB = new IDBFactory();
      const name = `gvn-migration-${version}`;
      const old = new Dexie(name, { indexedDB, IDBKeyRange });
      declareSchema(old, version);
      const written = recordsOfVersion(version);
      await old.table("articles").bulkAdd(written.articles);
      await old.table("snippets").bulkAdd(written.snippets);
      assert.equal(old.verno, version);
      old.close();

      const current = openCollectionDb({ name, indexedDB, IDBKeyRange });
      try {
        await current.open();
        assert.equal(current.verno, SCHEMA_VERSION);
        const articles = await current.articles.toArray();
        const snippets = await current.snippets.orderBy("id").toArray();
        for (const record of written.articles) {
          const found = articles.find((a) => a.id === record.id);
          assert.ok(found, `article ${record.id}`);
          assert.deepEqual({ ...found, ...record }, found, "every field written is still there");
        }
        for (const record of written.snippets) {
          const found = snippets.find((s) => s.id === record.id);
          assert.ok(found, `snippet ${record.id}`);
          assert.deepEqual({ ...found, ...record }, found, "every field written is still there");
        }
        // The indexes storage queries answer for old records too; the others are gone (version 6).
        assert.equal(
          await current.snippets
            .where("articleId")
            .equals(written.articles[0]?.id ?? "")
            .count(),
          2,
        );
        assert.equal(
          await current.snippets.where("createdAt").equals(1_600_000_000_000).count(),
          2,
        );
        assert.equal(await current.snippets.where("updatedAt").above(0).count(), 2);
        assert.equal(
          await current.articles
            .where("url")
            .equals(written.articles[0]?.url ?? "")
            .count(),
          1,
        );
        assert.equal(await current.articles.where("updatedAt").above(0).count(), 1);
        const raw = current.backendDB();
        const transaction = raw.transaction(["articles", "snippets"], "readonly");
        assert.deepEqual([...transaction.objectStore("snippets").indexNames].sort(), [
          "articleId",
          "createdAt",
          "updatedAt",
        ]);
        assert.deepEqual([...transaction.objectStore("articles").indexNames].sort(), [
          "canonicalUrl",
          "updatedAt",
          "url",
        ]);
        // Old records read as unreviewed and uncorrected; a review is stored on them.
        const old = snippets.find((s) => s.id === `s-v${version}`) as SnippetRecord;
        assert.deepEqual(effectiveSnippet(old), old);
        assert.equal(reviewOf(old), "unreviewed");
        await setReview(current, [old.id], "accepted");
        const reviewed = await current.snippets.get(old.id);
        assert.equal(reviewOf(reviewed as SnippetRecord), "accepted");
        assert.deepEqual(
          { ...reviewed, review: undefined, updatedAt: 0 },
          { ...old, review: undefined, updatedAt: 0 },
        );
      } finally {
        current.close();
      }
    });
  }

  test("version 4: snippets from before it have no pending change and take one", async () => {
    const indexedDB = new IDBFactory();
    const name = "gvn-migration-page-change";
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    declareSchema(old, 2);
    const written = recordsOfVersion(2);
    await old.table("articles").bulkAdd(written.articles);
    await old.table("snippets").bulkAdd(written.snippets);
    old.close();
    const current = openCollectionDb({ name, indexedDB, IDBKeyRange });
    try {
      const snippets = await current.snippets.orderBy("id").toArray();
      assert.deepEqual(
        snippets,
        [...written.snippets].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      for (const snippet of snippets) assert.equal(snippet.pageChange ?? null, null, snippet.id);
      const target = written.snippets.find((s) => s.kind === "target");
      assert.ok(target);
      const quote = "tỷ lệ bao phủ bảo hiểm y tế đạt 97%";
      const change = {
        anchor: { ...target.anchor, quote },
        text: quote,
        sentence: quote,
        fields: null,
      };
      assert.deepEqual(await recordPageChanges(current, [{ id: target.id, change }], 5), [
        target.id,
      ]);
      const kept = await keepSavedFigure(current, target.id, 6);
      assert.deepEqual(kept?.keptOver, [quote]);
      assert.equal(kept?.note, target.note);
    } finally {
      current.close();
    }
  });
});

describe("schema version 6 (only the indexes storage queries)", () => {
  /** A build of schema version 5 (every index of versions 1–5). */
  function version5Build(name: string, indexedDB: IDBFactory): Dexie {
    const db = new Dexie(name, { indexedDB, IDBKeyRange });
    declareSchema(db, 5);
    return db;
  }

  test("a version 5 database loses its unused indexes and keeps every record", async () => {
    const indexedDB = new IDBFactory();
    const name = "gvn-migration-6";
    const old = version5Build(name, indexedDB);
    const written = recordsOfVersion(5);
    await old.table("articles").bulkAdd(written.articles);
    await old.table("snippets").bulkAdd(written.snippets);
    const before = await readRaw(indexedDB, name);
    old.close();
    assert.ok(before?.stores.snippets?.indexes.includes("kind"), "version 5 had the kind index");

    const current = openCollectionDb({ name, indexedDB, IDBKeyRange });
    await current.open();
    current.close();
    const after = await readRaw(indexedDB, name);
    assert.ok(before && after);
    assert.equal(after.version, SCHEMA_VERSION * 10);
    assert.deepEqual(after.stores.snippets?.indexes, ["articleId", "createdAt", "updatedAt"]);
    assert.deepEqual(after.stores.articles?.indexes, ["canonicalUrl", "updatedAt", "url"]);
    for (const store of Object.keys(before.stores)) {
      assert.deepEqual(after.stores[store]?.records, before.stores[store]?.records, store);
    }
  });

  test("a version 5 build opens a version 6 database, adds its indexes back and loses nothing; version 6 then imports into it", async () => {
    const indexedDB = new IDBFactory();
    const name = "gvn-migration-6-older";
    const written = recordsOfVersion(6);
    const current = openCollectionDb({ name, indexedDB, IDBKeyRange });
    await current.articles.bulkAdd(written.articles);
    await current.snippets.bulkAdd(written.snippets);
    current.close();
    const before = await readRaw(indexedDB, name);

    const old = version5Build(name, indexedDB);
    assert.equal(await old.table("snippets").where("kind").equals("deadline").count(), 1);
    assert.equal(await old.table("articles").where("locality").equals("Cẩm Giàng").count(), 1);
    old.close();
    const afterOld = await readRaw(indexedDB, name);
    assert.ok(before && afterOld);
    assert.ok(afterOld.version >= before.version, "the version only ever goes up");
    assert.ok(
      afterOld.stores.snippets?.indexes.includes("kind"),
      "the older build's index is back",
    );
    assert.deepEqual(afterOld.stores.snippets?.records, before.stores.snippets?.records);
    assert.deepEqual(afterOld.stores.articles?.records, before.stores.articles?.records);

    // This build opens it as it is (the extra indexes stay) and writes into it.
    const again = openCollectionDb({ name, indexedDB, IDBKeyRange });
    try {
      const moved = { ...written.snippets[0], id: "s-imported", note: "nhập lại" } as SnippetRecord;
      const file = toJson({ articles: written.articles, snippets: [moved] });
      const result = await importCollection(again, file, { now: 1_700_000_000_000 });
      assert.equal(result.ok, true, result.ok ? "" : result.errors.join(" | "));
      assert.deepEqual(await again.snippets.get("s-imported"), moved);
      assert.equal(await again.snippets.count(), 3);
      assert.equal(await again.snippets.where("articleId").equals(moved.articleId).count(), 3);
    } finally {
      again.close();
    }
    const afterImport = await readRaw(indexedDB, name);
    assert.deepEqual(afterImport?.stores.snippets?.indexes, afterOld.stores.snippets?.indexes);
  });
});
