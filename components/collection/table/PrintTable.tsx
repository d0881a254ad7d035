/**
 * The collection table as it prints: every row of the current sort and grouping (no group folded,
 * none left out by the virtualiser), the visible columns, plain text; the header row repeats on
 * each page (print.css).
 */
import type { ListedEntry, TableLine } from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";
import type { TableColumn } from "./columns.ts";

export function PrintTable(props: {
  lines: readonly TableLine<ListedEntry>[];
  columns: readonly TableColumn[];
}) {
  const { lines, columns } = props;
  return (
    <table class="print-table" data-print-rows={lines.filter((l) => l.type === "row").length}>
      <caption>{t("tabCollection")}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.id} scope="col">
              {t(column.header)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) =>
          line.type === "group" ? (
            <tr key={`g:${line.key}`} class="print-group">
              <th scope="colgroup" colSpan={columns.length}>
                {line.label || t("groupUnknown")} · {t("groupCount", line.count)}
              </th>
            </tr>
          ) : (
            <tr key={line.row.snippet.id} data-print-row={line.row.snippet.id}>
              {columns.map((column) => (
                <td key={column.id} class={column.cellClass}>
                  {column.text(line.row)}
                </td>
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
