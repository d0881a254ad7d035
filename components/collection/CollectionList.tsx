/**
 * "Bộ sưu tập": every snippet, newest first, with search that ignores
 * diacritics and case, filters, edit and delete with undo. Renders a page of
 * results at a time so a large collection opens quickly.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
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
import type { SnippetKind, SnippetRecord } from "../../lib/snippets/types.ts";
import { categoryLabel, fieldRows, kindLabel } from "../item-format.ts";
import { Marked } from "./Marked.tsx";
import { PageChangeBadge } from "./PageChangeBadge.tsx";
import { type SnippetChanges, SnippetEditor } from "./SnippetEditor.tsx";

const PAGE = 50;

const NO_FACETS: Facets = {
  kinds: [],
  categories: [],
  localities: [],
  levels: [],
  years: [],
  tags: [],
  articles: [],
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
  /** Puts deleted snippets back; rejects when they could not be written (the undo stays offered). */
  onRestore(records: SnippetRecord[]): Promise<void>;
  onOpenArticle?(articleId: string): void;
  /** *Nhận số mới* / *Giữ số đã lưu* on a figure the page changed; rejects when not written. */
  onPageChange?(id: string, decision: "accept" | "keep"): Promise<void>;
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
        <button type="button" onClick={() => props.onFilter({})}>
          {t("filterClear")}
        </button>
      </div>
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
