/**
 * The JSON export: versioned (`format`, `version`), lossless (every field of
 * every article and snippet, snapshots, anchors, notes and tags) and
 * deterministic (articles by id, snippets by article, text position and id;
 * fields in declaration order), so the same collection always gives the same
 * file apart from `exportedAt`. `lib/import` reads it back.
 */
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "../storage/db.ts";
import { allSnippets } from "../storage/snippet-records.ts";
import { mapInChunks } from "./chunked.ts";
import {
  type CollectionData,
  canonicalArticle,
  canonicalSnippet,
  compareArticles,
  compareSnippets,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  type ProgressCallback,
} from "./format.ts";

/** The export document for `data` (sorted, canonical records). */
export function toExportDocument(data: CollectionData, now: Date = new Date()): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    articles: [...data.articles].sort(compareArticles).map(canonicalArticle),
    snippets: [...data.snippets].sort(compareSnippets).map(canonicalSnippet),
  };
}

/** One record as it stands in the file's array (pretty-printed, indented two levels). */
function recordJson(record: ArticleRecord | SnippetRecord): string {
  // Strings never hold a raw line break in JSON text, so every "\n" is structural.
  return `    ${JSON.stringify(record, null, 2).replace(/\n/g, "\n    ")}`;
}

function arrayJson(records: readonly string[]): string {
  return records.length === 0 ? "[]" : `[\n${records.join(",\n")}\n  ]`;
}

/**
 * Assembles the file from already formatted records: the same text as
 * `JSON.stringify(document, null, 2)`, plus a final line break.
 */
function assemble(document: ExportDocument, articles: string[], snippets: string[]): string {
  return [
    "{",
    `  "format": ${JSON.stringify(document.format)},`,
    `  "version": ${JSON.stringify(document.version)},`,
    `  "exportedAt": ${JSON.stringify(document.exportedAt)},`,
    `  "articles": ${arrayJson(articles)},`,
    `  "snippets": ${arrayJson(snippets)}`,
    "}",
    "",
  ].join("\n");
}

/** The collection (or part of it) as a JSON export file (2-space indentation, final line break). */
export function toJson(data: CollectionData, now: Date = new Date()): string {
  const document = toExportDocument(data, now);
  return assemble(document, document.articles.map(recordJson), document.snippets.map(recordJson));
}

/** `toJson` in chunks, reporting records formatted (articles then snippets) of all records. */
export async function toJsonAsync(
  data: CollectionData,
  options: { now?: Date; onProgress?: ProgressCallback } = {},
): Promise<string> {
  const document = toExportDocument(data, options.now ?? new Date());
  const total = document.articles.length + document.snippets.length;
  const articles = await mapInChunks(document.articles, recordJson, (done) =>
    options.onProgress?.(done, total),
  );
  const snippets = await mapInChunks(document.snippets, recordJson, (done) =>
    options.onProgress?.(document.articles.length + done, total),
  );
  return assemble(document, articles, snippets);
}

/** Every article and snippet in the database, read in one transaction (a consistent snapshot). */
export async function readCollection(
  db: CollectionDb,
): Promise<{ articles: ArticleRecord[]; snippets: SnippetRecord[] }> {
  return db.transaction("r", db.articles, db.snippets, db.snippetGroups, async () => ({
    articles: await db.articles.toArray(),
    snippets: await allSnippets(db),
  }));
}
