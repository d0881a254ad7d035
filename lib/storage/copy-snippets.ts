/**
 * A snippet as the pages' copy holds it (copy-format.ts): one row of values in a fixed order
 * (`SnippetRow`), without what goes without saying. An empty field (`null`, `""`, `[]`, `false`)
 * is a 0; the article is its place in the copy's articles; the anchor's quote only when it is
 * not the snippet's text; the sentence as what comes before and after the snippet's text in it
 * when it holds the text (it mostly does). Rows instead of objects: no field names to read, and
 * `JSON.parse` makes arrays of plain values; reading a row back builds the snippet with every
 * field, in one order for all. 10,000 snippets: 4.3 MB, where objects without their empty
 * fields took 5.6 MB and the listed records 7.1 MB, and a third less time to parse and build.
 */
import type { ListedArticle, ListedSnippet } from "../snippets/types.ts";

/** The fields a row holds in its cells; any other field of a snippet goes in its last cell. */
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

/** An empty cell. */
type Empty = 0;

/**
 * A snippet in the copy: `[id, article, kind, manual, text, before, after, indicator, category,
 * value, unit, comparator, direction, horizon, deadline, anchor start, anchor end, quote, note,
 * tags, createdAt, updatedAt, more]`. `article` is the article's place in the copy's articles, or
 * its id when it is not among them. The sentence is `before + text + after` when `after` is a
 * string, else `before` when that is one, else the text. `quote` is 0 when it is the text.
 * `more` holds the snippet's other fields (a review, corrections, a page change…) as they are.
 */
export type SnippetRow = [
  id: string,
  article: number | string,
  kind: ListedSnippet["kind"],
  manual: 1 | Empty,
  text: string,
  before: string | Empty,
  after: string | Empty,
  indicator: string | Empty,
  category: NonNullable<ListedSnippet["category"]> | Empty,
  value: NonNullable<ListedSnippet["value"]> | Empty,
  unit: NonNullable<ListedSnippet["unit"]> | Empty,
  comparator: NonNullable<ListedSnippet["comparator"]> | Empty,
  direction: NonNullable<ListedSnippet["direction"]> | Empty,
  horizon: NonNullable<ListedSnippet["horizon"]> | Empty,
  deadline: NonNullable<ListedSnippet["deadline"]> | Empty,
  start: number,
  end: number,
  quote: string | Empty,
  note: string | Empty,
  tags: string[] | Empty,
  createdAt: number,
  updatedAt: number,
  more: Record<string, unknown> | Empty,
];

const cell = <T>(value: T | null): T | Empty => (value === null ? 0 : value);
const field = <T>(value: T | Empty): T | null => (value === 0 ? null : value);

/** The copy's row for `snippet`, its article at `places`' place for it when there is one. */
export function snippetRow(
  snippet: ListedSnippet,
  places: ReadonlyMap<string, number>,
): SnippetRow {
  const { text, sentence, anchor } = snippet;
  const at = text && sentence !== text ? sentence.indexOf(text) : -1;
  const before = at >= 0 ? sentence.slice(0, at) : sentence === text ? 0 : sentence;
  const after = at >= 0 ? sentence.slice(at + text.length) : 0;
  const more = Object.entries(snippet).filter(
    ([key, value]) => !FIELDS.has(key) && value !== undefined,
  );
  return [
    snippet.id,
    places.get(snippet.articleId) ?? snippet.articleId,
    snippet.kind,
    snippet.manual ? 1 : 0,
    text,
    before,
    after,
    snippet.indicator === "" ? 0 : snippet.indicator,
    cell(snippet.category),
    cell(snippet.value),
    cell(snippet.unit),
    cell(snippet.comparator),
    cell(snippet.direction),
    cell(snippet.horizon),
    cell(snippet.deadline),
    anchor.start,
    anchor.end,
    anchor.quote === text ? 0 : anchor.quote,
    snippet.note === "" ? 0 : snippet.note,
    snippet.tags.length === 0 ? 0 : snippet.tags,
    snippet.createdAt,
    snippet.updatedAt,
    more.length === 0 ? 0 : Object.fromEntries(more),
  ];
}

/** The listed snippet a row stands for, or undefined when it is no row of a copy's article. */
export function rowSnippet(
  row: SnippetRow,
  articles: readonly ListedArticle[],
): ListedSnippet | undefined {
  if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[4] !== "string") {
    return undefined;
  }
  const text = row[4];
  const before = row[5];
  const after = row[6];
  const articleId = typeof row[1] === "number" ? articles[row[1]]?.id : row[1];
  if (typeof articleId !== "string") return undefined;
  const snippet: ListedSnippet = {
    id: row[0],
    articleId,
    kind: row[2],
    manual: row[3] === 1,
    text,
    sentence: after !== 0 ? `${before}${text}${after}` : before === 0 ? text : before,
    indicator: row[7] === 0 ? "" : row[7],
    category: field(row[8]),
    value: field(row[9]),
    unit: field(row[10]),
    comparator: field(row[11]),
    direction: field(row[12]),
    horizon: field(row[13]),
    deadline: field(row[14]),
    anchor: { quote: row[17] === 0 ? text : row[17], start: row[15], end: row[16] },
    note: row[18] === 0 ? "" : row[18],
    tags: row[19] === 0 ? [] : row[19],
    createdAt: row[20],
    updatedAt: row[21],
  };
  return row[22] === 0 ? snippet : Object.assign(snippet, row[22]);
}
