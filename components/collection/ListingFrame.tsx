/**
 * What the collection's list and its table both stand in: the empty collection's line, or the
 * collection's search and filters followed by the view itself.
 */
import type { ComponentChildren } from "preact";
import type { SnippetFilter } from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { CollectionFilters, type CollectionFiltersProps } from "./CollectionFilters.tsx";

export function ListingFrame(props: {
  class: string;
  listing: CollectionFiltersProps;
  /** A filter change, when the view does more than pass it on. */
  onFilter?: (filter: SnippetFilter) => void;
  children: ComponentChildren;
}) {
  const { listing } = props;
  if (listing.entries.length === 0) return <p class="muted">{t("emptyCollection")}</p>;
  return (
    <div class={props.class}>
      <CollectionFilters
        entries={listing.entries}
        results={listing.results}
        partial={listing.partial}
        filter={listing.filter}
        onFilter={props.onFilter ?? listing.onFilter}
      />
      {props.children}
    </div>
  );
}
