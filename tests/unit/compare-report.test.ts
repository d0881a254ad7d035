/**
 * The comparison for reports (`compareSources`): rows grouped as resolutions list them, cells that
 * lead with a target and the latest result against it (% thực hiện, status, the indicator phrase),
 * charts that compare like with like, sorting by name / spread / % thực hiện, column order, labels
 * in the UI language. Figures are read by the engine from sentences written for these tests (not
 * from the seed articles); the kind is the one a reader would confirm.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type CollectionEntry,
  type CompareSource,
  type ComparisonTable,
  compareSources,
  joinEntries,
  moveSource,
  rowsByGroup,
  sortComparisonRows,
} from "../../lib/collection/index.ts";
import { extract } from "../../lib/extract/index.ts";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { article, bareSnippet } from "./helpers/records.ts";

let position = 0;

/** The one figure the engine reads in `sentence`, saved from `source` as a `kind`. */
function saved(source: ArticleRecord, kind: "target" | "result", sentence: string): SnippetRecord {
  const items = extract(sentence).filter((item) => item.kind !== "deadline");
  assert.equal(items.length, 1, sentence);
  const item = items[0] as (typeof items)[number];
  position += 100;
  return bareSnippet(
    `${source.id}-${position}`,
    source.id,
    kind,
    item.text,
    {
      sentence,
      indicator: item.indicator,
      category: item.category,
      value: item.value,
      unit: item.unit,
      comparator: item.comparator,
      direction: item.direction,
      horizon: item.horizon,
    },
    position,
  );
}

function place(id: string, locality: string, publishedAt: string): ArticleRecord {
  return article(`https://${id}.example.gov.vn/bai-viet`, {
    id,
    title: `Bài ${id}`,
    locality,
    level: "huyện",
    publishedAt,
    term: "2020-2025",
  });
}

const A_PLAN = place("a-plan", "Phước Long", "2020-10-01");
const A_MID = place("a-mid", "Phước Long", "2022-01-15");
const A_REVIEW = place("a-review", "Phước Long", "2023-06-01");
const B_PLAN = place("b-plan", "Tân Hòa", "2020-09-20");
const B_REVIEW = place("b-review", "Tân Hòa", "2023-05-10");

const SNIPPETS: SnippetRecord[] = [
  saved(A_PLAN, "target", "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%."),
  saved(A_PLAN, "target", "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn dưới 2%."),
  saved(A_PLAN, "target", "Phấn đấu tốc độ tăng trưởng kinh tế bình quân hằng năm đạt 8 - 8,5%."),
  saved(A_PLAN, "target", "Phấn đấu trong nhiệm kỳ kết nạp 600 đảng viên mới."),
  saved(A_PLAN, "target", "Phấn đấu đến năm 2025 có 12 xã đạt chuẩn nông thôn mới."),
  saved(A_MID, "result", "Đến nay, tỷ lệ dân số tham gia bảo hiểm y tế đạt 93%."),
  saved(A_REVIEW, "result", "Đến nay, tỷ lệ dân số tham gia bảo hiểm y tế đạt 96,5%."),
  saved(A_REVIEW, "result", "Đến nay, tỷ lệ hộ nghèo còn 2,5%."),
  saved(A_REVIEW, "result", "Tăng trưởng kinh tế bình quân giai đoạn 2021 - 2023 đạt 7,2%/năm."),
  saved(A_REVIEW, "result", "Đến nay đã kết nạp 450 đảng viên mới."),
  saved(A_REVIEW, "result", "Đến nay có 80% số xã đạt chuẩn nông thôn mới."),
  saved(B_PLAN, "target", "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 92%."),
  saved(B_PLAN, "target", "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn dưới 3%."),
  saved(B_PLAN, "target", "Phấn đấu trong nhiệm kỳ kết nạp 300 đảng viên mới."),
  saved(
    B_PLAN,
    "target",
    "Phấn đấu thu ngân sách trên địa bàn giai đoạn 2021 - 2025 đạt 2.000 tỷ đồng.",
  ),
  saved(B_REVIEW, "result", "Đến nay, tỷ lệ dân số tham gia bảo hiểm y tế đạt 92%."),
  saved(B_REVIEW, "result", "Đến nay, tỷ lệ hộ nghèo còn 1,5%."),
  saved(B_REVIEW, "result", "Đến nay đã kết nạp 330 đảng viên mới."),
  saved(B_REVIEW, "result", "Đến nay, thu ngân sách trên địa bàn đạt 1.500 tỷ đồng."),
];

const ENTRIES: CollectionEntry[] = joinEntries(
  [A_PLAN, A_MID, A_REVIEW, B_PLAN, B_REVIEW],
  SNIPPETS,
);
const PLACES: CompareSource[] = [
  { type: "locality", name: "Phước Long" },
  { type: "locality", name: "Tân Hòa" },
];

const rowOf = (table: ComparisonTable, category: string) => {
  const row = table.rows.find((r) => r.category === category);
  assert.ok(row, category);
  return row;
};
const lead = (table: ComparisonTable, category: string, column: number) =>
  rowOf(table, category).cells[column]?.lead ?? null;
const rounded = (n: number | null | undefined) => (n == null ? n : Math.round(n * 10) / 10);

describe("comparison cells for reports", () => {
  const table = compareSources(ENTRIES, PLACES);

  test("a cell leads with the target and the latest result against it, with % thực hiện and status", () => {
    const health = lead(table, "health_insurance", 0);
    assert.equal(health?.target?.snippet.value?.min, 95);
    assert.equal(health?.result?.snippet.value?.min, 96.5, "the 2023 review, not the 2022 one");
    assert.equal(health?.attainment?.status, "exceeded");
    assert.equal(rounded(health?.attainment?.percentDone), 101.6);
    assert.equal(health?.target?.snippet.indicator, "tỷ lệ dân số tham gia bảo hiểm y tế");
    // The older result stays in the cell, after the pair.
    const others = rowOf(table, "health_insurance").cells[0]?.pairs.slice(1);
    assert.deepEqual(
      others?.map((p) => [p.target, p.result?.snippet.value?.min]),
      [[null, 93]],
    );
    const met = lead(table, "health_insurance", 1);
    assert.equal(met?.attainment?.status, "met");
    assert.equal(met?.attainment?.percentDone, 100);
  });

  test("a decrease target is met by going down", () => {
    const up = lead(table, "poverty_rate", 0);
    assert.equal(up?.attainment?.status, "not_met");
    assert.equal(up?.attainment?.percentDone, 80);
    const down = lead(table, "poverty_rate", 1);
    assert.equal(down?.attainment?.status, "exceeded");
    assert.equal(down?.attainment?.percentDone, 200);
  });

  test("whole-term counts and money in one unit: % thực hiện", () => {
    assert.equal(lead(table, "new_party_members", 0)?.attainment?.percentDone, 75);
    assert.equal(lead(table, "new_party_members", 1)?.attainment?.status, "exceeded");
    assert.equal(lead(table, "budget_revenue", 1)?.attainment?.percentDone, 75);
    assert.equal(lead(table, "budget_revenue", 0), null, "Phước Long has no budget figure");
  });

  test("never xã with %: the target has no data and the result stands apart", () => {
    const cell = rowOf(table, "new_rural_communes").cells[0];
    assert.equal(cell?.lead?.target?.snippet.unit, "xã");
    assert.equal(cell?.lead?.result, null);
    assert.deepEqual(cell?.lead?.attainment, {
      comparable: false,
      percentDone: null,
      status: "no_data",
      reason: "no_result",
    });
    assert.equal(cell?.pairs[1]?.result?.snippet.unit, "%");
  });

  test("a yearly growth rate is measured by a yearly result", () => {
    const growth = lead(table, "growth", 0);
    assert.equal(growth?.result?.snippet.unit, "%/năm");
    assert.equal(growth?.attainment?.status, "not_met");
    assert.equal(rounded(growth?.attainment?.percentDone), 90);
  });

  test("rows come by group: kinh tế, văn hóa - xã hội, xây dựng Đảng", () => {
    assert.deepEqual(
      rowsByGroup(table.rows).map((g) => [g.group, g.rows.map((r) => r.category)]),
      [
        ["economy", ["growth", "budget_revenue", "new_rural_communes"]],
        ["society", ["health_insurance", "poverty_rate"]],
        ["party", ["new_party_members"]],
      ],
    );
  });

  test("row labels in the UI language", () => {
    const english = compareSources(ENTRIES, PLACES, { language: "en" });
    assert.equal(rowOf(english, "health_insurance").label, "Health insurance coverage");
    assert.equal(rowOf(table, "health_insurance").label, "Bảo hiểm y tế");
  });
});

describe("charts compare like with like", () => {
  test("targets in one unit and span chart; the spread is relative", () => {
    const row = rowOf(compareSources(ENTRIES, PLACES), "poverty_rate");
    assert.deepEqual(row.chart, { unit: "%", kind: "target", values: [2, 3] });
    assert.equal(rounded(row.spread), 0.3);
    assert.equal(row.percentDone, 140, "mean of 80% and 200%");
  });

  test("money in tỷ and nghìn tỷ charts in the first unit", () => {
    const C = place("c-plan", "Bình Minh", "2020-09-01");
    const entries = joinEntries(
      [B_PLAN, C],
      [
        ...SNIPPETS.filter((s) => s.articleId === "b-plan"),
        // The engine reads the unit as `nghìn`; the reader corrects it, and the correction is compared.
        {
          ...saved(
            C,
            "target",
            "Phấn đấu thu ngân sách trên địa bàn giai đoạn 2021 - 2025 đạt 3 nghìn tỷ đồng.",
          ),
          review: "corrected",
          corrections: { unit: "nghìn tỷ đồng" },
        },
      ],
    );
    const table = compareSources(entries, [
      { type: "article", id: "b-plan" },
      { type: "article", id: "c-plan" },
    ]);
    assert.deepEqual(rowOf(table, "budget_revenue").chart?.values, [2000, 3000]);
  });

  test("a yearly rate and a whole-term total never share a chart", () => {
    const C = place("c-plan", "Bình Minh", "2020-09-01");
    const entries = joinEntries(
      [A_PLAN, C],
      [
        ...SNIPPETS.filter((s) => s.articleId === "a-plan"),
        saved(C, "target", "Phấn đấu mỗi năm kết nạp 120 đảng viên mới."),
      ],
    );
    const row = rowOf(
      compareSources(entries, [
        { type: "article", id: "a-plan" },
        { type: "article", id: "c-plan" },
      ]),
      "new_party_members",
    );
    assert.equal(row.chart, null);
    assert.equal(row.spread, null);
    assert.equal(row.differs, true);
  });
});

describe("sorting and column order", () => {
  const table = compareSources(ENTRIES, PLACES);
  const order = (rows: typeof table.rows) => rows.map((r) => r.category);

  test("by name, within groups, both directions (Vietnamese order: Tăng before Thu)", () => {
    assert.deepEqual(
      order(sortComparisonRows(table.rows, { key: "name", direction: "descending" })),
      [
        "new_rural_communes",
        "budget_revenue",
        "growth",
        "poverty_rate",
        "health_insurance",
        "new_party_members",
      ],
    );
  });

  test("by % thực hiện: rows with none last whatever the direction", () => {
    const up = order(sortComparisonRows(table.rows, { key: "percent", direction: "ascending" }));
    assert.deepEqual(up.slice(0, 3), ["budget_revenue", "growth", "new_rural_communes"]);
    assert.deepEqual(up.slice(3), ["health_insurance", "poverty_rate", "new_party_members"]);
    const down = order(sortComparisonRows(table.rows, { key: "percent", direction: "descending" }));
    assert.deepEqual(down.slice(3, 5), ["poverty_rate", "health_insurance"]);
    assert.equal(down[2], "new_rural_communes", "no % thực hiện: last of its group");
  });

  test("by spread between localities", () => {
    const rows = sortComparisonRows(table.rows, { key: "spread", direction: "descending" });
    const society = rows.filter((r) => r.group === "society").map((r) => r.category);
    assert.deepEqual(society, ["poverty_rate", "health_insurance"]);
  });

  test("a column moves left or right; the ends stay put", () => {
    const three = ["a", "b", "c"];
    assert.deepEqual(moveSource(three, 2, -1), ["a", "c", "b"]);
    assert.deepEqual(moveSource(three, 0, 1), ["b", "a", "c"]);
    assert.deepEqual(moveSource(three, 0, -1), ["a", "b", "c"]);
    assert.deepEqual(moveSource(three, 2, 1), ["a", "b", "c"]);
    const swapped = compareSources(ENTRIES, moveSource(PLACES, 1, -1));
    assert.deepEqual(
      swapped.columns.map((c) => c.label),
      ["Tân Hòa (huyện)", "Phước Long (huyện)"],
    );
    assert.equal(lead(swapped, "poverty_rate", 0)?.attainment?.status, "exceeded");
  });
});
