/**
 * The saved snippets, grouped by article (schema version 7, docs/storage.md): one record of the
 * `snippetGroups` store per article holds every snippet saved from it, each snippet record exactly
 * as it was in its own record before (`SnippetRecord`: same id, same fields). IndexedDB's cost is
 * per record, so an import or a full read handles one record per article instead of one per
 * snippet. Every access to the store is here: the other storage modules read and write snippets
 * through these functions, inside their own transactions (which must include `snippetGroups`).
 *
 * A group record is written only with its snippets changed; its `createdAt` is the newest
 * snippet's (the newest-first read), its `updatedAt` the time of its last write, never lower than
 * any of its snippets' (the collection's key), and `snippetIds` its snippets' ids (a snippet
 * found by its id). An article without snippets has no group record.
 */
import type { Table, Transaction } from "dexie";
import { canonicalSnippet } from "../export/format.ts";
import { mergeSnippet, sameJson } from "../import/merge.ts";
import type { SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { NEWEST_BATCH, oldestFirst } from "./newest-read.ts";

/** One article's snippets in one record. */
export interface SnippetGroupRecord {
  articleId: string;
  /** The article's snippets, by id. */
  snippets: SnippetRecord[];
  /** The newest snippet's `createdAt`. */
  createdAt: number;
  /** When the record was last written (at least the newest snippet's `updatedAt`). */
  updatedAt: number;
  /** The snippets' ids (a multi-entry index: which record holds a snippet). */
  snippetIds: string[];
}

const byId = (a: SnippetRecord, b: SnippetRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The group record of `articleId` holding `snippets` (null when there are none), written after
 * `previous`: its `updatedAt` moves on from the previous one's so every write changes it.
 */
export function groupRecord(
  articleId: string,
  snippets: readonly SnippetRecord[],
  previous?: SnippetGroupRecord,
  now: number = Date.now(),
): SnippetGroupRecord | null {
  if (snippets.length === 0) return null;
  const sorted = [...snippets].sort(byId);
  const time = (value: unknown) =>
    typeof value === "number" && Number.isFinite(value) ? value : 0;
  let createdAt = 0;
  let updatedAt = previous ? Math.max(now, time(previous.updatedAt) + 1) : 0;
  for (const snippet of sorted) {
    createdAt = Math.max(createdAt, time(snippet.createdAt));
    updatedAt = Math.max(updatedAt, time(snippet.updatedAt));
  }
  // Fields a newer build may have added to the record are kept.
  const record = { ...previous, articleId, snippets: sorted, createdAt, updatedAt };
  return { ...record, snippetIds: sorted.map((s) => s.id) };
}

/** Snippets by their article, in the order given. */
function byArticle(snippets: readonly SnippetRecord[]): Map<string, SnippetRecord[]> {
  const groups = new Map<string, SnippetRecord[]>();
  for (const snippet of snippets) {
    const group = groups.get(snippet.articleId);
    if (group) group.push(snippet);
    else groups.set(snippet.articleId, [snippet]);
  }
  return groups;
}

/** The snippets of an article, by id (none: an empty list). */
export async function articleSnippets(
  db: CollectionDb,
  articleId: string,
): Promise<SnippetRecord[]> {
  return (await db.snippetGroups.get(articleId))?.snippets ?? [];
}

/** The snippets of `ids`, in the given order (undefined where there is none). */
export async function getSnippets(
  db: CollectionDb,
  ids: readonly string[],
): Promise<(SnippetRecord | undefined)[]> {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  const groups = await db.snippetGroups
    .where("snippetIds")
    .anyOf([...wanted])
    .toArray();
  const found = new Map<string, SnippetRecord>();
  for (const group of groups) {
    for (const snippet of group.snippets)
      if (wanted.has(snippet.id)) found.set(snippet.id, snippet);
  }
  return ids.map((id) => found.get(id));
}

/** The snippet `id`, if it is saved. */
export async function getSnippet(db: CollectionDb, id: string): Promise<SnippetRecord | undefined> {
  return (await getSnippets(db, [id]))[0];
}

/**
 * Rewrites the groups of the articles `articleIds` to what `change` makes of each one's snippets
 * (by id; the map may be changed in place), writing only the groups it changed.
 */
async function changeGroups(
  db: CollectionDb,
  articleIds: Iterable<string>,
  change: (articleId: string, snippets: Map<string, SnippetRecord>) => boolean,
): Promise<void> {
  const ids = [...articleIds];
  const groups = await db.snippetGroups.bulkGet(ids);
  const puts: SnippetGroupRecord[] = [];
  const deletes: string[] = [];
  ids.forEach((articleId, i) => {
    const previous = groups[i];
    const snippets = new Map((previous?.snippets ?? []).map((s) => [s.id, s]));
    if (!change(articleId, snippets)) return;
    const record = groupRecord(articleId, [...snippets.values()], previous);
    if (record) puts.push(record);
    else if (previous) deletes.push(articleId);
  });
  if (deletes.length > 0) await db.snippetGroups.bulkDelete(deletes);
  if (puts.length > 0) await db.snippetGroups.bulkPut(puts);
}

/** Writes snippet records (a new one is added, one with a stored id replaces it). */
export async function putSnippets(
  db: CollectionDb,
  records: readonly SnippetRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const groups = byArticle(records);
  await changeGroups(db, groups.keys(), (articleId, snippets) => {
    for (const record of groups.get(articleId) ?? []) snippets.set(record.id, record);
    return true;
  });
}

/** Deletes stored snippet records (each found in its article's group). */
export async function removeSnippets(
  db: CollectionDb,
  records: readonly Pick<SnippetRecord, "id" | "articleId">[],
): Promise<void> {
  if (records.length === 0) return;
  const groups = new Map<string, string[]>();
  for (const { id, articleId } of records)
    groups.set(articleId, [...(groups.get(articleId) ?? []), id]);
  await changeGroups(db, groups.keys(), (articleId, snippets) => {
    let changed = false;
    for (const id of groups.get(articleId) ?? []) changed = snippets.delete(id) || changed;
    return changed;
  });
}

/**
 * Every saved snippet, by id as the store of one record a snippet gave them (the pages keep
 * that order where they do not sort), inside a transaction over `snippetGroups` and `snippets`:
 * with those an older build saved since this build last opened the database (not yet moved
 * into the groups: `adoptLooseSnippets`), but for any a group holds.
 */
export async function allSnippets(db: CollectionDb): Promise<SnippetRecord[]> {
  const [groups, loose] = await Promise.all([db.snippetGroups.toArray(), db.snippets.toArray()]);
  const snippets = groups.flatMap((group) => group.snippets);
  const grouped = new Set(loose.length > 0 ? snippets.map((s) => s.id) : []);
  for (const snippet of loose) if (!grouped.has(snippet.id)) snippets.push(snippet);
  return snippets.sort(byId);
}

/** How many snippets are saved (from the index of their ids alone). */
export function snippetCount(db: CollectionDb): Promise<number> {
  return db.snippetGroups.orderBy("snippetIds").count();
}

/**
 * What the collection's key counts of the snippets (inside a transaction over `snippetGroups`
 * and `snippets`): how many group records there are and their newest `updatedAt` (every write
 * of a group moves it on), and the same of the `snippets` store (an older build's writes).
 */
export async function snippetsState(db: CollectionDb): Promise<(number | null)[]> {
  const newest = async (table: Table<unknown, string>) =>
    ((await table.orderBy("updatedAt").reverse().limit(1).keys())[0] as number | undefined) ?? null;
  return Promise.all([
    db.snippetGroups.count(),
    newest(db.snippetGroups as Table<unknown, string>),
    db.snippets.count(),
    newest(db.snippets as Table<unknown, string>),
  ]);
}

/**
 * The newest-first quick read (`newestSnippets` in watch.ts; newest-raw.ts reads the same
 * without Dexie): the groups by their newest snippet, newest first (a tie by article id, last
 * first), until they hold at least `count` snippets; `complete` when no group is left. The
 * order comes from the index's keys alone (one request), then the records are read by key,
 * `NEWEST_BATCH` first: a cursor over the records would read ahead records of ~25 KB it does not
 * need (Chromium prefetches a cursor's records).
 */
export async function newestGroups(
  db: CollectionDb,
  count: number,
): Promise<{ snippets: SnippetRecord[]; complete: boolean }> {
  const keys = (await db.snippetGroups.orderBy("createdAt").primaryKeys()).reverse();
  const snippets: SnippetRecord[] = [];
  let taken = 0;
  for (let batch = NEWEST_BATCH; taken < keys.length && snippets.length < count; batch *= 2) {
    const groups = await db.snippetGroups.bulkGet(keys.slice(taken, taken + batch));
    for (const group of groups) {
      if (snippets.length >= count) break;
      taken++;
      if (group) snippets.push(...group.snippets);
    }
  }
  return { snippets: snippets.sort(oldestFirst), complete: taken >= keys.length };
}

/** Deletes every group. */
export function clearSnippets(db: CollectionDb): Promise<void> {
  return db.snippetGroups.clear();
}

/**
 * The upgrade to schema version 7: every stored snippet, unchanged, into its article's group;
 * the `snippets` store is emptied (an older build finds it empty, see `adoptLooseSnippets`).
 */
export async function groupStoredSnippets(transaction: Transaction): Promise<void> {
  const loose: Table<SnippetRecord, string> = transaction.table("snippets");
  const groups: Table<SnippetGroupRecord, string> = transaction.table("snippetGroups");
  const snippets = await loose.toArray();
  const records: SnippetGroupRecord[] = [];
  for (const [articleId, list] of byArticle(snippets)) {
    const record = groupRecord(articleId, list);
    if (record) records.push(record);
  }
  await groups.bulkPut(records);
  await loose.clear();
}

/**
 * The snippets an older build wrote into the `snippets` store of a version 7 database (it knows
 * no groups), moved into their articles' groups in one transaction: a snippet already in a
 * group is merged with it as an import merges (`mergeSnippet`). Returns how many were moved.
 * `touch` marks the collection changed (the caller's, so this module knows nothing of views).
 */
export async function adoptLooseSnippets(
  db: CollectionDb,
  touch: () => Promise<void>,
  now: number = Date.now(),
): Promise<number> {
  if ((await db.snippets.count()) === 0) return 0; // the usual case: no read-write transaction
  return db.transaction("rw", db.snippets, db.snippetGroups, db.views, async () => {
    const loose = await db.snippets.toArray();
    if (loose.length === 0) return 0;
    const groups = byArticle(loose);
    await changeGroups(db, groups.keys(), (articleId, snippets) => {
      let changed = false;
      for (const incoming of groups.get(articleId) ?? []) {
        const current = snippets.get(incoming.id);
        const merged = current ? mergeSnippet(canonicalSnippet(current), incoming, now) : incoming;
        if (current && sameJson(merged, canonicalSnippet(current))) continue;
        snippets.set(incoming.id, merged);
        changed = true;
      }
      return changed;
    });
    await db.snippets.clear();
    await touch();
    return loose.length;
  });
}
