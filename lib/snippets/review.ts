/**
 * A snippet's effective values: the reader's correction of a field when there is one, else the
 * engine's value (and, for locality and level, the article's). Comparison, search, progress,
 * every export but the lossless JSON, and the pages show these; the stored record keeps both.
 */

import type { CorrectableField, Corrections, ReviewStatus } from "./review-types.ts";
import type { ListedArticle, ListedEntry, ListedSnippet, SnippetRecord } from "./types.ts";

/** The terms of a figure a reader can correct: its unit, comparator, direction, horizon, deadline. */
export const TERM_FIELDS = ["unit", "comparator", "direction", "horizon", "deadline"] as const;

/** The fields a correction sets on the snippet itself. */
export const SNIPPET_FIELDS = ["kind", "indicator", "category", "value", ...TERM_FIELDS] as const;

/** The fields a correction sets on the snippet's article as the snippet sees it. */
export const PLACE_FIELDS = ["locality", "level"] as const;

/** Every field the reader can correct, in the order the editor shows them. */
export const CORRECTABLE_FIELDS: readonly CorrectableField[] = [...SNIPPET_FIELDS, ...PLACE_FIELDS];

export const REVIEW_STATUSES: readonly ReviewStatus[] = [
  "unreviewed",
  "accepted",
  "corrected",
  "rejected",
];

/** The snippet's status (`unreviewed` for a record written before reviews existed). */
export function reviewOf(snippet: Pick<SnippetRecord, "review">): ReviewStatus {
  return snippet.review ?? "unreviewed";
}

/** Accepted or corrected: someone checked the figure. */
export function isReviewed(snippet: Pick<SnippetRecord, "review">): boolean {
  const review = reviewOf(snippet);
  return review === "accepted" || review === "corrected";
}

export function isRejected(snippet: Pick<SnippetRecord, "review">): boolean {
  return reviewOf(snippet) === "rejected";
}

/** The fields the reader corrected, in `CORRECTABLE_FIELDS` order. */
export function correctedFields(snippet: Pick<SnippetRecord, "corrections">): CorrectableField[] {
  const corrections = snippet.corrections;
  if (!corrections) return [];
  return CORRECTABLE_FIELDS.filter((field) => Object.hasOwn(corrections, field));
}

export function hasCorrections(snippet: Pick<SnippetRecord, "corrections">): boolean {
  return correctedFields(snippet).length > 0;
}

/**
 * The snippet with its corrected fields in place of the engine's (locality and level aside: see
 * `effectiveArticle`). The same object when nothing is corrected; idempotent.
 */
export function effectiveSnippet<S extends ListedSnippet>(record: S): S {
  const c = record.corrections;
  if (!c) return record;
  const out: S = { ...record };
  let changed = false;
  for (const field of SNIPPET_FIELDS) {
    if (!Object.hasOwn(c, field)) continue;
    (out as unknown as Record<string, unknown>)[field] = c[field];
    changed = true;
  }
  return changed ? out : record;
}

/** The article as the snippet sees it: with the snippet's corrected locality and level. */
export function effectiveArticle<A extends ListedArticle>(
  record: ListedSnippet,
  article: A | undefined,
): A | undefined {
  const c = record.corrections;
  if (!article || !c) return article;
  const locality = Object.hasOwn(c, "locality");
  const level = Object.hasOwn(c, "level");
  if (!locality && !level) return article;
  return {
    ...article,
    ...(locality ? { locality: c.locality ?? null } : {}),
    ...(level ? { level: c.level ?? null } : {}),
  };
}

/** The entry with effective values in the snippet and its article (see above); idempotent. */
export function effectiveEntry<E extends ListedEntry>(entry: E): E {
  const snippet = effectiveSnippet(entry.snippet);
  const article = effectiveArticle(entry.snippet, entry.article);
  if (snippet === entry.snippet && article === entry.article) return entry;
  return { ...entry, snippet, article };
}

/** The entries without the rejected ones. */
export function withoutRejected<E extends ListedEntry>(entries: readonly E[]): E[] {
  return entries.filter((entry) => !isRejected(entry.snippet));
}

/** The engine's value of a field (the article's for locality and level). */
export function engineValue(
  record: ListedSnippet,
  article: ListedArticle | undefined,
  field: CorrectableField,
): unknown {
  if (field === "locality") return article?.locality ?? null;
  if (field === "level") return article?.level ?? null;
  return record[field];
}

/** Structural equality of plain JSON values (key order ignored, `undefined` keys skipped). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: object) =>
    Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * The corrections after the reader sets `changes` (a value equal to the engine's removes that
 * field's correction: setting a field back is reverting it).
 */
export function applyCorrections(
  record: ListedSnippet,
  article: ListedArticle | undefined,
  changes: Corrections,
): Corrections {
  const next: Record<string, unknown> = { ...(record.corrections ?? {}) };
  for (const field of CORRECTABLE_FIELDS) {
    if (!Object.hasOwn(changes, field)) continue;
    const value = changes[field];
    if (value === undefined || sameValue(value, engineValue(record, article, field)))
      delete next[field];
    else next[field] = value;
  }
  return next as Corrections;
}

/**
 * The status a snippet takes: `rejected` when the reader rejects it; otherwise `corrected` while
 * any correction stands; otherwise what was asked. A correction of a rejected snippet un-rejects
 * it (`corrected`); reverting its last correction leaves it `unreviewed` (as the engine read it).
 */
export function statusAfter(
  requested: ReviewStatus,
  corrections: Corrections | undefined,
): ReviewStatus {
  if (requested === "rejected") return "rejected";
  if (corrections && Object.keys(corrections).length > 0) return "corrected";
  return requested === "corrected" ? "unreviewed" : requested;
}
