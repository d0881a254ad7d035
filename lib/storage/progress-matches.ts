/**
 * The reader's say over the progress view's matching (lib/collection/progress.ts): a result the
 * reader says does not report on a target is kept out of that target's series ("bỏ ghép"), and
 * can be put back ("ghép lại"). Kept on the result snippet as `unmatchedTargets` (the target
 * snippets' ids): an optional field, so no schema version and no upgrade; the JSON export and
 * import carry it with the snippet. Each change is one transaction that stamps the result
 * `updatedAt = now`.
 */
import type { SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "./db.ts";
import { rewriteSnippet } from "./rewrite-snippet.ts";

/** At most this many targets a result is kept apart from (the oldest are forgotten first). */
export const UNMATCHED_LIMIT = 100;

function withUnmatched(record: SnippetRecord, targets: string[], now: number): SnippetRecord {
  const next: SnippetRecord = { ...record, updatedAt: now };
  if (targets.length > 0) next.unmatchedTargets = targets;
  else delete next.unmatchedTargets;
  return next;
}

/**
 * Keeps the result `resultId` out of the target `targetId`'s progress series. Resolves to the
 * record written, or null when the result is gone, is not a result, or was already kept apart.
 */
export function unmatchResult(
  db: CollectionDb,
  resultId: string,
  targetId: string,
  now: number = Date.now(),
): Promise<SnippetRecord | null> {
  return rewriteSnippet(db, resultId, (record) => {
    if (record.kind !== "result" || record.id === targetId) return null;
    const known = record.unmatchedTargets ?? [];
    if (known.includes(targetId)) return null;
    return withUnmatched(record, [...known, targetId].slice(-UNMATCHED_LIMIT), now);
  });
}

/**
 * Undoes `unmatchResult`: the result may be matched to the target again. Resolves to the record
 * written, or null when there was nothing to undo.
 */
export function rematchResult(
  db: CollectionDb,
  resultId: string,
  targetId: string,
  now: number = Date.now(),
): Promise<SnippetRecord | null> {
  return rewriteSnippet(db, resultId, (record) => {
    const known = record.unmatchedTargets ?? [];
    if (!known.includes(targetId)) return null;
    return withUnmatched(
      record,
      known.filter((id) => id !== targetId),
      now,
    );
  });
}
