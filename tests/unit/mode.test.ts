/**
 * Target or result (lib/extract/mode.ts): figures measured against the plan are reports, and a
 * sentence whose clauses speak in different modes gets a mode per clause.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extract } from "../../lib/extract/index.ts";
import { signalBalance } from "../../lib/extract/mode.ts";
import type { ItemKind } from "../../lib/extract/types.ts";

/** Each figure's kind and text, in order (deadlines left out). */
function kinds(text: string, referenceDate: string): Array<[ItemKind, string]> {
  return extract(text, { referenceDate, titleAndLead: "" })
    .filter((item) => item.kind !== "deadline")
    .map((item) => [item.kind, item.text]);
}

/** Each figure's kind, in order (deadlines left out). */
function kindsOnly(text: string, referenceDate: string): ItemKind[] {
  return kinds(text, referenceDate).map(([kind]) => kind);
}

describe("figures measured against the plan", () => {
  const cases: Array<[string, string, Array<[ItemKind, string]>]> = [
    [
      "Sau 5 năm thực hiện, tốc độ tăng trưởng đạt 7,02%/năm, vượt mục tiêu Nghị quyết đề ra.",
      "2020-07-15",
      [["result", "tốc độ tăng trưởng đạt 7,02%/năm"]],
    ],
    [
      "Tỷ lệ trường học đạt chuẩn quốc gia đạt 78,6%, vượt chỉ tiêu Nghị quyết Đại hội.",
      "2020-07-09",
      [["result", "Tỷ lệ trường học đạt chuẩn quốc gia đạt 78,6%"]],
    ],
    [
      "GRDP bình quân đầu người đạt 2.450 USD, bằng 81,7% mục tiêu Nghị quyết.",
      "2020-10-03",
      [
        ["result", "GRDP bình quân đầu người đạt 2.450 USD"],
        ["result", "81,7% mục tiêu Nghị quyết"],
      ],
    ],
    [
      "Thu ngân sách đạt 1.085 tỷ đồng, đạt 108,5% mục tiêu Nghị quyết Đại hội.",
      "2020-07-16",
      [
        ["result", "Thu ngân sách đạt 1.085 tỷ đồng"],
        ["result", "108,5% mục tiêu Nghị quyết Đại hội"],
      ],
    ],
    [
      "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 92,6%, chưa đạt chỉ tiêu Nghị quyết.",
      "2023-07-04",
      [["result", "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 92,6%"]],
    ],
    [
      "Năm 2023, có 12 chỉ tiêu đạt và vượt kế hoạch, 3 chỉ tiêu không đạt.",
      "2023-12-20",
      [
        ["result", "12 chỉ tiêu"],
        ["result", "3 chỉ tiêu"],
      ],
    ],
  ];
  for (const [text, date, expected] of cases) {
    test(text, () => {
      assert.deepEqual(kinds(text, date), expected);
    });
  }

  test("the plan's own words still make a target", () => {
    const plans: Array<[string, Array<[ItemKind, string]>]> = [
      [
        "Phấn đấu đến năm 2025, tỷ lệ che phủ rừng đạt 56%, hoàn thành các chỉ tiêu Nghị quyết đề ra.",
        [["target", "tỷ lệ che phủ rừng đạt 56%"]],
      ],
      [
        "Mục tiêu đạt 95% dân số tham gia bảo hiểm y tế vào năm 2025.",
        [["target", "Mục tiêu đạt 95%"]],
      ],
      [
        "Phấn đấu đạt và vượt các chỉ tiêu: thu nhập bình quân đầu người đạt 70 triệu đồng.",
        [["target", "thu nhập bình quân đầu người đạt 70 triệu đồng"]],
      ],
    ];
    for (const [text, expected] of plans)
      assert.deepEqual(kinds(text, "2020-09-15"), expected, text);
  });

  test("the comparison's plan words do not count as target signals", () => {
    assert.ok(signalBalance("đạt 7,02%/năm, vượt mục tiêu Nghị quyết đề ra", 2020) > 0);
    assert.ok(signalBalance("phấn đấu đạt mục tiêu Nghị quyết đề ra", 2020) < 0);
  });
});

describe("a mode per clause", () => {
  test("a figure reached, then a figure to reach, in one sentence", () => {
    const sentences = [
      ["Đến nay, tỷ lệ che phủ rừng đạt 54,6%; phấn đấu đến năm 2025 nâng lên 56%.", "2022-10-03"],
      [
        "Năm 2020, thu nhập bình quân đầu người ước đạt 45 triệu đồng; phấn đấu đến năm 2025 đạt 70 triệu đồng.",
        "2020-09-15",
      ],
    ] as const;
    for (const [text, date] of sentences) {
      assert.deepEqual(kindsOnly(text, date), ["result", "target"], text);
    }
  });

  test("a clause without signals follows the clause before it", () => {
    assert.deepEqual(
      kindsOnly(
        "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn 1%; tỷ lệ lao động qua đào tạo đạt 75%.",
        "2020-09-15",
      ),
      ["target", "target"],
    );
  });

  test("the term under review: a period ending in the article's year reports results", () => {
    assert.ok(
      signalBalance("Giai đoạn 2016 - 2020, tổng lượt khách du lịch đạt 15,8 triệu lượt", 2020) > 0,
    );
    assert.ok(
      signalBalance("Giai đoạn 2020 - 2025, tổng lượt khách du lịch đạt 20 triệu lượt", 2020) <= 0,
    );
  });
});
