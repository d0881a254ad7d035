/**
 * "Bộ sưu tập": every snippet, newest first, with search that ignores
 * diacritics and case, filters, edit and delete with undo. Renders a page of
 * results at a time so a large collection opens quickly.
 */
import { useMemo, useState } from "preact/hooks";
import type { CollectionEntry, SnippetFilter } from "../../lib/collection/index.ts";
import {
  excerptAround,
  matchSpans,
  queryWords,
  wordsMissingFrom,
  wordsStartingNowhere,
} from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { fieldRows, kindLabel } from "../item-format.ts";
import { CollectionFilters } from "./CollectionFilters.tsx";
import { Marked } from "./Marked.tsx";
import { type SnippetChanges, SnippetEditor } from "./SnippetEditor.tsx";

const PAGE = 50;

export interface CollectionListProps {
  /** Every entry, newest first. */
  entries: CollectionEntry[];
  /** The entries the filter keeps. */
  results: CollectionEntry[];
  /** Only the newest entries are loaded yet (the rest is on its way). */
  partial?: boolean;
  filter: SnippetFilter;
  onFilter(filter: SnippetFilter): void;
  /** Writes the changes; rejects when they could not be written (the editor then stays open). */
  onEdit(id: string, changes: SnippetChanges): Promise<void>;
  /** Deletes; rejects when nothing could be deleted (the snippet stays listed). */
  onDelete(ids: string[]): Promise<SnippetRecord[]>;
  /** Puts deleted snippets back; rejects when they could not be written (the undo stays offered). */
  onRestore(records: SnippetRecord[]): Promise<void>;
  onOpenArticle?(articleId: string): void;
}

/**
 * Why an entry matched, where the list does not show it: search also reads the snippet's
 * sentence (and the article's organisation), which the list leaves out. When a word of the query
 * is in none of the texts shown, the part of the sentence that has it is shown, marked.
 */
function hiddenMatches(entry: CollectionEntry, shown: string[], words: string[]) {
  const missing = words.length > 0 ? wordsMissingFrom(shown, words) : [];
  if (missing.length === 0) return { sentence: null, organization: null };
  const { snippet, article } = entry;
  let sentence = null;
  if (snippet.sentence && snippet.sentence !== snippet.text) {
    const focus = matchSpans(snippet.sentence, missing, missing);
    if (focus.length > 0) {
      const inside = wordsStartingNowhere([snippet.sentence], words);
      sentence = excerptAround(
        snippet.sentence,
        focus,
        matchSpans(snippet.sentence, words, inside),
      );
    }
  }
  const stillMissing = sentence ? wordsMissingFrom([...shown, sentence.text], words) : missing;
  const organization =
    article?.organization &&
    wordsMissingFrom([article.organization], stillMissing).length < stillMissing.length
      ? article.organization
      : null;
  return { sentence, organization };
}

export function CollectionList(props: CollectionListProps) {
  const { filter } = props;
  const [shown, setShown] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<SnippetRecord[] | null>(null);
  const { results } = props;
  const words = useMemo(() => queryWords(filter.query), [filter.query]);
  // A failed write is shown by the app; here the reader's state is kept as it was.
  const remove = async (id: string) => {
    try {
      setUndo(await props.onDelete([id]));
    } catch {
      // Not deleted: the snippet stays in the list.
    }
  };

  if (props.entries.length === 0) return <p class="muted">{t("emptyCollection")}</p>;

  return (
    <div class="collection">
      <CollectionFilters
        entries={props.entries}
        results={results}
        partial={props.partial}
        filter={filter}
        onFilter={(next) => {
          setShown(PAGE);
          props.onFilter(next);
        }}
      />
      {undo && (
        <p class="toast" role="status">
          {t("deleted", undo.length)}{" "}
          <button
            type="button"
            onClick={() => {
              props.onRestore(undo).then(
                () => setUndo(null),
                () => {
                  // Not restored: keep offering the undo, the deleted records are still here.
                },
              );
            }}
          >
            {t("actionUndo")}
          </button>
        </p>
      )}
      {results.length === 0 ? (
        <p class="muted">{t("noMatches")}</p>
      ) : (
        <ul class="items">
          {results.slice(0, shown).map((entry) => {
            const { snippet, article } = entry;
            const fields = fieldRows(snippet)
              .map(([label, value]) => `${label}: ${value}`)
              .join(" · ");
            const shownTexts = [
              snippet.text,
              fields,
              snippet.note,
              ...snippet.tags,
              article?.title ?? "",
              article?.locality ?? "",
            ];
            const hidden = hiddenMatches(entry, shownTexts, words);
            // A word that starts no word of what is shown is marked inside words.
            const inside = wordsStartingNowhere(
              [...shownTexts, hidden.sentence?.text ?? "", hidden.organization ?? ""],
              words,
            );
            const marked = (text: string) => (
              <Marked text={text} spans={matchSpans(text, words, inside)} />
            );
            return (
              <li key={snippet.id} class={`item kind-${snippet.kind}`} data-snippet={snippet.id}>
                <span class="tag kind">{kindLabel(snippet.kind)}</span>
                <p class="quote">{marked(snippet.text)}</p>
                {hidden.sentence && (
                  <p class="context" data-match="sentence">
                    <span class="muted">{t("fieldSentence")}: </span>
                    {hidden.sentence.cutStart ? "…" : ""}
                    <Marked text={hidden.sentence.text} spans={hidden.sentence.spans} />
                    {hidden.sentence.cutEnd ? "…" : ""}
                  </p>
                )}
                <p class="fields">{marked(fields)}</p>
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
                {editing === snippet.id ? (
                  <SnippetEditor
                    snippet={snippet}
                    onCancel={() => setEditing(null)}
                    onSave={async (changes) => {
                      try {
                        await props.onEdit(snippet.id, changes);
                        setEditing(null);
                      } catch {
                        // Not written: the editor stays open with the reader's changes.
                      }
                    }}
                  />
                ) : (
                  <div class="actions">
                    <button type="button" onClick={() => setEditing(snippet.id)}>
                      {t("actionEdit")}
                    </button>
                    <button type="button" onClick={() => void remove(snippet.id)}>
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
          })}
        </ul>
      )}
      {results.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          {t("showMore", Math.min(PAGE, results.length - shown))}
        </button>
      )}
    </div>
  );
}
