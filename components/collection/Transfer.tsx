/**
 * "Xuất / Nhập": export the whole collection or the current filter (JSON,
 * CSV for Excel, Markdown, iCalendar), import a JSON export (all or nothing,
 * duplicates merged), and clear the collection.
 */
import { useState } from "preact/hooks";
import type { CollectionEntry } from "../../lib/collection/index.ts";
import { exportFileName, toCsv, toIcs, toJson, toMarkdown } from "../../lib/export/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { importCollection } from "../../lib/import/index.ts";
import type { ArticleRecord } from "../../lib/snippets/types.ts";
import type { CollectionDb } from "../../lib/storage/index.ts";
import { downloadText } from "./download.ts";

type Format = "json" | "csv" | "md" | "ics";

const TYPES: Record<Format, string> = {
  json: "application/json",
  csv: "text/csv;charset=utf-8",
  md: "text/markdown;charset=utf-8",
  ics: "text/calendar;charset=utf-8",
};

/** Lets the page paint the progress line before a long synchronous step. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));

export function Transfer(props: {
  db: CollectionDb;
  all: CollectionEntry[];
  filtered: CollectionEntry[];
  articles: ArticleRecord[];
}) {
  const [scope, setScope] = useState<"all" | "filtered">("all");
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const entries = scope === "all" ? props.all : props.filtered;

  const run = async (format: Format) => {
    setBusy(true);
    setErrors([]);
    setStatus({ text: t("exportProgress", 0, entries.length) });
    await nextFrame();
    try {
      let text: string;
      if (format === "json") {
        const ids = new Set(entries.map((e) => e.snippet.articleId));
        text = toJson({
          articles: props.articles.filter((a) => ids.has(a.id)),
          snippets: entries.map((e) => e.snippet),
        });
      } else if (format === "csv") {
        text = toCsv(entries);
      } else if (format === "md") {
        text = toMarkdown(entries);
      } else {
        const ics = toIcs(entries);
        if (!ics.ok) throw new Error(ics.error);
        if (ics.count === 0) {
          setStatus({ text: t("exportNoDeadlines") });
          return;
        }
        text = ics.value;
      }
      const name = exportFileName(format, new Date());
      downloadText(name, text, TYPES[format]);
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
      const result = await importCollection(props.db, await file.text(), {
        onProgress: (done, total) => setStatus({ text: t("importProgress", done, total) }),
      });
      if (result.ok) {
        setStatus({
          text: t("importDone", result.articlesAdded, result.snippetsAdded, result.snippetsMerged),
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
    await props.db.transaction("rw", props.db.articles, props.db.snippets, async () => {
      await props.db.snippets.clear();
      await props.db.articles.clear();
    });
    setConfirmClear(false);
    setStatus({ text: t("cleared") });
  };

  return (
    <div class="transfer">
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t("exportTitle")}</h2>
        <fieldset>
          <legend>{t("exportScope")}</legend>
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope === "all"}
              onChange={() => setScope("all")}
            />{" "}
            {t("exportAll", props.all.length)}
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope === "filtered"}
              onChange={() => setScope("filtered")}
            />{" "}
            {t("exportFiltered", props.filtered.length)}
          </label>
        </fieldset>
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void run("json")} data-export="json">
            {t("exportJson")}
          </button>
          <button type="button" disabled={busy} onClick={() => void run("csv")} data-export="csv">
            {t("exportCsv")}
          </button>
          <button type="button" disabled={busy} onClick={() => void run("md")} data-export="md">
            {t("exportMarkdown")}
          </button>
          <button type="button" disabled={busy} onClick={() => void run("ics")} data-export="ics">
            {t("exportIcs")}
          </button>
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
        <p role="status" class={status.error ? "error" : undefined}>
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
