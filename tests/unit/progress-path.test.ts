/**
 * The pieces of progress over time that need no collection: the path's ends and its value
 * between them (lib/collection/progress-path.ts), a term's years, the review a title names
 * (lib/collection/review-kind.ts). Made-up titles.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseTerm } from "../../lib/collection/progress.ts";
import { expectedAt, pathOf } from "../../lib/collection/progress-path.ts";
import { reviewKindOf } from "../../lib/collection/review-kind.ts";

describe("progress: the path", () => {
  test("no start, no path; the path holds before its start and after its end", () => {
    assert.equal(
      pathOf({
        span: "level",
        ceiling: false,
        targetValue: 40,
        dueDate: "2025-12-31",
        start: "2020-09-10",
        baseline: null,
        firstResult: null,
      }),
      null,
    );
    const path = pathOf({
      span: "level",
      ceiling: false,
      targetValue: 40,
      dueDate: "2025-12-31",
      start: "2020-01-01",
      baseline: 20,
      firstResult: null,
    });
    assert.ok(path);
    assert.equal(expectedAt(path, "2019-01-01"), 20);
    assert.equal(expectedAt(path, "2026-06-01"), 40);
  });
});

describe("progress: terms and kinds of review", () => {
  test("a term reads with any dash", () => {
    assert.deepEqual(parseTerm("2020-2025"), { from: 2020, to: 2025 });
    assert.deepEqual(parseTerm("nhiệm kỳ 2025 – 2030"), { from: 2025, to: 2030 });
    assert.equal(parseTerm("2025"), null);
    assert.equal(parseTerm(null), null);
  });

  test("the review a title names, from a few words", () => {
    const cases: Array<[string, string | null]> = [
      ["Huyện Tân Phước sơ kết 6 tháng đầu năm 2021", "six_months"],
      ["Kết quả sáu tháng cuối năm", "six_months"],
      ["Tổng kết công tác năm 2022 của huyện", "annual"],
      ["Kinh tế cả năm tăng trưởng khá", "annual"],
      ["Đánh giá giữa nhiệm kỳ thực hiện Nghị quyết", "mid_term"],
      ["Tổng kết nhiệm kỳ 2020-2025: vượt nhiều chỉ tiêu", "term_end"],
      ["Nhìn lại 5 năm thực hiện Nghị quyết Đại hội", "term_end"],
      ["Nghị quyết Đại hội Đảng bộ huyện lần thứ XII, nhiệm kỳ 2020-2025", null],
      ["Hội nghị Ban Chấp hành Đảng bộ huyện", null],
    ];
    for (const [title, kind] of cases) assert.equal(reviewKindOf(title), kind, title);
  });
});
