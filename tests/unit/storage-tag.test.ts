/**
 * Tagging many snippets at once (the collection table's bulk action), on Dexie over fake-indexeddb:
 * the tag is added once to each chosen snippet, the others and the other fields stay as they were,
 * the pages' stamp changes, and an empty tag writes nothing.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import {
  type CollectionDb,
  openCollectionDb,
  restoreSnippets,
  tagSnippets,
} from "../../lib/storage/index.ts";
import { article, snippet, T0 } from "./helpers/records.ts";
import { findAllStored, findStored } from "./helpers/stored.ts";

const A = article("https://tuyengiao.example.gov.vn/tin/dai-hoi.html", {
  title: "Đại hội",
  snapshot: "Tỷ lệ hộ nghèo dưới 1%.\nThu nhập đạt 80 triệu đồng.\nTrước ngày 30/6/2026.",
});
const POOR = snippet(A, "Tỷ lệ hộ nghèo dưới 1%", { tags: ["giảm nghèo"] });
const INCOME = snippet(A, "Thu nhập đạt 80 triệu đồng", { note: "ghi chú" });
const DUE = snippet(A, "Trước ngày 30/6/2026", { kind: "deadline", tags: ["ưu tiên"] });
const LATER = T0 + 86_400_000;

let db: CollectionDb;

beforeEach(async () => {
  db = openCollectionDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  await db.articles.put(A);
  await restoreSnippets(db, [POOR, INCOME, DUE]);
});

afterEach(() => db.close());

describe("tagSnippets", () => {
  test("adds the tag to each chosen snippet once, stamps them, leaves the rest alone", async () => {
    const stampBefore = (await db.views.toArray()).map((v) => v.key).join();
    const count = await tagSnippets(db, [POOR.id, INCOME.id, POOR.id], "  báo cáo quý  ", LATER);
    assert.equal(count, 2);
    const [poor, income, due] = await findAllStored(db, [POOR.id, INCOME.id, DUE.id]);
    assert.deepEqual(poor?.tags, ["giảm nghèo", "báo cáo quý"]);
    assert.deepEqual(income?.tags, ["báo cáo quý"]);
    assert.equal(income?.note, "ghi chú", "other fields kept");
    assert.equal(poor?.updatedAt, LATER);
    assert.deepEqual(due, DUE, "a snippet not chosen is untouched");
    const stampAfter = (await db.views.toArray()).map((v) => v.key).join();
    assert.notEqual(stampAfter, stampBefore, "the pages see the write");
  });

  test("a snippet that already has the tag is not rewritten; unknown ids are skipped", async () => {
    const count = await tagSnippets(db, [DUE.id, "no-such-id"], "ưu tiên", LATER);
    assert.equal(count, 0);
    assert.deepEqual(await findStored(db, DUE.id), DUE);
  });

  test("an empty tag is refused and nothing is written", async () => {
    await assert.rejects(() => tagSnippets(db, [POOR.id], "   ", LATER), /empty tag/);
    assert.deepEqual(await findStored(db, POOR.id), POOR);
  });
});
