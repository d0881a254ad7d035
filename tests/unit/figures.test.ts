/**
 * Figures made of more than one mention, and what a measure measures (lib/extract/figures/).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extract } from "../../lib/extract/index.ts";

describe("a change from one value to another", () => {
  test("is one figure with the value reached", () => {
    const [item, ...rest] = extract(
      "So với đầu nhiệm kỳ, tỷ lệ dân số tham gia bảo hiểm y tế tăng từ 82% lên 91,5%.",
      { referenceDate: "2023-06-02" },
    );
    assert.deepEqual(rest, []);
    assert.equal(item?.text, "tỷ lệ dân số tham gia bảo hiểm y tế tăng từ 82% lên 91,5%");
    assert.equal(item?.kind, "result");
    assert.equal(item?.value?.min, 91.5);
  });

  test("a year in brackets between the two values is part of it", () => {
    const items = extract(
      "Tỷ lệ hộ nghèo giảm từ 12,6% (năm 2015) xuống còn 3,8% (năm 2020), bình quân mỗi năm giảm 1,76%.",
      { referenceDate: "2020-07-20" },
    ).filter((item) => item.kind !== "deadline");
    assert.deepEqual(
      items.map((item) => item.value?.min),
      [3.8, 1.76],
    );
    assert.equal(items[0]?.text, "Tỷ lệ hộ nghèo giảm từ 12,6% (năm 2015) xuống còn 3,8%");
  });

  test("two values of different units stay apart", () => {
    const items = extract("Doanh thu tăng từ 120 tỷ đồng lên 45%.", {
      referenceDate: "2020-07-20",
    });
    assert.equal(items.length, 2);
  });
});

describe("what a measure measures", () => {
  test("may follow its unit: `trồng mới 5.000 ha rừng tập trung`", () => {
    const items = extract("Trồng mới 5.000 ha rừng tập trung mỗi năm.", {
      referenceDate: "2020-09-14",
    });
    assert.deepEqual(
      items.map((item) => [item.kind, item.category, item.value?.min]),
      [["target", "forest_cover", 5000]],
    );
  });

  test("a physical measure with nothing measured around it is still no figure", () => {
    assert.deepEqual(
      extract("Gia đình ông đã hiến 500 m² đất cho xã.", { referenceDate: "2020-09-14" }),
      [],
    );
  });
});
