/**
 * The comparison's columns: the entries of one article or one locality, its label, its articles,
 * and its targets and results by category in the source's order (oldest article first, text order).
 */
import { mostFrequent } from "../most-frequent.ts";
import type { ListedArticle } from "../snippets/types.ts";
import type { CompareSource } from "./compare.ts";
import { takesPart } from "./compare-pairs.ts";
import type { ListedEntry } from "./entries.ts";
import { foldForSearch } from "./search-fold.ts";

const collator = new Intl.Collator("vi");

export interface Column {
  source: CompareSource;
  label: string;
  articles: ListedArticle[];
  /** Category → its targets and results in this source, in the source's order. */
  byCategory: Map<string, { targets: ListedEntry[]; results: ListedEntry[] }>;
}

function byPublication(a: ListedArticle, b: ListedArticle): number {
  const x = a.publishedAt ?? "9999";
  const y = b.publishedAt ?? "9999";
  return x < y ? -1 : x > y ? 1 : collator.compare(a.title, b.title);
}

/** The most frequent non-empty value, trimmed (on a tie, the first to reach the highest count). */
function mostCommon(values: ReadonlyArray<string | null>): string | null {
  return mostFrequent(values.map((value) => value?.trim()).filter((v): v is string => !!v));
}

/** Folded locality and level of each article record, computed once per record. */
const places = new WeakMap<ListedArticle, { locality: string; level: string }>();

function placeOf(article: ListedArticle): { locality: string; level: string } {
  let place = places.get(article);
  if (!place) {
    place = {
      locality: foldForSearch(article.locality ?? ""),
      level: foldForSearch(article.level ?? ""),
    };
    places.set(article, place);
  }
  return place;
}

function matchesSource(
  entry: ListedEntry,
  source: CompareSource,
  name: string,
  level: string,
): boolean {
  if (source.type === "article") return entry.snippet.articleId === source.id;
  if (!entry.article) return false;
  const place = placeOf(entry.article);
  return (
    place.locality !== "" && place.locality === name && (level === "" || place.level === level)
  );
}

function labelOf(source: CompareSource, articles: readonly ListedArticle[]): string {
  if (source.type === "article") {
    const article = articles[0];
    return article
      ? `${article.locality?.trim() || article.title}${article.term ? ` · ${article.term}` : ""}`
      : source.id;
  }
  const shownLevel = source.level?.trim() || mostCommon(articles.map((a) => a.level));
  const shownName = mostCommon(articles.map((a) => a.locality)) ?? source.name.trim();
  return shownLevel ? `${shownName} (${shownLevel})` : shownName;
}

export function buildColumn(entries: readonly ListedEntry[], source: CompareSource): Column {
  const name = source.type === "locality" ? foldForSearch(source.name) : "";
  const level = source.type === "locality" ? foldForSearch(source.level ?? "") : "";
  const mine = entries.filter((entry) => matchesSource(entry, source, name, level));

  const articleById = new Map<string, ListedArticle>();
  for (const { article } of mine) if (article) articleById.set(article.id, article);
  const articles = [...articleById.values()].sort(byPublication);
  const articleOrder = new Map(articles.map((article, i) => [article.id, i]));

  const parts = mine
    .filter((entry) => takesPart(entry.snippet))
    .sort(
      (a, b) =>
        (articleOrder.get(a.snippet.articleId) ?? articles.length) -
          (articleOrder.get(b.snippet.articleId) ?? articles.length) ||
        (a.snippet.articleId < b.snippet.articleId
          ? -1
          : a.snippet.articleId > b.snippet.articleId
            ? 1
            : 0) ||
        a.snippet.anchor.start - b.snippet.anchor.start,
    );
  const byCategory: Column["byCategory"] = new Map();
  for (const entry of parts) {
    const category = entry.snippet.category as string;
    let group = byCategory.get(category);
    if (!group) {
      group = { targets: [], results: [] };
      byCategory.set(category, group);
    }
    (entry.snippet.kind === "target" ? group.targets : group.results).push(entry);
  }
  return { source, label: labelOf(source, articles), articles, byCategory };
}

/** Column labels that would read the same get the article's date (or title) to tell them apart. */
export function distinctLabels(columns: Column[]): void {
  const counts = new Map<string, number>();
  for (const column of columns) counts.set(column.label, (counts.get(column.label) ?? 0) + 1);
  for (const column of columns) {
    if ((counts.get(column.label) ?? 0) < 2 || column.source.type !== "article") continue;
    const article = column.articles[0];
    const extra = article?.publishedAt ?? article?.title;
    if (extra) column.label = `${column.label} · ${extra}`;
  }
}

/** The sources with the one at `index` moved `by` places (-1: left, 1: right), clamped. */
export function moveSource<T>(sources: readonly T[], index: number, by: number): T[] {
  const to = Math.max(0, Math.min(sources.length - 1, index + by));
  if (index < 0 || index >= sources.length || to === index) return [...sources];
  const out = [...sources];
  const [moved] = out.splice(index, 1);
  out.splice(to, 0, moved as T);
  return out;
}

/** The same source: one article, or one locality at one level (names as written). */
export function sameSource(a: CompareSource, b: CompareSource): boolean {
  if (a.type === "article" || b.type === "article")
    return a.type === b.type && (a as { id: string }).id === (b as { id: string }).id;
  return a.name === b.name && (a.level ?? null) === (b.level ?? null);
}
