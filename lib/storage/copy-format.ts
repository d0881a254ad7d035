/**
 * The collection's copy as stored (view-cache.ts): the `views` records' ids, the copy's JSON in
 * ASCII, and its records read back from the stamp's and the copy's records when the copy was made
 * under that stamp. No Dexie: the collection page's boot script reads the copy in bare IndexedDB
 * (copy-raw.ts) with these too.
 *
 * The copy is slim: what the list, the table, search, the comparison and the progress view show,
 * not each article's saved text nor each anchor's context (`ListedArticle`, `ListedSnippet`: half
 * the bytes of 10,000 snippets, and a full load about 110 ms shorter), each snippet a row of
 * values without what goes without saying (copy-snippets.ts). What needs the
 * stored records (the saved-text view, the JSON and Web Annotation exports) reads them when asked
 * (stored-records.ts).
 */
import type { ListedArticle, ListedSnippet } from "../snippets/types.ts";
import { rowSnippet, type SnippetRow, snippetRow } from "./copy-snippets.ts";

/** The `views` records' ids: the copy, and the stamp every write replaces. */
export const COPY = "collection";
export const STAMP = "stamp";

/** The collection as the pages list it (stored records are listed records too). */
export interface CollectionRecords {
  articles: ListedArticle[];
  snippets: ListedSnippet[];
}

/** The copy's format (`version` in its JSON): a copy of another format is not read. */
const COPY_FORMAT = 3;

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
  if (!isRecord(copy) || !(copy.listing instanceof Blob)) return undefined;
  try {
    return decodeCopy(await copy.listing.text());
  } catch {
    return undefined;
  }
}

/** The copy's JSON for `records` (see the header), in ASCII. */
export function encodeCopy(records: CollectionRecords): string {
  const places = new Map<string, number>();
  const articles = records.articles.map((record, place) => {
    places.set(record.id, place);
    // A stored record holds its saved text: left out.
    const { snapshot: _, ...article } = record as ListedArticle & { snapshot?: unknown };
    return article;
  });
  const rows = records.snippets.map((snippet) => snippetRow(snippet, places));
  return asciiJson(JSON.stringify({ version: COPY_FORMAT, articles, rows }));
}

/** The records in the copy's JSON, or undefined when it is not a copy of this format. */
export function decodeCopy(json: string): CollectionRecords | undefined {
  const copy = JSON.parse(json) as {
    version?: unknown;
    articles?: ListedArticle[];
    rows?: SnippetRow[];
  };
  const { articles, rows } = copy;
  if (copy.version !== COPY_FORMAT || !Array.isArray(articles) || !Array.isArray(rows)) {
    return undefined;
  }
  const snippets = new Array<ListedSnippet>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const snippet = rowSnippet(rows[i] as SnippetRow, articles);
    if (!snippet) return undefined;
    snippets[i] = snippet;
  }
  return { articles, snippets };
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
