/** The chosen columns in order, each with buttons that move it left or right. */
import type { ComparisonColumn } from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";

export function ColumnOrder(props: {
  columns: ComparisonColumn[];
  onMove(index: number, by: number): void;
}) {
  const { columns } = props;
  return (
    <section class="column-order" aria-labelledby="column-order-title">
      <h2 id="column-order-title">{t("compareColumns")}</h2>
      <ol>
        {columns.map((column, i) => (
          <li key={i} data-column-order={i}>
            <span class="column-name">{column.label}</span>
            <button
              type="button"
              class="move"
              aria-label={t("compareMoveLeft", column.label)}
              title={t("compareMoveLeft", column.label)}
              disabled={i === 0}
              onClick={() => props.onMove(i, -1)}
              data-move="left"
            >
              ←
            </button>
            <button
              type="button"
              class="move"
              aria-label={t("compareMoveRight", column.label)}
              title={t("compareMoveRight", column.label)}
              disabled={i === columns.length - 1}
              onClick={() => props.onMove(i, 1)}
              data-move="right"
            >
              →
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
