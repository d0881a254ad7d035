/**
 * What the article tools show in a tab — the items found, where they are, what is saved, what the
 * reader is looking at — and the controller's interface that changes it.
 */
import type { LimitName } from "@/lib/dom/page-size.ts";
import type { ExtractedItem, ItemKind } from "@/lib/extract/types.ts";
import type { RunTimer } from "@/lib/in-page/main-thread.ts";
import type { PageReading } from "@/lib/in-page/page-reading.ts";
import type { ChangeDecision, ReattachAnswer, SaveResponse } from "@/lib/messaging/protocol.ts";
import type { Recognition } from "@/lib/recognition/recognize.ts";
import type { FoundChange } from "@/lib/snippets/page-change.ts";
import type { ReviewStatus, SnippetRecord } from "@/lib/snippets/types.ts";

export const KINDS: readonly ItemKind[] = ["target", "result", "deadline"];

export interface PageItem {
  /** Position in document order. */
  index: number;
  item: ExtractedItem;
  /** Where it is on the page; null when the page changed under it. */
  range: Range | null;
  /** The id the collection gives it. */
  snippetId: string;
  saved: boolean;
  /** The saved snippet's review status (when saved). */
  review?: ReviewStatus;
  /** The id of the saved record this item is (another copy's, for an article saved elsewhere). */
  savedId?: string;
  /** The id of the saved snippet whose figure the page now gives differently here. */
  changed?: string;
}

/** A saved snippet whose figure the page now gives differently (*số liệu đã thay đổi*). */
export interface ChangedSnippet {
  snippet: SnippetRecord;
  change: FoundChange;
}

export interface CardState {
  index: number;
  /** Opened by a click or the keyboard: stays until closed. */
  pinned: boolean;
  /** Move keyboard focus into the card when it opens. */
  focus: boolean;
}

export interface PageView {
  recognised: boolean;
  title: string;
  url: string;
  items: PageItem[];
  enabled: boolean;
  hiddenKinds: ItemKind[];
  /** Index of the item the reader moved to last. */
  focus: number | null;
  card: CardState | null;
  /** Saved snippets of this article placed on the page / not placed. */
  savedPlaced: number;
  orphans: SnippetRecord[];
  /** Saved snippets whose figure changed on the page, waiting for the reader's choice. */
  changes: ChangedSnippet[];
  /** The context menu asked to re-attach a selection and there are several orphans: pick one. */
  reattachPick: boolean;
  busy: boolean;
  /** Last message for the reader (saving, errors). */
  status: string | null;
  /** The page is too big to read: which limit it is past, and its size. */
  oversized: { limit: LimitName; elements: number; chars: number } | null;
}

export const EMPTY_VIEW: PageView = {
  recognised: false,
  title: "",
  url: "",
  items: [],
  enabled: true,
  hiddenKinds: [],
  focus: null,
  card: null,
  savedPlaced: 0,
  orphans: [],
  changes: [],
  reattachPick: false,
  busy: false,
  status: null,
  oversized: null,
};

/**
 * What a newly read article clears of the last one's view: everything but the reader's switches
 * (`enabled`, `hiddenKinds`) and the save's `busy` and `status`.
 */
export const ARTICLE_RESET: Omit<PageView, "enabled" | "hiddenKinds" | "busy" | "status"> = (({
  enabled: _enabled,
  hiddenKinds: _hiddenKinds,
  busy: _busy,
  status: _status,
  ...article
}) => article)(EMPTY_VIEW);

export interface PageController {
  getView(): PageView;
  subscribe(listener: () => void): () => void;
  /**
   * Reads and annotates the page; does nothing when its article text did not change. `initial`
   * is a reading already made (by the content script), with the timer it started.
   */
  run(initial?: { reading: PageReading; recognition: Recognition; timer: RunTimer }): Promise<void>;
  save(indices: number[]): Promise<SaveResponse | null>;
  saveAll(): Promise<SaveResponse | null>;
  /** Accepts, rejects or resets the saved snippets of these items. */
  review(indices: number[], status: ReviewStatus): Promise<void>;
  saveSelection(): Promise<SaveResponse | null>;
  toggleKind(kind: ItemKind): void;
  toggleAll(): boolean;
  move(step: 1 | -1): void;
  /** Moves to one item: scrolls to it, marks it `gvn-focus` and opens its card with the focus. */
  focusItem(index: number): void;
  openCard(index: number, options: { pinned: boolean; focus: boolean }): void;
  closeCard(): void;
  /** The smallest visible item whose range contains the point, or null. */
  itemAtPoint(node: Node, offset: number, x: number, y: number): number | null;
  articleSource(): { title: string; url: string };
  /** *Nhận số mới* / *Giữ số đã lưu* on a changed figure. */
  decideChange(snippetId: string, decision: ChangeDecision): Promise<void>;
  /** Keeps the page's selection for the next `reattach` (a click in the panel may clear it). */
  rememberSelection(): void;
  /** *Gắn lại vào đây*: the orphan takes the selected text as its place; false when it could not. */
  reattach(snippetId: string): Promise<boolean>;
  /** The context menu's *Gắn lại vào đây*: the only orphan, or a pick in the panel. */
  reattachSelection(): Promise<ReattachAnswer>;
  dispose(): void;
}
