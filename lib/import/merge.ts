/**
 * How a record of an import file meets the record with the same id (in the collection, or earlier
 * in the same file):
 * - an article: the record with the newer `updatedAt` wins (the collection's on a tie),
 *   `createdAt` is the earlier one;
 * - a snippet: fields of the record with the newer `updatedAt` (the collection's on a tie), tags =
 *   union (collection's first), note = the collection's if the file's is empty or already in it,
 *   the file's if the collection's is empty or in it, else both separated by a blank line;
 *   `createdAt` the earlier, `updatedAt` the later, or the import time when the merge made a
 *   record that neither side had; the review status and corrections go with the newer record,
 *   or come from the other when the newer has none (a file from before reviews).
 */
import { canonicalArticle, canonicalSnippet } from "../export/format.ts";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";

/** Structural equality of JSON-like values (records from the file or the database). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, k) => sameJson(item, b[k]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((key) => x[key] !== undefined);
  if (keys.length !== Object.keys(y).filter((key) => y[key] !== undefined).length) return false;
  return keys.every((key) => sameJson(x[key], y[key]));
}

/** The article from the file merged into the stored one: the newer record, the earlier `createdAt`. */
export function mergeArticle(existing: ArticleRecord, incoming: ArticleRecord): ArticleRecord {
  const newer = incoming.updatedAt > existing.updatedAt ? incoming : existing;
  return canonicalArticle({
    ...newer,
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
  });
}

/** True when `note` holds `part` as a whole paragraph (or is it). */
function holdsParagraph(note: string, part: string): boolean {
  return (
    note === part ||
    note.startsWith(`${part}\n\n`) ||
    note.endsWith(`\n\n${part}`) ||
    note.includes(`\n\n${part}\n\n`)
  );
}

/** Both readers' notes, without repeating one already in the other. */
export function mergeNotes(existing: string, incoming: string): string {
  if (incoming.trim() === "" || holdsParagraph(existing, incoming)) return existing;
  if (existing.trim() === "" || holdsParagraph(incoming, existing)) return incoming;
  return `${existing}\n\n${incoming}`;
}

function withoutTimes(snippet: SnippetRecord): SnippetRecord {
  return { ...snippet, createdAt: 0, updatedAt: 0 };
}

/** The snippet from the file merged into the stored one (rules in the module comment). */
export function mergeSnippet(
  existing: SnippetRecord,
  incoming: SnippetRecord,
  now: number,
): SnippetRecord {
  const newer = incoming.updatedAt > existing.updatedAt ? incoming : existing;
  const older = newer === incoming ? existing : incoming;
  const merged = canonicalSnippet({
    ...newer,
    // A file written before reviews existed says nothing of them: the other side's stay.
    review: newer.review ?? older.review,
    corrections: newer.corrections ?? older.corrections,
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    note: mergeNotes(existing.note, incoming.note),
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
  });
  const content = withoutTimes(merged);
  if (!sameJson(content, withoutTimes(existing)) && !sameJson(content, withoutTimes(incoming))) {
    merged.updatedAt = Math.max(merged.updatedAt, now);
  }
  return merged;
}

/** Records with one per id, duplicates merged in file order. */
export function mergeDuplicates<T extends { id: string }>(
  records: readonly T[],
  merge: (a: T, b: T) => T,
): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const seen = byId.get(record.id);
    byId.set(record.id, seen ? merge(seen, record) : record);
  }
  return [...byId.values()];
}
