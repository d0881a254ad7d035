/**
 * The reader's review of saved snippets: accept, reject or reset them, correct any field (the
 * engine's value stays beside the correction) and revert a correction. Each is one transaction
 * that stamps the snippet `updatedAt = now`; saving the page again never touches any of it
 * (`saveSnippets` leaves a saved snippet as it is).
 */
import { applyCorrections, CORRECTABLE_FIELDS, statusAfter } from "../snippets/review.ts";
import type { CorrectableField, Corrections, ReviewStatus } from "../snippets/review-types.ts";
import type { SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { rewriteSnippet } from "./rewrite-snippet.ts";
import { getSnippets, putSnippets } from "./snippet-records.ts";
import { touch } from "./view-cache.ts";

const STATUSES: ReadonlySet<string> = new Set(["unreviewed", "accepted", "corrected", "rejected"]);

/**
 * Sets the review status of snippets (see `statusAfter`: a snippet with corrections stays
 * `corrected` unless rejected). Returns the ids found, in the given order.
 */
export async function setReview(
  db: CollectionDb,
  ids: readonly string[],
  status: ReviewStatus,
  now: number = Date.now(),
): Promise<string[]> {
  if (!STATUSES.has(status))
    throw new TypeError(
      `review must be one of ${[...STATUSES].join(", ")} (got ${String(status)})`,
    );
  const unique = [...new Set(ids)];
  return db.transaction("rw", db.snippetGroups, db.views, async () => {
    const found = await getSnippets(db, unique);
    const records = found.filter((record): record is SnippetRecord => record !== undefined);
    const updated = records.map((record) => ({
      ...record,
      review: statusAfter(status, record.corrections),
      updatedAt: now,
    }));
    await putSnippets(db, updated);
    if (updated.length > 0) await touch(db);
    return updated.map((record) => record.id);
  });
}

/**
 * Corrects fields of a snippet: each value of `changes` becomes the reader's value of that field
 * (one equal to the engine's reverts the field). The status becomes `corrected` while any
 * correction stands. Returns the stored record, or null when the snippet is not there.
 */
export async function correctSnippet(
  db: CollectionDb,
  id: string,
  changes: Corrections,
  now: number = Date.now(),
): Promise<SnippetRecord | null> {
  for (const field of Object.keys(changes)) {
    if (!CORRECTABLE_FIELDS.includes(field as CorrectableField))
      throw new TypeError(`${field} is not a field the reader can correct`);
  }
  return rewriteSnippet(db, id, async (record) => {
    const article = await db.articles.get(record.articleId);
    const corrections = applyCorrections(record, article, changes);
    const previous = record.review ?? "unreviewed";
    return {
      ...record,
      corrections,
      review: statusAfter(
        previous === "rejected" && Object.keys(corrections).length > 0 ? "corrected" : previous,
        corrections,
      ),
      updatedAt: now,
    };
  });
}

/** Reverts the reader's corrections of `fields` (all of them by default): the engine's values come back. */
export async function revertCorrection(
  db: CollectionDb,
  id: string,
  fields: readonly CorrectableField[] = CORRECTABLE_FIELDS,
  now: number = Date.now(),
): Promise<SnippetRecord | null> {
  return rewriteSnippet(db, id, (record) => {
    const corrections: Record<string, unknown> = { ...(record.corrections ?? {}) };
    for (const field of fields) delete corrections[field];
    return {
      ...record,
      corrections: corrections as Corrections,
      review: statusAfter(record.review ?? "unreviewed", corrections as Corrections),
      updatedAt: now,
    };
  });
}
