/**
 * The collection's search box, its filters (each with its counts) and the results line, shared by
 * the list and the table.
 */
import { useEffect, useState } from "preact/hooks";
import type { Facets, ListedEntry, SnippetFilter } from "../../lib/collection/index.ts";
import { facets } from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { type FacetOption, facetFields } from "./facet-fields.ts";

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
  options: FacetOption[];
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

/** The collection as searched: every entry, the filter and what it keeps. */
export interface CollectionFiltersProps {
  /** Every entry, newest first (the facets count them). */
  entries: ListedEntry[];
  /** The entries the filter keeps. */
  results: ListedEntry[];
  /** Only the newest entries are loaded yet (the rest is on its way). */
  partial?: boolean | undefined;
  filter: SnippetFilter;
  onFilter(filter: SnippetFilter): void;
}

/** How long the facet counts wait for the next frame at most. */
const FACETS_AT_THE_LATEST_MS = 100;

export function CollectionFilters(props: CollectionFiltersProps) {
  const { filter, results } = props;
  // Facet counts (and their long option lists) come once the entries they count are painted
  // (or after 100 ms: a hidden page paints no frames).
  const [facet, setFacet] = useState<Facets>(NO_FACETS);
  useEffect(() => {
    const count = () => setFacet(facets(props.entries));
    let timer = setTimeout(count, FACETS_AT_THE_LATEST_MS);
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = setTimeout(count, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [props.entries]);
  const setFilter = (patch: Partial<SnippetFilter>) => props.onFilter({ ...filter, ...patch });

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
        {facetFields(facet).map((field) => (
          <FacetSelect
            key={field.id}
            id={field.id}
            label={field.label}
            value={field.chosen(filter)}
            options={field.options}
            onChange={(v) => setFilter(field.choose(v))}
          />
        ))}
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
