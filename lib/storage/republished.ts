/**
 * One article, many portals: an article republished at another address (another portal's chrome,
 * small edits) is found by its content fingerprint and saved as a copy of the article already in
 * the collection: its snippets join that article (an item already saved from another copy is not
 * saved twice), and the copy keeps its address, title and text. The reader can split a wrong
 * merge off again (`splitCopy`).
 */
import {
  SAME_ARTICLE_SIMILARITY,
  signatureBands,
  signatureSimilarity,
} from "../article/fingerprint.ts";
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
import type { ArticleCopyRecord } from "./republished-records.ts";
import { articleSnippets, putSnippets, removeSnippets } from "./snippet-records.ts";
import { touch } from "./view-cache.ts";

/** The article a text is a republication of, with how similar they are. */
export interface SameArticle {
  article: ArticleRecord;
  similarity: number;
}

/** The saved article whose fingerprint is closest to `signature`, at or above the threshold. */
export async function findSameArticle(
  db: CollectionDb,
  signature: readonly number[],
): Promise<SameArticle | null> {
  const candidates = await db.fingerprints
    .where("bands")
    .anyOf(signatureBands(signature))
    .distinct()
    .toArray();
  let best: { articleId: string; similarity: number } | null = null;
  for (const candidate of candidates) {
    const similarity = signatureSimilarity(signature, candidate.signature);
    if (similarity >= SAME_ARTICLE_SIMILARITY && (!best || similarity > best.similarity))
      best = { articleId: candidate.articleId, similarity };
  }
  if (!best) return null;
  const article = await db.articles.get(best.articleId);
  return article ? { article, similarity: best.similarity } : null;
}

/**
 * Fingerprints the articles that have none yet (saved before fingerprints, or imported), inside the
 * caller's read-write transaction. Cheap when there are none: two counts.
 */
export async function fingerprintMissing(db: CollectionDb): Promise<void> {
  const [articles, fingerprints] = await Promise.all([
    db.articles.count(),
    db.fingerprints.count(),
  ]);
  if (fingerprints >= articles) return;
  const done = new Set(await db.fingerprints.toCollection().primaryKeys());
  const missing = (await db.articles.toCollection().primaryKeys()).filter((id) => !done.has(id));
  const records = (await db.articles.bulkGet(missing))
    .filter((article) => article !== undefined)
    .map((article) => fingerprintRecord(article.id, article.snapshot));
  await db.fingerprints.bulkPut(records);
}

/** The article a page address was saved into as a copy, if it was. */
export async function articleOfCopy(db: CollectionDb, url: string): Promise<SameArticle | null> {
  const copy = await db.copies.get(normalizeUrl(url));
  const article = copy ? await db.articles.get(copy.articleId) : undefined;
  return copy && article ? { article, similarity: copy.similarity } : null;
}

/** The other addresses an article was saved from, oldest first. */
export async function articleCopies(
  db: CollectionDb,
  articleId: string,
): Promise<ArticleCopyRecord[]> {
  const copies = await db.copies.where("articleId").equals(articleId).toArray();
  return copies.sort((a, b) => a.addedAt - b.addedAt);
}

/** Whitespace does not tell two texts apart. */
const squash = (text: string) => text.replace(/\s+/gu, " ").trim();
/** One item whatever copy it was saved from: its kind, its quote and the sentence it is in. */
const itemKey = (s: { kind: string; anchor: { quote: string }; sentence: string }) =>
  `${s.kind}\u0000${squash(s.anchor.quote)}\u0000${squash(s.sentence)}`;

/**
 * Saves a republication's snippets into the article it is a copy of (inside the caller's
 * transaction): an item already saved (the same id, or the same kind, quote and sentence) is not added
 * again; the copy record is created or refreshed with the snippets first saved from it.
 */
export async function saveIntoArticle(
  db: CollectionDb,
  same: SameArticle,
  page: ArticleInput,
  snippets: readonly SnippetInput[],
  now: number,
  makeRecord: (id: string, articleId: string, snippet: SnippetInput) => SnippetRecord,
): Promise<{ saved: string[]; created: number; alreadySaved: number }> {
  const { article } = same;
  const stored = await articleSnippets(db, article.id);
  const byItem = new Map(stored.map((s) => [itemKey(s), s.id]));
  const storedIds = new Set(stored.map((s) => s.id));
  const added: SnippetRecord[] = [];
  const seen = new Set<string>();
  let alreadySaved = 0;
  const saved = snippets.map((snippet) => {
    const own = snippetId(article.id, snippet.kind, snippet.anchor);
    const id = storedIds.has(own) ? own : (byItem.get(itemKey(snippet)) ?? own);
    if (seen.has(id)) return id;
    seen.add(id);
    if (storedIds.has(id)) alreadySaved++;
    else {
      added.push(wellFormedDeep(makeRecord(id, article.id, snippet)));
      byItem.set(itemKey(snippet), id);
    }
    return id;
  });
  await putSnippets(db, added);
  const url = normalizeUrl(page.url);
  const existing = await db.copies.get(url);
  const copy: ArticleCopyRecord = {
    url,
    articleId: article.id,
    canonicalUrl: page.canonicalUrl,
    site: page.site,
    siteName: page.siteName,
    title: page.title,
    publishedAt: page.publishedAt,
    snapshot: page.snapshot,
    similarity: same.similarity,
    snippetIds: [...new Set([...(existing?.snippetIds ?? []), ...added.map((s) => s.id)])],
    addedAt: existing?.addedAt ?? now,
  };
  await db.copies.put(wellFormedDeep(copy));
  await touch(db);
  return { saved, created: added.length, alreadySaved };
}

/**
 * Splits a copy off the article it was merged into: it becomes an article of its own (with the
 * facts of the one it leaves, its own address, title and text), the snippets first saved from it
 * go with it, and it is not merged again (its address is now an article's key). Resolves to the
 * new article's id, or null when `url` is no copy.
 */
export async function splitCopy(
  db: CollectionDb,
  url: string,
  now: number = Date.now(),
): Promise<string | null> {
  return db.transaction(
    "rw",
    [db.articles, db.snippetGroups, db.views, db.fingerprints, db.copies],
    async () => {
      const copy = await db.copies.get(normalizeUrl(url));
      if (!copy) return null;
      const from = await db.articles.get(copy.articleId);
      const id = articleKey(copy.url, copy.canonicalUrl);
      const article: ArticleRecord = {
        id,
        url: copy.url,
        canonicalUrl: copy.canonicalUrl,
        title: copy.title,
        siteName: copy.siteName,
        site: copy.site,
        organization: from?.organization ?? null,
        level: from?.level ?? null,
        locality: from?.locality ?? null,
        congress: from?.congress ?? null,
        term: from?.term ?? null,
        publishedAt: copy.publishedAt,
        snapshot: copy.snapshot,
        createdAt: copy.addedAt,
        updatedAt: now,
      };
      const fromCopy = new Set(copy.snippetIds);
      const leaving = (await articleSnippets(db, copy.articleId)).filter((s) => fromCopy.has(s.id));
      const moved = leaving.map((s) => ({
        ...s,
        id: snippetId(id, s.kind, s.anchor),
        articleId: id,
        updatedAt: now,
      }));
      await removeSnippets(db, leaving);
      await putSnippets(db, moved);
      await db.articles.put(article);
      await db.fingerprints.put(fingerprintRecord(id, copy.snapshot));
      await db.copies.delete(copy.url);
      await touch(db);
      return id;
    },
  );
}
