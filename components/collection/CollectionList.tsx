/**
 * "Bộ sưu tập": every snippet, newest first, with search that ignores
 * diacritics and case, filters, edit and delete with undo. Renders a page of
 * results at a time so a large collection opens quickly.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { CollectionEntry, Facets, SnippetFilter } from "../../lib/collection/index.ts";
import {
  excerptAround,
  facets,
  matchSpans,
  queryWords,
  wordsMissingFrom,
  wordsStartingNowhere,
} from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import type { ReviewStatus, SnippetKind, SnippetRecord } from "../../lib/snippets/types.ts";
import { categoryLabel, kindLabel } from "../item-format.ts";
import { reviewLabel } from "../review-format.ts";
import { CollectionItem, shownTexts } from "./CollectionItem.tsx";
import { Marked } from "./Marked.tsx";
import type { SnippetChanges } from "./SnippetEditor.tsx";

const PAGE = 50;

const NO_FACETS: Facets = {
  kinds: [],
  categories: [],
  localities: [],
  levels: [],
  years: [],
  tags: [],
  articles: [],
  reviews: [],
};

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
  /** Sets the review status; rejects when it could not be written. */
  onReview(ids: string[], status: ReviewStatus): Promise<void>;
  /** Puts deleted snippets back; rejects when they could not be written (the undo stays offered). */
  onRestore(records: SnippetRecord[]): Promise<void>;
  onOpenArticle?(articleId: string): void;
}

function FacetSelect(props: {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string; count: number }>;
  onChange(value: string): void;
}) {
  return (
    <span class="facet">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t("filterAll")}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label} ({option.count})
          </option>
        ))}
      </select>
    </span>
  );
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
  const [active, setActive] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const { results } = props;
  const words = useMemo(() => queryWords(filter.query), [filter.query]);
  // Facet counts (and their long option lists) come right after the first paint.
  const [facet, setFacet] = useState<Facets>(NO_FACETS);
  useEffect(() => {
    const timer = setTimeout(() => setFacet(facets(props.entries)), 0);
    return () => clearTimeout(timer);
  }, [props.entries]);

  const setFilter = (patch: Partial<SnippetFilter>) => {
    setShown(PAGE);
    props.onFilter({ ...filter, ...patch });
  };
  const one = <T,>(values: T[] | undefined) => (values?.[0] === undefined ? "" : String(values[0]));
  const pick = <T,>(value: string, parse: (v: string) => T): T[] | undefined =>
    value ? [parse(value)] : undefined;

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

  if (props.entries.length === 0) return <p class="muted">{t("emptyCollection")}</p>;

  return (
    <div class="collection">
      <div class="search">
        <label for="search">{t("searchLabel")}</label>
        <input
          id="search"
          type="search"
          value={filter.query ?? ""}
          placeholder={t("searchPlaceholder")}
          onInput={(e) => setFilter({ query: e.currentTarget.value })}
        />
      </div>
      <div class="facets">
        <FacetSelect
          id="f-kind"
          label={t("filterKind")}
          value={one(filter.kinds)}
          options={facet.kinds.map((c) => ({
            value: String(c.value),
            label: kindLabel(c.value as SnippetKind),
            count: c.count,
          }))}
          onChange={(v) => setFilter({ kinds: pick(v, (x) => x as SnippetKind) })}
        />
        <FacetSelect
          id="f-category"
          label={t("filterCategory")}
          value={one(filter.categories)}
          options={facet.categories.map((c) => ({
            value: String(c.value),
            label: categoryLabel(String(c.value)),
            count: c.count,
          }))}
          onChange={(v) => setFilter({ categories: pick(v, String) })}
        />
        <FacetSelect
          id="f-locality"
          label={t("filterLocality")}
          value={one(filter.localities)}
          options={facet.localities.map((c) => ({
            value: String(c.value),
            label: String(c.value),
            count: c.count,
          }))}
          onChange={(v) => setFilter({ localities: pick(v, String) })}
        />
        <FacetSelect
          id="f-level"
          label={t("filterLevel")}
          value={one(filter.levels)}
          options={facet.levels.map((c) => ({
            value: String(c.value),
            label: String(c.value),
            count: c.count,
          }))}
          onChange={(v) => setFilter({ levels: pick(v, String) })}
        />
        <FacetSelect
          id="f-year"
          label={t("filterYear")}
          value={one(filter.years)}
          options={facet.years.map((c) => ({
            value: String(c.value),
            label: String(c.value),
            count: c.count,
          }))}
          onChange={(v) => setFilter({ years: pick(v, Number) })}
        />
        <FacetSelect
          id="f-tag"
          label={t("filterTag")}
          value={one(filter.tags)}
          options={facet.tags.map((c) => ({
            value: String(c.value),
            label: String(c.value),
            count: c.count,
          }))}
          onChange={(v) => setFilter({ tags: pick(v, String) })}
        />
        <FacetSelect
          id="f-article"
          label={t("filterArticle")}
          value={one(filter.articleIds)}
          options={facet.articles.map((a) => ({ value: a.id, label: a.title, count: a.count }))}
          onChange={(v) => setFilter({ articleIds: pick(v, String) })}
        />
        <FacetSelect
          id="f-review"
          label={t("filterReview")}
          value={one(filter.reviews)}
          options={facet.reviews.map((c) => ({
            value: String(c.value),
            label: reviewLabel(c.value as ReviewStatus),
            count: c.count,
          }))}
          onChange={(v) => setFilter({ reviews: pick(v, (x) => x as ReviewStatus) })}
        />
        <label class="facet check">
          <input
            type="checkbox"
            id="f-reviewed"
            checked={filter.reviewedOnly === true}
            onChange={(e) => setFilter({ reviewedOnly: e.currentTarget.checked || undefined })}
          />{" "}
          {t("filterReviewedOnly")}
        </label>
        <button type="button" onClick={() => props.onFilter({})}>
          {t("filterClear")}
        </button>
      </div>
      <p class="muted keys-help" id="review-keys">
        {t("reviewKeysHelp")}
      </p>
      <p
        class="muted"
        aria-live="polite"
        data-results={results.length}
        data-partial={props.partial ? "true" : undefined}
      >
        {t("resultsCount", results.length, props.entries.length)}
        {props.partial ? ` · ${t("loading")}` : ""}
      </p>
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
    </div>
  );
}
