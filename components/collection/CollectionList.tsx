/**
 * "Bộ sưu tập": every snippet, newest first, with search that ignores
 * diacritics and case, filters, edit and delete with undo. Renders a page of
 * results at a time so a large collection opens quickly.
 */
import { useMemo, useRef, useState } from "preact/hooks";
import type { ListedEntry } from "../../lib/collection/index.ts";
import {
  excerptAround,
  matchSpans,
  queryWords,
  wordsMissingFrom,
  wordsStartingNowhere,
} from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import type { ReviewStatus, SnippetRecord } from "../../lib/snippets/types.ts";
import { CollectionItem, shownTexts } from "./CollectionItem.tsx";
import { ListingFrame } from "./ListingFrame.tsx";
import type { ListingProps } from "./listing.ts";
import { Marked } from "./Marked.tsx";
import { UndoDelete } from "./UndoDelete.tsx";

const PAGE = 50;

export type CollectionListProps = ListingProps;

/**
 * Why an entry matched, where the list does not show it: search also reads the snippet's
 * sentence (and the article's organisation), which the list leaves out. When a word of the query
 * is in none of the texts shown, the part of the sentence that has it is shown, marked.
 */
function hiddenMatches(entry: ListedEntry, shown: string[], words: string[]) {
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
  const [active, setActive] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
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

  const visible = results.slice(0, shown);
  const found = visible.findIndex((entry) => entry.snippet.id === active);
  const activeIndex = Math.max(found, 0);
  const review = async (id: string, status: ReviewStatus) => {
    try {
      await props.onReview([id], status);
    } catch {
      // Not written: the app shows why; the status stays as it was.
    }
  };
  /** The keyboard pass (j/k or ↓/↑ move, a accept, x reject, u unreview, e edit). */
  const onListKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (!target.matches("li[data-snippet]")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const entry = visible[activeIndex];
    if (!entry) return;
    const move = (step: number) => {
      const next = visible[Math.max(0, Math.min(visible.length - 1, activeIndex + step))];
      if (!next) return;
      setActive(next.snippet.id);
      listRef.current
        ?.querySelector<HTMLElement>(`li[data-snippet="${CSS.escape(next.snippet.id)}"]`)
        ?.focus();
    };
    const key = event.key;
    if (key === "j" || key === "ArrowDown") move(1);
    else if (key === "k" || key === "ArrowUp") move(-1);
    else if (key === "a") void review(entry.snippet.id, "accepted");
    else if (key === "x") void review(entry.snippet.id, "rejected");
    else if (key === "u") void review(entry.snippet.id, "unreviewed");
    else if (key === "e") setEditing(entry.snippet.id);
    else return;
    event.preventDefault();
  };

  return (
    <ListingFrame
      class="collection"
      listing={props}
      onFilter={(next) => {
        setShown(PAGE);
        props.onFilter(next);
      }}
    >
      <p class="muted keys-help" id="review-keys">
        {t("reviewKeysHelp")}
      </p>
      <UndoDelete deleted={undo} onRestore={props.onRestore} onRestored={() => setUndo(null)} />
      {results.length === 0 ? (
        <p class="muted">{t("noMatches")}</p>
      ) : (
        <ul
          class="items"
          ref={listRef}
          onKeyDown={onListKey}
          aria-describedby="review-keys"
          aria-label={t("tabCollection")}
        >
          {visible.map((entry, index) => {
            const { snippet } = entry;
            const texts = shownTexts(entry);
            const hidden = hiddenMatches(entry, texts, words);
            // A word that starts no word of what is shown is marked inside words.
            const inside = wordsStartingNowhere(
              [...texts, hidden.sentence?.text ?? "", hidden.organization ?? ""],
              words,
            );
            const marked = (text: string) => (
              <Marked text={text} spans={matchSpans(text, words, inside)} />
            );
            return (
              <CollectionItem
                key={snippet.id}
                entry={entry}
                editing={editing === snippet.id}
                active={index === activeIndex}
                marked={marked}
                hidden={hidden}
                onFocus={() => setActive(snippet.id)}
                onEdit={(open) => setEditing(open ? snippet.id : null)}
                onSave={async (changes) => {
                  try {
                    await props.onEdit(snippet.id, changes);
                    setEditing(null);
                  } catch {
                    // Not written: the editor stays open with the reader's changes.
                  }
                }}
                onReview={(status) => void review(snippet.id, status)}
                onDelete={() => void remove(snippet.id)}
                onOpenArticle={props.onOpenArticle}
                onPageChange={props.onPageChange}
              />
            );
          })}
        </ul>
      )}
      {results.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          {t("showMore", Math.min(PAGE, results.length - shown))}
        </button>
      )}
    </ListingFrame>
  );
}
