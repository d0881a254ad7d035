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
import { canonicalSnippet } from "../../lib/export/format.ts";
import { toJson } from "../../lib/export/index.ts";
import { importCollection } from "../../lib/import/index.ts";
import { mergeSnippet } from "../../lib/import/merge.ts";
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
  snippetsForArticle,
} from "../../lib/storage/index.ts";
import { groupRecord, type SnippetGroupRecord } from "../../lib/storage/snippet-records.ts";
import { groupedSnippetsOf, readRaw, recordsOf } from "./helpers/storage-faults.ts";
import { countStored, everyStored, findStored, putStored } from "./helpers/stored.ts";

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
      if (version < 7) await old.table("snippets").bulkAdd(written.snippets);
      else await old.table("snippetGroups").bulkAdd(groupsOf(written.snippets));
      assert.equal(old.verno, version);
      old.close();

      const current = openCollectionDb({ name, indexedDB, IDBKeyRange });
      try {
        await current.open();
        assert.equal(current.verno, SCHEMA_VERSION);
        const articles = await current.articles.toArray();
        const snippets = await everyStored(current);
        assert.equal(await current.snippets.count(), 0, "every snippet is in its article's record");
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
        assert.equal((await snippetsForArticle(current, written.articles[0]?.id ?? "")).length, 2);
        assert.equal(
          await current.snippetGroups.where("createdAt").equals(1_600_000_000_000).count(),
          1,
        );
        assert.equal(await current.snippetGroups.where("updatedAt").above(0).count(), 1);
        assert.equal(
          await current.snippetGroups.where("snippetIds").equals(`d-v${version}`).count(),
          1,
        );
        assert.equal(
          await current.articles
            .where("url")
            .equals(written.articles[0]?.url ?? "")
            .count(),
          1,
        );
        assert.equal(await current.articles.where("updatedAt").above(0).count(), 1);
        const raw = current.backendDB();
        const transaction = raw.transaction(["articles", "snippets", "snippetGroups"], "readonly");
        assert.deepEqual([...transaction.objectStore("snippets").indexNames].sort(), [
          "articleId",
          "createdAt",
          "updatedAt",
        ]);
        assert.deepEqual([...transaction.objectStore("snippetGroups").indexNames].sort(), [
          "createdAt",
          "snippetIds",
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
        const reviewed = await findStored(current, old.id);
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
      const snippets = await everyStored(current);
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
      if (store === "snippets") continue; // moved into the groups (version 7)
      assert.deepEqual(after.stores[store]?.records, before.stores[store]?.records, store);
    }
    assert.deepEqual(groupedSnippetsOf(after), before.stores.snippets?.records);
  });

  test("a version 5 build opens a version 7 database, adds its indexes back and loses nothing; this build then imports into it", async () => {
    const indexedDB = new IDBFactory();
    const name = "gvn-migration-6-older";
    const written = recordsOfVersion(6);
    const current = openCollectionDb({ name, indexedDB, IDBKeyRange });
    await current.articles.bulkAdd(written.articles);
    await putStored(current, written.snippets);
    current.close();
    const before = await readRaw(indexedDB, name);

    const old = version5Build(name, indexedDB);
    assert.equal(await old.table("snippets").where("kind").equals("deadline").count(), 0);
    assert.equal(await old.table("articles").where("locality").equals("Cẩm Giàng").count(), 1);
    old.close();
    const afterOld = await readRaw(indexedDB, name);
    assert.ok(before && afterOld);
    assert.ok(afterOld.version >= before.version, "the version only ever goes up");
    assert.ok(
      afterOld.stores.snippets?.indexes.includes("kind"),
      "the older build's index is back",
    );
    assert.deepEqual(afterOld.stores.snippetGroups?.records, before.stores.snippetGroups?.records);
    assert.deepEqual(afterOld.stores.articles?.records, before.stores.articles?.records);

    // This build opens it as it is (the extra indexes stay) and writes into it.
    const again = openCollectionDb({ name, indexedDB, IDBKeyRange });
    try {
      const moved = { ...written.snippets[0], id: "s-imported", note: "nhập lại" } as SnippetRecord;
      const file = toJson({ articles: written.articles, snippets: [moved] });
      const result = await importCollection(again, file, { now: 1_700_000_000_000 });
      assert.equal(result.ok, true, result.ok ? "" : result.errors.join(" | "));
      assert.deepEqual(await findStored(again, "s-imported"), moved);
      assert.equal(await countStored(again), 3);
      assert.equal((await snippetsForArticle(again, moved.articleId)).length, 3);
    } finally {
      again.close();
    }
    const afterImport = await readRaw(indexedDB, name);
    assert.deepEqual(afterImport?.stores.snippets?.indexes, afterOld.stores.snippets?.indexes);
  });
});

describe("schema version 7 (the snippets grouped by article)", () => {
  /** A version 6 collection: two articles, snippets with every optional field among them. */
  function version6Collection() {
    const first = recordsOfVersion(6);
    const other = { ...(first.articles[0] as ArticleRecord), id: "https://haiduong.gov.vn/a" };
    other.url = other.id;
    const [target, deadline] = first.snippets as [SnippetRecord, SnippetRecord];
    const snippets: SnippetRecord[] = [
      { ...target, review: "corrected", corrections: { value: { min: 96, max: 96 } } },
      { ...deadline, createdAt: 1_600_000_000_500, updatedAt: 1_600_000_000_900 },
      {
        ...target,
        id: "s-other-1",
        articleId: other.id,
        pageChange: {
          anchor: target.anchor,
          text: "đạt 97%",
          sentence: "đạt 97%",
          fields: null,
          seenAt: 1_600_000_000_100,
        },
        keptOver: ["đạt 94%"],
        createdAt: 1_600_000_000_200,
      },
      {
        ...target,
        id: "s-other-2",
        kind: "result",
        articleId: other.id,
        unmatchedTargets: ["s-v6"],
        note: "",
        tags: [],
        updatedAt: 1_600_000_000_300,
      },
    ];
    return { articles: [...first.articles, other], snippets };
  }

  test("the upgrade moves every snippet of a version 6 database into its article's record, field for field", async () => {
    const indexedDB = new IDBFactory();
    const name = "gvn-migration-7";
    const written = version6Collection();
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    declareSchema(old, 6);
    await old.table("articles").bulkAdd(written.articles);
    await old.table("snippets").bulkAdd(written.snippets);
    old.close();
    const before = await readRaw(indexedDB, name);

    const current = openCollectionDb({ name, indexedDB, IDBKeyRange });
    await current.open();
    current.close();
    const after = await readRaw(indexedDB, name);
    assert.ok(before && after);
    const byId = (a: SnippetRecord, b: SnippetRecord) => (a.id < b.id ? -1 : 1);
    assert.deepEqual(groupedSnippetsOf(after).sort(byId), [...written.snippets].sort(byId));
    assert.deepEqual(
      after.stores.snippets?.records,
      [],
      "the store of one record a snippet is empty",
    );
    for (const store of ["articles", "views", "fingerprints", "copies"]) {
      assert.deepEqual(after.stores[store]?.records, before.stores[store]?.records, store);
    }
    const groups = recordsOf<SnippetGroupRecord>(after, "snippetGroups");
    assert.deepEqual(
      groups.map((g) => [g.articleId, g.snippetIds, g.createdAt, g.updatedAt]),
      [
        [written.articles[0]?.id, ["d-v6", "s-v6"], 1_600_000_000_500, 1_600_000_000_900],
        [written.articles[1]?.id, ["s-other-1", "s-other-2"], 1_600_000_000_200, 1_600_000_000_300],
      ],
    );
  });

  test("a version 6 build opening a version 7 database finds no snippets and loses nothing; what it saves joins the groups when this build opens it", async () => {
    const indexedDB = new IDBFactory();
    const name = "gvn-migration-7-older";
    const written = version6Collection();
    const current = openCollectionDb({ name, indexedDB, IDBKeyRange });
    await current.articles.bulkAdd(written.articles);
    await putStored(current, written.snippets);
    current.close();
    const before = await readRaw(indexedDB, name);

    // The older build: an empty snippets store, its reads and writes work.
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    declareSchema(old, 6);
    assert.equal(await old.table("snippets").count(), 0);
    assert.equal(await old.table("articles").count(), 2);
    const [target] = written.snippets as [SnippetRecord];
    const added: SnippetRecord = { ...target, id: "s-saved-by-v6", createdAt: 1_700_000_000_000 };
    // The same snippet saved again by the older build, with its own note, later.
    const again: SnippetRecord = {
      ...target,
      note: "ghi chú bản cũ",
      updatedAt: 1_700_000_000_001,
    };
    await old.table("snippets").bulkPut([added, again]);
    old.close();
    const afterOld = await readRaw(indexedDB, name);
    assert.deepEqual(
      afterOld?.stores.snippetGroups?.records,
      before?.stores.snippetGroups?.records,
    );

    const reopened = openCollectionDb({ name, indexedDB, IDBKeyRange });
    try {
      const stored = await everyStored(reopened);
      assert.equal(await reopened.snippets.count(), 0, "moved into the groups");
      assert.equal(stored.length, written.snippets.length + 1);
      assert.deepEqual(await findStored(reopened, added.id), added);
      // Merged as an import merges: the newer fields, both notes.
      // (a record neither side had: stamped with the time of the move)
      const merged = await findStored(reopened, target.id);
      assert.ok(merged && merged.updatedAt > again.updatedAt);
      assert.deepEqual(
        { ...merged, updatedAt: 0 },
        { ...mergeSnippet(canonicalSnippet(target), again, 0), updatedAt: 0 },
      );
      assert.equal(
        (await findStored(reopened, target.id))?.note,
        `${target.note}\n\nghi chú bản cũ`,
      );
      for (const record of written.snippets.slice(1)) {
        assert.deepEqual(await findStored(reopened, record.id), record, record.id);
      }
    } finally {
      reopened.close();
    }
  });
});

/** Snippet records as version 7 stores them: one record per article. */
function groupsOf(snippets: readonly SnippetRecord[]): SnippetGroupRecord[] {
  const articles = [...new Set(snippets.map((s) => s.articleId))];
  return articles.flatMap(
    (id) =>
      groupRecord(
        id,
        snippets.filter((s) => s.articleId === id),
      ) ?? [],
  );
}
