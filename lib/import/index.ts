/** Import of JSON exports: validation (valibot), migration of older versions, all-or-nothing merge. */

export { WRITE_CHUNK } from "../storage/import.ts";
export { isCalendarDate } from "./field-schemas.ts";
export { FORBIDDEN_KEYS } from "./forbidden-keys.ts";
export { checkHeader, type Migration, migrateImport } from "./header.ts";
export { type ImportOptions, type ImportResult, importCollection } from "./import.ts";
export { locateJsonError } from "./json-error.ts";
export { IMPORT_LIMITS } from "./limits.ts";
export { mergeArticle, mergeNotes, mergeSnippet } from "./merge.ts";
export { type ParseResult, parseImport } from "./parse.ts";
export {
  AnchorSchema,
  ArticleSchema,
  DeadlineSchema,
  EnvelopeSchema,
  HorizonSchema,
  SnippetSchema,
  ValueSchema,
} from "./schema.ts";
