/**
 * The panel's part on saved snippets the page changed under: the figures it now gives
 * differently (each with its choice) and the orphans, each with *Gắn lại vào đây* for the text the
 * reader selects on the page. Rendered in the content script's shadow root.
 */

import { t } from "../lib/i18n/index.ts";
import { kindLabel } from "../lib/i18n/item-format.ts";
import type { FoundChange } from "../lib/snippets/page-change.ts";
import type { SnippetKind, SnippetRecord } from "../lib/snippets/types.ts";
import { ChangeNotice } from "./ChangeNotice.tsx";

const LIST_TEXT = 70;

export interface SavedTroubleProps {
  changes: Array<{ snippet: SnippetRecord; change: FoundChange }>;
  orphans: Array<Pick<SnippetRecord, "id" | "kind" | "text">>;
  busy: boolean;
  /** A pick started from the context menu: the orphans' buttons are what to press. */
  picking: boolean;
  onDecide(id: string, decision: "accept" | "keep"): void;
  /** Called as the reader reaches for a re-attach button, before the click may clear the selection. */
  onReachReattach(): void;
  onReattach(id: string): void;
}

function short(text: string): string {
  return text.length > LIST_TEXT ? `${text.slice(0, LIST_TEXT)}…` : text;
}

function label(kind: SnippetKind, text: string): string {
  return `${kindLabel(kind)}: ${short(text)}`;
}

export function SavedTrouble(props: SavedTroubleProps) {
  if (props.changes.length === 0 && props.orphans.length === 0) return null;
  return (
    <div class="saved-trouble">
      {props.changes.length > 0 && (
        <section aria-label={t("pageChanged")} data-changes={props.changes.length}>
          <p class="note warn">{t("panelChanged", props.changes.length)}</p>
          <ul class="trouble-list">
            {props.changes.map(({ snippet, change }) => (
              <li key={snippet.id} data-changed-snippet={snippet.id}>
                <p class="trouble-text">{label(snippet.kind, snippet.text)}</p>
                <ChangeNotice
                  kind={snippet.kind}
                  saved={snippet}
                  now={change}
                  busy={props.busy}
                  onAccept={() => props.onDecide(snippet.id, "accept")}
                  onKeep={() => props.onDecide(snippet.id, "keep")}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.orphans.length > 0 && (
        <ul
          class={`trouble-list${props.picking ? " picking" : ""}`}
          aria-label={t("thisPageOrphans")}
        >
          {props.orphans.map((orphan) => (
            <li key={orphan.id} data-orphan={orphan.id}>
              <p class="trouble-text">{label(orphan.kind, orphan.text)}</p>
              <button
                type="button"
                disabled={props.busy}
                aria-label={t("reattachLabel", short(orphan.text))}
                onPointerDown={props.onReachReattach}
                onClick={() => props.onReattach(orphan.id)}
                data-action="reattach"
              >
                {t("actionReattach")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
