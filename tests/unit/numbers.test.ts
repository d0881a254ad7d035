/**
 * Numbers as Vietnamese portals write them (see /work/shared/spec/EXTRACTION.md,
 * "Numbers, as Vietnamese portals write them").
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extract } from "../../lib/extract/index.ts";
import type { ItemValue } from "../../lib/extract/types.ts";
import { NUMBER_SOURCE, parseNumber, parseOrdinal, parseRoman } from "../../lib/text/numbers.ts";

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

describe("quantities as the engine reads them in a sentence", () => {
  /** The first figure the engine finds in a target sentence around `phrase`. */
  const figureIn = (phrase: string) => {
    const item = extract(`Phấn đấu đến năm 2030 đạt ${phrase}.`).find((i) => i.kind !== "deadline");
    return item && { value: item.value, unit: item.unit, text: item.text };
  };
  const cases: Array<[string, string, ItemValue, string]> = [
    ["a range with an en dash and a percent sign", "10 – 11%", { min: 10, max: 11 }, "%"],
    ["a range with a glued hyphen", "14-15%", { min: 14, max: 15 }, "%"],
    ["a range with decimal commas", "1,5 – 2%", { min: 1.5, max: 2 }, "%"],
    [
      "a ratio with leading zeros",
      "08/21 chỉ tiêu",
      { min: 8, max: 8, numerator: 8, denominator: 21 },
      "chỉ tiêu",
    ],
    ["a ratio", "7/7 huyện", { min: 7, max: 7, numerator: 7, denominator: 7 }, "huyện"],
    ["a scale word in the unit", "100 triệu đồng", { min: 100, max: 100 }, "triệu đồng"],
    [
      "thousands with a dot and a scale word",
      "28.864 tỷ đồng",
      { min: 28864, max: 28864 },
      "tỷ đồng",
    ],
    ["a unit glued to the digits", "1.107ha", { min: 1107, max: 1107 }, "ha"],
    ["a bare range of households", "450-500 hộ", { min: 450, max: 500 }, "hộ"],
    ["a spaced range with leading zeros", "03 - 04 xã", { min: 3, max: 4 }, "xã"],
    ["a percent per year", "11,5%/năm", { min: 11.5, max: 11.5 }, "%/năm"],
    ["tỉ is a scale only as a whole word", "5 tỉnh", { min: 5, max: 5 }, "tỉnh"],
    ["tỉ as a whole word", "5 tỉ đồng", { min: 5, max: 5 }, "tỉ đồng"],
    ["a thousand billion: two scale words", "3 nghìn tỷ đồng", { min: 3, max: 3 }, "nghìn tỷ đồng"],
    ["ngàn tỉ, the other spelling", "2,5 ngàn tỉ đồng", { min: 2.5, max: 2.5 }, "ngàn tỉ đồng"],
  ];
  for (const [name, phrase, value, unit] of cases) {
    test(`${name}: ${phrase}`, () => {
      assert.deepEqual(figureIn(phrase), { value, unit, text: phrase });
    });
  }

  test("NFD input reads as NFC (the item's text stays the page's own)", () => {
    const nfd = "100 triệu đồng".normalize("NFD");
    assert.deepEqual(figureIn(nfd), {
      value: { min: 100, max: 100 },
      unit: "triệu đồng",
      text: nfd,
    });
  });

  test("a number that does not parse is no figure: 1.2.3 xã", () => {
    assert.equal(figureIn("1.2.3 xã"), undefined);
  });
});
