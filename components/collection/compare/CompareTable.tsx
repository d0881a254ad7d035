/**
 * The comparison table: a header row (sortable by name, spread and % thực hiện), then per group a
 * group heading row and its rows; one cell per column. The same table prints (A4 landscape).
 */
import {
  type ComparisonSort,
  type ComparisonSortKey,
  type ComparisonTable,
  rowsByGroup,
  sortComparisonRows,
} from "../../../lib/collection/index.ts";
import { getLanguage, type MessageKey, t } from "../../../lib/i18n/index.ts";
import { CompareCell } from "./CompareCell.tsx";
import { formatPercent, GROUP_KEYS } from "./format.ts";
import { SortHeader } from "./SortHeader.tsx";

/** The headers of the two measure columns, after the figure columns. */
const MEASURE_HEADERS: ReadonlyArray<readonly [ComparisonSortKey, MessageKey]> = [
  ["spread", "compareSpread"],
  ["percent", "comparePercentMean"],
];

export function CompareTable(props: {
  table: ComparisonTable;
  sort: ComparisonSort | null;
  onSort(sort: ComparisonSort): void;
  compact: boolean;
}) {
  const { table, sort, compact } = props;
  const rows = sortComparisonRows(table.rows, sort, getLanguage());
  const span = table.columns.length + 3;
  return (
    <div class="table-wrap">
      <table class={`compare-table${compact ? " compact" : ""}`}>
        <thead>
          <tr>
            <SortHeader
              sortKey="name"
              label={t("compareIndicator")}
              sort={sort}
              onSort={props.onSort}
            />
            {table.columns.map((column, i) => (
              // The columns share the width: a column with few figures is as wide as the others.
              <th
                scope="col"
                key={i}
                data-column={i}
                style={{ width: `${Math.floor(64 / table.columns.length)}%` }}
              >
                {column.label}
              </th>
            ))}
            {MEASURE_HEADERS.map(([sortKey, label]) => (
              <SortHeader
                key={sortKey}
                sortKey={sortKey}
                label={t(label)}
                sort={sort}
                onSort={props.onSort}
                class="measure"
              />
            ))}
          </tr>
        </thead>
        {rowsByGroup(rows).map(({ group, rows: groupRows }) => (
          <tbody key={group} data-group={group}>
            <tr class="group-row">
              <th scope="colgroup" colSpan={span}>
                {t(GROUP_KEYS[group])}
              </th>
            </tr>
            {groupRows.map((row) => (
              <tr
                key={row.category}
                class={row.differs ? "differs" : undefined}
                data-category={row.category}
              >
                <th scope="row">
                  {row.label}
                  {row.differs && <span class="badge">{t("compareDiffers")}</span>}
                </th>
                {row.cells.map((cell, i) => (
                  <CompareCell key={i} cell={cell} compact={compact} />
                ))}
                <td class="measure" data-spread={row.spread ?? ""}>
                  {row.spread === null ? "" : formatPercent(row.spread * 100)}
                </td>
                <td class="measure" data-percent-mean={row.percentDone ?? ""}>
                  {row.percentDone === null ? "" : formatPercent(row.percentDone)}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
