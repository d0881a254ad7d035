/** Reading back what a test wrote into a collection database. */
import assert from "node:assert/strict";
import type { SnippetRecord } from "../../../lib/snippets/types.ts";
import type { CollectionDb } from "../../../lib/storage/index.ts";

/** The snippet `id` as `db` holds it (fails the test when there is none). */
export async function storedSnippet(
  db: CollectionDb,
  id: string | undefined,
): Promise<SnippetRecord> {
  const record = await db.snippets.get(id ?? "");
  assert.ok(record, `snippet ${id}`);
  return record;
}
