/**
 * What the reader can do with the rows they selected: accept or reject them, add a tag to them
 * all, delete them (with an
 * undo, like a single delete), or export them with the collection's own exports (CSV for Excel,
 * an Excel workbook, JSON). The export code loads on the first export.
 */
import { useState } from "preact/hooks";
import type { ListedEntry } from "../../../lib/collection/index.ts";
import { getLanguage, t } from "../../../lib/i18n/index.ts";
import type { ReviewStatus, SnippetRecord, StoredEntry } from "../../../lib/snippets/types.ts";
import { reviewLabel } from "../../review-format.ts";
import { downloadBlob, downloadText } from "../download.ts";
import { UndoDelete } from "../UndoDelete.tsx";

type Format = "csv" | "xlsx" | "json";

/** Localities side by side in the workbook's comparison sheet (as the whole export). */
const XLSX_MAX_LOCALITIES = 10;

/**
 * The selected entries as a file: its name and content. The JSON export is lossless: it takes the
 * stored records (`loadStored`), with the saved text and anchor context the listed ones leave out.
 */
async function exportSelection(
  format: Format,
  entries: ListedEntry[],
  loadStored: () => Promise<StoredEntry[]>,
) {
  const lib = await import("../../../lib/export/index.ts");
  const name = lib.exportFileName(format, new Date());
  if (format === "xlsx") {
    const comparison = lib.localityComparison(entries, XLSX_MAX_LOCALITIES, getLanguage());
    downloadBlob(name, await lib.toXlsx(entries, { comparison }));
  } else if (format === "csv") {
    downloadText(name, await lib.toCsvAsync(entries), lib.EXPORT_MIME_TYPES.csv);
  } else {
    downloadText(
      name,
      await lib.toJsonAsync(lib.dataForEntries(await loadStored())),
      lib.EXPORT_MIME_TYPES.json,
    );
  }
  return name;
}

export function BulkActions(props: {
  selected: ListedEntry[];
  /** Adds the tag to the selected snippets; resolves with how many got it. */
  onTag(tag: string): Promise<number>;
  /** Deletes the selected snippets; resolves with the deleted records (for the undo). */
  onDelete(): Promise<SnippetRecord[]>;
  onRestore(records: SnippetRecord[]): Promise<void>;
  /** The stored records of the selected snippets (for the JSON export). */
  loadStored(): Promise<StoredEntry[]>;
  /** Sets the review status of the selected snippets. */
  onReview(status: ReviewStatus): Promise<void>;
  onClear(): void;
}) {
  const [tag, setTag] = useState("");
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [undo, setUndo] = useState<SnippetRecord[] | null>(null);
  const [busy, setBusy] = useState(false);
  const count = props.selected.length;
  const none = count === 0 || busy;

  /** Runs an action; a failure is shown here (a storage failure is also shown by the app). */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const addTag = (event: Event) => {
    event.preventDefault();
    const clean = tag.trim();
    if (!clean) {
      setStatus({ text: t("bulkTagEmpty"), error: true });
      return;
    }
    void run(async () => {
      const tagged = await props.onTag(clean);
      setStatus({ text: t("bulkTagged", clean, tagged) });
      setTag("");
    });
  };

  return (
    <section class="bulk-actions" aria-label={t("bulkActions")} data-selected={count}>
      <p class="selected-count" aria-live="polite">
        {t("selectedCount", count)}
      </p>
      <form class="bulk-tag" onSubmit={addTag}>
        <label for="bulk-tag">{t("bulkTagLabel")}</label>
        <input
          id="bulk-tag"
          type="text"
          value={tag}
          disabled={none}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button type="submit" disabled={none} data-bulk="tag">
          {t("bulkTagAdd")}
        </button>
      </form>
      {(["accepted", "rejected"] as const).map((review) => (
        <button
          key={review}
          type="button"
          disabled={none}
          data-bulk={review === "accepted" ? "accept" : "reject"}
          onClick={() =>
            void run(async () => {
              await props.onReview(review);
              setStatus({ text: t("bulkReviewed", reviewLabel(review), count) });
            })
          }
        >
          {t(review === "accepted" ? "bulkAccept" : "bulkReject")}
        </button>
      ))}
      <button
        type="button"
        disabled={none}
        data-bulk="delete"
        onClick={() =>
          void run(async () => {
            setUndo(await props.onDelete());
            setStatus(null);
          })
        }
      >
        {t("bulkDelete")}
      </button>
      <fieldset class="bulk-export">
        <legend class="sr-only">{t("bulkExport")}</legend>
        {(["csv", "xlsx", "json"] as const).map((format) => (
          <button
            key={format}
            type="button"
            disabled={none}
            data-export-selection={format}
            onClick={() =>
              void run(async () => {
                const name = await exportSelection(format, props.selected, props.loadStored);
                setStatus({ text: t("exportDone", name) });
              })
            }
          >
            {t(
              format === "csv" ? "exportCsv" : format === "xlsx" ? "exportXlsx" : "exportJsonShort",
            )}
          </button>
        ))}
      </fieldset>
      <button type="button" disabled={count === 0} onClick={props.onClear}>
        {t("bulkClear")}
      </button>
      <UndoDelete deleted={undo} onRestore={props.onRestore} onRestored={() => setUndo(null)} />
      {status && (
        <p role="status" class={status.error ? "error" : undefined} data-bulk-status="">
          {status.text}
        </p>
      )}
    </section>
  );
}
