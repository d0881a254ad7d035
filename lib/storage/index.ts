/** The collection database and its repository functions. */
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
  countSnippets,
  deleteSnippets,
  findArticle,
  restoreSnippets,
  type SaveResult,
  saveSnippets,
  snippetsForArticle,
} from "./snippets.ts";
export { SNIPPET_KINDS } from "./validate.ts";
