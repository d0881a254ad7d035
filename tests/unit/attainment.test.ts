/**
 * Attainment of a target by a result (`lib/collection/attainment.ts`): % thực hiện and the status,
 * direction-aware, with ranges, ratios, units and spans. Figures are read by the engine from
 * sentences written for these tests (not from the seed articles), or built by hand for edge cases.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  attainment,
  comparableUnits,
  type Figure,
  isCeiling,
  readUnit,
  spanOf,
  spansMeet,
} from "../../lib/collection/attainment.ts";
import { extract } from "../../lib/extract/index.ts";

/** The one target or result the engine reads in `sentence`. */
function figure(sentence: string): Figure {
  const items = extract(sentence).filter((item) => item.kind !== "deadline");
  assert.equal(items.length, 1, `one figure in: ${sentence} (${JSON.stringify(items)})`);
  return items[0] as Figure;
}

function fields(partial: Partial<Figure>): Figure {
  return {
    value: null,
    unit: "%",
    comparator: "=",
    direction: null,
    horizon: null,
    category: null,
    text: "",
    ...partial,
  };
}

const value = (min: number, max = min) => ({ min, max });

describe("units", () => {
  test("a percent compares with a percent, never with a count", () => {
    assert.equal(comparableUnits("%", "%"), true);
    assert.equal(comparableUnits("%", "xã"), false);
    assert.equal(comparableUnits("xã", "xã"), true);
    assert.equal(comparableUnits("xã", "huyện"), false);
  });
  test("scale prefixes convert; currencies do not", () => {
    assert.equal(comparableUnits("tỷ đồng", "triệu đồng"), true);
    assert.deepEqual(
      [readUnit("tỷ đồng").scale, readUnit("triệu đồng").scale, readUnit("nghìn tỷ đồng").scale],
      [1e9, 1e6, 1e12],
    );
    assert.equal(comparableUnits("tỷ đồng", "triệu USD"), false);
  });
  test("spelling variants are one unit", () => {
    assert.equal(comparableUnits("tỉ đồng", "tỷ đồng"), true);
    assert.equal(comparableUnits("ngàn tỷ đồng", "nghìn tỷ đồng"), true);
    assert.equal(comparableUnits("đảng viên mới", "đảng viên"), true);
    assert.equal(comparableUnits("triệu đồng / người", "triệu đồng/người"), true);
    assert.equal(comparableUnits(null, ""), true);
    assert.equal(comparableUnits(null, "%"), false);
  });
  test("%/năm is a percent per year; a per-capita yearly income is one measure", () => {
    assert.deepEqual(readUnit("%/năm"), { key: "%", scale: 1, perYear: true, perOther: false });
    const income = readUnit("triệu đồng/người/năm");
    assert.equal(income.key, "đồng/người");
    assert.equal(income.perYear, false);
    assert.equal(comparableUnits("triệu đồng/người/năm", "triệu đồng/người"), true);
  });
});

describe("spans", () => {
  test("per-year, whole-term, a year's level and open", () => {
    assert.equal(spanOf(figure("Tỷ lệ hộ nghèo giảm bình quân 1,5 - 2%/năm.")), "annual");
    assert.equal(spanOf(figure("Trong nhiệm kỳ, kết nạp 600 đảng viên mới.")), "term");
    assert.equal(
      spanOf(figure("Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm còn dưới 2%.")),
      "level",
    );
    assert.equal(spanOf(figure("Đến nay đã có 12/15 xã đạt chuẩn nông thôn mới.")), "open");
  });
  test("growth in % is a yearly rate; a share over a period is a level", () => {
    assert.equal(
      spanOf(figure("Giai đoạn 2025 - 2030, tăng trưởng kinh tế bình quân đạt 8 - 8,5%.")),
      "annual",
    );
    const overTheTerm = [
      ["%", "health_insurance", "level"],
      ["tỷ đồng", "budget_revenue", "term"],
    ] as const;
    for (const [unit, category, span] of overTheTerm) {
      const horizon = { type: "period", from: 2025, to: 2030 } as const;
      assert.equal(spanOf(fields({ unit, category, horizon })), span, `${category} in ${unit}`);
    }
  });
  test("a share held every year is a level; a change per year and a year's count are annual", () => {
    const [share, yearly] = extract(
      "Hằng năm, có trên 80% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; mỗi năm kết nạp 120 đảng viên mới trở lên.",
    ).filter((item) => item.kind === "target");
    assert.equal(spanOf(share as Figure), "level");
    assert.equal(spanOf(yearly as Figure), "annual");
    assert.equal(
      spanOf(fields({ unit: "%", direction: "decrease", horizon: { type: "annual" } })),
      "annual",
    );
    const inTheYear = figure("Trong năm đã kết nạp 126 đảng viên mới.");
    assert.equal(spanOf(inTheYear), "annual");
    assert.equal(attainment(yearly as Figure, inTheYear).status, "exceeded");
    assert.equal(spanOf(figure("Sau nửa nhiệm kỳ đã kết nạp 372 đảng viên mới.")), "open");
  });

  test("per-year never meets whole-term or a level; open meets both of those", () => {
    assert.equal(spansMeet("annual", "term"), false);
    assert.equal(spansMeet("annual", "level"), false);
    assert.equal(spansMeet("annual", "open"), false);
    assert.equal(spansMeet("term", "level"), false);
    assert.equal(spansMeet("open", "term"), true);
    assert.equal(spansMeet("level", "open"), true);
    assert.equal(spansMeet("annual", "annual"), true);
  });
});

describe("attainment", () => {
  test("a floor: met exactly, exceeded above, not met below", () => {
    const target = figure("Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 96%.");
    const met = attainment(target, fields({ value: value(96) }));
    assert.deepEqual(met, { comparable: true, percentDone: 100, status: "met" });
    const exceeded = attainment(target, fields({ value: value(98) }));
    assert.equal(exceeded.status, "exceeded");
    assert.ok(Math.abs((exceeded.percentDone ?? 0) - 102.0833) < 1e-3);
    const short = attainment(target, fields({ value: value(90) }));
    assert.equal(short.status, "not_met");
    assert.ok(Math.abs((short.percentDone ?? 0) - 93.75) < 1e-9);
  });

  test("a range is met at its lower bound and exceeded only above its upper bound", () => {
    const target = figure("Giai đoạn 2025 - 2030, tăng trưởng kinh tế bình quân đạt 8 - 8,5%.");
    const result = (n: number) =>
      attainment(target, fields({ value: value(n), category: "growth" }));
    assert.equal(result(7.9).status, "not_met");
    assert.equal(result(8).status, "met");
    assert.equal(result(8.5).status, "met");
    assert.equal(result(8.6).status, "exceeded");
    assert.equal(result(8).percentDone, 100);
  });

  test("a decrease to a level is a ceiling: going down meets it", () => {
    const target = figure("Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm còn dưới 2%.");
    assert.equal(isCeiling(target), true);
    const down = attainment(target, figure("Đến nay, tỷ lệ hộ nghèo còn 1,6%."));
    assert.equal(down.status, "exceeded");
    assert.equal(down.percentDone, 125);
    const up = attainment(target, fields({ value: value(2.5) }));
    assert.equal(up.status, "not_met");
    assert.equal(up.percentDone, 80);
    // `dưới 2%` is strict: exactly 2% does not meet it.
    assert.equal(attainment(target, fields({ value: value(2) })).status, "not_met");
  });

  test("at most (≤) is met at the value and exceeded below it", () => {
    const target = fields({ value: value(5), comparator: "<=", category: "malnutrition" });
    assert.equal(attainment(target, fields({ value: value(5) })).status, "met");
    assert.equal(attainment(target, fields({ value: value(4) })).status, "exceeded");
    assert.equal(attainment(target, fields({ value: value(6) })).status, "not_met");
  });

  test("a rate of decrease is an amount: a larger decrease meets it", () => {
    const target = figure("Tỷ lệ hộ nghèo giảm bình quân 1,5 - 2%/năm.");
    assert.equal(isCeiling(target), false);
    const result = (n: number, direction: Figure["direction"] = "decrease") =>
      attainment(target, fields({ value: value(n), unit: "%/năm", direction }));
    assert.equal(result(1.8).status, "met");
    assert.equal(result(2.2).status, "exceeded");
    assert.equal(result(1.2).status, "not_met");
    assert.equal(result(1.2).percentDone, 80);
    // The rate going up instead counts against the target.
    const wrongWay = result(0.5, "increase");
    assert.equal(wrongWay.status, "not_met");
    assert.ok((wrongWay.percentDone ?? 0) < 0);
  });

  test("a strict floor (trên) needs more than its value", () => {
    const target = fields({ value: value(95), comparator: ">" });
    assert.equal(attainment(target, fields({ value: value(95) })).status, "not_met");
    assert.equal(attainment(target, fields({ value: value(95.5) })).status, "exceeded");
  });

  test("scale prefixes convert money before dividing", () => {
    const target = fields({ value: value(2), unit: "nghìn tỷ đồng", category: "budget_revenue" });
    const result = attainment(target, fields({ value: value(1500), unit: "tỷ đồng" }));
    assert.equal(result.comparable, true);
    assert.equal(result.percentDone, 75);
    assert.equal(result.status, "not_met");
  });

  test("two ratios compare by their fractions", () => {
    const target = fields({
      value: { min: 15, max: 15, numerator: 15, denominator: 15 },
      unit: "xã",
    });
    const result = attainment(target, figure("Đến nay đã có 12/15 xã đạt chuẩn nông thôn mới."));
    assert.equal(result.percentDone, 80);
    assert.equal(result.status, "not_met");
  });

  test("no data: no result, no value, units that do not compare, spans that do not meet", () => {
    const target = figure("Trong nhiệm kỳ, kết nạp 600 đảng viên mới.");
    assert.deepEqual(attainment(target, null), {
      comparable: false,
      percentDone: null,
      status: "no_data",
      reason: "no_result",
    });
    assert.equal(attainment(target, fields({ value: null, unit: "đảng viên" })).reason, "no_value");
    assert.equal(attainment(target, fields({ value: value(80), unit: "%" })).reason, "units");
    const yearly = fields({ value: value(120), unit: "đảng viên", horizon: { type: "annual" } });
    assert.equal(attainment(target, yearly).reason, "span");
    // A result with no horizon reports on the term: 640 of 600.
    const total = attainment(target, fields({ value: value(640), unit: "đảng viên" }));
    assert.equal(total.status, "exceeded");
  });

  test("per-year growth never meets a whole-term total", () => {
    const target = fields({
      value: value(12),
      unit: "%/năm",
      direction: "increase",
      category: "budget_revenue",
    });
    const term = fields({
      value: value(60),
      unit: "%",
      category: "budget_revenue",
      horizon: { type: "term" },
    });
    assert.equal(attainment(target, term).reason, "span");
  });
});
