/**
 * Reading back what a test wrote into a collection database, and seeding it: the snippets are
 * stored grouped by article (lib/storage/snippet-records.ts), so tests read and write them
 * through that module, as lib/storage does.
 */
import assert from "node:assert/strict";
import type { SnippetRecord } from "../../../lib/snippets/types.ts";
import type { CollectionDb } from "../../../lib/storage/index.ts";
import {
  allSnippets,
  getSnippet,
  getSnippets,
  putSnippets,
  snippetCount,
} from "../../../lib/storage/snippet-records.ts";

/** The snippet `id` as `db` holds it (fails the test when there is none). */
export async function storedSnippet(
  db: CollectionDb,
  id: string | undefined,
): Promise<SnippetRecord> {
  const record = await findStored(db, id ?? "");
  assert.ok(record, `snippet ${id}`);
  return record;
}

/** The snippet `id` as `db` holds it, if any. */
export function findStored(db: CollectionDb, id: string): Promise<SnippetRecord | undefined> {
  return db.transaction("r", db.snippetGroups, () => getSnippet(db, id));
}

/** The snippets of `ids` as `db` holds them, in the given order. */
export function findAllStored(
  db: CollectionDb,
  ids: readonly string[],
): Promise<(SnippetRecord | undefined)[]> {
  return db.transaction("r", db.snippetGroups, () => getSnippets(db, ids));
}

/** Every snippet `db` holds, by id (the order of the former one-record-a-snippet store). */
export async function everyStored(db: CollectionDb): Promise<SnippetRecord[]> {
  const records = await db.transaction("r", db.snippetGroups, db.snippets, () => allSnippets(db));
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many snippets `db` holds. */
export function countStored(db: CollectionDb): Promise<number> {
  return db.transaction("r", db.snippetGroups, () => snippetCount(db));
}

/** Writes snippet records as they are (a test's seed, or a write behind lib/storage's back). */
export function putStored(db: CollectionDb, records: readonly SnippetRecord[]): Promise<void> {
  return db.transaction("rw", db.snippetGroups, () => putSnippets(db, records));
}

/**
 * Changes fields of the stored snippet `id` as they are given (no stamp, no `touch`: a write the
 * pages' copy does not hear of); resolves to whether it was there.
 */
export async function changeStored(
  db: CollectionDb,
  id: string,
  changes: Partial<SnippetRecord>,
): Promise<boolean> {
  return db.transaction("rw", db.snippetGroups, async () => {
    const record = await getSnippet(db, id);
    if (record) await putSnippets(db, [{ ...record, ...changes }]);
    return Boolean(record);
  });
}
