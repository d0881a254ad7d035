/**
 * Search and filters over the collection. `createSearchIndex` folds every
 * entry's text once (no diacritics, lower case, single spaces); a search is
 * then one linear scan with `includes` over those strings, with no regex and
 * no folding per entry, so a keystroke stays cheap on 10,000 snippets.
 */
import { effectiveEntry, isReviewed, reviewOf } from "../snippets/review.ts";
import type { ListedSnippet, ReviewStatus, SnippetKind } from "../snippets/types.ts";
import { categoryById } from "../taxonomy/taxonomy.ts";
import type { ListedEntry } from "./entries.ts";
import { foldForSearch } from "./search-fold.ts";

/**
 * What to show. An empty or missing facet does not restrict; the values of one facet are OR-ed,
 * facets are AND-ed, and every word of `query` must appear in the entry's text.
 */
export interface SnippetFilter {
  /** Words (any case, with or without diacritics) that must all appear. */
  query?: string;
  kinds?: SnippetKind[];
  /** Taxonomy category ids. */
  categories?: string[];
  /** Article localities (compared folded: `Tra Vinh` is `Trà Vinh`). */
  localities?: string[];
  /** Article levels (compared folded). */
  levels?: string[];
  /** Any of the snippet's years (see `yearsOf`). */
  years?: number[];
  /** Any of the snippet's tags (compared folded). */
  tags?: string[];
  articleIds?: string[];
  /** Review statuses (`unreviewed`, `accepted`, `corrected`, `rejected`). */
  reviews?: ReviewStatus[];
  /** Only the figures someone checked (accepted or corrected). */
  reviewedOnly?: boolean;
}

/** Longest `from..to` span listed year by year; a longer (implausible) span gives its ends only. */
const MAX_PERIOD_YEARS = 50;

/**
 * The years a snippet is about, ascending: its deadline's year, its horizon's year, and every
 * year of a horizon period `from..to`. Nothing else (not the article's date or term).
 */
export function yearsOf(snippet: Pick<ListedSnippet, "deadline" | "horizon">): number[] {
  const years = new Set<number>();
  const add = (year: number | undefined) => {
    if (year !== undefined && Number.isInteger(year)) years.add(year);
  };
  if (snippet.deadline) add(Number.parseInt(snippet.deadline.date.slice(0, 4), 10));
  const horizon = snippet.horizon;
  if (horizon) {
    add(horizon.year);
    const { from, to } = horizon;
    if (
      from !== undefined &&
      to !== undefined &&
      Number.isInteger(from) &&
      Number.isInteger(to) &&
      to >= from &&
      to - from <= MAX_PERIOD_YEARS
    ) {
      for (let year = from; year <= to; year++) years.add(year);
    } else {
      add(from);
      add(to);
    }
  }
  return [...years].sort((a, b) => a - b);
}

/** One entry with everything a search compares, computed once. */
export interface IndexedEntry {
  /** The entry as stored (what a search returns). */
  entry: ListedEntry;
  /** The entry with the reader's corrections in place (what a search compares). */
  effective: ListedEntry;
  /** Folded text of every searchable field, one field per line. */
  haystack: string;
  /** Folded article locality and level ("" when unknown). */
  locality: string;
  level: string;
  years: number[];
  /** Folded tags. */
  tags: string[];
}

/** The entries with their folded text, in the order given (newest first from `joinEntries`). */
export interface SearchIndex {
  readonly entries: readonly ListedEntry[];
  readonly rows: readonly IndexedEntry[];
}

/** Builds the index once per collection change; `searchEntries` reuses it for every keystroke. */
export function createSearchIndex(entries: readonly ListedEntry[]): SearchIndex {
  // Sentences, article fields and category labels repeat across entries: fold each string once.
  const folded = new Map<string, string>();
  const fold = (text: string | null | undefined): string => {
    if (!text) return "";
    let out = folded.get(text);
    if (out === undefined) {
      out = foldForSearch(text);
      folded.set(text, out);
    }
    return out;
  };
  const articleText = new Map<string, string>();
  const categoryText = new Map<string, string>();

  const rows = entries.map((entry): IndexedEntry => {
    const effective = effectiveEntry(entry);
    const { snippet, article } = effective;
    let articlePart = "";
    if (article) {
      const known = articleText.get(article.id);
      if (known === undefined) {
        articlePart = [fold(article.title), fold(article.locality), fold(article.organization)]
          .filter(Boolean)
          .join("\n");
        articleText.set(article.id, articlePart);
      } else {
        articlePart = known;
      }
      // A snippet's own locality (a correction) is searched beside its article's.
      if (article !== entry.article) articlePart = `${articlePart}\n${fold(article.locality)}`;
    }
    let categoryPart = "";
    if (snippet.category) {
      const known = categoryText.get(snippet.category);
      if (known === undefined) {
        const category = categoryById(snippet.category);
        categoryPart = category ? `${fold(category.vi)}\n${fold(category.en)}` : "";
        categoryText.set(snippet.category, categoryPart);
      } else {
        categoryPart = known;
      }
    }
    const tags = snippet.tags.map(fold).filter(Boolean);
    const haystack = [
      fold(snippet.text),
      fold(snippet.indicator),
      fold(snippet.sentence),
      fold(snippet.note),
      tags.join("\n"),
      categoryPart,
      articlePart,
    ]
      .filter(Boolean)
      .join("\n");
    return {
      entry,
      effective,
      haystack,
      locality: fold(article?.locality),
      level: fold(article?.level),
      years: yearsOf(snippet),
      tags,
    };
  });
  return { entries, rows };
}

/** Leading and trailing punctuation of a query word (`mới,` → `mới`; `95%` keeps its `%`). */
const EDGE_PUNCTUATION = /^[\s"'“”‘’«».,;:!?()[\]{}]+|[\s"'“”‘’«».,;:!?()[\]{}]+$/g;

/** The folded, distinct words of a query. */
export function queryWords(query: string | undefined): string[] {
  if (!query) return [];
  const words = foldForSearch(query)
    .split(" ")
    .map((word) => word.replace(EDGE_PUNCTUATION, ""))
    .filter((word) => word.length > 0);
  return [...new Set(words)];
}

function restriction<T>(values: readonly T[] | undefined): Set<T> | null {
  return values && values.length > 0 ? new Set(values) : null;
}

function foldedRestriction(values: readonly string[] | undefined): Set<string> | null {
  if (!values || values.length === 0) return null;
  return new Set(values.map(foldForSearch));
}

/** The entries that pass the filter, in the index's order. */
export function searchEntries(index: SearchIndex, filter: SnippetFilter = {}): ListedEntry[] {
  const words = queryWords(filter.query);
  const kinds = restriction(filter.kinds);
  const categories = restriction(filter.categories);
  const articleIds = restriction(filter.articleIds);
  const years = restriction(filter.years);
  const localities = foldedRestriction(filter.localities);
  const levels = foldedRestriction(filter.levels);
  const tags = foldedRestriction(filter.tags);

  const reviews = restriction(filter.reviews);
  const reviewedOnly = filter.reviewedOnly === true;

  const out: ListedEntry[] = [];
  scan: for (const row of index.rows) {
    const snippet = row.effective.snippet;
    if (reviews && !reviews.has(reviewOf(snippet))) continue;
    if (reviewedOnly && !isReviewed(snippet)) continue;
    if (kinds && !kinds.has(snippet.kind)) continue;
    if (categories && (snippet.category === null || !categories.has(snippet.category))) continue;
    if (articleIds && !articleIds.has(snippet.articleId)) continue;
    if (localities && (row.locality === "" || !localities.has(row.locality))) continue;
    if (levels && (row.level === "" || !levels.has(row.level))) continue;
    if (years && !row.years.some((year) => years.has(year))) continue;
    if (tags && !row.tags.some((tag) => tags.has(tag))) continue;
    for (const word of words) {
      if (!row.haystack.includes(word)) continue scan;
    }
    out.push(row.entry);
  }
  return out;
}
