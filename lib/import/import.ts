/**
 * Import of a JSON export (any version up to this build's `EXPORT_VERSION`): the whole file is
 * checked first (`parseImport`, parse.ts), records with the same id inside the file are merged
 * (merge.ts), then everything is written in one transaction, all or nothing, merged with the
 * records already in the collection (`writeImport`, lib/storage/import.ts).
 */
import type { ProgressCallback } from "../export/format.ts";
import type { CollectionDb } from "../storage/db.ts";
import { describeStorageFailure, type StorageFailure } from "../storage/errors.ts";
import { type ImportCounts, writeImport } from "../storage/import.ts";
import { errorText } from "./json-error.ts";
import { mergeArticle, mergeDuplicates, mergeSnippet } from "./merge.ts";
import { parseImport } from "./parse.ts";

export type ImportResult =
  | ({ ok: true } & ImportCounts)
  | {
      ok: false;
      errors: string[];
      /** When the file was fine but writing it failed for a storage reason (full disk…). */
      storageFailure?: StorageFailure;
    };

export interface ImportOptions {
  /** Called with (0, total) after validation, then after each chunk of records written. */
  onProgress?: ProgressCallback;
  /** The import time (ms), for records the merge changes; `Date.now()` by default. */
  now?: number;
}

/**
 * Imports an export file into the collection: validates all of it first
 * (`parseImport`), then writes it in one transaction (all or nothing), merging
 * duplicates. Never throws: a write failure is reported as `ok: false` and the
 * collection is left as it was.
 */
export async function importCollection(
  db: CollectionDb,
  text: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  const now = options.now ?? Date.now();
  const articles = mergeDuplicates(parsed.data.articles, mergeArticle);
  const snippets = mergeDuplicates(parsed.data.snippets, (a, b) => mergeSnippet(a, b, now));
  options.onProgress?.(0, articles.length + snippets.length);
  try {
    const counts = await writeImport(
      db,
      { articles, snippets },
      { now, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    );
    return { ok: true, ...counts };
  } catch (error) {
    const storageFailure = describeStorageFailure(error);
    return {
      ok: false,
      errors: [
        `Không ghi được vào bộ sưu tập (${errorText(error)}); không có thay đổi nào được lưu.`,
      ],
      ...(storageFailure ? { storageFailure } : {}),
    };
  }
}
