/**
 * What the reader does with a comparison: print it (A4 landscape), download it as an Excel sheet
 * or a Word table, both in the UI language, with the columns and row order as shown; in the popup,
 * open it on the full page instead.
 */
import { browser } from "wxt/browser";
import {
  type CompareSource,
  type ComparisonSort,
  type ComparisonTable,
  sortComparisonRows,
  sourcesParam,
} from "../../../lib/collection/index.ts";
import { getLanguage, t } from "../../../lib/i18n/index.ts";
import { ActionRow } from "../ActionRow.tsx";
import { downloadBlob } from "../download.ts";

export function OpenFullPage(props: { sources: CompareSource[] }) {
  const url = `/collection.html?tab=compare&sources=${encodeURIComponent(sourcesParam(props.sources))}`;
  return (
    <a
      class="open-full"
      href={browser.runtime.getURL(url as "/collection.html")}
      target="_blank"
      rel="noopener"
      data-open-full=""
      onClick={(event) => {
        event.preventDefault();
        void browser.tabs.create({ url: browser.runtime.getURL(url as "/collection.html") });
        window.close();
      }}
    >
      {t("compareOpenFull")}
    </a>
  );
}

export function CompareActions(props: { table: ComparisonTable; sort: ComparisonSort | null }) {
  const language = getLanguage();
  const shown = () => ({
    ...props.table,
    rows: sortComparisonRows(props.table.rows, props.sort, language),
  });
  const download = async (kind: "xlsx" | "docx") => {
    const exporter = await import("../../../lib/export/index.ts");
    const blob =
      kind === "xlsx"
        ? await exporter.comparisonToXlsx(shown(), { language })
        : await exporter.comparisonToDocx(shown(), { language });
    downloadBlob(exporter.comparisonFileName(kind, new Date()), blob);
  };
  return (
    <ActionRow
      class="compare-actions"
      actions={[
        { label: t("comparePrint"), run: () => window.print(), data: { "data-compare-print": "" } },
        {
          label: t("compareExportXlsx"),
          run: () => download("xlsx"),
          data: { "data-compare-export": "xlsx" },
        },
        {
          label: t("compareExportDocx"),
          run: () => download("docx"),
          data: { "data-compare-export": "docx" },
        },
      ]}
    />
  );
}
