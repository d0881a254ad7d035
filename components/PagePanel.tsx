/**
 * The compact page panel: counts per kind with a toggle each, "save all",
 * previous / next highlight, and what happened to saved snippets. Rendered in
 * the content script's shadow root.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { type LimitName, PAGE_LIMITS } from "../lib/dom/page-size.ts";
import type { ItemKind } from "../lib/extract/types.ts";
import { KIND_COLOURS } from "../lib/highlight/styles.ts";
import { getLanguage, t } from "../lib/i18n/index.ts";
import { kindLabel } from "../lib/i18n/item-format.ts";
import type { ReviewStatus } from "../lib/snippets/types.ts";
import { reviewLabel } from "./review-format.ts";

export interface PagePanelProps {
  counts: Record<ItemKind, number>;
  hiddenKinds: ItemKind[];
  enabled: boolean;
  savedCount: number;
  unsavedCount: number;
  orphanCount: number;
  position: { index: number; total: number } | null;
  collapsed: boolean;
  busy: boolean;
  status: string | null;
  onToggleKind(kind: ItemKind): void;
  onSaveAll(): void;
  onMove(step: 1 | -1): void;
  onCollapse(collapsed: boolean): void;
  /** The items in document order, for the list that screen-reader and keyboard users move through. */
  items: Array<{
    index: number;
    kind: ItemKind;
    text: string;
    saved: boolean;
    review?: ReviewStatus | undefined;
  }>;
  onFocusItem(index: number): void;
  /** Accepts, rejects or resets a saved item (`a`, `x`, `u` on the list). */
  onReview?(index: number, status: ReviewStatus): void;
  /** Opens a saved item in the collection's editor, to correct it (`e` on the list). */
  onCorrect?(index: number): void;
  /** The page is too big to read: the panel only says so. */
  oversized?: OversizedNote | null;
  /** What else the panel says about saved snippets (changed figures, orphans to re-attach). */
  extra?: ComponentChildren;
}

export interface OversizedNote {
  limit: LimitName;
  elements: number;
  chars: number;
}

const KINDS: ItemKind[] = ["target", "result", "deadline"];

const LIST_TEXT = 90;

/**
 * Custom highlights are invisible to assistive technology: this list names every item and moves
 * the focus to it (its card opens, focused).
 */
function ItemList(props: Pick<PagePanelProps, "items" | "onFocusItem" | "onReview" | "onCorrect">) {
  const [open, setOpen] = useState(false);
  /**
   * The list's keyboard pass: j/k (↓/↑) move, a accepts, x rejects, u resets a saved item, e opens
   * it in the collection's editor.
   */
  const onKey = (event: KeyboardEvent) => {
    const button = (event.target as HTMLElement).closest<HTMLElement>("button[data-item]");
    if (!button || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = Number(button.dataset.item);
    const item = props.items.find((i) => i.index === index);
    const status =
      event.key === "a"
        ? "accepted"
        : event.key === "x"
          ? "rejected"
          : event.key === "u"
            ? "unreviewed"
            : null;
    if (status && item?.saved) {
      props.onReview?.(index, status);
      event.preventDefault();
      return;
    }
    if (event.key === "e" && item?.saved && props.onCorrect) {
      props.onCorrect(index);
      event.preventDefault();
      return;
    }
    const step =
      event.key === "j" || event.key === "ArrowDown"
        ? 1
        : event.key === "k" || event.key === "ArrowUp"
          ? -1
          : 0;
    if (step === 0) return;
    const buttons = [
      ...(button.closest("ul")?.querySelectorAll<HTMLElement>("button[data-item]") ?? []),
    ];
    buttons[buttons.indexOf(button) + step]?.focus();
    event.preventDefault();
  };
  return (
    <div class="item-list">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="gvn-item-list"
        onClick={() => setOpen(!open)}
        data-action="list"
      >
        {t("panelList", props.items.length)}
      </button>
      {open && props.onReview && <p class="note keys-help">{t("panelKeysHelp")}</p>}
      {open && (
        <ul id="gvn-item-list" onKeyDown={onKey}>
          {props.items.map((item) => (
            <li key={item.index}>
              <button
                type="button"
                onClick={() => props.onFocusItem(item.index)}
                data-item={item.index}
              >
                <span class={`dot kind-${item.kind}`} aria-hidden="true" />
                {kindLabel(item.kind)}
                {item.saved ? ` (${t("stateSaved")}` : ""}
                {item.saved && item.review ? ` · ${reviewLabel(item.review)}` : ""}
                {item.saved ? ")" : ""}:{" "}
                {item.text.length > LIST_TEXT ? `${item.text.slice(0, LIST_TEXT)}…` : item.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function formatCount(value: number): string {
  return value.toLocaleString(getLanguage() === "vi" ? "vi-VN" : "en-US");
}

/** Why the page was not read, in words: "58.123 phần tử HTML (giới hạn 15.000)". */
export function oversizedReason(note: OversizedNote): string {
  switch (note.limit) {
    case "elements":
      return t("oversizedElements", formatCount(note.elements), formatCount(PAGE_LIMITS.elements));
    case "pageChars":
      return t("oversizedPageChars", formatCount(PAGE_LIMITS.pageChars));
    case "articleChars":
      return t(
        "oversizedArticleChars",
        formatCount(note.chars),
        formatCount(PAGE_LIMITS.articleChars),
      );
    case "textNodes":
      return t("oversizedTextNodes", formatCount(PAGE_LIMITS.textNodes));
    case "depth":
      return t("oversizedDepth", formatCount(PAGE_LIMITS.depth));
  }
}

function PanelHead(props: { onCollapse(collapsed: boolean): void }) {
  return (
    <div class="panel-head">
      <strong>{t("extName")}</strong>
      <button
        type="button"
        class="icon"
        aria-label={t("actionCollapse")}
        title={t("actionCollapse")}
        onClick={() => props.onCollapse(true)}
      >
        –
      </button>
    </div>
  );
}

function OversizedPanel(props: { note: OversizedNote; onCollapse(collapsed: boolean): void }) {
  return (
    <section class="panel" aria-label={t("panelLabel")}>
      <PanelHead onCollapse={props.onCollapse} />
      <p class="note warn" role="status" data-oversized={props.note.limit}>
        {t("panelOversized", oversizedReason(props.note))}
      </p>
    </section>
  );
}

export function PagePanel(props: PagePanelProps) {
  const total = props.counts.target + props.counts.result + props.counts.deadline;
  if (props.collapsed) {
    return (
      <button
        type="button"
        class="panel-open"
        title={t("actionExpand")}
        onClick={() => props.onCollapse(false)}
      >
        {/* The name includes the visible count (WCAG 2.5.3): "Mở bảng chỉ tiêu: 22". */}
        <span class="sr-only">{t("actionExpand")}: </span>
        {total}
      </button>
    );
  }
  if (props.oversized)
    return <OversizedPanel note={props.oversized} onCollapse={props.onCollapse} />;
  return (
    <section class="panel" aria-label={t("panelLabel")}>
      <PanelHead onCollapse={props.onCollapse} />
      <ul class="kinds">
        {KINDS.map((kind) => (
          <li key={kind}>
            <label>
              <input
                type="checkbox"
                checked={props.enabled && !props.hiddenKinds.includes(kind)}
                disabled={!props.enabled}
                onChange={() => props.onToggleKind(kind)}
                aria-label={t("panelShowKind", kindLabel(kind))}
                data-kind={kind}
              />
              <span
                class="swatch"
                style={{ background: KIND_COLOURS[kind].background }}
                aria-hidden="true"
              />
              <span>{kindLabel(kind)}</span>
              <span class="count" data-count={kind}>
                {props.counts[kind]}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div class="nav">
        <button
          type="button"
          onClick={() => props.onMove(-1)}
          data-action="previous"
          disabled={total === 0}
        >
          ‹ {t("actionPrevious")}
        </button>
        <span class="position" aria-live="polite">
          {/* Before the reader moves: "Mục – / 22", so the row reads the same in every state. */}
          {props.position
            ? t("panelPosition", props.position.index, props.position.total)
            : props.items.length > 0
              ? t("panelPosition", "–", props.items.length)
              : ""}
        </span>
        <button
          type="button"
          onClick={() => props.onMove(1)}
          data-action="next"
          disabled={total === 0}
        >
          {t("actionNext")} ›
        </button>
      </div>
      <button
        type="button"
        class="primary wide"
        onClick={props.onSaveAll}
        disabled={props.busy || props.unsavedCount === 0}
        data-action="save-all"
      >
        {props.unsavedCount === 0 && total > 0 ? t("panelAllSaved") : t("actionSaveAll")}
      </button>
      <ItemList
        items={props.items}
        onFocusItem={props.onFocusItem}
        onReview={props.onReview}
        onCorrect={props.onCorrect}
      />
      <p class="note" data-saved-count={props.savedCount}>
        {t("panelSaved", props.savedCount)}
      </p>
      {props.orphanCount > 0 && (
        <p class="note warn" data-orphans={props.orphanCount}>
          {t("panelOrphans", props.orphanCount)}
        </p>
      )}
      {props.extra}
      {props.status && (
        <p class="note" role="status">
          {props.status}
        </p>
      )}
    </section>
  );
}
