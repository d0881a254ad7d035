/**
 * The collection database and every operation on it. All writes to the collection go through
 * these functions (one module per family: save.ts for the pages' saves, edit.ts, clear.ts,
 * import.ts), from the background and the extension pages alike; components and entrypoints never
 * use Dexie or the database's tables themselves (tests/unit/one-writer.test.ts).
 */

export { isOpenBlocked, watchBlockedOpen } from "./blocked.ts";
export { clearCollection } from "./clear.ts";
export {
  CollectionDb,
  type CollectionDbOptions,
  DB_NAME,
  declareSchema,
  openCollectionDb,
  SCHEMA_HISTORY,
  SCHEMA_VERSION,
} from "./db.ts";
export {
  deleteSnippets,
  restoreSnippets,
  type SnippetEdit,
  tagSnippets,
  updateSnippet,
} from "./edit.ts";
export {
  describeStorageFailure,
  errorMessage,
  StorageBlockedError,
  type StorageFailure,
  type StorageFailureCode,
  storageFailureCode,
  storageFailureMessage,
} from "./errors.ts";
export { type ImportCounts, WRITE_CHUNK, writeImport } from "./import.ts";
export {
  acceptPageChange,
  keepSavedFigure,
  reattachSnippet,
  recordPageChanges,
} from "./page-changes.ts";
export { rematchResult, UNMATCHED_LIMIT, unmatchResult } from "./progress-matches.ts";
export { articleCopies, type SameArticle, splitCopy } from "./republished.ts";
export type { ArticleCopyRecord, FingerprintRecord } from "./republished-records.ts";
export { correctSnippet, revertCorrection, setReview } from "./review.ts";
export {
  countSnippets,
  findArticle,
  type SaveOptions,
  type SaveResult,
  saveSnippets,
  snippetsForArticle,
} from "./save.ts";
export { type StoredArticle, storedArticle, storedEntries } from "./stored-records.ts";
export { SNIPPET_KINDS } from "./validate.ts";
export {
  type CollectionRead,
  type CollectionView,
  type CollectionWatcher,
  earlyReadResult,
  type NewestRead,
  newestSnippets,
  readCollectionView,
  startNewestRead,
  watchCollection,
} from "./watch.ts";
