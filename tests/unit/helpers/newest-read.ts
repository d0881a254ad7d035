/**
 * The setting of the quick first read's tests (the boot read and Dexie's `newestSnippets`):
 * two articles, of a district and of its province, stored in a fresh collection database.
 */
import assert from "node:assert/strict";
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import {
  type CollectionDb,
  DB_NAME,
  declareSchema,
  openCollectionDb,
  SCHEMA_VERSION,
} from "../../../lib/storage/index.ts";
import { article } from "./records.ts";

export const DISTRICT = article("https://hoaivang.danang.gov.vn/tin-tuc/so-ket.html", {
  title: "Huyện Hòa Vang sơ kết giữa nhiệm kỳ",
  locality: "Hòa Vang",
});
export const PROVINCE = article("https://quangngai.gov.vn/tin-tuc/nghi-quyet-tinh.html", {
  title: "Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi",
  locality: "Quảng Ngãi",
});

/** An open collection database in `indexedDB` (a fresh one unless given) holding both articles. */
export async function openWithTwoArticles(
  indexedDB: IDBFactory = new IDBFactory(),
): Promise<CollectionDb> {
  const db = openCollectionDb({ indexedDB, IDBKeyRange });
  await db.open();
  await db.articles.bulkPut([DISTRICT, PROVINCE]);
  return db;
}

/**
 * Opens the collection database of `indexedDB` as a newer build would (one version more) and
 * checks that no connection blocked the upgrade; how many snippets it then finds stored.
 */
export async function upgradeUnblocked(indexedDB: IDBFactory): Promise<number> {
  const newer = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
  declareSchema(newer);
  newer.version(SCHEMA_VERSION + 1).stores({ extra: "id" });
  let blocked = false;
  newer.on("blocked", () => {
    blocked = true;
  });
  await newer.open();
  assert.equal(blocked, false, "no connection blocked the upgrade");
  const groups: { snippets: unknown[] }[] = await newer.table("snippetGroups").toArray();
  newer.close();
  return groups.flatMap((group) => group.snippets).length;
}

/**
 * A factory holding a database of the collection's name that is not the collection (another
 * extension's notes): a boot read must give null for it.
 */
export async function strangerDatabase(): Promise<IDBFactory> {
  const other = new IDBFactory();
  const stranger = new Dexie(DB_NAME, { indexedDB: other, IDBKeyRange });
  stranger.version(1).stores({ notes: "id" });
  await stranger.open();
  stranger.close();
  return other;
}
