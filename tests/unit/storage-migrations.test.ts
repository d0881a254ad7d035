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
        // The indexes the collection filters on answer for old records too.
        assert.equal(await current.snippets.where("kind").equals("deadline").count(), 1);
        assert.equal(await current.snippets.where("tags").equals("y tế").count(), 1);
        assert.equal(await current.snippets.where("deadline.date").equals("2021-01-15").count(), 1);
        assert.equal(await current.articles.where("locality").equals("Cẩm Giàng").count(), 1);
        // Old records read as unreviewed and uncorrected; once reviewed, the review index has them.
        const old = snippets.find((s) => s.id === `s-v${version}`) as SnippetRecord;
        assert.deepEqual(effectiveSnippet(old), old);
        assert.equal(reviewOf(old), "unreviewed");
        await setReview(current, [old.id], "accepted");
        assert.equal(await current.snippets.where("review").equals("accepted").count(), 1);
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
