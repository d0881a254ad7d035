/**
 * What the collection stores: articles and the snippets saved from them. These
 * shapes are persisted (IndexedDB, JSON export): change them only together with
 * a new database version and a migration.
 */
import type { ItemFields, ItemKind } from "../extract/types.ts";
import type { Corrections, ReviewStatus } from "./review-types.ts";

export type { CorrectableField, Corrections, ReviewStatus } from "./review-types.ts";

/**
 * Where a snippet sits in its article's text (the Readability text the engine
 * reads), as a text quote with context and a text position. Either may go stale
 * when the page changes; anchoring tries the quote first, then the position
 * checked against the quote, then a fuzzy quote search guided by the context.
 */
export interface TextAnchor {
  /** The exact text of the snippet. */
  quote: string;
  /** Up to 32 characters before the quote. */
  prefix: string;
  /** Up to 32 characters after the quote. */
  suffix: string;
  /** Offsets of the quote in the article text when saved. */
  start: number;
  end: number;
}

/**
 * What the page now says where a saved figure stood, when it says another figure (another number,
 * value or date): kept on the snippet until the reader takes it (*Nhận số mới*) or keeps the saved
 * one (*Giữ số đã lưu*). The saved fields are never replaced without the reader.
 */
export interface PageChange {
  /** The new text's place in the article text as the page has it now. */
  anchor: TextAnchor;
  /** The new text (the quote at the new place). */
  text: string;
  sentence: string;
  /** The fields of the item the engine finds there now; null when it finds none (only the digits differ). */
  fields: ItemFields | null;
  /** When the change was first seen (milliseconds since the epoch). */
  seenAt: number;
}

/** An anchor as the pages list it: where the quote was and the quote, not its context. */
export type ListedAnchor = Pick<TextAnchor, "quote" | "start" | "end">;

/** The article a snippet came from, with an offline copy of its text. */
export interface ArticleRecord {
  /** `articleKey(url, canonicalUrl)`: the same article saved from two URLs is one record. */
  id: string;
  url: string;
  canonicalUrl: string | null;
  title: string;
  siteName: string | null;
  /** Host name of `url` (the portal). */
  site: string;
  organization: string | null;
  level: string | null;
  locality: string | null;
  congress: number | null;
  term: string | null;
  /** ISO date `YYYY-MM-DD`, or null when the page does not say. */
  publishedAt: string | null;
  /** The article's Readability text (offline snapshot; anchors index it). */
  snapshot: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** `kind` of a snippet: an extracted item's kind, or `excerpt` for a manual selection with no item in it. */
export type SnippetKind = ItemKind | "excerpt";

/** A saved item: the structured fields, where it is, and the reader's own notes. */
export interface SnippetRecord extends ItemFields {
  /** `snippetId(articleId, kind, anchor)`: saving the same item twice finds the same record. */
  id: string;
  articleId: string;
  kind: SnippetKind;
  /** True when the reader selected the text (context menu), false when the engine found it. */
  manual: boolean;
  /** The quoted text. */
  text: string;
  sentence: string;
  anchor: TextAnchor;
  note: string;
  tags: string[];
  /**
   * What the reader made of the engine's reading (absent on records written before schema
   * version 3 and in older exports: the same as `unreviewed`).
   */
  review?: ReviewStatus;
  /**
   * The reader's values for fields the engine got wrong; the engine's stay in their fields (and
   * the article's locality and level in the article). Absent or `{}`: no correction.
   */
  corrections?: Corrections;
  createdAt: number;
  updatedAt: number;
  /** The page now says another figure at the snippet's place; absent or null when it does not (schema 4). */
  pageChange?: PageChange | null;
  /** Texts seen at the snippet's place that the reader kept the saved figure over: not flagged again (schema 4). */
  keptOver?: string[];
  /**
   * Targets (their snippet ids) the reader says this result does not report on: the progress
   * view leaves it out of their series ("bỏ ghép"). Absent or empty: matched by the rules alone.
   */
  unmatchedTargets?: string[];
}

/**
 * An article as the collection's pages list it: every field but its saved text, which only the
 * saved-text view and the lossless exports need (they read the stored record when asked:
 * lib/storage/stored-records.ts). An `ArticleRecord` is one.
 */
export type ListedArticle = Omit<ArticleRecord, "snapshot">;

/**
 * A snippet as the collection's pages list it: every field, its anchor without the context
 * around the quote (`prefix`, `suffix`: the saved-text view and the lossless exports read the
 * stored record). A `SnippetRecord` is one.
 */
export type ListedSnippet = Omit<SnippetRecord, "anchor"> & { anchor: ListedAnchor };

/**
 * A listed snippet with its listed article (`undefined` when the article record is missing): what
 * the pages list, search and compare, and what every export but the lossless ones takes.
 */
export interface ListedEntry {
  snippet: ListedSnippet;
  article: ListedArticle | undefined;
}

/**
 * A stored snippet with its stored article (`undefined` when the article record is missing),
 * saved text and anchor context included: what the lossless exports (JSON, Web Annotation) take,
 * read by lib/storage/stored-records.ts.
 */
export interface StoredEntry {
  snippet: SnippetRecord;
  article: ArticleRecord | undefined;
}

/** A snippet as the content script sends it: the store fills id, articleId, note, tags, review and times. */
export type SnippetInput = Omit<
  SnippetRecord,
  | "id"
  | "articleId"
  | "note"
  | "tags"
  | "review"
  | "corrections"
  | "createdAt"
  | "updatedAt"
  | "pageChange"
  | "keptOver"
  | "unmatchedTargets"
>;

/** An article as the content script sends it: the store fills id and times. */
export type ArticleInput = Omit<ArticleRecord, "id" | "createdAt" | "updatedAt">;
