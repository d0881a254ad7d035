/**
 * Numbers as Vietnamese portals write them (see /work/shared/spec/EXTRACTION.md,
 * "Numbers, as Vietnamese portals write them").
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  NUMBER_SOURCE,
  parseNumber,
  parseOrdinal,
  parseQuantity,
  parseRoman,
} from "../../lib/text/numbers.ts";

describe("parseNumber", () => {
  const cases: Array<[string, number]> = [
    ["28.864", 28864],
    ["58,5", 58.5],
    ["9,96", 9.96],
    ["6.700", 6700],
    ["05", 5],
    ["100", 100],
    ["27.503.517", 27503517],
    ["5,782,157", 5782157],
    ["2.35", 2.35],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    [" 1.107 ", 1107],
  ];
  for (const [literal, expected] of cases) {
    test(`${JSON.stringify(literal)} → ${expected}`, () => {
      assert.equal(parseNumber(literal), expected);
    });
  }

  const garbage = ["", "abc", "12a", "-5", "1..2", "1.", ".5", "1.2.3", "1,23,4", "1.23.456"];
  for (const literal of garbage) {
    test(`${JSON.stringify(literal)} → null`, () => {
      assert.equal(parseNumber(literal), null);
    });
  }

  test("NUMBER_SOURCE matches whole literals with separators", () => {
    const re = new RegExp(NUMBER_SOURCE, "g");
    assert.deepEqual("đạt 28.864 tỷ, tăng 11,5%/năm và 05 xã".match(re), ["28.864", "11,5", "05"]);
  });
});

describe("parseRoman", () => {
  const cases: Array<[string, number | null]> = [
    ["XI", 11],
    ["XXVI", 26],
    ["XII", 12],
    ["VI", 6],
    ["IV", 4],
    ["IX", 9],
    ["XIII", 13],
    ["xi", 11],
    ["IIII", null],
    ["VV", null],
    ["IC", null],
    ["", null],
    ["12", null],
  ];
  for (const [numeral, expected] of cases) {
    test(`${JSON.stringify(numeral)} → ${expected}`, () => {
      assert.equal(parseRoman(numeral), expected);
    });
  }
});

describe("parseOrdinal", () => {
  test("digits", () => {
    assert.equal(parseOrdinal("14"), 14);
    assert.equal(parseOrdinal("05"), 5);
  });
  test("Roman numerals", () => {
    assert.equal(parseOrdinal("XIII"), 13);
    assert.equal(parseOrdinal("XXVI"), 26);
  });
  test("neither", () => {
    assert.equal(parseOrdinal("mười"), null);
    assert.equal(parseOrdinal(""), null);
  });
});

describe("parseQuantity", () => {
  test("a range with an en dash and a percent sign: 10 – 11%", () => {
    assert.deepEqual(parseQuantity("10 – 11%"), { min: 10, max: 11, scale: 1, rest: "%" });
  });

  test("a range with a glued hyphen: 14-15%", () => {
    assert.deepEqual(parseQuantity("14-15%"), { min: 14, max: 15, scale: 1, rest: "%" });
  });

  test("a range with decimal commas: 1,5 – 2%", () => {
    assert.deepEqual(parseQuantity("1,5 – 2%"), { min: 1.5, max: 2, scale: 1, rest: "%" });
  });

  test("a ratio with leading zeros: 08/21 chỉ tiêu", () => {
    assert.deepEqual(parseQuantity("08/21 chỉ tiêu"), {
      min: 8,
      max: 8,
      numerator: 8,
      denominator: 21,
      scale: 1,
      rest: "chỉ tiêu",
    });
  });

  test("a ratio: 7/7 huyện", () => {
    const q = parseQuantity("7/7 huyện");
    assert.equal(q?.numerator, 7);
    assert.equal(q?.denominator, 7);
    assert.equal(q?.rest, "huyện");
  });

  test("a scale word: 100 triệu đồng", () => {
    assert.deepEqual(parseQuantity("100 triệu đồng"), {
      min: 100,
      max: 100,
      scale: 1e6,
      rest: "đồng",
    });
  });

  test("a scale word with a decimal and a compound unit: 28.864 tỷ đồng", () => {
    assert.deepEqual(parseQuantity("28.864 tỷ đồng"), {
      min: 28864,
      max: 28864,
      scale: 1e9,
      rest: "đồng",
    });
  });

  test("a unit glued to the digits: 1.107ha", () => {
    assert.deepEqual(parseQuantity("1.107ha"), { min: 1107, max: 1107, scale: 1, rest: "ha" });
  });

  test("vạn is ten thousand: 1 vạn dân", () => {
    assert.deepEqual(parseQuantity("1 vạn dân"), { min: 1, max: 1, scale: 1e4, rest: "dân" });
  });

  test("a bare range: 450-500", () => {
    assert.deepEqual(parseQuantity("450-500"), { min: 450, max: 500, scale: 1, rest: "" });
  });

  test("a spaced range with leading zeros: 03 - 04 xã", () => {
    assert.deepEqual(parseQuantity("03 - 04 xã"), { min: 3, max: 4, scale: 1, rest: "xã" });
  });

  test("a reversed range is ordered", () => {
    assert.deepEqual(parseQuantity("11 - 10%"), { min: 10, max: 11, scale: 1, rest: "%" });
  });

  test("a percent per year: 11,5%/năm", () => {
    assert.deepEqual(parseQuantity("11,5%/năm"), { min: 11.5, max: 11.5, scale: 1, rest: "%/năm" });
  });

  test("a scale word is only a whole word: `tỉ` in 5 tỉnh is no scale", () => {
    assert.deepEqual(parseQuantity("5 tỉnh"), { min: 5, max: 5, scale: 1, rest: "tỉnh" });
    assert.deepEqual(parseQuantity("5 tỉ đồng"), { min: 5, max: 5, scale: 1e9, rest: "đồng" });
  });

  test("NFD input is composed first", () => {
    assert.deepEqual(parseQuantity("100 triệu đồng".normalize("NFD")), {
      min: 100,
      max: 100,
      scale: 1e6,
      rest: "đồng",
    });
  });

  test("text that does not start with a number → null", () => {
    assert.equal(parseQuantity("đạt 100%"), null);
    assert.equal(parseQuantity(""), null);
    assert.equal(parseQuantity("1.2.3 xã"), null);
  });
});
