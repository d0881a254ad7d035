/**
 * The reader's undone matches of the progress view (lib/storage/progress-matches.ts, Dexie over
 * fake-indexeddb): "bỏ ghép" keeps a result out of a target's series on the result record, "ghép
 * lại" undoes it; only results take it; the JSON export and import carry it exactly, a file
 * without it imports as before, and a bad list is refused with its path.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { readCollection, toJson } from "../../lib/export/index.ts";
import { importCollection } from "../../lib/import/index.ts";
import { parseImport } from "../../lib/import/parse.ts";
import type { SnippetInput } from "../../lib/snippets/types.ts";
import {
  type CollectionDb,
  openCollectionDb,
  rematchResult,
  saveSnippets,
  UNMATCHED_LIMIT,
  unmatchResult,
} from "../../lib/storage/index.ts";
import { T0, T1, T2 } from "./helpers/records.ts";
import { articleInput, snippetInput } from "./helpers/storage-faults.ts";
import { findStored, storedSnippet } from "./helpers/stored.ts";

const TARGET: SnippetInput = {
  ...snippetInput("tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%"),
  category: "health_insurance",
  value: { min: 95, max: 95 },
  unit: "%",
};
const RESULT: SnippetInput = {
  ...snippetInput("tỷ lệ hộ nghèo giảm xuống dưới 1%", "result"),
  category: "poverty_rate",
  value: { min: 1, max: 1 },
  unit: "%",
};

let factory: IDBFactory;
let db: CollectionDb;
let targetId: string;
let resultId: string;

beforeEach(async () => {
  factory = new IDBFactory();
  db = openCollectionDb({ indexedDB: factory, IDBKeyRange });
  [targetId, resultId] = (await saveSnippets(db, articleInput(), [TARGET, RESULT], T0)).saved as [
    string,
    string,
  ];
});

afterEach(() => db.close());

const get = (id: string) => storedSnippet(db, id);

describe("storage: undone progress matches", () => {
  test("a saved result has no undone match", async () => {
    assert.equal((await get(resultId)).unmatchedTargets, undefined);
  });

  test("unmatchResult keeps the target's id on the result and stamps it; twice writes once", async () => {
    const written = await unmatchResult(db, resultId, targetId, T1);
    assert.deepEqual(written?.unmatchedTargets, [targetId]);
    const record = await get(resultId);
    assert.deepEqual(record.unmatchedTargets, [targetId]);
    assert.equal(record.updatedAt, T1);
    assert.equal(await unmatchResult(db, resultId, targetId, T2), null);
    assert.equal((await get(resultId)).updatedAt, T1, "nothing new to write");
  });

  test("rematchResult removes it (the field goes with the last one); nothing to undo writes nothing", async () => {
    await unmatchResult(db, resultId, targetId, T1);
    await unmatchResult(db, resultId, "another-target", T1);
    await rematchResult(db, resultId, targetId, T2);
    assert.deepEqual((await get(resultId)).unmatchedTargets, ["another-target"]);
    await rematchResult(db, resultId, "another-target", T2);
    const record = await get(resultId);
    assert.equal(Object.hasOwn(record, "unmatchedTargets"), false);
    assert.equal(await rematchResult(db, resultId, targetId, T2), null);
  });

  test("only a result takes it, and never its own id; an unknown id writes nothing", async () => {
    assert.equal(await unmatchResult(db, targetId, resultId, T1), null);
    assert.equal((await get(targetId)).unmatchedTargets, undefined);
    assert.equal(await unmatchResult(db, resultId, resultId, T1), null);
    assert.equal(await unmatchResult(db, "gone", targetId, T1), null);
  });

  test("the list keeps the newest UNMATCHED_LIMIT targets", async () => {
    for (let i = 0; i <= UNMATCHED_LIMIT; i++) await unmatchResult(db, resultId, `t${i}`, T1);
    const list = (await get(resultId)).unmatchedTargets ?? [];
    assert.equal(list.length, UNMATCHED_LIMIT);
    assert.equal(list[0], "t1");
    assert.equal(list.at(-1), `t${UNMATCHED_LIMIT}`);
  });
});

describe("JSON: undone matches travel with the collection", () => {
  test("export and import keep them exactly", async () => {
    await unmatchResult(db, resultId, targetId, T1);
    const exported = toJson(await readCollection(db), new Date(T2));
    assert.match(exported, /"unmatchedTargets"/);
    const target = openCollectionDb({ name: "other", indexedDB: factory, IDBKeyRange });
    try {
      const result = await importCollection(target, exported);
      assert.ok(result.ok);
      assert.deepEqual((await findStored(target, resultId))?.unmatchedTargets, [targetId]);
      assert.equal(toJson(await readCollection(target), new Date(T2)), exported);
    } finally {
      target.close();
    }
  });

  test("an export without any leaves the field out; a bad list is refused with its path", async () => {
    const exported = toJson(await readCollection(db), new Date(T2));
    assert.doesNotMatch(exported, /unmatchedTargets/);
    const data = JSON.parse(exported);
    data.snippets[0].unmatchedTargets = [""];
    const parsed = parseImport(JSON.stringify(data));
    assert.ok(!parsed.ok);
    assert.match(JSON.stringify(parsed), /unmatchedTargets/);
    data.snippets[0].unmatchedTargets = "t1";
    assert.ok(!parseImport(JSON.stringify(data)).ok);
  });
});
