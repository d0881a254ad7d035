/** Emptying the collection ("Xóa toàn bộ bộ sưu tập"): every snippet and article, all or nothing. */
import type { CollectionDb } from "./db.ts";

/** Deletes every snippet and article in one transaction. */
export async function clearCollection(db: CollectionDb): Promise<void> {
  await db.transaction("rw", db.articles, db.snippets, async () => {
    await db.snippets.clear();
    await db.articles.clear();
  });
}
