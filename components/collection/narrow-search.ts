/**
 * Search as the reader types: a query that only adds to the last one (one more character, one
 * more word, the same facets) can only keep fewer entries, so it scans the last results instead
 * of the whole index. At 100,000 snippets most keystrokes then scan a few thousand rows.
 */
import {
  type IndexedEntry,
  type ListedEntry,
  queryWords,
  type SearchIndex,
  type SnippetFilter,
  searchEntries,
} from "../../lib/collection/index.ts";

/** The facets of a filter (everything but the query), comparable as a string. */
function facetsOf(filter: SnippetFilter): string {
  const { query: _query, ...facets } = filter;
  return JSON.stringify(
    Object.entries(facets)
      // Lists of values, and switches that are on (`reviewedOnly`).
      .filter(([, values]) => (Array.isArray(values) ? values.length > 0 : values === true))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/**
 * Whether every entry that passes `next` passes `previous`: the same facets, and each word of the
 * previous query inside some word of the next (an entry holding the longer word holds the shorter).
 */
export function narrows(previous: SnippetFilter, next: SnippetFilter): boolean {
  if (facetsOf(previous) !== facetsOf(next)) return false;
  const words = queryWords(next.query);
  return queryWords(previous.query).every((old) => words.some((word) => word.includes(old)));
}

/** Searches an index, scanning only the last results when the new filter narrows the last one. */
export class NarrowingSearch {
  private rowOf: Map<ListedEntry, IndexedEntry>;
  private last: { filter: SnippetFilter; results: ListedEntry[] } | null = null;

  constructor(private readonly index: SearchIndex) {
    this.rowOf = new Map(index.rows.map((row) => [row.entry, row]));
  }

  search(filter: SnippetFilter): ListedEntry[] {
    let scanned: SearchIndex = this.index;
    if (this.last && narrows(this.last.filter, filter)) {
      const rows = this.last.results.map((entry) => this.rowOf.get(entry) as IndexedEntry);
      scanned = { entries: this.last.results, rows };
    }
    const results = searchEntries(scanned, filter);
    this.last = { filter, results };
    return results;
  }
}
