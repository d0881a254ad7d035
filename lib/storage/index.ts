/** The collection database and its repository functions. */

export { isOpenBlocked, watchBlockedOpen } from "./blocked.ts";
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
  describeStorageFailure,
  errorMessage,
  StorageBlockedError,
  type StorageFailure,
  type StorageFailureCode,
  storageFailureCode,
  storageFailureMessage,
} from "./errors.ts";
export {
  countSnippets,
  deleteSnippets,
  findArticle,
  restoreSnippets,
  type SaveOptions,
  type SaveResult,
  saveSnippets,
  snippetsForArticle,
} from "./snippets.ts";
export { SNIPPET_KINDS } from "./validate.ts";
