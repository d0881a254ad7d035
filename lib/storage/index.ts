/** The collection database and its repository functions. */
export { CollectionDb, type CollectionDbOptions, DB_NAME, openCollectionDb } from "./db.ts";
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
