/**
 * "Xuất / Nhập": export the whole collection or the current filter (JSON,
 * CSV for Excel, Markdown, iCalendar, an Excel workbook, the comparison of its
 * localities as a Word table, W3C Web Annotation JSON-LD), import a JSON export (all or nothing,
 * duplicates merged), and clear the collection.
 */
import { useState } from "preact/hooks";
import type { ListedEntry } from "../../lib/collection/index.ts";
import { progressSeries } from "../../lib/collection/progress.ts";
import {
  comparisonToDocx,
  dataForEntries,
  EXPORT_MIME_TYPES,
  type ExportKind,
  exportFileName,
  localityComparison,
  toCsvAsync,
  toIcsAsync,
  toJsonAsync,
  toMarkdownAsync,
  toWebAnnotationAsync,
  toXlsx,
} from "../../lib/export/index.ts";
import { getLanguage, type MessageKey, t } from "../../lib/i18n/index.ts";
import { importCollection } from "../../lib/import/index.ts";
import type { ListedArticle } from "../../lib/snippets/types.ts";
import type { CollectionDb } from "../../lib/storage/index.ts";
import { clearCollection, errorMessage, storedEntries } from "../../lib/storage/index.ts";
import { downloadBlob, downloadText } from "./download.ts";

/** Localities side by side in the Word comparison (a landscape page holds about four). */
const DOCX_MAX_LOCALITIES = 4;
/** Localities in the workbook's comparison sheet (two columns each; more is hard to read). */
const XLSX_MAX_LOCALITIES = 10;

/** Lets the page paint the progress line before the work starts. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The export buttons, in the order shown: each format with its label. */
const EXPORT_BUTTONS: ReadonlyArray<readonly [ExportKind, MessageKey]> = [
  ["json", "exportJson"],
  ["csv", "exportCsv"],
  ["md", "exportMarkdown"],
  ["ics", "exportIcs"],
  ["xlsx", "exportXlsx"],
  ["docx", "exportDocx"],
  ["web-annotation", "exportWebAnnotation"],
];

/** What an export covers: the whole collection or the filtered entries. */
type ExportScope = "all" | "filtered";

/** The scope choices, in the order shown: each with its label (which takes the entry count). */
const SCOPES: ReadonlyArray<readonly [ExportScope, MessageKey]> = [
  ["all", "exportAll"],
  ["filtered", "exportFiltered"],
];

export function Transfer(props: {
  db: CollectionDb;
  all: ListedEntry[];
  filtered: ListedEntry[];
  articles: ListedArticle[];
}) {
  const [scope, setScope] = useState<ExportScope>("all");
  /** The last outcome; `alert` for a storage failure (the collection could not be written). */
  const [status, setStatus] = useState<{ text: string; error?: boolean; alert?: boolean } | null>(
    null,
  );
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const entries = scope === "all" ? props.all : props.filtered;

  const run = async (format: ExportKind) => {
    setBusy(true);
    setErrors([]);
    setStatus({ text: t("exportProgress", 0, entries.length) });
    await nextFrame();
    try {
      const onProgress = (done: number, total: number) =>
        setStatus({ text: t("exportProgress", done, total) });
      if (format === "xlsx" || format === "docx") {
        let blob: Blob;
        if (format === "xlsx") {
          const comparison = localityComparison(entries, XLSX_MAX_LOCALITIES, getLanguage());
          blob = await toXlsx(entries, { comparison, progress: progressSeries(entries) });
        } else {
          const comparison = localityComparison(entries, DOCX_MAX_LOCALITIES, getLanguage());
          if (!comparison) {
            setStatus({ text: t("exportNoComparison") });
            return;
          }
          blob = await comparisonToDocx(comparison);
        }
        const name = exportFileName(format, new Date());
        downloadBlob(name, blob);
        setStatus({ text: t("exportDone", name) });
        return;
      }
      // The lossless exports take the stored records: the listed ones leave out each article's
      // saved text and each anchor's context.
      const stored = () =>
        storedEntries(
          props.db,
          entries.map((entry) => entry.snippet.id),
        );
      let text: string;
      if (format === "json") {
        text = await toJsonAsync(dataForEntries(await stored()), { onProgress });
      } else if (format === "csv") {
        text = await toCsvAsync(entries, { onProgress });
      } else if (format === "md") {
        text = await toMarkdownAsync(entries, { onProgress });
      } else if (format === "web-annotation") {
        text = await toWebAnnotationAsync(await stored(), { onProgress });
      } else {
        const ics = await toIcsAsync(entries, { onProgress });
        if (!ics.ok) throw new Error(ics.error);
        if (ics.count === 0) {
          setStatus({ text: t("exportNoDeadlines") });
          return;
        }
        text = ics.value;
      }
      const name = exportFileName(format, new Date());
      downloadText(name, text, EXPORT_MIME_TYPES[format]);
      setStatus({ text: t("exportDone", name) });
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    setStatus({ text: t("importProgress", 0, 1) });
    try {
      const text = await file.text();
      const result = await importCollection(props.db, text, {
        onProgress: (done, total) => setStatus({ text: t("importProgress", done, total) }),
      });
      const storageFailure = result.ok ? null : (result.storageFailure ?? null);
      if (result.ok) {
        setStatus({
          text: t("importDone", result.articlesAdded, result.snippetsAdded, result.snippetsMerged),
        });
      } else if (storageFailure) {
        setStatus({
          text: t("importWriteFailed", storageFailure.message),
          error: true,
          alert: true,
        });
      } else {
        setStatus({ text: t("importFailed"), error: true });
        setErrors(result.errors);
      }
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setConfirmClear(false);
    try {
      await clearCollection(props.db);
      setStatus({ text: t("cleared") });
    } catch (error) {
      setStatus({ text: t("writeFailed", errorMessage(error)), error: true, alert: true });
    }
  };

  return (
    <div class="transfer">
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t("exportTitle")}</h2>
        <fieldset>
          <legend>{t("exportScope")}</legend>
          {SCOPES.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="scope"
                checked={scope === value}
                onChange={() => setScope(value)}
              />{" "}
              {t(label, props[value].length)}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          {EXPORT_BUTTONS.map(([format, label]) => (
            <button
              key={format}
              type="button"
              disabled={busy}
              onClick={() => void run(format)}
              data-export={format}
            >
              {t(label)}
            </button>
          ))}
        </div>
      </section>
      <section aria-labelledby="import-title">
        <h2 id="import-title">{t("importTitle")}</h2>
        <p class="muted">{t("importHelp")}</p>
        <label class="file">
          {t("importChoose")}{" "}
          <input
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => void importFile(e.currentTarget.files?.[0])}
            data-import="json"
          />
        </label>
      </section>
      {status && (
        <p
          role={status.alert ? "alert" : "status"}
          class={status.error ? "error" : undefined}
          data-storage-failure={status.alert ? "" : undefined}
        >
          {status.text}
        </p>
      )}
      {errors.length > 0 && (
        <ul class="errors" data-import-errors={errors.length}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <section class="danger">
        {confirmClear ? (
          <p>
            {t("clearConfirm", props.all.length, props.articles.length)}{" "}
            <button
              type="button"
              class="danger"
              onClick={() => void clear()}
              data-action="clear-confirm"
            >
              {t("actionDelete")}
            </button>{" "}
            <button type="button" onClick={() => setConfirmClear(false)}>
              {t("actionCancel")}
            </button>
          </p>
        ) : (
          <button type="button" onClick={() => setConfirmClear(true)} data-action="clear">
            {t("clearAll")}
          </button>
        )}
      </section>
    </div>
  );
}
