/**
 * The background's side of saving: the collection database (opened once, in
 * the extension's origin) behind the `saveSnippets` and `savedSnippets`
 * messages. Errors become a readable answer instead of a rejected message.
 */
import { onMessage, type SaveRequest, type SaveResponse } from "@/lib/messaging/protocol.ts";
import type { SnippetRecord } from "@/lib/snippets/types.ts";
import type { CollectionDb } from "@/lib/storage/index.ts";
import {
  findArticle,
  openCollectionDb,
  saveSnippets,
  snippetsForArticle,
} from "@/lib/storage/index.ts";

let db: CollectionDb | null = null;

export function collectionDb(): CollectionDb {
  db ??= openCollectionDb();
  return db;
}

export async function saveRequest(request: SaveRequest): Promise<SaveResponse> {
  try {
    const result = await saveSnippets(collectionDb(), request.article, request.snippets);
    return {
      ok: true,
      saved: result.saved,
      created: result.created,
      alreadySaved: result.alreadySaved,
    };
  } catch (error) {
    return {
      ok: false,
      saved: [],
      created: 0,
      alreadySaved: 0,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export async function savedForPage(
  url: string,
  canonicalUrl: string | null,
): Promise<SnippetRecord[]> {
  const article = await findArticle(collectionDb(), url, canonicalUrl);
  return article ? snippetsForArticle(collectionDb(), article.id) : [];
}

export function listenForCollectionMessages(): void {
  onMessage("saveSnippets", ({ data }) => saveRequest(data));
  onMessage("savedSnippets", ({ data }) => savedForPage(data.url, data.canonicalUrl));
}
