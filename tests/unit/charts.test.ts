/**
 * The charts' drawings (components/collection/charts/*-plot.ts) made with Observable Plot in
 * linkedom's document: the marks are there (a bar per value, the target marked, a point per
 * result in the shape of its status, the path), every datum has a title and an ARIA label, and
 * numbers follow the UI language (Vietnamese `92,5%`, English `92.5%`).
 */
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { parseHTML } from "linkedom";
import { indicatorBarsSvg } from "../../components/collection/charts/bars-plot.ts";
import { LIGHT_COLORS } from "../../components/collection/charts/chart-theme.ts";
import { progressChartSvg } from "../../components/collection/charts/progress-plot.ts";
import { setLanguage } from "../../lib/i18n/index.ts";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;

afterEach(() => setLanguage("vi"));

const BARS = {
  title: "Tỷ lệ bao phủ bảo hiểm y tế",
  unit: "%",
  groups: [
    { label: "Bình Sơn (huyện)", target: 95, result: 92.5 },
    { label: "Tân Phước (huyện)", target: 90, result: null },
  ],
};
const BAR_LABELS = { target: "Chỉ tiêu", result: "Kết quả mới nhất", description: "Biểu đồ cột" };

const PROGRESS = {
  title: "Tỷ lệ đô thị hóa",
  unit: "%",
  target: { date: "2025-12-31", value: 40 },
  path: {
    from: { date: "2020-09-10", value: 30 },
    to: { date: "2025-12-31", value: 40 },
  },
  points: [
    { date: "2021-07-15", value: 31.5, status: "behind" as const, label: "Sơ kết 6 tháng" },
    { date: "2023-01-10", value: 35, status: "on_track" as const, label: "Tổng kết năm" },
    { date: "2025-08-01", value: 41, status: "on_track" as const, label: "Tổng kết nhiệm kỳ" },
  ],
};
const PROGRESS_LABELS = {
  target: "Chỉ tiêu",
  onTrack: "Đúng tiến độ",
  behind: "Chậm tiến độ",
  start: "Điểm xuất phát",
  date: "Năm",
  description: "Biểu đồ tiến độ",
};

const labels = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.getAttribute("aria-label"));

describe("charts: grouped bars of one indicator", () => {
  test("a bar per value, the target marked per locality, localities in the given order", () => {
    const svg = indicatorBarsSvg(BARS, { colors: LIGHT_COLORS, labels: BAR_LABELS, document: doc });
    assert.equal(svg.getAttribute("aria-label"), "Biểu đồ cột");
    assert.deepEqual(labels(svg, ".gvn-bar rect"), [
      "Bình Sơn (huyện) — Chỉ tiêu: 95%",
      "Bình Sơn (huyện) — Kết quả mới nhất: 92,5%",
      "Tân Phước (huyện) — Chỉ tiêu: 90%",
    ]);
    assert.equal(svg.querySelectorAll(".gvn-target-mark line").length, 2);
    assert.equal(svg.querySelectorAll(".gvn-bar rect title").length, 3);
    const text = svg.textContent ?? "";
    assert.ok(text.indexOf("Bình Sơn") < text.indexOf("Tân Phước"), "the given order");
    assert.match(text, /92,5%/);
  });

  test("English numbers in the English UI", () => {
    setLanguage("en");
    const svg = indicatorBarsSvg(
      { ...BARS, groups: [{ label: "A", target: 1200.5, result: 28864 }] },
      { colors: LIGHT_COLORS, labels: BAR_LABELS, document: doc },
    );
    assert.deepEqual(labels(svg, ".gvn-bar rect"), [
      "A — Chỉ tiêu: 1,200.5%",
      "A — Kết quả mới nhất: 28,864%",
    ]);
  });
});

describe("charts: the progress timeline", () => {
  test("points by status (circle on track, triangle behind), the dashed path, the target star", () => {
    const svg = progressChartSvg(PROGRESS, {
      colors: LIGHT_COLORS,
      labels: PROGRESS_LABELS,
      document: doc,
    });
    assert.equal(svg.getAttribute("aria-label"), "Biểu đồ tiến độ");
    assert.deepEqual(labels(svg, ".gvn-point-on_track circle"), [
      "10/01/2023 — Tổng kết năm: 35% (Đúng tiến độ)",
      "01/08/2025 — Tổng kết nhiệm kỳ: 41% (Đúng tiến độ)",
    ]);
    assert.deepEqual(labels(svg, ".gvn-point-behind path"), [
      "15/07/2021 — Sơ kết 6 tháng: 31,5% (Chậm tiến độ)",
    ]);
    const path = svg.querySelector(".gvn-path path");
    assert.ok(path?.getAttribute("d")?.startsWith("M"), "the path is drawn");
    assert.equal(svg.querySelector(".gvn-path")?.getAttribute("stroke-dasharray"), "6,4");
    assert.deepEqual(labels(svg, ".gvn-target-mark path"), ["Chỉ tiêu: 40% (31/12/2025)"]);
    assert.match(svg.textContent ?? "", /31,5/);
  });

  test("without a path, the points and the target only", () => {
    const svg = progressChartSvg(
      { ...PROGRESS, path: null, points: [{ ...PROGRESS.points[0], status: null }] } as never,
      { colors: LIGHT_COLORS, labels: PROGRESS_LABELS, document: doc },
    );
    assert.equal(svg.querySelector(".gvn-path path"), null);
    assert.deepEqual(labels(svg, ".gvn-point-start path"), [
      "15/07/2021 — Sơ kết 6 tháng: 31,5% (Điểm xuất phát)",
    ]);
  });
});
