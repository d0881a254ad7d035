/**
 * *Số liệu đã thay đổi*: a saved figure the page now gives differently, the saved value and the
 * page's new one side by side, with *Nhận số mới* and *Giữ số đã lưu*. Used in the in-page card
 * and panel, the popup's "Trang này" and the collection list; all page text is rendered as text.
 */
import type { ItemFields } from "../lib/extract/types.ts";
import { t } from "../lib/i18n/index.ts";
import { deadlineLabel, valueLabel } from "../lib/i18n/item-format.ts";
import type { SnippetKind } from "../lib/snippets/types.ts";

export interface ChangeNoticeProps {
  kind: SnippetKind;
  /** What was saved: its text and fields. */
  saved: ItemFields & { text: string };
  /** What the page says now: its text, and its fields when the engine found an item there. */
  now: { text: string; fields: ItemFields | null };
  busy?: boolean;
  /** Set where the reader can decide here. */
  onAccept?(): void;
  onKeep?(): void;
}

/** The figure in words (`95%`, `ngày 30/06/2021`), else the text itself. */
export function figureText(kind: SnippetKind, fields: ItemFields | null, text: string): string {
  if (!fields) return text;
  const label = kind === "deadline" ? deadlineLabel(fields.deadline) : valueLabel(fields);
  return label || deadlineLabel(fields.deadline) || text;
}

export function ChangeNotice(props: ChangeNoticeProps) {
  const { kind, saved, now } = props;
  /** One of the reader's two choices, disabled while busy. */
  const decision = (action: string, label: string, onClick: () => void, className?: string) => (
    <button
      type="button"
      class={className}
      disabled={props.busy}
      onClick={onClick}
      data-action={action}
    >
      {label}
    </button>
  );
  return (
    <div class="page-change" data-page-change="">
      <p class="page-change-badge">{t("pageChanged")}</p>
      <dl class="page-change-values">
        <div>
          <dt>{t("pageChangedSaved")}</dt>
          <dd data-old="" title={saved.text}>
            {figureText(kind, saved, saved.text)}
          </dd>
        </div>
        <div>
          <dt>{t("pageChangedNow")}</dt>
          <dd data-new="" title={now.text}>
            {figureText(kind, now.fields, now.text)}
          </dd>
        </div>
      </dl>
      {props.onAccept && props.onKeep && (
        <div class="page-change-actions">
          {decision("accept-new", t("actionAcceptNew"), props.onAccept, "primary")}
          {decision("keep-saved", t("actionKeepSaved"), props.onKeep)}
        </div>
      )}
    </div>
  );
}
