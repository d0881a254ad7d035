/**
 * The collection's one-value filters as a table: for each, its select's id and label, its options
 * (the facet's values with their counts) and the filter list it sets.
 */
import type { Count, Facets, SnippetFilter } from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { categoryLabel, kindLabel } from "../../lib/i18n/item-format.ts";
import type { ReviewStatus, SnippetKind } from "../../lib/snippets/types.ts";
import { reviewLabel } from "../review-format.ts";

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** The lists of `SnippetFilter` a select sets to one value (or none). */
type ListKey =
  | "kinds"
  | "categories"
  | "localities"
  | "levels"
  | "years"
  | "tags"
  | "articleIds"
  | "reviews";

export interface FacetField {
  /** The select's element id (`f-kind`, …). */
  id: string;
  label: string;
  options: FacetOption[];
  /** The option chosen in `filter` ("" for all). */
  chosen(filter: SnippetFilter): string;
  /** The change to the filter when the reader chooses `value` ("" for all). */
  choose(value: string): Partial<SnippetFilter>;
}

function field<K extends ListKey>(
  key: K,
  id: string,
  label: string,
  options: FacetOption[],
  parse: (value: string) => NonNullable<SnippetFilter[K]>[number],
): FacetField {
  return {
    id,
    label,
    options,
    chosen: (filter) => {
      const first = filter[key]?.[0];
      return first === undefined ? "" : String(first);
    },
    choose: (value) => ({ [key]: value ? [parse(value)] : undefined }) as Partial<SnippetFilter>,
  };
}

function counted(counts: Count[], label: (value: string) => string = String): FacetOption[] {
  return counts.map((c) => ({
    value: String(c.value),
    label: label(String(c.value)),
    count: c.count,
  }));
}

/** The filters' selects, in the order they are shown, with the counts of `facet`. */
export function facetFields(facet: Facets): FacetField[] {
  return [
    field(
      "kinds",
      "f-kind",
      t("filterKind"),
      counted(facet.kinds, (v) => kindLabel(v as SnippetKind)),
      (v) => v as SnippetKind,
    ),
    field(
      "categories",
      "f-category",
      t("filterCategory"),
      counted(facet.categories, categoryLabel),
      String,
    ),
    field("localities", "f-locality", t("filterLocality"), counted(facet.localities), String),
    field("levels", "f-level", t("filterLevel"), counted(facet.levels), String),
    field("years", "f-year", t("filterYear"), counted(facet.years), Number),
    field("tags", "f-tag", t("filterTag"), counted(facet.tags), String),
    field(
      "articleIds",
      "f-article",
      t("filterArticle"),
      facet.articles.map((a) => ({ value: a.id, label: a.title, count: a.count })),
      String,
    ),
    field(
      "reviews",
      "f-review",
      t("filterReview"),
      counted(facet.reviews, (v) => reviewLabel(v as ReviewStatus)),
      (v) => v as ReviewStatus,
    ),
  ];
}
