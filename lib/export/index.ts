/**
 * Exports of the collection: JSON (lossless, re-importable), CSV (Excel),
 * Markdown, iCalendar and W3C Web Annotation (JSON-LD), each sync and async
 * (chunked, with progress); XLSX (table, comparison, sources) and DOCX (the
 * comparison), whose libraries load on demand.
 */
export { mapInChunks, yieldToEventLoop } from "./chunked.ts";
export {
  COMPARISON_WORDS,
  comparisonArticles,
  comparisonCellLines,
  comparisonFileName,
  localityComparison,
  percentText,
  statusText,
} from "./comparison.ts";
export {
  CSV_BOM,
  CSV_COLUMNS,
  CSV_NEWLINE,
  type CsvOptions,
  csvHeader,
  csvRow,
  toCsv,
  toCsvAsync,
} from "./csv.ts";
export { comparisonToDocx, DOCX_MIME_TYPE, type DocxOptions } from "./docx.ts";
export { dueClause, dueLabel } from "./due.ts";
export {
  type CollectionData,
  canonicalArticle,
  canonicalSnippet,
  dataForEntries,
  EXPORT_FORMAT,
  EXPORT_MIME_TYPES,
  EXPORT_VERSION,
  type ExportDocument,
  type ExportKind,
  exportFileName,
  type ListedEntry,
  localIsoDate,
  type ProgressCallback,
  type StoredEntry,
} from "./format.ts";
export {
  deadlineGroups,
  eventUid,
  groupEvent,
  type IcsResult,
  toIcs,
  toIcsAsync,
} from "./ics.ts";
export { readCollection, toExportDocument, toJson, toJsonAsync } from "./json.ts";
export {
  COLUMN_HEADERS,
  comparatorWord,
  directionWord,
  horizonWord,
  kindWord,
  TABLE_COLUMNS,
  type TableColumn,
} from "./labels.ts";
export {
  escapeInline,
  escapeMarkdown,
  type MarkdownOptions,
  markdownBullet,
  markdownIndicator,
  markdownUrl,
  toMarkdown,
  toMarkdownAsync,
} from "./markdown.ts";
export { type TableRow, type TableValue, tableRow } from "./table.ts";
export {
  ANNOTATION_CONTEXT,
  type Annotation,
  type AnnotationCollection,
  type AnnotationPage,
  annotationDescription,
  annotationId,
  snippetAnnotation,
  toWebAnnotation,
  toWebAnnotationAsync,
  type WebAnnotationOptions,
  webAnnotationJson,
} from "./web-annotation.ts";
export {
  sourcesSheetData,
  tableSheetData,
  toXlsx,
  XLSX_COLUMNS,
  XLSX_MIME_TYPE,
  type XlsxOptions,
  xlsxSheetNames,
  xlsxSheets,
} from "./xlsx.ts";
export {
  comparisonSheetData,
  comparisonSheetNames,
  comparisonSheets,
  comparisonSourcesData,
  comparisonToXlsx,
} from "./xlsx-comparison.ts";
export { xmlText } from "./xml-text.ts";
