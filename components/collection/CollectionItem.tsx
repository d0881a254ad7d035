/**
 * One snippet of the collection list: its review status, kind and quote, the fields as the reader
 * corrected them (marked), note, tags and source, and the actions (accept, reject, edit, delete).
 * Search words are marked in what is shown.
 */
import type { Excerpt, ListedEntry } from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { fieldRows, kindLabel } from "../../lib/i18n/item-format.ts";
import type { ChangeDecision } from "../../lib/messaging/protocol.ts";
import { effectiveEntry, hasCorrections, reviewOf } from "../../lib/snippets/review.ts";
import type { ReviewStatus } from "../../lib/snippets/types.ts";
import { reviewLabel } from "../review-format.ts";
import { Marked } from "./Marked.tsx";
import { PageChangeBadge } from "./PageChangeBadge.tsx";
import { type SnippetChanges, SnippetEditor } from "./SnippetEditor.tsx";

export interface CollectionItemProps {
  entry: ListedEntry;
  editing: boolean;
  /** The item the keyboard pass is on (it takes the tab stop). */
  active: boolean;
  marked(text: string): preact.JSX.Element;
  hidden: { sentence: Excerpt | null; organization: string | null };
  onEdit(open: boolean): void;
  onSave(changes: SnippetChanges): Promise<void>;
  onReview(status: ReviewStatus): void;
  onDelete(): void;
  onOpenArticle?(articleId: string): void;
  /** The reader's choice on a figure the page now gives differently. */
  onPageChange?(id: string, decision: ChangeDecision): Promise<void>;
  onFocus(): void;
}

/** The texts the item shows (search marks words in them; a word found elsewhere is shown apart). */
export function shownTexts(entry: ListedEntry): string[] {
  const { snippet, article } = effectiveEntry(entry);
  const fields = fieldRows(snippet)
    .map(([label, value]) => `${label}: ${value}`)
    .join(" · ");
  return [
    snippet.text,
    fields,
    snippet.note,
    ...snippet.tags,
    article?.title ?? "",
    article?.locality ?? "",
  ];
}

export function CollectionItem(props: CollectionItemProps) {
  const { entry, marked, hidden } = props;
  const { snippet, article } = effectiveEntry(entry);
  const status = reviewOf(snippet);
  const fields = fieldRows(snippet)
    .map(([label, value]) => `${label}: ${value}`)
    .join(" · ");
  return (
    <li
      class={`item kind-${snippet.kind} review-${status}`}
      data-snippet={snippet.id}
      data-review={status}
      tabIndex={props.active ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocus();
      }}
      aria-label={`${kindLabel(snippet.kind)} · ${reviewLabel(status)}: ${snippet.text}`}
    >
      <span class="tag kind">{kindLabel(snippet.kind)}</span>{" "}
      <span class={`tag review review-${status}`} data-review-chip={status}>
        {reviewLabel(status)}
      </span>
      <p class="quote">{marked(snippet.text)}</p>
      {hidden.sentence && (
        <p class="context" data-match="sentence">
          <span class="muted">{t("fieldSentence")}: </span>
          {hidden.sentence.cutStart ? "…" : ""}
          <Marked text={hidden.sentence.text} spans={hidden.sentence.spans} />
          {hidden.sentence.cutEnd ? "…" : ""}
        </p>
      )}
      <p class="fields" data-corrected={hasCorrections(snippet) ? "true" : undefined}>
        {marked(fields)}
      </p>
      <PageChangeBadge snippet={snippet} onDecide={props.onPageChange} />
      {snippet.note && <p class="note">{marked(snippet.note)}</p>}
      {snippet.tags.length > 0 && (
        <p class="tags">
          {snippet.tags.map((tag) => (
            <span class="tag" key={tag}>
              {marked(tag)}
            </span>
          ))}
        </p>
      )}
      {article && (
        <p class="source">
          {t("fieldSource")}:{" "}
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {marked(article.title)}
          </a>
          {article.locality ? " · " : ""}
          {article.locality ? marked(article.locality) : ""}
          {hidden.organization ? " · " : ""}
          {hidden.organization ? marked(hidden.organization) : ""}
        </p>
      )}
      {props.editing ? (
        <SnippetEditor
          snippet={entry.snippet}
          article={entry.article}
          onCancel={() => props.onEdit(false)}
          onSave={(changes) => void props.onSave(changes)}
        />
      ) : (
        <div class="actions">
          <button
            type="button"
            data-action="accept"
            aria-pressed={status === "accepted" || status === "corrected"}
            onClick={() => props.onReview(status === "accepted" ? "unreviewed" : "accepted")}
          >
            {status === "accepted" ? t("actionUnreview") : t("actionAccept")}
          </button>
          <button
            type="button"
            data-action="reject"
            aria-pressed={status === "rejected"}
            onClick={() => props.onReview(status === "rejected" ? "unreviewed" : "rejected")}
          >
            {status === "rejected" ? t("actionUnreview") : t("actionReject")}
          </button>
          <button type="button" onClick={() => props.onEdit(true)}>
            {t("actionEdit")}
          </button>
          <button type="button" onClick={props.onDelete}>
            {t("actionDelete")}
          </button>
          {props.onOpenArticle && article && (
            <button type="button" onClick={() => props.onOpenArticle?.(article.id)}>
              {t("readArticle")}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
