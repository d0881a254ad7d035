/**
 * Search and filters over the collection. `createSearchIndex` folds every
 * entry's text once (no diacritics, lower case, single spaces); a search is
 * then one linear scan with `includes` over those strings, with no regex and
 * no folding per entry, so a keystroke stays cheap on 10,000 snippets.
 */
import { effectiveEntry, isReviewed, REVIEW_STATUSES, reviewOf } from "../snippets/review.ts";
import type { ReviewStatus, SnippetKind, SnippetRecord } from "../snippets/types.ts";
import { categoryById } from "../taxonomy/taxonomy.ts";
import { foldDiacritics } from "../text/fold.ts";
import type { CollectionEntry } from "./entries.ts";

// Folding one UTF-16 code unit at a time through a table: building the index folds megabytes of
// text, and writing code units into a buffer is several times faster than normalising and
// matching regexes per string, or than growing a string one character at a time.
const UNKNOWN = -1;
const DROP = -2;
const SPACE = -3;
const SEVERAL = -4;

/** What each code unit folds to: a code unit, or UNKNOWN / DROP / SPACE / SEVERAL. */
let foldTable: Int32Array | null = null;
/** Code units that fold to more than one code unit. */
const severalUnits = new Map<number, string>();
let scratch = new Uint16Array(1024);

function foldedCode(table: Int32Array, code: number): number {
  let folded = table[code] ?? UNKNOWN;
  if (folded === UNKNOWN) {
    const unit = String.fromCharCode(code);
    const text = /\s/.test(unit) ? " " : foldDiacritics(unit.toLowerCase());
    if (text === " ") folded = SPACE;
    else if (text === "") folded = DROP;
    else if (text.length === 1) folded = text.charCodeAt(0);
    else {
      folded = SEVERAL;
      severalUnits.set(code, text);
    }
    table[code] = folded;
  }
  return folded;
}

/**
 * Text as search compares it: lower case, no diacritics (`đ`/`Đ` → `d`; composed or decomposed
 * input alike), runs of white space as one space, trimmed. `nông thôn mới` → `nong thon moi`.
 * The same as `foldDiacritics` (after NFC and lower case) with white space collapsed, computed
 * one code unit at a time (a combining mark folds to nothing).
 */
export function foldForSearch(text: string): string {
  if (foldTable === null) foldTable = new Int32Array(0x10000).fill(UNKNOWN);
  const table = foldTable;
  if (scratch.length < text.length + 1) scratch = new Uint16Array(text.length * 2 + 16);
  let buffer = scratch;
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldedCode(table, code);
    if (folded === SPACE) {
      space = n > 0;
      continue;
    }
    if (folded === DROP) continue;
    if (space) {
      buffer[n++] = 0x20;
      space = false;
    }
    if (folded !== SEVERAL) {
      // Without expansions the output is never longer than the input: no bounds check needed.
      buffer[n++] = folded;
      continue;
    }
    const several = severalUnits.get(code) ?? "";
    if (n + several.length + (text.length - i) > buffer.length) {
      const bigger = new Uint16Array((n + several.length + text.length) * 2);
      bigger.set(buffer.subarray(0, n));
      buffer = bigger;
      scratch = bigger;
    }
    for (let k = 0; k < several.length; k++) buffer[n++] = several.charCodeAt(k);
  }
  let out = "";
  for (let from = 0; from < n; from += 4096) {
    const chunk = buffer.subarray(from, Math.min(n, from + 4096));
    out += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return out;
}

/**
 * `foldForSearch` with, for each folded code unit, the index of the code unit of `text` it comes
 * from (a collapsed run of white space points at its first unit; an expansion at its source), so
 * that a match in the folded text can be marked in the original.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  if (foldTable === null) foldTable = new Int32Array(0x10000).fill(UNKNOWN);
  const table = foldTable;
  const units: number[] = [];
  const offsets: number[] = [];
  let spaceAt = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldedCode(table, code);
    if (folded === SPACE) {
      if (units.length > 0 && spaceAt < 0) spaceAt = i;
      continue;
    }
    if (folded === DROP) continue;
    if (spaceAt >= 0) {
      units.push(0x20);
      offsets.push(spaceAt);
      spaceAt = -1;
    }
    if (folded !== SEVERAL) {
      units.push(folded);
      offsets.push(i);
      continue;
    }
    const several = severalUnits.get(code) ?? "";
    for (let k = 0; k < several.length; k++) {
      units.push(several.charCodeAt(k));
      offsets.push(i);
    }
  }
  let folded = "";
  for (let from = 0; from < units.length; from += 4096) {
    folded += String.fromCharCode(...units.slice(from, from + 4096));
  }
  return { folded, offsets };
}

/** Whether a code unit folds to nothing (a combining mark, say). */
export function foldsToNothing(code: number): boolean {
  if (foldTable === null) foldTable = new Int32Array(0x10000).fill(UNKNOWN);
  return foldedCode(foldTable, code) === DROP;
}

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
export function yearsOf(snippet: Pick<SnippetRecord, "deadline" | "horizon">): number[] {
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
  entry: CollectionEntry;
  /** The entry with the reader's corrections in place (what a search compares). */
  effective: CollectionEntry;
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
  readonly entries: readonly CollectionEntry[];
  readonly rows: readonly IndexedEntry[];
}

/** Builds the index once per collection change; `searchEntries` reuses it for every keystroke. */
export function createSearchIndex(entries: readonly CollectionEntry[]): SearchIndex {
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
export function searchEntries(index: SearchIndex, filter: SnippetFilter = {}): CollectionEntry[] {
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

  const out: CollectionEntry[] = [];
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

/** How many entries have a facet value. */
export interface Count {
  value: string | number;
  count: number;
}

export interface Facets {
  kinds: Count[];
  /** Category ids (label: `categoryById(id).vi`). */
  categories: Count[];
  localities: Count[];
  levels: Count[];
  /** Newest year first. */
  years: Count[];
  tags: Count[];
  articles: Array<{ id: string; title: string; count: number }>;
  /** Review statuses, in `REVIEW_STATUSES` order. */
  reviews: Count[];
}

const collator = new Intl.Collator("vi");

/** Counts by key, keeping the first spelling met as the value shown. */
class Counter<T extends string | number> {
  private readonly counts = new Map<string | number, { value: T; count: number }>();

  add(key: string | number, value: T): void {
    const known = this.counts.get(key);
    if (known) known.count++;
    else this.counts.set(key, { value, count: 1 });
  }

  list(): Array<{ value: T; count: number }> {
    return [...this.counts.values()];
  }
}

function byCountThenLabel<T extends { count: number }>(label: (item: T) => string) {
  return (a: T, b: T) => b.count - a.count || collator.compare(label(a), label(b));
}

/**
 * The values each facet takes among `entries`, with how many entries have each: by count
 * (most first), then by label; years newest first. Localities, levels and tags that differ
 * only in case or diacritics count as one (shown as first met, i.e. newest).
 */
export function facets(entries: readonly CollectionEntry[]): Facets {
  const kinds = new Counter<string>();
  const categories = new Counter<string>();
  const localities = new Counter<string>();
  const levels = new Counter<string>();
  const years = new Counter<number>();
  const tags = new Counter<string>();
  const articles = new Map<string, { id: string; title: string; count: number }>();
  const reviews = new Counter<string>();

  for (const stored of entries) {
    const { snippet, article } = effectiveEntry(stored);
    reviews.add(reviewOf(snippet), reviewOf(snippet));
    kinds.add(snippet.kind, snippet.kind);
    if (snippet.category) categories.add(snippet.category, snippet.category);
    const locality = article?.locality?.trim();
    if (locality) localities.add(foldForSearch(locality), locality);
    const level = article?.level?.trim();
    if (level) levels.add(foldForSearch(level), level);
    for (const year of yearsOf(snippet)) years.add(year, year);
    const seen = new Set<string>();
    for (const tag of snippet.tags) {
      const key = foldForSearch(tag);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      tags.add(key, tag.trim());
    }
    const known = articles.get(snippet.articleId);
    if (known) known.count++;
    else {
      articles.set(snippet.articleId, {
        id: snippet.articleId,
        title: article?.title || snippet.articleId,
        count: 1,
      });
    }
  }

  const plain = byCountThenLabel<Count>((c) => String(c.value));
  const categoryLabel = (c: Count) => categoryById(String(c.value))?.vi ?? String(c.value);
  return {
    kinds: kinds.list().sort(plain),
    categories: categories.list().sort(byCountThenLabel(categoryLabel)),
    localities: localities.list().sort(plain),
    levels: levels.list().sort(plain),
    years: years.list().sort((a, b) => b.value - a.value),
    tags: tags.list().sort(plain),
    articles: [...articles.values()].sort(byCountThenLabel((a) => a.title)),
    reviews: REVIEW_STATUSES.flatMap((status) => reviews.list().filter((c) => c.value === status)),
  };
}
