/** Emptying the collection ("Xóa toàn bộ bộ sưu tập"): every snippet and article, all or nothing. */
import type { CollectionDb } from "./db.ts";
import { touch } from "./view-cache.ts";

/** Deletes every snippet and article, and the pages' copy of them, in one transaction. */
export async function clearCollection(db: CollectionDb): Promise<void> {
  await db.transaction("rw", db.articles, db.snippets, db.views, async () => {
    await db.snippets.clear();
    await db.articles.clear();
    await db.views.clear();
    await touch(db);
  });
}
