/**
 * The collection pages' logic: entries newest first; search that ignores
 * diacritics and case, with facet filters; facet counts; and the side-by-side
 * comparison, checked on the engine's output for two seed pages (Trà Vinh,
 * Cẩm Giàng) and on synthetic targets and results.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import {
  type CompareSource,
  type ComparisonTable,
  comparableSources,
  compareSources,
  createSearchIndex,
  facets,
  foldForSearch,
  joinEntries,
  type ListedEntry,
  pairTargetsAndResults,
  type SnippetFilter,
  searchEntries,
  yearsOf,
} from "../../lib/collection/index.ts";
import type { Horizon } from "../../lib/extract/types.ts";
import type { ArticleRecord, SnippetKind, SnippetRecord } from "../../lib/snippets/types.ts";
import { CATEGORIES, CATEGORY_GROUPS } from "../../lib/taxonomy/taxonomy.ts";
import { collectionFromFixtures } from "./helpers/collection-from-fixtures.ts";
import { article, bareSnippet } from "./helpers/records.ts";

const T0 = Date.UTC(2024, 2, 1);
const MINUTE = 60_000;

function makeArticle(id: string, fields: Partial<ArticleRecord> = {}): ArticleRecord {
  return article("https://example.gov.vn/", {
    id,
    url: id,
    title: `Bài ${id}`,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  });
}

let start = 0;

function makeSnippet(
  id: string,
  articleId: string,
  kind: SnippetKind,
  text: string,
  fields: Partial<SnippetRecord> = {},
): SnippetRecord {
  start += 100;
  return bareSnippet(id, articleId, kind, text, { createdAt: T0, updatedAt: T0, ...fields }, start);
}

/** A figure snippet: `value` alone or a `[min, max]` range. */
function figure(
  id: string,
  articleId: string,
  kind: "target" | "result",
  text: string,
  category: string,
  value: number | [number, number],
  unit: string | null,
  fields: Partial<SnippetRecord> = {},
): SnippetRecord {
  const [min, max] = typeof value === "number" ? [value, value] : value;
  return makeSnippet(id, articleId, kind, text, {
    category,
    value: { min, max },
    unit,
    ...fields,
  });
}

/** The articles `ids` as comparison sources, in that order. */
const articles = (...ids: string[]): CompareSource[] => ids.map((id) => ({ type: "article", id }));

const ids = (entries: readonly ListedEntry[]) => entries.map((e) => e.snippet.id);

// --- A small synthetic collection -----------------------------------------------------------

const A = makeArticle("a", {
  title: "Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh",
  organization: "Đảng bộ tỉnh Trà Vinh",
  locality: "Trà Vinh",
  level: "tỉnh",
  term: "2020-2025",
});
const B = makeArticle("b", {
  title: "Huyện ủy Cẩm Giàng học tập Nghị quyết",
  organization: "Đảng bộ huyện Cẩm Giàng",
  locality: "Cẩm Giàng",
  level: "huyện",
  term: "2020-2025",
});
const C = makeArticle("c", { title: "Tin hoạt động" });

const annual: Horizon = { type: "annual" };
const SNIPPETS: SnippetRecord[] = [
  makeSnippet("s5", "c", "excerpt", "Hội nghị quán triệt Nghị quyết", {
    createdAt: T0,
    note: "xem lại sau",
    tags: ["Ưu tiên"],
  }),
  figure("s3", "b", "target", "tỷ lệ bao phủ bảo hiểm y tế đạt 95%", "health_insurance", 95, "%", {
    createdAt: T0 + MINUTE,
    horizon: { type: "period", from: 2021, to: 2025 },
  }),
  makeSnippet("s4", "b", "deadline", "trước ngày 30/6/2021", {
    createdAt: T0 + MINUTE,
    deadline: { date: "2021-06-30", precision: "day" },
  }),
  figure(
    "s2",
    "a",
    "target",
    "80% đảng viên hoàn thành tốt nhiệm vụ",
    "party_member_rating",
    80,
    "%",
    { createdAt: T0 + 2 * MINUTE, horizon: annual },
  ),
  figure("s1", "a", "target", "100% xã đạt chuẩn nông thôn mới", "new_rural_communes", 100, "%", {
    createdAt: T0 + 2 * MINUTE,
    horizon: { type: "year", year: 2025 },
    tags: ["ưu tiên"],
  }),
  figure(
    "s6",
    "b",
    "result",
    "thu nhập bình quân đầu người đạt 52 triệu đồng",
    "income_per_capita",
    52,
    "triệu đồng",
    { createdAt: T0 + 3 * MINUTE, horizon: { type: "year", year: 2020 } },
  ),
];
// s2 stands before s1 in the text of article a (made first): same save, so text order decides.
const ENTRIES = joinEntries([C, B, A], SNIPPETS);
const INDEX = createSearchIndex(ENTRIES);
const search = (filter: SnippetFilter) => ids(searchEntries(INDEX, filter));

describe("collection entries", () => {
  test("entries are newest first; one save keeps text order; each has its article", () => {
    assert.deepEqual(ids(ENTRIES), ["s6", "s2", "s1", "s3", "s4", "s5"]);
    assert.equal(ENTRIES[0]?.article, B);
    assert.equal(ENTRIES[5]?.article, C);
  });

  test("a snippet whose article is missing is kept with no article", () => {
    const entries = joinEntries([], [makeSnippet("x", "gone", "excerpt", "x")]);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.article, undefined);
  });
});

describe("search", () => {
  test("folding: lower case, no diacritics, đ → d, one space, NFD input too", () => {
    const cases: Array<[string, string]> = [
      ["  Nông   Thôn\tMỚI \n", "nong thon moi"],
      ["ĐẢNG viên", "dang vien"],
      ["Đảng".normalize("NFD"), "dang"],
    ];
    for (const [text, folded] of cases) assert.equal(foldForSearch(text), folded, text);
  });

  test("`nong thon moi` finds `nông thôn mới`, whatever the case", () => {
    assert.deepEqual(search({ query: "nong thon moi" }), ["s1"]);
    assert.deepEqual(search({ query: "NÔNG THÔN mới," }), ["s1"]);
  });

  test("`d` finds `đ`, `Đảng` finds `đảng` (NFC or NFD, in the query or in the text)", () => {
    const only = createSearchIndex(
      joinEntries([], [makeSnippet("v", "none", "excerpt", "đảng viên".normalize("NFD"))]),
    );
    assert.deepEqual(ids(searchEntries(only, { query: "d" })), ["v"]);
    assert.deepEqual(ids(searchEntries(only, { query: "Đảng" })), ["v"]);
    assert.deepEqual(ids(searchEntries(only, { query: "Đảng".normalize("NFD") })), ["v"]);
    assert.deepEqual(ids(searchEntries(only, { query: "dang vien" })), ["v"]);
    assert.deepEqual(ids(searchEntries(only, { query: "b" })), []);
  });

  test("every query word must appear, in any field and any order", () => {
    assert.deepEqual(search({ query: "bao hiem 95%" }), ["s3"]);
    assert.deepEqual(search({ query: "95% bảo" }), ["s3"]);
    assert.deepEqual(search({ query: "bao hiem 80%" }), []);
    // Locality (article) and text together.
    assert.deepEqual(search({ query: "tra vinh dang vien" }), ["s2"]);
    // English category label, note, tags.
    assert.deepEqual(search({ query: "coverage" }), ["s3"]);
    assert.deepEqual(search({ query: "xem lai" }), ["s5"]);
    assert.deepEqual(search({ query: "uu tien" }), ["s1", "s5"]);
    // No query, or white space only: everything, newest first.
    assert.deepEqual(search({ query: "   " }), ids(ENTRIES));
    assert.deepEqual(search({}), ids(ENTRIES));
  });

  test("each facet filters; values of a facet are OR-ed", () => {
    assert.deepEqual(search({ kinds: ["target"] }), ["s2", "s1", "s3"]);
    assert.deepEqual(search({ kinds: ["target", "deadline"] }), ["s2", "s1", "s3", "s4"]);
    assert.deepEqual(search({ categories: ["health_insurance"] }), ["s3"]);
    assert.deepEqual(search({ localities: ["Tra Vinh"] }), ["s2", "s1"]);
    assert.deepEqual(search({ localities: ["Trà Vinh", "cẩm giàng"] }), [
      "s6",
      "s2",
      "s1",
      "s3",
      "s4",
    ]);
    assert.deepEqual(search({ levels: ["huyện"] }), ["s6", "s3", "s4"]);
    assert.deepEqual(search({ years: [2021] }), ["s3", "s4"]);
    assert.deepEqual(search({ years: [2025] }), ["s1", "s3"]);
    assert.deepEqual(search({ years: [2020, 2023] }), ["s6", "s3"]);
    assert.deepEqual(search({ tags: ["uu tien"] }), ["s1", "s5"]);
    assert.deepEqual(search({ articleIds: ["b"] }), ["s6", "s3", "s4"]);
    assert.deepEqual(search({ kinds: [], tags: [] }), ids(ENTRIES));
  });

  test("facets and the query combine with AND", () => {
    assert.deepEqual(search({ kinds: ["target"], levels: ["huyện"] }), ["s3"]);
    assert.deepEqual(search({ query: "dat", kinds: ["target", "result"], years: [2020, 2025] }), [
      "s6",
      "s1",
      "s3",
    ]);
    assert.deepEqual(search({ query: "uu tien", kinds: ["excerpt"] }), ["s5"]);
    assert.deepEqual(search({ localities: ["Trà Vinh"], articleIds: ["b"] }), []);
  });

  test("a snippet's years: deadline, horizon year, every year of a period; nothing else", () => {
    assert.deepEqual(
      yearsOf({ deadline: { date: "2021-06-30", precision: "day" }, horizon: null }),
      [2021],
    );
    assert.deepEqual(
      yearsOf({
        deadline: { date: "2030-12-31", precision: "year" },
        horizon: { type: "year", year: 2025 },
      }),
      [2025, 2030],
    );
    assert.deepEqual(
      yearsOf({ deadline: null, horizon: { type: "period", from: 2021, to: 2023 } }),
      [2021, 2022, 2023],
    );
    assert.deepEqual(yearsOf({ deadline: null, horizon: { type: "annual" } }), []);
    assert.deepEqual(yearsOf({ deadline: null, horizon: { type: "term" } }), []);
  });

  test("facet counts, most first then by label; years newest first", () => {
    const f = facets(ENTRIES);
    assert.deepEqual(f.kinds, [
      { value: "target", count: 3 },
      { value: "deadline", count: 1 },
      { value: "excerpt", count: 1 },
      { value: "result", count: 1 },
    ]);
    assert.deepEqual(
      f.categories.map((c) => c.value),
      ["health_insurance", "party_member_rating", "income_per_capita", "new_rural_communes"],
      "all count 1: ordered by Vietnamese label (Bảo hiểm, Đảng viên, Thu nhập, Xã)",
    );
    assert.deepEqual(f.localities, [
      { value: "Cẩm Giàng", count: 3 },
      { value: "Trà Vinh", count: 2 },
    ]);
    assert.deepEqual(f.levels, [
      { value: "huyện", count: 3 },
      { value: "tỉnh", count: 2 },
    ]);
    assert.deepEqual(f.years, [
      { value: 2025, count: 2 },
      { value: 2024, count: 1 },
      { value: 2023, count: 1 },
      { value: 2022, count: 1 },
      { value: 2021, count: 2 },
      { value: 2020, count: 1 },
    ]);
    assert.deepEqual(
      f.tags,
      [{ value: "ưu tiên", count: 2 }],
      "`Ưu tiên` and `ưu tiên` are one tag",
    );
    assert.deepEqual(f.articles, [
      { id: "b", title: B.title, count: 3 },
      { id: "a", title: A.title, count: 2 },
      { id: "c", title: C.title, count: 1 },
    ]);
  });

  test("facets of a search result count only that result", () => {
    const f = facets(searchEntries(INDEX, { levels: ["tỉnh"] }));
    assert.deepEqual(f.kinds, [{ value: "target", count: 2 }]);
    assert.deepEqual(f.localities, [{ value: "Trà Vinh", count: 2 }]);
  });
});

// --- Comparison -----------------------------------------------------------------------------

const TRA_VINH = "travinh-tracu-hoc-tap-nghi-quyet-tinh";
const CAM_GIANG = "camgiang-hoc-tap-nghi-quyet";
const HEALTH = CATEGORIES.find((c) => c.phrases.includes("bảo hiểm y tế"))?.id;

/** Every pair of the table holds a target as `target` and a result as `result`. */
function assertKindsKept(table: ComparisonTable): void {
  for (const row of table.rows) {
    assert.equal(row.cells.length, table.columns.length);
    for (const cell of row.cells) {
      for (const pair of cell.pairs) {
        assert.ok(pair.target || pair.result, "a pair is never empty");
        if (pair.target) assert.equal(pair.target.snippet.kind, "target");
        if (pair.result) assert.equal(pair.result.snippet.kind, "result");
        for (const entry of [pair.target, pair.result]) {
          if (entry) assert.equal(entry.snippet.category, row.category);
        }
      }
    }
  }
}

describe("comparison of the seed pages (engine output)", () => {
  let entries: ListedEntry[] = [];
  let traVinh = "";
  let camGiang = "";

  before(async () => {
    const { articles, snippets } = await collectionFromFixtures([TRA_VINH, CAM_GIANG]);
    entries = joinEntries(articles, snippets);
    traVinh = articles.find((a) => a.locality === "Trà Vinh")?.id ?? "";
    camGiang = articles.find((a) => a.locality === "Cẩm Giàng")?.id ?? "";
  });

  test("the health-insurance category is in the taxonomy", () => {
    assert.equal(HEALTH, "health_insurance");
  });

  function assertHealthRow(table: ComparisonTable): void {
    const row = table.rows.find((r) => r.category === HEALTH);
    assert.ok(row, "a health-insurance row");
    assert.equal(row.label, "Bảo hiểm y tế");
    assert.equal(row.cells.length, 2);
    for (const cell of row.cells) {
      const target = cell.pairs[0]?.target?.snippet;
      assert.ok(target, "each column has a target in that row");
      assert.equal(target.kind, "target");
      assert.equal(target.value?.min, 95);
      assert.equal(target.unit, "%");
      assert.match(target.text, /95%/);
    }
    assert.deepEqual(row.chart, { unit: "%", kind: "target", values: [95, 95] });
    assert.equal(row.differs, false);
    // Rows come by group (kinh tế, văn hóa - xã hội, …); within a group, rows with both columns first.
    const groups = table.rows.map((r) => CATEGORY_GROUPS.indexOf(r.group));
    assert.deepEqual(
      groups,
      [...groups].sort((a, b) => a - b),
    );
    for (const group of CATEGORY_GROUPS) {
      const filled = table.rows
        .filter((r) => r.group === group)
        .map((r) => r.cells.filter((c) => c.pairs.length > 0).length);
      assert.deepEqual(
        filled,
        [...filled].sort((a, b) => b - a),
      );
    }
    assert.equal(row.cells.filter((c) => c.pairs.length > 0).length, 2);
    assertKindsKept(table);
  }

  test("Trà Vinh beside Cẩm Giàng (articles): both 95 % health-insurance targets in one row", () => {
    assert.ok(traVinh && camGiang, "both seeds saved with their locality");
    const table = compareSources(entries, articles(traVinh, camGiang));
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ["Trà Vinh · 2020-2025", "Cẩm Giàng · 2020-2025"],
    );
    assert.deepEqual(
      table.columns.map((c) => c.articles.map((a) => a.id)),
      [[traVinh], [camGiang]],
    );
    assertHealthRow(table);
  });

  test("the same with the two localities (names compared without diacritics)", () => {
    const table = compareSources(entries, [
      { type: "locality", name: "Trà Vinh" },
      { type: "locality", name: "cam giang" },
    ]);
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ["Trà Vinh (tỉnh)", "Cẩm Giàng (huyện)"],
    );
    assertHealthRow(table);
  });

  test("deadlines are not rows; every row is a category of a target or result", () => {
    const table = compareSources(entries, articles(traVinh, camGiang));
    const expected = new Set(
      entries
        .filter((e) => e.snippet.kind !== "deadline" && e.snippet.category !== null)
        .map((e) => e.snippet.category),
    );
    assert.deepEqual(new Set(table.rows.map((r) => r.category)), expected);
    const paired = table.rows.flatMap((r) =>
      r.cells.flatMap((c) => c.pairs.flatMap((p) => [p.target, p.result])),
    );
    assert.equal(
      paired.filter((e) => e !== null).length,
      entries.filter((e) => e.snippet.kind !== "deadline" && e.snippet.category !== null).length,
      "each target and result appears exactly once",
    );
  });

  test("the picker offers both articles and both localities", () => {
    const sources = comparableSources(entries);
    assert.deepEqual(
      sources.map((s) => s.source),
      [
        { type: "article", id: camGiang },
        { type: "article", id: traVinh },
        { type: "locality", name: "Trà Vinh", level: "tỉnh" },
        { type: "locality", name: "Cẩm Giàng", level: "huyện" },
      ],
    );
    assert.deepEqual(
      sources.slice(2).map((s) => s.label),
      ["Trà Vinh (tỉnh)", "Cẩm Giàng (huyện)"],
    );
    // Each source counts the article's targets and results that have a category.
    const comparable = (id: string) =>
      entries.filter(
        (e) =>
          e.snippet.articleId === id &&
          (e.snippet.kind === "target" || e.snippet.kind === "result") &&
          e.snippet.category !== null,
      ).length;
    assert.deepEqual(
      sources.map((s) => s.count),
      [comparable(camGiang), comparable(traVinh), comparable(traVinh), comparable(camGiang)],
    );
  });
});

describe("comparison pairs and charts (synthetic)", () => {
  const P = makeArticle("p", { locality: "Tân Phú", level: "huyện", term: "2020-2025" });
  const Q1 = makeArticle("q1", {
    locality: "Long Hồ",
    level: "huyện",
    publishedAt: "2020-09-01",
    title: "Nghị quyết Đại hội",
  });
  const Q2 = makeArticle("q2", {
    locality: "Long Hồ",
    level: "huyện",
    publishedAt: "2023-06-01",
    title: "Sơ kết giữa nhiệm kỳ",
  });

  test("a target and the result that reports on it form one pair", () => {
    const target = figure(
      "t",
      "p",
      "target",
      "tỷ lệ hộ nghèo giảm còn dưới 1%",
      "poverty_rate",
      1,
      "%",
    );
    const result = figure("r", "p", "result", "tỷ lệ hộ nghèo còn 0,8%", "poverty_rate", 0.8, "%");
    const entries = joinEntries([P], [result, target]);
    const table = compareSources(entries, [{ type: "article", id: "p" }]);
    assert.equal(table.rows.length, 1);
    const pairs = table.rows[0]?.cells[0]?.pairs;
    assert.equal(pairs?.length, 1);
    assert.equal(pairs?.[0]?.target?.snippet.id, "t");
    assert.equal(pairs?.[0]?.result?.snippet.id, "r");
    assert.deepEqual(table.rows[0]?.chart, { unit: "%", kind: "target", values: [1] });
  });

  test("a target and a result in units that do not compare stay apart (never hộ with %)", () => {
    const entry = (snippet: SnippetRecord): ListedEntry => ({ snippet, article: P });
    const pairs = pairTargetsAndResults(
      [entry(figure("t", "p", "target", "dưới 1%", "poverty_rate", 1, "%"))],
      [entry(figure("r", "p", "result", "giảm 620 hộ", "poverty_rate", 620, "hộ"))],
    );
    assert.deepEqual(
      pairs.map((p) => [p.target?.snippet.id, p.result?.snippet.id, p.attainment?.status]),
      [
        ["t", undefined, "no_data"],
        [undefined, "r", undefined],
      ],
    );
  });

  test("with several, a result pairs with the closest target of its unit; the rest stay apart", () => {
    const entry = (snippet: SnippetRecord): ListedEntry => ({ snippet, article: P });
    const targets = [
      entry(figure("t1", "p", "target", "dưới 1%", "poverty_rate", 1, "%")),
      entry(figure("t2", "p", "target", "giảm 500 hộ nghèo", "poverty_rate", 500, "hộ")),
      entry(figure("t3", "p", "target", "dưới 3%", "poverty_rate", 3, "%")),
    ];
    const results = [
      entry(figure("r1", "p", "result", "giảm 620 hộ", "poverty_rate", 620, "hộ")),
      entry(figure("r2", "p", "result", "còn 2,9%", "poverty_rate", 2.9, "%")),
      entry(figure("r3", "p", "result", "giảm 1,5 lần", "poverty_rate", 1.5, "lần")),
    ];
    const pairs = pairTargetsAndResults(targets, results).map((p) => [
      p.target?.snippet.id ?? null,
      p.result?.snippet.id ?? null,
    ]);
    assert.deepEqual(pairs, [
      ["t1", null],
      ["t2", "r1"],
      ["t3", "r2"],
      [null, "r3"],
    ]);
  });

  test("a locality pairs a target and a result from two of its articles", () => {
    const entries = joinEntries(
      [P, Q1, Q2],
      [
        figure("q-t", "q1", "target", "bảo hiểm y tế đạt 95%", "health_insurance", 95, "%"),
        figure("q-r", "q2", "result", "bảo hiểm y tế đạt 93,5%", "health_insurance", 93.5, "%"),
        figure("p-r", "p", "result", "bảo hiểm y tế đạt 91%", "health_insurance", 91, "%"),
      ],
    );
    const table = compareSources(entries, [
      { type: "locality", name: "Long Hồ" },
      { type: "article", id: "p" },
    ]);
    assert.deepEqual(
      table.columns.map((c) => [c.label, c.articles.map((a) => a.id)]),
      [
        ["Long Hồ (huyện)", ["q1", "q2"]],
        ["Tân Phú · 2020-2025", ["p"]],
      ],
    );
    const row = table.rows[0];
    assert.ok(row);
    const pairs = row.cells.map((c) =>
      c.pairs.map((p) => [p.target?.snippet.id ?? null, p.result?.snippet.id ?? null]),
    );
    assert.deepEqual(pairs, [[["q-t", "q-r"]], [[null, "p-r"]]]);
    // The chart compares targets only: the column with just a result has no bar.
    assert.deepEqual(row.chart, { unit: "%", kind: "target", values: [95, null] });
    assert.equal(row.differs, false);
    assertKindsKept(table);
  });

  test("a row with results only charts results", () => {
    const entries = joinEntries(
      [P, Q1],
      [
        figure("a", "q1", "result", "đạt 93%", "health_insurance", 93, "%"),
        figure("b", "p", "result", "đạt 91%", "health_insurance", 91, "%"),
      ],
    );
    const table = compareSources(entries, articles("q1", "p"));
    assert.deepEqual(table.rows[0]?.chart, { unit: "%", kind: "result", values: [93, 91] });
    assert.equal(table.rows[0]?.differs, true);
  });

  test("differences: values, ranges (midpoint), units (normalised), missing values", () => {
    const table = compareSources(
      joinEntries(
        [P, Q1],
        [
          figure("a1", "q1", "target", "đạt 95%", "health_insurance", 95, "%"),
          figure("b1", "p", "target", "đạt 90%", "health_insurance", 90, " % "),
          figure("a2", "q1", "target", "10-11%", "growth", [10, 11], "%"),
          figure("b2", "p", "target", "10,5%", "growth", 10.5, "%"),
          figure("a3", "q1", "target", "90 triệu", "income_per_capita", 90, "Triệu đồng/người/năm"),
          figure("b3", "p", "target", "90 triệu", "income_per_capita", 90, "triệu  đồng/người/năm"),
          figure("a4", "q1", "target", "300 người", "jobs", 300, "người"),
          figure("b4", "p", "target", "3%", "jobs", 3, "%"),
          makeSnippet("a5", "q1", "target", "giữ vững", { category: "security_safe", unit: "%" }),
          figure("b5", "p", "target", "95%", "security_safe", 95, "%"),
        ],
      ),
      articles("q1", "p"),
    );
    const row = (category: string) => table.rows.find((r) => r.category === category);
    assert.deepEqual(row("health_insurance")?.chart?.values, [95, 90]);
    assert.equal(row("health_insurance")?.differs, true);
    assert.deepEqual(row("growth")?.chart?.values, [10.5, 10.5]);
    assert.equal(row("growth")?.differs, false);
    assert.deepEqual(row("income_per_capita")?.chart, {
      unit: "Triệu đồng/người/năm",
      kind: "target",
      values: [90, 90],
    });
    assert.equal(row("income_per_capita")?.differs, false);
    assert.equal(row("jobs")?.chart, null, "units differ: no chart");
    assert.equal(row("jobs")?.differs, true);
    assert.equal(row("security_safe")?.chart, null, "a value is missing: no chart");
    assert.equal(row("security_safe")?.differs, true);
  });

  test("rows by group; within one, more columns with values first, then by label; unknown sources are empty", () => {
    const table = compareSources(
      joinEntries(
        [P, Q1],
        [
          figure("x1", "q1", "target", "95%", "health_insurance", 95, "%"),
          figure("x2", "p", "target", "95%", "health_insurance", 95, "%"),
          figure("x3", "p", "target", "5%", "poverty_rate", 5, "%"),
          figure("x4", "q1", "target", "8%", "growth", 8, "%"),
          makeSnippet("x5", "p", "deadline", "trước năm 2025", {
            deadline: { date: "2025-12-31", precision: "year" },
          }),
          makeSnippet("x6", "p", "excerpt", "ghi chú"),
          figure("x7", "p", "target", "xyz", "poverty_rate", 1, "%", { kind: "deadline" }),
        ],
      ),
      articles("q1", "p", "missing"),
    );
    assert.deepEqual(
      table.rows.map((r) => r.category),
      ["growth", "health_insurance", "poverty_rate"],
      "kinh tế first; then văn hóa - xã hội: Bảo hiểm y tế (2 columns) before Tỷ lệ hộ nghèo",
    );
    assert.equal(table.columns[2]?.label, "missing");
    assert.deepEqual(table.columns[2]?.articles, []);
    for (const r of table.rows) assert.deepEqual(r.cells[2]?.pairs, []);
    assertKindsKept(table);
  });
});

describe("scale (10,000 snippets from 500 articles)", () => {
  const PLACES = [
    "Trà Vinh",
    "Cẩm Giàng",
    "Đắk Lắk",
    "Tây Ninh",
    "Đakrông",
    "Long Hồ",
    "Tân Phú",
    "Hải Dương",
    "Quảng Trị",
    "Bến Tre",
  ];
  const TEXTS: Array<[string, string | null]> = [
    ["100% xã đạt chuẩn nông thôn mới", "new_rural_communes"],
    ["tỷ lệ bao phủ bảo hiểm y tế đạt 95%", "health_insurance"],
    ["tỷ lệ hộ nghèo giảm còn dưới 1%", "poverty_rate"],
    ["kết nạp 120 đảng viên mới", "new_party_members"],
    ["hoàn thành trước năm 2025", null],
  ];
  const KINDS: SnippetKind[] = ["target", "result", "deadline", "excerpt"];
  const articles: ArticleRecord[] = [];
  const snippets: SnippetRecord[] = [];
  for (let i = 0; i < 500; i++) {
    const id = `art-${i}`;
    articles.push(
      makeArticle(id, {
        title: `Hội nghị số ${i}`,
        locality: PLACES[i % PLACES.length] ?? null,
        level: i % 2 === 0 ? "tỉnh" : "huyện",
      }),
    );
    for (let j = 0; j < 20; j++) {
      const [text, category] = TEXTS[j % TEXTS.length] ?? ["", null];
      snippets.push(
        makeSnippet(`sn-${i}-${j}`, id, KINDS[j % KINDS.length] ?? "excerpt", text, {
          category,
          value: { min: j, max: j },
          unit: "%",
          createdAt: T0 + i * MINUTE,
          horizon: { type: "year", year: 2021 + (j % 5) },
        }),
      );
    }
  }

  test("search over the index finds the right counts", () => {
    const entries = joinEntries(articles, snippets);
    const index = createSearchIndex(entries);
    assert.equal(entries.length, 10_000);
    assert.equal(entries[0]?.snippet.articleId, "art-499", "newest article first");
    assert.equal(searchEntries(index, { query: "nong thon moi" }).length, 2000);
    assert.equal(searchEntries(index, { query: "bao hiem", localities: ["Dak Lak"] }).length, 200);
    assert.equal(searchEntries(index, { kinds: ["target"], query: "nông thôn" }).length, 500);
    assert.equal(searchEntries(index, { levels: ["tinh"], years: [2021] }).length, 1000);
    assert.equal(searchEntries(index, { query: "dang vien moi ket nap" }).length, 2000);
    assert.equal(searchEntries(index, { query: "không có" }).length, 0);
    const f = facets(entries);
    assert.equal(f.articles.length, 500);
    assert.deepEqual(
      f.localities.map((c) => c.count),
      PLACES.map(() => 1000),
    );
    const table = compareSources(entries, [
      { type: "locality", name: "Trà Vinh" },
      { type: "locality", name: "Đakrông" },
    ]);
    assert.deepEqual(table.rows.map((r) => r.category).sort(), [
      "health_insurance",
      "new_party_members",
      "new_rural_communes",
      "poverty_rate",
    ]);
  });
});
