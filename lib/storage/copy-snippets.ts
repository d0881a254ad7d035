/**
 * A snippet as the pages' copy holds it (copy-format.ts): what a listed snippet says, without
 * what goes without saying. A field at its usual empty value (`manual: false`, `note: ""`,
 * `tags: []`, a field the engine left empty) is left out; the article is its place in the copy's
 * articles; the anchor's quote only when it is not the snippet's text; the sentence as what comes
 * before and after the snippet's text in it when it holds the text (it mostly does). A fifth
 * fewer bytes to read for 10,000 snippets, and fewer objects to parse (no empty list a snippet).
 * Reading it back builds each snippet with every field, in the same order.
 */
import type { ListedArticle, ListedSnippet } from "../snippets/types.ts";

/** The fields every listed snippet has; any other field it has is kept under `more`. */
const FIELDS = new Set<string>([
  "id",
  "articleId",
  "kind",
  "manual",
  "text",
  "sentence",
  "indicator",
  "category",
  "value",
  "unit",
  "comparator",
  "direction",
  "horizon",
  "deadline",
  "anchor",
  "note",
  "tags",
  "createdAt",
  "updatedAt",
]);

/** A snippet as the copy holds it (see the header). */
export interface CopiedSnippet {
  id: string;
  /** The article's place in the copy's articles, or its id when it is not among them. */
  articleId: number | string;
  kind: ListedSnippet["kind"];
  manual?: true;
  text: string;
  /** What comes before and after the text in the sentence, when the sentence holds it. */
  around?: [string, string];
  /** The sentence, when it does not hold the text; absent when it is the text. */
  sentence?: string;
  indicator?: string;
  category?: ListedSnippet["category"];
  value?: ListedSnippet["value"];
  unit?: ListedSnippet["unit"];
  comparator?: ListedSnippet["comparator"];
  direction?: ListedSnippet["direction"];
  horizon?: ListedSnippet["horizon"];
  deadline?: ListedSnippet["deadline"];
  anchor: { start: number; end: number; quote?: string };
  note?: string;
  tags?: string[];
  createdAt: number;
  updatedAt: number;
  /** The snippet's other fields (a review, corrections, a page change…), as they are. */
  more?: Record<string, unknown>;
}

/** The copy's form of `snippet`, its article at `places`' place for it when there is one. */
export function copiedSnippet(
  snippet: ListedSnippet,
  places: ReadonlyMap<string, number>,
): CopiedSnippet {
  const { text, sentence, anchor } = snippet;
  const copied: CopiedSnippet = {
    id: snippet.id,
    articleId: places.get(snippet.articleId) ?? snippet.articleId,
    kind: snippet.kind,
    text,
    anchor:
      anchor.quote === text
        ? { start: anchor.start, end: anchor.end }
        : { start: anchor.start, end: anchor.end, quote: anchor.quote },
    createdAt: snippet.createdAt,
    updatedAt: snippet.updatedAt,
  };
  if (snippet.manual) copied.manual = true;
  const at = text && sentence !== text ? sentence.indexOf(text) : -1;
  if (at >= 0) copied.around = [sentence.slice(0, at), sentence.slice(at + text.length)];
  else if (sentence !== text) copied.sentence = sentence;
  if (snippet.indicator) copied.indicator = snippet.indicator;
  if (snippet.category !== null) copied.category = snippet.category;
  if (snippet.value !== null) copied.value = snippet.value;
  if (snippet.unit !== null) copied.unit = snippet.unit;
  if (snippet.comparator !== null) copied.comparator = snippet.comparator;
  if (snippet.direction !== null) copied.direction = snippet.direction;
  if (snippet.horizon !== null) copied.horizon = snippet.horizon;
  if (snippet.deadline !== null) copied.deadline = snippet.deadline;
  if (snippet.note) copied.note = snippet.note;
  if (snippet.tags.length > 0) copied.tags = snippet.tags;
  const more = Object.entries(snippet).filter(
    ([key, value]) => !FIELDS.has(key) && value !== undefined,
  );
  if (more.length > 0) copied.more = Object.fromEntries(more);
  return copied;
}

/** The listed snippet a copied one stands for, or undefined when its article is not in the copy. */
export function listedSnippet(
  copied: CopiedSnippet,
  articles: readonly ListedArticle[],
): ListedSnippet | undefined {
  const { text, around, anchor } = copied;
  const articleId =
    typeof copied.articleId === "number" ? articles[copied.articleId]?.id : copied.articleId;
  if (articleId === undefined) return undefined;
  const snippet: ListedSnippet = {
    id: copied.id,
    articleId,
    kind: copied.kind,
    manual: copied.manual === true,
    text,
    sentence: around ? around[0] + text + around[1] : (copied.sentence ?? text),
    indicator: copied.indicator ?? "",
    category: copied.category ?? null,
    value: copied.value ?? null,
    unit: copied.unit ?? null,
    comparator: copied.comparator ?? null,
    direction: copied.direction ?? null,
    horizon: copied.horizon ?? null,
    deadline: copied.deadline ?? null,
    anchor: { quote: anchor.quote ?? text, start: anchor.start, end: anchor.end },
    note: copied.note ?? "",
    tags: copied.tags ?? [],
    createdAt: copied.createdAt,
    updatedAt: copied.updatedAt,
  };
  return copied.more ? Object.assign(snippet, copied.more) : snippet;
}
