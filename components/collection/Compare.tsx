/**
 * "So sánh": 2–4 articles or localities side by side for a report, rows by indicator category in
 * the resolution's groups; each cell a target, the latest result against it, % thực hiện and a
 * status (see `lib/collection/compare.ts`). The reader's corrected values are compared (marked
 * *đã sửa*); rejected snippets never are; a box limits the comparison to reviewed figures. The
 * popup shows a compact form with a link to the full page, which adds the column order, print and
 * the Excel and Word downloads.
 */
import { useMemo, useState } from "preact/hooks";
import {
  type CompareSource,
  type ComparisonSort,
  comparableSources,
  compareSources,
  type ListedEntry,
  moveSource,
} from "../../lib/collection/index.ts";
import { getLanguage, t } from "../../lib/i18n/index.ts";
import { ColumnOrder } from "./compare/ColumnOrder.tsx";
import { CompareActions, OpenFullPage } from "./compare/CompareActions.tsx";
import { CompareTable } from "./compare/CompareTable.tsx";
import { Legend } from "./compare/Legend.tsx";
import { SourcePicker } from "./compare/SourcePicker.tsx";

export function Compare(props: {
  entries: ListedEntry[];
  mode?: "popup" | "page";
  /** The columns to start with (the popup's choice, passed in the page's address). */
  initialSources?: CompareSource[];
}) {
  const compact = props.mode === "popup";
  const initial = props.initialSources ?? [];
  const [by, setBy] = useState<"article" | "locality">(initial[0]?.type ?? "locality");
  const [chosen, setChosen] = useState<CompareSource[]>(initial);
  const [reviewedOnly, setReviewedOnly] = useState(false);
  const [sort, setSort] = useState<ComparisonSort | null>(null);
  const language = getLanguage();
  const available = useMemo(
    () => comparableSources(props.entries, { reviewedOnly }),
    [props.entries, reviewedOnly],
  );
  const table = useMemo(
    () =>
      chosen.length >= 2 ? compareSources(props.entries, chosen, { reviewedOnly, language }) : null,
    [props.entries, chosen, reviewedOnly, language],
  );

  return (
    <div class={`compare${compact ? " compact" : ""}`}>
      <div class="no-print">
        <SourcePicker
          available={available}
          by={by}
          onBy={(mode) => {
            setBy(mode);
            setChosen([]);
          }}
          chosen={chosen}
          onChosen={setChosen}
          reviewedOnly={reviewedOnly}
          onReviewedOnly={setReviewedOnly}
        />
      </div>
      {!table ? (
        <p class="muted">{t("compareNeedTwo")}</p>
      ) : table.rows.length === 0 ? (
        <p class="muted">{t("compareNoRows")}</p>
      ) : (
        <>
          <div class="no-print compare-tools">
            {compact ? (
              <OpenFullPage sources={chosen} />
            ) : (
              <>
                <ColumnOrder
                  columns={table.columns}
                  onMove={(index, step) => setChosen(moveSource(chosen, index, step))}
                />
                <CompareActions table={table} sort={sort} />
              </>
            )}
          </div>
          <h2 class="print-only">{t("tabCompare")}</h2>
          <CompareTable table={table} sort={sort} onSort={setSort} compact={compact} />
          <Legend compact={compact} />
        </>
      )}
    </div>
  );
}
