/**
 * The collection's search box, its filters (each with its counts) and the results line, shared by
 * the list and the table.
 */
import { useEffect, useState } from "preact/hooks";
import type { CollectionEntry, Facets, SnippetFilter } from "../../lib/collection/index.ts";
import { facets } from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import type { ReviewStatus, SnippetKind } from "../../lib/snippets/types.ts";
import { categoryLabel, kindLabel } from "../item-format.ts";
import { reviewLabel } from "../review-format.ts";

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

export function CollectionFilters(props: {
  /** Every entry (the facets count them). */
  entries: CollectionEntry[];
  /** The entries the filter keeps. */
  results: CollectionEntry[];
  partial?: boolean | undefined;
  filter: SnippetFilter;
  onFilter(filter: SnippetFilter): void;
}) {
  const { filter, results } = props;
  // Facet counts (and their long option lists) come right after the first paint.
  const [facet, setFacet] = useState<Facets>(NO_FACETS);
  useEffect(() => {
    const timer = setTimeout(() => setFacet(facets(props.entries)), 0);
    return () => clearTimeout(timer);
  }, [props.entries]);
  const setFilter = (patch: Partial<SnippetFilter>) => props.onFilter({ ...filter, ...patch });
  const one = <T,>(values: T[] | undefined) => (values?.[0] === undefined ? "" : String(values[0]));
  const pick = <T,>(value: string, parse: (v: string) => T): T[] | undefined =>
    value ? [parse(value)] : undefined;

  return (
    <>
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
      <p
        class="muted"
        aria-live="polite"
        data-results={results.length}
        data-partial={props.partial ? "true" : undefined}
      >
        {t("resultsCount", results.length, props.entries.length)}
        {props.partial ? ` · ${t("loading")}` : ""}
      </p>
    </>
  );
}
