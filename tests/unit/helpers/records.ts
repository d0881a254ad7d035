/**
 * Builders for collection records in unit tests: an article with its snapshot,
 * and snippets anchored in it with the ids the extension would give them (or, as the content
 * script sends them, without ids and times).
 */
import assert from "node:assert/strict";
import { NO_FIELDS } from "../../../lib/extract/types.ts";
import { bareArticle } from "../../../lib/snippets/excerpt.ts";
import { articleKey, snippetId } from "../../../lib/snippets/keys.ts";
import type {
  ArticleRecord,
  ListedArticle,
  ListedSnippet,
  SnippetInput,
  SnippetRecord,
  TextAnchor,
} from "../../../lib/snippets/types.ts";

/** The time every built record carries unless told otherwise. */
export const T0 = Date.UTC(2024, 2, 1, 8, 0, 0);
/** One and two minutes after `T0`: the times of later writes. */
export const T1 = T0 + 60_000;
export const T2 = T0 + 120_000;

export function article(url: string, fields: Partial<ArticleRecord>): ArticleRecord {
  return {
    id: articleKey(url, null),
    ...bareArticle(url, ""),
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

/** The line of `text` that holds `quote` (the snippet's sentence), or the quote itself. */
export function lineWith(text: string, quote: string): string {
  return text.split("\n").find((line) => line.includes(quote)) ?? quote;
}

/** A snippet as the content script sends it: `quote` of `snapshot`, anchored where it stands. */
export function snippetInputIn(
  snapshot: string,
  quote: string,
  fields: Partial<SnippetInput> = {},
): SnippetInput {
  return {
    kind: "target",
    manual: false,
    text: quote,
    sentence: lineWith(snapshot, quote),
    ...NO_FIELDS,
    anchor: anchorIn(snapshot, quote),
    ...fields,
  };
}

/** A snippet with no snapshot to anchor in: its quote stands at `start` of its article's text. */
export function bareSnippet(
  id: string,
  articleId: string,
  kind: SnippetRecord["kind"],
  text: string,
  fields: Partial<SnippetRecord> = {},
  start = 0,
): SnippetRecord {
  return {
    id,
    articleId,
    kind,
    manual: false,
    text,
    sentence: text,
    ...NO_FIELDS,
    anchor: { quote: text, prefix: "", suffix: "", start, end: start + text.length },
    note: "",
    tags: [],
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

/** A snippet of `source`'s snapshot, anchored where `quote` stands, with the extension's id. */
export function snippet(
  source: ArticleRecord,
  quote: string,
  fields: Partial<SnippetRecord> = {},
): SnippetRecord {
  const anchor = anchorIn(source.snapshot, quote);
  const kind = fields.kind ?? "target";
  return bareSnippet(snippetId(source.id, kind, anchor), source.id, kind, quote, {
    sentence: lineWith(source.snapshot, quote),
    anchor,
    ...fields,
  });
}

/** `record` as saved from `source` instead: the same fields, anchored and identified there. */
export function snippetIn(source: ArticleRecord, record: SnippetRecord): SnippetRecord {
  const {
    id: _id,
    articleId: _articleId,
    anchor: _anchor,
    sentence: _sentence,
    text,
    ...fields
  } = record;
  return snippet(source, text, fields);
}

/** A stored article as the pages' copy lists it: without its saved text. */
export function listedArticle(record: ArticleRecord): ListedArticle {
  const { snapshot: _, ...listed } = record;
  return listed;
}

/** A stored snippet as the pages' copy lists it: its anchor without the context around the quote. */
export function listedSnippet(record: SnippetRecord): ListedSnippet {
  const { quote, start, end } = record.anchor;
  return { ...record, anchor: { quote, start, end } };
}
