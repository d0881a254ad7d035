/**
 * The storage operations behind *số liệu đã thay đổi* and *Gắn lại vào đây* (Dexie over
 * fake-indexeddb, one fresh factory per test): recording a change once, taking the new figure,
 * keeping the saved one (not flagged again), re-attaching an orphan with its note, tags and other
 * fields kept; and the JSON import accepting the new fields and files without them.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { readCollection, toJson } from "../../lib/export/json.ts";
import { NO_FIELDS } from "../../lib/extract/types.ts";
import { importCollection, parseImport } from "../../lib/import/index.ts";
import type { PageChange, SnippetRecord } from "../../lib/snippets/types.ts";
import {
  acceptPageChange,
  type CollectionDb,
  keepSavedFigure,
  openCollectionDb,
  reattachSnippet,
  recordPageChanges,
} from "../../lib/storage/index.ts";
import { anchorIn, article, snippet, T1, T2 } from "./helpers/records.ts";
import { findStored, putStored } from "./helpers/stored.ts";

const OLD_TEXT =
  "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%; hộ nghèo dưới 1%.";
const NEW_TEXT =
  "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 97%; hộ nghèo dưới 1%.";
const SOURCE = article("https://camgiang.haiduong.gov.vn/tin/nq.html", { snapshot: OLD_TEXT });
const SAVED: SnippetRecord = {
  ...snippet(SOURCE, "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%", {
    indicator: "tỷ lệ dân số tham gia bảo hiểm y tế",
    category: "health_insurance",
    value: { min: 95, max: 95 },
    unit: "%",
    comparator: "=",
  }),
  note: "số của tỉnh",
  tags: ["y tế"],
};
const NEW_QUOTE = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 97%";
const CHANGE: Omit<PageChange, "seenAt"> = {
  anchor: anchorIn(NEW_TEXT, NEW_QUOTE),
  text: NEW_QUOTE,
  sentence: NEW_TEXT,
  fields: { ...NO_FIELDS, indicator: SAVED.indicator, value: { min: 97, max: 97 }, unit: "%" },
};

describe("page changes in the store", () => {
  let db: CollectionDb;

  beforeEach(async () => {
    db = openCollectionDb({ name: "page-changes", indexedDB: new IDBFactory(), IDBKeyRange });
    await db.articles.add(SOURCE);
    // The review status rides along untouched.
    await putStored(db, [{ ...SAVED, review: "accepted" } as SnippetRecord]);
  });
  afterEach(() => db.close());

  test("a change is recorded once, with the time it was first seen", async () => {
    assert.deepEqual(await recordPageChanges(db, [{ id: SAVED.id, change: CHANGE }], T1), [
      SAVED.id,
    ]);
    assert.deepEqual(await recordPageChanges(db, [{ id: SAVED.id, change: CHANGE }], T2), []);
    const stored = await findStored(db, SAVED.id);
    assert.equal(stored?.pageChange?.seenAt, T1);
    assert.equal(stored?.pageChange?.text, NEW_QUOTE);
    // The saved figure is not touched by recording.
    assert.deepEqual(stored?.value, { min: 95, max: 95 });
    assert.equal(stored?.text, SAVED.text);
    assert.deepEqual(await recordPageChanges(db, [{ id: "gone", change: CHANGE }], T2), []);
  });

  test("Nhận số mới takes the new text, place and fields and keeps the reader's own", async () => {
    await recordPageChanges(db, [{ id: SAVED.id, change: CHANGE }], T1);
    const updated = await acceptPageChange(db, SAVED.id, NEW_TEXT, T2);
    assert.ok(updated);
    const stored = await findStored(db, SAVED.id);
    assert.deepEqual(stored, updated);
    assert.equal(stored?.pageChange, null);
    assert.equal(stored?.text, NEW_QUOTE);
    assert.deepEqual(stored?.anchor, CHANGE.anchor);
    assert.deepEqual(stored?.value, { min: 97, max: 97 });
    assert.equal(stored?.note, "số của tỉnh");
    assert.deepEqual(stored?.tags, ["y tế"]);
    assert.equal((stored as unknown as { review: string }).review, "accepted");
    assert.equal(stored?.updatedAt, T2);
    assert.equal((await db.articles.get(SOURCE.id))?.snapshot, NEW_TEXT, "anchors index it");
    assert.equal(await acceptPageChange(db, SAVED.id, undefined, T2), null, "nothing pending");
  });

  test("Giữ số đã lưu keeps the saved figure and is not flagged again by the same text", async () => {
    await recordPageChanges(db, [{ id: SAVED.id, change: CHANGE }], T1);
    const kept = await keepSavedFigure(db, SAVED.id, T2);
    assert.ok(kept);
    assert.equal(kept.pageChange, null);
    assert.deepEqual(kept.keptOver, [NEW_QUOTE]);
    assert.deepEqual(kept.value, SAVED.value);
    assert.deepEqual(kept.anchor, SAVED.anchor);
    assert.deepEqual(await recordPageChanges(db, [{ id: SAVED.id, change: CHANGE }], T2), []);
    assert.equal((await findStored(db, SAVED.id))?.pageChange, null);
    assert.equal((await db.articles.get(SOURCE.id))?.snapshot, OLD_TEXT);
  });

  test("Gắn lại vào đây gives an orphan a new place and keeps everything else", async () => {
    const rewritten = "Đến năm 2025, bảo hiểm y tế phải bao phủ 95% dân số toàn huyện.";
    const anchor = anchorIn(rewritten, "bảo hiểm y tế phải bao phủ 95% dân số");
    const updated = await reattachSnippet(db, SAVED.id, anchor, rewritten, T2);
    assert.ok(updated);
    assert.deepEqual(updated.anchor, anchor);
    assert.equal(updated.text, anchor.quote);
    for (const key of ["id", "kind", "indicator", "value", "unit", "note", "tags"] as const) {
      assert.deepEqual(updated[key], SAVED[key], key);
    }
    assert.equal((updated as unknown as { review: string }).review, "accepted");
    assert.deepEqual(await findStored(db, SAVED.id), updated);
    assert.equal((await db.articles.get(SOURCE.id))?.snapshot, rewritten);
    await assert.rejects(
      reattachSnippet(db, SAVED.id, { ...anchor, quote: "  " }, rewritten, T2),
      TypeError,
    );
    assert.equal(await reattachSnippet(db, "gone", anchor, rewritten, T2), null);
  });
});

describe("the JSON file and page changes", () => {
  test("a pending change and kept texts round-trip; a file without them imports", async () => {
    const factory = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });
    const from = openCollectionDb({ name: "export", ...factory() });
    await from.articles.add(SOURCE);
    await putStored(from, [
      {
        ...SAVED,
        pageChange: { ...CHANGE, seenAt: T1 },
        keptOver: ["đạt 96%"],
      },
    ]);
    const file = toJson(await readCollection(from), new Date(T2));
    from.close();
    const parsed = parseImport(file);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.data.snippets[0]?.pageChange, { ...CHANGE, seenAt: T1 });
    assert.deepEqual(parsed.data.snippets[0]?.keptOver, ["đạt 96%"]);

    const to = openCollectionDb({ name: "import", ...factory() });
    await importCollection(to, file);
    assert.equal((await findStored(to, SAVED.id))?.pageChange?.text, NEW_QUOTE);
    to.close();

    const old = JSON.parse(file);
    delete old.snippets[0].pageChange;
    delete old.snippets[0].keptOver;
    const parsedOld = parseImport(JSON.stringify(old));
    assert.ok(parsedOld.ok, "an older export without the fields");
    assert.equal("pageChange" in (parsedOld.data.snippets[0] ?? {}), false);

    const bad = JSON.parse(file);
    bad.snippets[0].pageChange.fields = "97%";
    assert.equal(parseImport(JSON.stringify(bad)).ok, false, "a malformed change is refused");
  });
});
