/**
 * The card for one highlighted item: its kind, the sentence and the words that decided the kind,
 * parsed fields and actions (save, copy as text; accept or reject once saved). Rendered inside the content script's shadow root; all
 * page text is rendered as text.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ExtractedItem } from "../lib/extract/types.ts";
import { KIND_COLOURS } from "../lib/highlight/styles.ts";
import { t } from "../lib/i18n/index.ts";
import { fieldRows, kindLabel } from "../lib/i18n/item-format.ts";
import type { ReviewStatus } from "../lib/snippets/types.ts";
import { reviewLabel } from "./review-format.ts";

export interface ItemCardProps {
  item: ExtractedItem;
  saved: boolean;
  /** The saved snippet's review status (when saved). */
  review?: ReviewStatus | undefined;
  busy: boolean;
  /** Viewport position (CSS pixels) of the card's top-left corner. */
  position: { top: number; left: number };
  focusOnOpen: boolean;
  onSave(): void;
  onCopy(): Promise<boolean>;
  /** Accepts, rejects or resets the saved snippet. */
  onReview?(status: ReviewStatus): void;
  /** Opens the saved snippet in the collection's editor, to correct its fields. */
  onCorrect?(): void;
  onClose(): void;
  /** The card's rendered size, reported after each render (its placement depends on it). */
  onSize?(size: { width: number; height: number }): void;
  onPointerEnter?(): void;
  onPointerLeave?(): void;
  /** Shown under the fields: a saved figure the page now gives differently. */
  notice?: ComponentChildren;
}

export function ItemCard(props: ItemCardProps) {
  const { item, saved } = props;
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const firstButton = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLDivElement>(null);
  // Where the keyboard focus was before the card took it (the panel's "next" button, say).
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const colours = KIND_COLOURS[item.kind];

  useEffect(() => {
    if (!props.focusOnOpen) return;
    const root = firstButton.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement ?? document.activeElement;
    if (active instanceof HTMLElement && !card.current?.contains(active)) {
      returnFocusTo.current = active;
    }
    // The first action that can take the focus: "Lưu", or "Sao chép" when the item is saved
    // (a disabled button cannot be focused, and the focus would stay behind on the panel).
    const target =
      card.current?.querySelector<HTMLButtonElement>(".actions button:not(:disabled)") ??
      firstButton.current;
    target?.focus();
  }, [props.focusOnOpen, item]);

  const close = () => {
    const target = returnFocusTo.current;
    props.onClose();
    if (target?.isConnected) target.focus();
  };
  useEffect(() => setCopied("no"), [item]);
  useLayoutEffect(() => {
    const element = card.current;
    if (element) props.onSize?.({ width: element.offsetWidth, height: element.offsetHeight });
  });

  const copy = async () => setCopied((await props.onCopy()) ? "yes" : "failed");

  return (
    <div
      ref={card}
      class="card"
      role="dialog"
      aria-label={t("cardLabel")}
      style={{ top: `${props.position.top}px`, left: `${props.position.left}px` }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          close();
        }
      }}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <div class="card-head">
        <span class="kind" style={{ background: colours.background, color: colours.text }}>
          {kindLabel(item.kind)}
        </span>
        {saved && props.review && (
          <span class={`review review-${props.review}`} data-review-chip={props.review}>
            {reviewLabel(props.review)}
          </span>
        )}
        <button type="button" class="icon" aria-label={t("actionClose")} onClick={close}>
          ×
        </button>
      </div>
      <p class="quote">{item.text}</p>
      {item.sentence && item.sentence !== item.text && (
        <p class="sentence">
          <span class="label">{t("fieldSentence")}: </span>
          {item.sentence}
        </p>
      )}
      {item.kind !== "deadline" && (
        <p class="decided" data-decided="">
          {item.modeWords && item.modeWords.length > 0
            ? t("decidedBy", item.modeWords.map((word) => `«${word}»`).join(", "))
            : t("decidedByArticle")}
        </p>
      )}
      <dl class="fields">
        {fieldRows(item).map(([label, value]) => (
          <div class="field" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {props.notice}
      <div class="actions">
        <button
          type="button"
          ref={firstButton}
          class={saved ? "saved" : "primary"}
          disabled={saved || props.busy}
          onClick={props.onSave}
          data-action="save"
        >
          {saved ? t("stateSaved") : t("actionSave")}
        </button>
        {saved && props.review && props.onReview && (
          <>
            <button
              type="button"
              data-action="accept"
              aria-pressed={props.review === "accepted" || props.review === "corrected"}
              onClick={() =>
                props.onReview?.(props.review === "accepted" ? "unreviewed" : "accepted")
              }
            >
              {props.review === "accepted" ? t("actionUnreview") : t("actionAccept")}
            </button>
            <button
              type="button"
              data-action="reject"
              aria-pressed={props.review === "rejected"}
              onClick={() =>
                props.onReview?.(props.review === "rejected" ? "unreviewed" : "rejected")
              }
            >
              {props.review === "rejected" ? t("actionUnreview") : t("actionReject")}
            </button>
            {props.onCorrect && (
              <button type="button" data-action="correct" onClick={props.onCorrect}>
                {t("actionCorrect")}
              </button>
            )}
          </>
        )}
        <button type="button" onClick={copy} data-action="copy">
          {copied === "yes"
            ? t("stateCopied")
            : copied === "failed"
              ? t("copyFailed")
              : t("actionCopy")}
        </button>
      </div>
    </div>
  );
}
