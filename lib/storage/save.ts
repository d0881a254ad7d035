/**
 * The collection's repository for the in-page side: saving snippets and the articles they come
 * from, and finding them again. Each function takes the database first so callers (background
 * script, tests) choose which one. Edits are in `edit.ts`, imports in `import.ts`, the pages' reads in `watch.ts`.
 */

import { itemFields } from "../extract/types.ts";
import { articleKey, normalizeUrl, snippetId } from "../snippets/keys.ts";
import type {
  ArticleInput,
  ArticleRecord,
  SnippetInput,
  SnippetRecord,
} from "../snippets/types.ts";
import { wellFormedDeep } from "../text/well-formed.ts";
import type { CollectionDb } from "./db.ts";
import { fingerprintRecord } from "./fingerprint-record.ts";
import {
  articleOfCopy,
  findSameArticle,
  fingerprintMissing,
  saveIntoArticle,
} from "./republished.ts";
import { articleSnippets, putSnippets, snippetCount } from "./snippet-records.ts";
import { validateArticle, validateSnippets } from "./validate.ts";
import { touch } from "./view-cache.ts";

export interface SaveResult {
  articleId: string;
  /** The ids of all given snippets, in the given order (a duplicate appears once per occurrence). */
  saved: string[];
  /** How many snippet records were added. */
  created: number;
  /** How many distinct given snippets were already in the collection (and were left unchanged). */
  alreadySaved: number;
  /** The address of the saved article this page was found to republish (its snippets joined it). */
  republicationOf?: string;
}

/** The canonical URL resolved against the page and normalised when it is an http(s) address. */
function storedCanonical(url: string, canonicalUrl: string | null): string | null {
  if (!canonicalUrl) return null;
  try {
    const canonical = new URL(canonicalUrl, url);
    if (canonical.protocol === "http:" || canonical.protocol === "https:") {
      return normalizeUrl(canonical.toString());
    }
  } catch {
    // Not a URL: keep it as the page gave it.
  }
  return canonicalUrl;
}

function articleRecord(
  id: string,
  article: ArticleInput,
  createdAt: number,
  updatedAt: number,
): ArticleRecord {
  return {
    id,
    url: normalizeUrl(article.url),
    canonicalUrl: storedCanonical(article.url, article.canonicalUrl),
    title: article.title,
    siteName: article.siteName,
    site: article.site,
    organization: article.organization,
    level: article.level,
    locality: article.locality,
    congress: article.congress,
    term: article.term,
    publishedAt: article.publishedAt,
    snapshot: article.snapshot,
    createdAt,
    updatedAt,
  };
}

function snippetRecord(
  id: string,
  articleId: string,
  snippet: SnippetInput,
  now: number,
): SnippetRecord {
  return {
    id,
    articleId,
    kind: snippet.kind,
    manual: snippet.manual,
    text: snippet.text,
    sentence: snippet.sentence,
    ...itemFields(snippet),
    anchor: {
      quote: snippet.anchor.quote,
      prefix: snippet.anchor.prefix,
      suffix: snippet.anchor.suffix,
      start: snippet.anchor.start,
      end: snippet.anchor.end,
    },
    note: "",
    tags: [],
    review: "unreviewed",
    corrections: {},
    createdAt: now,
    updatedAt: now,
  };
}

export interface SaveOptions {
  /** Aborted: write nothing (checked when the transaction starts, e.g. after a blocked open). */
  signal?: AbortSignal;
}

/**
 * Saves snippets of an article in one transaction: the article record is
 * created or refreshed (its snapshot replaced by the newest text, its
 * `createdAt` kept, and any field a newer build added to it kept too); each
 * snippet not yet in the collection is added, one already there is left as it
 * is (with the reader's note, tags, review status and corrections). A page new
 * to the collection whose text republishes an article already saved (by its
 * content fingerprint) is saved into that article as a copy instead
 * (republished.ts). All or nothing: a failure (a full disk…) leaves the
 * collection as it was.
 */
export async function saveSnippets(
  db: CollectionDb,
  article: ArticleInput,
  snippets: readonly SnippetInput[],
  now: number = Date.now(),
  options: SaveOptions = {},
): Promise<SaveResult> {
  validateArticle(article);
  validateSnippets(snippets);
  const articleId = articleKey(article.url, article.canonicalUrl);
  const saved = snippets.map((snippet) => snippetId(articleId, snippet.kind, snippet.anchor));
  const distinct = new Map<string, SnippetInput>();
  snippets.forEach((snippet, i) => {
    const id = saved[i];
    if (id !== undefined && !distinct.has(id)) distinct.set(id, snippet);
  });

  options.signal?.throwIfAborted();
  const stores = [db.articles, db.snippetGroups, db.views, db.fingerprints, db.copies];
  return db.transaction("rw", stores, async () => {
    options.signal?.throwIfAborted();
    const existing = await db.articles.get(articleId);
    if (!existing) {
      // An article new to the collection may republish one already there (republished.ts): its
      // content fingerprint is made only then, not on every save of a known article.
      const fingerprint = fingerprintRecord(articleId, article.snapshot);
      const same =
        (await articleOfCopy(db, article.url)) ??
        (await republicationOf(db, fingerprint.signature));
      if (same) {
        const into = await saveIntoArticle(db, same, article, snippets, now, (id, owner, snippet) =>
          snippetRecord(id, owner, snippet, now),
        );
        return { articleId: same.article.id, ...into, republicationOf: same.article.url };
      }
      await db.fingerprints.put(fingerprint);
    }
    const refreshed = articleRecord(articleId, article, existing?.createdAt ?? now, now);
    await db.articles.put({ ...existing, ...wellFormedDeep(refreshed) });
    const entries = [...distinct];
    const stored = new Set((await articleSnippets(db, articleId)).map((s) => s.id));
    const added = entries
      .filter(([id]) => !stored.has(id))
      .map(([id, snippet]) => wellFormedDeep(snippetRecord(id, articleId, snippet, now)));
    await putSnippets(db, added);
    await touch(db);
    return { articleId, saved, created: added.length, alreadySaved: entries.length - added.length };
  });
}

/** The saved article a new page's text republishes (older articles fingerprinted first). */
async function republicationOf(db: CollectionDb, signature: readonly number[]) {
  if (signature.length === 0) return null;
  await fingerprintMissing(db);
  return findSameArticle(db, signature);
}

/** The article's snippets in text order. */
export async function snippetsForArticle(
  db: CollectionDb,
  articleId: string,
): Promise<SnippetRecord[]> {
  const records = await articleSnippets(db, articleId);
  return records.sort(
    (a, b) =>
      a.anchor.start - b.anchor.start ||
      a.anchor.end - b.anchor.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The saved article for a page: by its key; else the article it was saved into as a copy (a
 * republication, republished.ts); else (an article first saved under another canonical URL) the
 * most recently updated record whose URL or canonical URL is the page's normalised URL or key;
 * else, given the page text's fingerprint `signature`, the saved article it republishes.
 */
export async function findArticle(
  db: CollectionDb,
  url: string,
  canonicalUrl: string | null,
  signature?: readonly number[] | null,
): Promise<ArticleRecord | undefined> {
  const key = articleKey(url, canonicalUrl);
  const byKey = await db.articles.get(key);
  if (byKey) return byKey;
  const asCopy = (await articleOfCopy(db, url)) ?? (await articleOfCopy(db, key));
  if (asCopy) return asCopy.article;
  const addresses = [...new Set([normalizeUrl(url), key])];
  const [byUrl, byCanonical] = await Promise.all([
    db.articles.where("url").anyOf(addresses).toArray(),
    db.articles.where("canonicalUrl").anyOf(addresses).toArray(),
  ]);
  const byAddress = [...byUrl, ...byCanonical].reduce<ArticleRecord | undefined>(
    (newest, record) => (newest && newest.updatedAt >= record.updatedAt ? newest : record),
    undefined,
  );
  if (byAddress || !signature?.length) return byAddress;
  // Not saved from this address: maybe from another portal that published the same article.
  return (await findSameArticle(db, signature))?.article;
}

/** How many snippets the collection holds. */
export function countSnippets(db: CollectionDb): Promise<number> {
  return snippetCount(db);
}
