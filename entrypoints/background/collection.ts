/**
 * The background's side of saving: the collection database (opened once, in
 * the extension's origin) behind the `saveSnippets` and `savedSnippets`
 * messages. Errors become a readable answer instead of a rejected message: a
 * storage failure (full disk, database held by another tab, written by a newer
 * build…) is answered with its clear message in the reader's language, and
 * nothing already saved is touched (a save is one all-or-nothing transaction).
 */
import {
  onMessage,
  type ReviewRequest,
  type ReviewResponse,
  type SaveRequest,
  type SaveResponse,
} from "@/lib/messaging/protocol.ts";
import { loadLanguage } from "@/lib/settings.ts";
import type { SnippetRecord } from "@/lib/snippets/types.ts";
import type { CollectionDb } from "@/lib/storage/index.ts";
import {
  describeStorageFailure,
  findArticle,
  openCollectionDb,
  StorageBlockedError,
  saveSnippets,
  setReview,
  snippetsForArticle,
  watchBlockedOpen,
} from "@/lib/storage/index.ts";
import { pageSignature } from "./page-fingerprints.ts";

let db: CollectionDb | null = null;

export function collectionDb(): CollectionDb {
  db ??= openCollectionDb();
  return db;
}

/** Rejects with the signal's reason once it is aborted. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** The answer for a failed save: a storage failure's clear message, else the error's own text. */
async function failedSave(error: unknown): Promise<SaveResponse> {
  // The message goes to the reader: in the language they chose (Vietnamese when unknown).
  await loadLanguage().catch(() => undefined);
  const failure = describeStorageFailure(error);
  if (failure) console.warn(`Saving failed (${failure.code}):`, error);
  return {
    ok: false,
    saved: [],
    created: 0,
    alreadySaved: 0,
    error: failure?.message ?? (error instanceof Error ? error.message : String(error)),
    ...(failure ? { errorCode: failure.code } : {}),
  };
}

/**
 * Saves a page's snippets. When the database's open is blocked by another connection, the reader
 * is answered at once and the save is dropped (it writes nothing when the open goes on later).
 */
export async function saveRequest(
  request: SaveRequest,
  database: CollectionDb = collectionDb(),
): Promise<SaveResponse> {
  const blocked = new AbortController();
  const stopWatching = watchBlockedOpen(database, (isBlocked) => {
    if (isBlocked) blocked.abort(new StorageBlockedError());
  });
  try {
    const saving = saveSnippets(database, request.article, request.snippets, Date.now(), {
      signal: blocked.signal,
    });
    // A save dropped because of a blocked open settles later, after the reader got the answer.
    saving.catch(() => undefined);
    const result = await Promise.race([saving, whenAborted(blocked.signal)]);
    return {
      ok: true,
      saved: result.saved,
      created: result.created,
      alreadySaved: result.alreadySaved,
      ...(result.republicationOf ? { republicationOf: result.republicationOf } : {}),
    };
  } catch (error) {
    return failedSave(error);
  } finally {
    stopWatching();
  }
}

export async function savedForPage(
  url: string,
  canonicalUrl: string | null,
): Promise<SnippetRecord[]> {
  // A page not saved yet may republish a saved article: its text's fingerprint finds it.
  const article = await findArticle(collectionDb(), url, canonicalUrl, pageSignature(url));
  return article ? snippetsForArticle(collectionDb(), article.id) : [];
}

/** Sets the review status of saved snippets; a failure is answered with its clear message. */
export async function reviewRequest(
  request: ReviewRequest,
  database: CollectionDb = collectionDb(),
): Promise<ReviewResponse> {
  try {
    return { ok: true, reviewed: await setReview(database, request.ids, request.status) };
  } catch (error) {
    const failed = await failedSave(error);
    return { ok: false, reviewed: [], ...(failed.error ? { error: failed.error } : {}) };
  }
}

export function listenForCollectionMessages(): void {
  onMessage("saveSnippets", ({ data }) => saveRequest(data));
  onMessage("reviewSnippets", ({ data }) => reviewRequest(data));
  onMessage("savedSnippets", ({ data }) => savedForPage(data.url, data.canonicalUrl));
}
