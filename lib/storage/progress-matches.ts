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

/** A change of whether the result `resultId` is matched to the target `targetId`, at `now`. */
type MatchChange = (
  db: CollectionDb,
  resultId: string,
  targetId: string,
  now?: number,
) => Promise<SnippetRecord | null>;

/**
 * Rewrites the result `resultId`'s list of targets kept apart to what `change` makes of it (the
 * record and its list as stored); `change` returns null to leave the record as it is.
 */
function changeUnmatched(
  db: CollectionDb,
  resultId: string,
  now: number,
  change: (record: SnippetRecord, known: readonly string[]) => string[] | null,
): Promise<SnippetRecord | null> {
  return rewriteSnippet(db, resultId, (record) => {
    const targets = change(record, record.unmatchedTargets ?? []);
    if (!targets) return null;
    const next: SnippetRecord = { ...record, updatedAt: now };
    if (targets.length > 0) next.unmatchedTargets = targets;
    else delete next.unmatchedTargets;
    return next;
  });
}

/**
 * Keeps the result `resultId` out of the target `targetId`'s progress series. Resolves to the
 * record written, or null when the result is gone, is not a result, or was already kept apart.
 */
export const unmatchResult: MatchChange = (db, resultId, targetId, now = Date.now()) =>
  changeUnmatched(db, resultId, now, (record, known) => {
    if (record.kind !== "result" || record.id === targetId || known.includes(targetId)) return null;
    return [...known, targetId].slice(-UNMATCHED_LIMIT);
  });

/**
 * Undoes `unmatchResult`: the result may be matched to the target again. Resolves to the record
 * written, or null when there was nothing to undo.
 */
export const rematchResult: MatchChange = (db, resultId, targetId, now = Date.now()) =>
  changeUnmatched(db, resultId, now, (_record, known) =>
    known.includes(targetId) ? known.filter((id) => id !== targetId) : null,
  );
