/**
 * Builders for collection records in unit tests: an article with its snapshot,
 * and snippets anchored in it with the ids the extension would give them.
 */
import assert from "node:assert/strict";
import { NO_FIELDS } from "../../../lib/extract/types.ts";
import { articleKey, snippetId } from "../../../lib/snippets/keys.ts";
import type { ArticleRecord, SnippetRecord, TextAnchor } from "../../../lib/snippets/types.ts";

/** The time every built record carries unless told otherwise. */
export const T0 = Date.UTC(2024, 2, 1, 8, 0, 0);

export function article(url: string, fields: Partial<ArticleRecord>): ArticleRecord {
  return {
    id: articleKey(url, null),
    url,
    canonicalUrl: null,
    title: "",
    siteName: null,
    site: new URL(url).hostname,
    organization: null,
    level: null,
    locality: null,
    congress: null,
    term: null,
    publishedAt: null,
    snapshot: "",
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

export function anchorIn(text: string, quote: string): TextAnchor {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `fixture quote not in text: ${quote}`);
  const end = start + quote.length;
  return {
    quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    start,
    end,
  };
}

export function snippet(
  source: ArticleRecord,
  quote: string,
  fields: Partial<SnippetRecord> = {},
): SnippetRecord {
  const anchor = anchorIn(source.snapshot, quote);
  const kind = fields.kind ?? "target";
  return {
    id: snippetId(source.id, kind, anchor),
    articleId: source.id,
    kind,
    manual: false,
    text: quote,
    sentence: source.snapshot.split("\n").find((line) => line.includes(quote)) ?? quote,
    ...NO_FIELDS,
    anchor,
    note: "",
    tags: [],
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}
