/** Emptying the collection ("Xóa toàn bộ bộ sưu tập"): every snippet and article, all or nothing. */
import type { CollectionDb } from "./db.ts";
import { clearSnippets } from "./snippet-records.ts";
import { touch } from "./view-cache.ts";

/** Deletes every snippet and article (with their fingerprints and copies), and the pages' copy of them, in one transaction. */
export async function clearCollection(db: CollectionDb): Promise<void> {
  await db.transaction(
    "rw",
    [db.articles, db.snippets, db.snippetGroups, db.views, db.fingerprints, db.copies],
    async () => {
      await clearSnippets(db);
      await db.snippets.clear(); // an older build's snippets not yet moved into the groups
      await db.articles.clear();
      await db.fingerprints.clear();
      await db.copies.clear();
      await db.views.clear();
      await touch(db);
    },
  );
}
