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
  type ComparisonTable,
  compareSources,
  joinEntries,
  moveSource,
  parseSourcesParam,
  rowsByGroup,
  sortComparisonRows,
  sourcesParam,
} from "../../lib/collection/index.ts";
import {
  A_PLAN,
  B_PLAN,
  ENTRIES,
  PLACES,
  place,
  SNIPPETS,
  saved,
} from "./helpers/report-collection.ts";

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

describe("the comparison's sources in the page address", () => {
  test("round trip, in order; malformed values left out; at most four", () => {
    const sources = [
      { type: "locality", name: "Tân Hòa", level: "huyện" },
      { type: "article", id: "a-plan" },
    ] as const;
    const param = new URLSearchParams({ sources: sourcesParam(sources) }).toString();
    assert.deepEqual(parseSourcesParam(new URLSearchParams(param).get("sources")), sources);
    assert.deepEqual(parseSourcesParam("not json"), []);
    assert.deepEqual(parseSourcesParam('{"type":"article","id":"x"}'), []);
    assert.deepEqual(
      parseSourcesParam(
        '[{"type":"article"},{"type":"locality","name":" "},{"type":"article","id":"x"}]',
      ),
      [{ type: "article", id: "x" }],
    );
    const many = JSON.stringify(["a", "b", "c", "d", "e"].map((id) => ({ type: "article", id })));
    assert.equal(parseSourcesParam(many).length, 4);
  });
});
