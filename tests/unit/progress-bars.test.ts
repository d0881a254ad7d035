/**
 * One indicator across localities (lib/collection/progress-bars.ts), made-up districts: per place
 * its target and the latest matched result; per-year and level figures, and units that do not
 * compare, never share a chart; a scale prefix converts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { progressSeries } from "../../lib/collection/progress.ts";
import { localityBars, placeLabel } from "../../lib/collection/progress-bars.ts";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { article, bareSnippet } from "./helpers/records.ts";

function source(locality: string, slug: string, publishedAt: string): ArticleRecord {
  return article(`https://${slug}.example.gov.vn/bai`, {
    title: `Bài của ${locality}`,
    publishedAt,
    locality,
    level: "huyện",
    term: "2020-2025",
  });
}

let n = 0;
function figure(from: ArticleRecord, kind: "target" | "result", fields: Partial<SnippetRecord>) {
  n++;
  return { snippet: bareSnippet(`b${n}`, from.id, kind, `số ${n}`, fields, n), article: from };
}

const A0 = source("An Lạc", "anlac-nq", "2020-09-01");
const A1 = source("An Lạc", "anlac-2022", "2023-01-05");
const A2 = source("An Lạc", "anlac-2024", "2025-01-05");
const B0 = source("Bảo Lâm", "baolam-nq", "2020-10-01");
const B1 = source("Bảo Lâm", "baolam-2023", "2023-06-01");
const C0 = source("Cát Tiên", "cattien-nq", "2020-10-01");

const revenue = (unit: string, value: number) => ({
  category: "budget_revenue",
  unit,
  value: { min: value, max: value },
  horizon: { type: "year" as const, year: 2025 },
});

const ENTRIES = [
  figure(A0, "target", revenue("tỷ đồng", 1200)),
  figure(A1, "result", revenue("tỷ đồng", 900)),
  figure(A2, "result", revenue("tỷ đồng", 1150)),
  figure(B0, "target", revenue("triệu đồng", 800_000)),
  figure(B1, "result", revenue("triệu đồng", 650_000)),
  // A yearly rate of the same indicator: a chart of its own.
  figure(C0, "target", { category: "budget_revenue", unit: "%/năm", value: { min: 10, max: 10 } }),
  // A count: not comparable with money, its own chart too.
  figure(C0, "target", { ...revenue("nguồn thu", 12) }),
];

describe("progress: bars across localities", () => {
  test("per place the target and the latest result, in the first target's unit", () => {
    const charts = localityBars(progressSeries(ENTRIES), "budget_revenue");
    assert.equal(charts.length, 3);
    const [money] = charts;
    assert.equal(money?.span, "level");
    assert.equal(money?.unit, "tỷ đồng");
    assert.deepEqual(
      money?.groups.map(({ label, target, result }) => [label, target, result]),
      [
        ["An Lạc (huyện)", 1200, 1150],
        ["Bảo Lâm (huyện)", 800, 650],
      ],
    );
    assert.deepEqual(
      charts.slice(1).map((chart) => [chart.span, chart.unit, chart.groups[0]?.result]),
      [
        ["annual", "%/năm", null],
        ["level", "nguồn thu", null],
      ],
    );
  });

  test("a figure with no stated span joins the level chart of its unit", () => {
    const d0 = source("Đạ Huoai", "dahuoai-nq", "2020-10-01");
    const d1 = source("Đạ Huoai", "dahuoai-2023", "2023-06-01");
    const open = { category: "budget_revenue", unit: "tỷ đồng" };
    const entries = [
      ...ENTRIES,
      figure(d0, "target", { ...open, value: { min: 500, max: 500 } }),
      figure(d1, "result", { ...open, value: { min: 420, max: 420 } }),
    ];
    const [money] = localityBars(progressSeries(entries), "budget_revenue");
    assert.deepEqual(
      money?.groups.map(({ label, target, result }) => [label, target, result]),
      [
        ["An Lạc (huyện)", 1200, 1150],
        ["Bảo Lâm (huyện)", 800, 650],
        ["Đạ Huoai (huyện)", 500, 420],
      ],
    );
  });

  test("another indicator, no bars; a place's label names its level", () => {
    assert.deepEqual(localityBars(progressSeries(ENTRIES), "growth"), []);
    assert.equal(placeLabel({ locality: "An Lạc", level: null }), "An Lạc");
  });
});
