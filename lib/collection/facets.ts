/**
 * The collection's facets: for each filter, the values the entries have and how many have each
 * (the counts beside the filter's options), in the order a reader looks for them.
 */
import { effectiveEntry, REVIEW_STATUSES, reviewOf } from "../snippets/review.ts";
import { categoryById } from "../taxonomy/taxonomy.ts";
import type { ListedEntry } from "./entries.ts";
import { yearsOf } from "./search.ts";
import { foldForSearch } from "./search-fold.ts";

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
export function facets(entries: readonly ListedEntry[]): Facets {
  const kinds = new Counter<string>();
  const categories = new Counter<string>();
  const localities = new Counter<string>();
  const levels = new Counter<string>();
  const years = new Counter<number>();
  const tags = new Counter<string>();
  const articles = new Map<string, { id: string; title: string; count: number }>();
  const reviews = new Counter<string>();
  // Localities, levels and tags repeat across thousands of snippets: each is folded once.
  const folded = new Map<string, string>();
  const fold = (text: string) => {
    let key = folded.get(text);
    if (key === undefined) {
      key = foldForSearch(text);
      folded.set(text, key);
    }
    return key;
  };

  for (const stored of entries) {
    const { snippet, article } = effectiveEntry(stored);
    reviews.add(reviewOf(snippet), reviewOf(snippet));
    kinds.add(snippet.kind, snippet.kind);
    if (snippet.category) categories.add(snippet.category, snippet.category);
    const locality = article?.locality?.trim();
    if (locality) localities.add(fold(locality), locality);
    const level = article?.level?.trim();
    if (level) levels.add(fold(level), level);
    for (const year of yearsOf(snippet)) years.add(year, year);
    const seen = new Set<string>();
    for (const tag of snippet.tags) {
      const key = fold(tag);
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
