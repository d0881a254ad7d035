/** Import of JSON exports: validation (valibot), migration of older versions, all-or-nothing merge. */
export {
  type ImportOptions,
  type ImportResult,
  importCollection,
  locateJsonError,
  mergeArticle,
  mergeNotes,
  mergeSnippet,
  type ParseResult,
  parseImport,
  WRITE_CHUNK,
} from "./import.ts";
export {
  AnchorSchema,
  ArticleSchema,
  checkHeader,
  DeadlineSchema,
  EnvelopeSchema,
  FORBIDDEN_KEYS,
  HorizonSchema,
  IMPORT_LIMITS,
  isCalendarDate,
  type Migration,
  migrateImport,
  SnippetSchema,
  ValueSchema,
} from "./schema.ts";
