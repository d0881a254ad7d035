/**
 * How values read in the interface (card, panel, popup, collection, comparison, Markdown): the
 * engine reads sentences written for this test, and the formatted value follows Vietnamese number
 * typography — `95%` (no space before the sign), `10–11%` (en dash), `28.864`, `2,35%`.
 */
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { extract } from "../../lib/extract/index.ts";
import type { ExtractedItem } from "../../lib/extract/types.ts";
import { setLanguage } from "../../lib/i18n/index.ts";
import { fieldRows, itemAsText, valueLabel, withUnit } from "../../lib/i18n/item-format.ts";

function onlyFigure(sentence: string): ExtractedItem {
  const figures = extract(sentence).filter((item) => item.value !== null);
  assert.equal(figures.length, 1, `one figure in: ${sentence}`);
  return figures[0] as ExtractedItem;
}

const CASES: Array<{ sentence: string; vi: string; en: string }> = [
  {
    sentence: "Phấn đấu đến năm 2030, tỷ lệ người dân có thẻ bảo hiểm y tế đạt ít nhất 95 %.",
    vi: "ít nhất 95%",
    en: "at least 95%",
  },
  {
    sentence: "Tốc độ tăng trưởng kinh tế bình quân hằng năm đạt từ 10 đến 11 %.",
    vi: "10–11%",
    en: "10–11%",
  },
  {
    sentence: "Năm 2025, toàn tỉnh có 28864 hộ gia đình được công nhận gia đình văn hóa.",
    vi: "28.864 hộ gia đình",
    en: "28,864 hộ gia đình",
  },
  {
    sentence: "Tỷ lệ hộ nghèo giảm bình quân 2,35 % mỗi năm trong giai đoạn 2021 - 2025.",
    vi: "giảm 2,35%",
    en: "decrease 2.35%",
  },
  {
    sentence: "Tốc độ tăng trưởng kinh tế đạt 7,5 %/năm.",
    vi: "tăng 7,5%/năm",
    en: "increase 7.5%/năm",
  },
];

describe("Vietnamese number typography", () => {
  afterEach(() => setLanguage("vi"));

  for (const { sentence, vi, en } of CASES) {
    test(`${vi} — ${sentence}`, () => {
      const item = onlyFigure(sentence);
      assert.equal(valueLabel(item), vi);
      setLanguage("en");
      assert.equal(valueLabel(item), en);
    });
  }

  test("the card's fields and the copied text use the same value", () => {
    const item = onlyFigure(CASES[0]?.sentence ?? "");
    assert.deepEqual(
      fieldRows(item).find(([label]) => label === "Giá trị"),
      ["Giá trị", "ít nhất 95%"],
    );
    const text = itemAsText("target", item, { title: "Bài viết", url: "https://a.gov.vn/1" });
    assert.match(text, /^Giá trị: ít nhất 95%$/m);
    // The quote is the page's own text, kept as written.
    assert.match(text, /^Chỉ tiêu: .* ít nhất 95 %$/m);
  });

  test("units: signs follow the number, words are spaced, no unit leaves the number", () => {
    assert.equal(withUnit("95", "%"), "95%");
    assert.equal(withUnit("1,5", "‰"), "1,5‰");
    assert.equal(withUnit("82", "triệu đồng"), "82 triệu đồng");
    assert.equal(withUnit("7", " %/năm "), "7%/năm");
    assert.equal(withUnit("12", null), "12");
    assert.equal(withUnit("12", ""), "12");
  });

  test("a range of thousands and a fraction", () => {
    const range = {
      value: { min: 12500, max: 15000.5 },
      unit: "ha",
      comparator: "range" as const,
      direction: null,
    };
    assert.equal(valueLabel(range), "12.500–15.000,5 ha");
    const fraction = {
      value: { min: 7, max: 7, numerator: 7, denominator: 21 },
      unit: "chỉ tiêu",
      comparator: null,
      direction: null,
    };
    assert.equal(valueLabel(fraction), "7/21 chỉ tiêu");
  });
});
