/**
 * The collection pages' logic over plain arrays of records: entries joined
 * with their articles, search and filters, and the side-by-side comparison.
 */

export {
  type Attainment,
  type AttainmentStatus,
  attainment,
  comparableUnits,
  type Figure,
  type FigureSpan,
  isCeiling,
  type NoDataReason,
  readUnit,
  spanOf,
  spansMeet,
  type UnitReading,
  unitCompareKey,
} from "./attainment.ts";
export {
  type ComparableSource,
  type CompareSource,
  type ComparisonCell,
  type ComparisonChart,
  type ComparisonColumn,
  type ComparisonOptions,
  type ComparisonPair,
  type ComparisonRow,
  type ComparisonSort,
  type ComparisonSortKey,
  type ComparisonTable,
  comparableSources,
  compareSources,
  figuresMeet,
  moveSource,
  numericValue,
  pairTargetsAndResults,
  rowsByGroup,
  sameSource,
  scaledValue,
  sortComparisonRows,
} from "./compare.ts";
export { parseSourcesParam, sourcesParam } from "./compare-url.ts";
export { type CompareOptions, comparedEntries } from "./compared.ts";
export { joinEntries, type ListedEntry, newestFirst } from "./entries.ts";
export { type Count, type Facets, facets } from "./facets.ts";
export {
  type Excerpt,
  excerptAround,
  matchSpans,
  type Span,
  wordsMissingFrom,
  wordsStartingNowhere,
} from "./marks.ts";
export {
  createSearchIndex,
  type IndexedEntry,
  queryWords,
  type SearchIndex,
  type SnippetFilter,
  searchEntries,
  yearsOf,
} from "./search.ts";
export { foldForSearch, foldWithOffsets } from "./search-fold.ts";
export {
  compareSortValues,
  DEFAULT_TABLE_PREFS,
  GROUP_BY,
  type GroupBy,
  groupRows,
  idRange,
  nextSort,
  parseTablePrefs,
  type RowGroup,
  type SortDirection,
  type SortSpec,
  type SortValue,
  sortRows,
  type TableLine,
  type TablePrefs,
  tableLines,
  withIds,
} from "./table.ts";
