/**
 * The typed messages between the content script, the background and the
 * extension pages. The collection lives in the background (extension origin):
 * content scripts ask it to save and to list; they never open a database.
 */
import { defineExtensionMessaging } from "@webext-core/messaging";
import type { LimitName } from "../dom/page-size.ts";
import type { ExtractedItem, ItemKind } from "../extract/types.ts";
import type { ReadableArticle } from "../recognition/readable.ts";
import type { Recognition, RecognitionInput } from "../recognition/recognize.ts";
import type { ArticleAnalysis } from "../snippets/item-ids.ts";
import type { FoundChange } from "../snippets/page-change.ts";
import type { SelectionRequest } from "../snippets/selection.ts";
import type {
  ArticleInput,
  ReviewStatus,
  SnippetInput,
  SnippetRecord,
  TextAnchor,
} from "../snippets/types.ts";
import type { StorageFailureCode } from "../storage/errors.ts";

export interface SaveRequest {
  article: ArticleInput;
  snippets: SnippetInput[];
}

export interface SaveResponse {
  ok: boolean;
  /** Ids of the given snippets, in order (when ok). */
  saved: string[];
  created: number;
  alreadySaved: number;
  /** What went wrong, for the reader (when not ok): a storage failure's clear, localized message. */
  error?: string;
  /** Which storage failure it was (when it was one): quota, blocked, newer-version… */
  errorCode?: StorageFailureCode;
  /** The address of the saved article this page republishes (its snippets joined that article). */
  republicationOf?: string;
}

/** The reader's review of saved snippets, from the page's card or panel. */
export interface ReviewRequest {
  ids: string[];
  status: ReviewStatus;
}

export interface ReviewResponse {
  ok: boolean;
  /** The ids found (when ok). */
  reviewed: string[];
  /** What went wrong, for the reader (when not ok). */
  error?: string;
}

export interface PageReport {
  recognised: boolean;
  counts: Record<ItemKind, number>;
  /** Saved snippets of this article that could not be placed on the page. */
  orphans: Array<Pick<SnippetRecord, "id" | "kind" | "text">>;
}

/** What a tab's content script found, as the background keeps it for the popup. */
export interface TabState extends PageReport {
  url: string;
  updatedAt: number;
}

/** One item of a page, as the popup lists it. */
export interface PageItemSummary {
  index: number;
  saved: boolean;
  item: ExtractedItem;
}

/** What the popup shows under "Trang này". */
export interface PageItemsResponse {
  recognised: boolean;
  title: string;
  url: string;
  items: PageItemSummary[];
  orphans: Array<Pick<SnippetRecord, "id" | "kind" | "text">>;
  /** Saved figures the page now gives differently (absent from older content scripts). */
  changes?: PageChangeSummary[];
  /** The page is too big to read (no items): which limit, and its size. */
  oversized?: { limit: LimitName; elements: number; chars: number } | null;
}

/** The reader's choice on a figure the page now gives differently: *Nhận số mới* / *Giữ số đã lưu*. */
export type ChangeDecision = "accept" | "keep";

/** What the context menu's *Gắn lại vào đây* did in the page. */
export type ReattachAnswer = "reattached" | "pick" | "no-selection" | "no-orphans" | "failed";

/** A changed figure, as the popup lists it: what was saved and what the page says now. */
export interface PageChangeSummary {
  id: string;
  kind: SnippetRecord["kind"];
  saved: SnippetRecord;
  change: FoundChange;
}

/** The `storage.session` key under which the background keeps a tab's `TabState`. */
export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

/**
 * An article read in a page, for the background to analyse: its text and facts without the page's
 * nodes (`pieces`), and the page's recognition of it when the content script made one.
 */
export interface AnalyzeRequest {
  url: string;
  read: Omit<ReadableArticle, "pieces">;
  recognition?: Recognition;
}

export interface ProtocolMap {
  // Content script → background
  saveSnippets(request: SaveRequest): SaveResponse;
  savedSnippets(page: { url: string; canonicalUrl: string | null }): SnippetRecord[];
  /** Accept, reject or reset saved snippets (their corrections stay). */
  reviewSnippets(request: ReviewRequest): ReviewResponse;
  /** Open the collection page with this saved snippet in its editor (to correct its fields). */
  openEditor(request: { id: string }): void;
  reportPage(report: PageReport): void;
  /** The sender's page has a party-news article: inject the article tools into it. */
  attachArticleTools(): boolean;
  /** Recognition of what a page's content script read, done in the background. */
  recognizePage(input: RecognitionInput): Recognition;
  /**
   * Recognition and extraction of an article read in the page, done in the background so that the
   * page's main thread only reads and highlights; with the items' snippet ids, worked out there too.
   */
  analyzeArticle(request: AnalyzeRequest): ArticleAnalysis;
  /** The items the engine finds in a selection the reader saves, found in the background. */
  extractSelection(request: SelectionRequest): ExtractedItem[];
  /** Records figures the page now gives differently on their snippets; answers the ids written. */
  notePageChanges(changes: Array<{ id: string; change: FoundChange }>): string[];
  /** The reader's choice on a changed figure (the change is recorded first if it was not yet). */
  decidePageChange(request: {
    id: string;
    decision: ChangeDecision;
    change: FoundChange;
    snapshot: string;
  }): SnippetRecord | null;
  /** *Gắn lại vào đây*: an orphan takes a new place in the article text `snapshot`. */
  reattachSnippet(request: {
    id: string;
    anchor: TextAnchor;
    snapshot: string;
  }): SnippetRecord | null;
  // Background → content script
  toggleHighlights(): boolean;
  moveHighlight(step: 1 | -1): void;
  /** Save the reader's selection; null when nothing is selected. */
  saveSelection(): SaveResponse | null;
  /** The context menu's *Gắn lại vào đây* on the reader's selection. */
  reattachSelection(): ReattachAnswer;
  // Popup → content script
  /** The popup's *Nhận số mới* / *Giữ số đã lưu* on a changed figure of the page. */
  decideChange(request: { id: string; decision: ChangeDecision }): boolean;
  pageItems(): PageItemsResponse;
  /** Save these items of the page (indices from `pageItems`), or all of them. */
  savePageItems(indices: number[] | "all"): SaveResponse | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
