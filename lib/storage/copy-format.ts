/**
 * The collection's copy as stored (view-cache.ts): the `views` records' ids, the copy's JSON in
 * ASCII, and its records read back from the stamp's and the copy's records when the copy was made
 * under that stamp. No Dexie: the collection page's boot script reads the copy in bare IndexedDB
 * (copy-raw.ts) with these too.
 */
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";

/** The `views` records' ids: the copy, and the stamp every write replaces. */
export const COPY = "collection";
export const STAMP = "stamp";

export interface CollectionRecords {
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
}

/** The stamp a key was made with (its first part), or undefined for what is not a key. */
function stampOf(key: unknown): string | undefined {
  if (typeof key !== "string") return undefined;
  try {
    const parts: unknown = JSON.parse(key);
    return Array.isArray(parts) && typeof parts[0] === "string" ? parts[0] : undefined;
  } catch {
    return undefined;
  }
}

/** The `views` store's stamp and copy records as read together (either may be absent). */
export interface StoredCopy {
  stamp: unknown;
  copy: unknown;
}

/**
 * The copy's records and key from the stamp's and the copy's records as read together (by
 * `storedCopy`, or by the boot script in bare IndexedDB), when the copy was made under that
 * stamp; undefined otherwise, and for what is not a stamp or a copy (an older build's copy in
 * bytes or in a string included). The copy's Blob is read as text only then, after the page's
 * first render: read while the page still loads, it slowed that render on a busy machine.
 */
export async function copyIfStamped({
  stamp,
  copy,
}: StoredCopy): Promise<(CollectionRecords & { key: string }) | undefined> {
  if (!isRecord(copy) || (stamp !== undefined && !isRecord(stamp))) return undefined;
  if (typeof copy.key !== "string" || stampOf(copy.key) !== (stamp?.key ?? "")) return undefined;
  const records = await parseCopy(copy);
  return records ? { ...records, key: copy.key } : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The copy's records from a copy record's Blob, or undefined when it holds no copy. */
export async function parseCopy(copy: unknown): Promise<CollectionRecords | undefined> {
  if (!isRecord(copy) || !(copy.blob instanceof Blob)) return undefined;
  try {
    const records = JSON.parse(await copy.blob.text()) as Partial<CollectionRecords>;
    if (!Array.isArray(records.articles) || !Array.isArray(records.snippets)) return undefined;
    return { articles: records.articles, snippets: records.snippets };
  } catch {
    return undefined;
  }
}

/**
 * JSON with every character past ASCII written as a `\uXXXX` escape: the copy's bytes are then
 * plain ASCII, which the Blob's text is made of several times faster than of UTF-8 text with
 * Vietnamese letters (a bulk copy instead of decoding character by character), and a one-byte
 * string; `JSON.parse` reads the escapes back into the same strings.
 */
export function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
