/**
 * One saved snippet rewritten in one transaction: read it, let `change` make the new record
 * (null: leave it as it is), write that and make the pages' copy stale. The articles store is in
 * the transaction for changes that read or refresh the snippet's article.
 */
import type { SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { getSnippet, putSnippets } from "./snippet-records.ts";
import { touch } from "./view-cache.ts";

/** Resolves to the record written, or null when the snippet is gone or `change` left it. */
export function rewriteSnippet(
  db: CollectionDb,
  id: string,
  change: (record: SnippetRecord) => Promise<SnippetRecord | null> | SnippetRecord | null,
): Promise<SnippetRecord | null> {
  return db.transaction("rw", db.snippetGroups, db.articles, db.views, async () => {
    const record = await getSnippet(db, id);
    if (!record) return null;
    const updated = await change(record);
    if (!updated) return null;
    await putSnippets(db, [updated]);
    await touch(db);
    return updated;
  });
}
