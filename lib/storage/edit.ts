/**
 * The reader's edits in the collection pages: changing a snippet's note, tags and parsed fields,
 * deleting snippets and putting deleted ones back (undo). Each is one transaction.
 */
import type { SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { getSnippet, getSnippets, putSnippets, removeSnippets } from "./snippet-records.ts";
import { touch } from "./view-cache.ts";

/** What the reader may change in a saved snippet. */
export type SnippetEdit = Partial<
  Pick<SnippetRecord, "note" | "tags" | "category" | "value" | "unit" | "deadline">
>;

/**
 * Writes the reader's changes to a snippet and stamps it `updatedAt = now`. Returns whether the
 * snippet was there (a snippet deleted meanwhile is not brought back).
 */
export async function updateSnippet(
  db: CollectionDb,
  id: string,
  changes: SnippetEdit,
  now: number = Date.now(),
): Promise<boolean> {
  return db.transaction("rw", db.snippetGroups, db.views, async () => {
    const record = await getSnippet(db, id);
    if (!record) return false;
    await putSnippets(db, [{ ...record, ...changes, updatedAt: now }]);
    await touch(db);
    return true;
  });
}

/**
 * Adds `tag` to each snippet of `ids` that does not have it yet (trimmed; a snippet that has it is
 * left as it is), stamping those `updatedAt = now`, in one transaction. Returns how many snippets
 * got the tag. An empty tag is refused with an error before anything is written.
 */
export async function tagSnippets(
  db: CollectionDb,
  ids: readonly string[],
  tag: string,
  now: number = Date.now(),
): Promise<number> {
  const clean = tag.normalize("NFC").trim();
  if (!clean) throw new Error("An empty tag cannot be added.");
  const unique = [...new Set(ids)];
  return db.transaction("rw", db.snippetGroups, db.views, async () => {
    const found = await getSnippets(db, unique);
    const changed = found
      .filter((record): record is SnippetRecord => record !== undefined)
      .filter((record) => !record.tags.includes(clean))
      .map((record) => ({ ...record, tags: [...record.tags, clean], updatedAt: now }));
    if (changed.length === 0) return 0;
    await putSnippets(db, changed);
    await touch(db);
    return changed.length;
  });
}

/** Deletes snippets by id; returns the deleted records, in the given order, for an undo. */
export async function deleteSnippets(
  db: CollectionDb,
  ids: readonly string[],
): Promise<SnippetRecord[]> {
  const unique = [...new Set(ids)];
  return db.transaction("rw", db.snippetGroups, db.views, async () => {
    const found = await getSnippets(db, unique);
    const records = found.filter((record): record is SnippetRecord => record !== undefined);
    await removeSnippets(db, records);
    await touch(db);
    return records;
  });
}

/** Puts deleted snippet records back as they were (all or none). */
export async function restoreSnippets(
  db: CollectionDb,
  records: readonly SnippetRecord[],
): Promise<void> {
  await db.transaction("rw", db.snippetGroups, db.views, async () => {
    await putSnippets(db, records);
    await touch(db);
  });
}
