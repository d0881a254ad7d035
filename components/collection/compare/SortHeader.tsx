/** A column header that sorts the rows (its state in `aria-sort`, the arrow drawn by CSS). */
import type { ComparisonSort, ComparisonSortKey } from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";

export function SortHeader(props: {
  sortKey: ComparisonSortKey;
  label: string;
  sort: ComparisonSort | null;
  onSort(sort: ComparisonSort): void;
  class?: string;
}) {
  const { sortKey, sort } = props;
  const active = sort?.key === sortKey;
  // Names start A→Z; spread and % thực hiện start with the largest.
  const first = sortKey === "name" ? "ascending" : "descending";
  const next = active ? (sort.direction === "ascending" ? "descending" : "ascending") : first;
  return (
    <th
      scope="col"
      class={props.class}
      aria-sort={active ? sort.direction : "none"}
      data-sort-key={sortKey}
    >
      <button
        type="button"
        class="sort"
        title={t("compareSortBy", props.label)}
        onClick={() => props.onSort({ key: sortKey, direction: next })}
      >
        {props.label}
      </button>
    </th>
  );
}
