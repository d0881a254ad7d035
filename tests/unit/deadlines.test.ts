/**
 * Deadlines found by `extract()`, following /work/shared/spec/EXTRACTION.md
 * ("deadline — a time by which something must be done or reached" and
 * "Not deadlines"). Every case uses a fixed reference date.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type ExtractedItem, extract } from "../../lib/extract/index.ts";

/** Extracts, checks the span invariant of every item, and returns the deadline items. */
function deadlines(input: string, referenceDate?: string): ExtractedItem[] {
  const items = extract(input, { referenceDate });
  for (const item of items) {
    assert.equal(
      input.slice(item.start, item.end),
      item.text,
      `span ${item.start}-${item.end} of ${item.kind} ${JSON.stringify(item.text)}`,
    );
  }
  return items.filter((i) => i.kind === "deadline");
}

interface Expected {
  text: string;
  date: string;
  precision: "day" | "month" | "year";
  yearInferred?: boolean;
}

function assertOneDeadline(input: string, referenceDate: string | undefined, expected: Expected) {
  const found = deadlines(input, referenceDate);
  assert.equal(found.length, 1, `deadlines in ${JSON.stringify(input)}: ${JSON.stringify(found)}`);
  const item = found[0] as ExtractedItem;
  assert.equal(item.text, expected.text);
  assert.equal(item.start, input.indexOf(expected.text));
  assert.deepEqual(item.deadline, {
    date: expected.date,
    precision: expected.precision,
    ...(expected.yearInferred ? { yearInferred: true } : {}),
  });
  assert.equal(item.value, null);
  assert.match(item.rule, /^deadline\./);
}

describe("deadlines (spec examples)", () => {
  const cases: Array<[string, string | undefined, Expected]> = [
    [
      "Báo cáo kết quả về Ban Thường vụ trước ngày 15/01/2021.",
      "2020-12-22",
      { text: "trước ngày 15/01/2021", date: "2021-01-15", precision: "day" },
    ],
    [
      "Các chi bộ hoàn thành việc học tập trong tháng 11/2020.",
      "2020-10-15",
      { text: "trong tháng 11/2020", date: "2020-11-30", precision: "month" },
    ],
    [
      "Tổ chức tuyên truyền từ nay đến ngày 25/12.",
      "2020-12-22",
      {
        text: "từ nay đến ngày 25/12",
        date: "2020-12-25",
        precision: "day",
        yearInferred: true,
      },
    ],
    [
      "Đến năm 2025, GRDP bình quân đầu người đạt 100 triệu đồng.",
      "2020-12-22",
      { text: "Đến năm 2025", date: "2025-12-31", precision: "year" },
    ],
    [
      "Cơ cấu kinh tế đến 2025: Nông nghiệp 37-38%.",
      "2020-12-22",
      { text: "đến 2025", date: "2025-12-31", precision: "year" },
    ],
    [
      "Đến cuối năm 2025, toàn tỉnh có 100% xã đạt chuẩn nông thôn mới.",
      "2020-12-22",
      { text: "Đến cuối năm 2025", date: "2025-12-31", precision: "year" },
    ],
    [
      "Phấn đấu Trà Vinh đạt chuẩn nông thôn mới trước năm 2030.",
      "2020-12-22",
      { text: "trước năm 2030", date: "2030-12-31", precision: "year" },
    ],
    [
      "Hoàn thành việc sắp xếp bộ máy trong năm 2023.",
      "2023-05-30",
      { text: "trong năm 2023", date: "2023-12-31", precision: "year" },
    ],
    [
      "Huyện Cầu Kè, năm 2030 trở thành thị xã.",
      "2020-10-15",
      { text: "năm 2030", date: "2030-12-31", precision: "year" },
    ],
    [
      "Thực hiện từ nay đến hết nhiệm kỳ 2020 - 2025.",
      "2020-10-15",
      { text: "từ nay đến hết nhiệm kỳ 2020 - 2025", date: "2025-12-31", precision: "year" },
    ],
    [
      "Hoàn thành trong quý I/2021.",
      "2020-10-15",
      { text: "trong quý I/2021", date: "2021-03-31", precision: "month" },
    ],
    [
      "Hoàn thành trong 6 tháng đầu năm 2021.",
      "2020-10-15",
      { text: "trong 6 tháng đầu năm 2021", date: "2021-06-30", precision: "month" },
    ],
  ];
  for (const [input, referenceDate, expected] of cases) {
    test(`${expected.text} (ref ${referenceDate}) → ${expected.date}`, () => {
      assertOneDeadline(input, referenceDate, expected);
    });
  }
});

describe("deadlines (further rules)", () => {
  const cases: Array<{ name: string; input: string; referenceDate?: string; expected: Expected }> =
    [
      {
        name: "a day without a year that already passed this year is next year's",
        input: "Tổ chức tuyên truyền từ nay đến ngày 10/01.",
        referenceDate: "2020-12-22",
        expected: {
          text: "từ nay đến ngày 10/01",
          date: "2021-01-10",
          precision: "day",
          yearInferred: true,
        },
      },
      {
        name: "a day written with tháng/năm: chậm nhất ngày 30 tháng 6 năm 2021",
        input: "Hoàn thành chậm nhất ngày 30 tháng 6 năm 2021.",
        referenceDate: "2020-10-15",
        expected: {
          text: "chậm nhất ngày 30 tháng 6 năm 2021",
          date: "2021-06-30",
          precision: "day",
        },
      },
      {
        name: "`hoàn thành trước` is part of the trigger",
        input: "Các chi bộ hoàn thành trước ngày 15/01/2021.",
        referenceDate: "2020-12-22",
        expected: {
          text: "hoàn thành trước ngày 15/01/2021",
          date: "2021-01-15",
          precision: "day",
        },
      },
      {
        name: "trước tháng 6/2021 ends with May",
        input: "Hoàn thành trước tháng 6/2021.",
        referenceDate: "2020-10-15",
        expected: { text: "trước tháng 6/2021", date: "2021-05-31", precision: "month" },
      },
      {
        name: "trong quý IV/2021 ends with December",
        input: "Hoàn thành trong quý IV/2021.",
        referenceDate: "2020-10-15",
        expected: { text: "trong quý IV/2021", date: "2021-12-31", precision: "month" },
      },
      {
        name: "without a reference date a written year still counts",
        input: "Đến năm 2025, hoàn thành.",
        expected: { text: "Đến năm 2025", date: "2025-12-31", precision: "year" },
      },
      {
        name: "the current year is not past",
        input: "Đến năm 2025, hoàn thành.",
        referenceDate: "2025-06-01",
        expected: { text: "Đến năm 2025", date: "2025-12-31", precision: "year" },
      },
    ];
  for (const { name, input, referenceDate, expected } of cases) {
    test(name, () => assertOneDeadline(input, referenceDate, expected));
  }

  const noDeadline: Array<{ name: string; input: string; referenceDate?: string }> = [
    {
      name: "an impossible date is no deadline",
      input: "Báo cáo trước ngày 31/02/2021.",
      referenceDate: "2020-12-22",
    },
    {
      name: "a date without a year and no reference date is no deadline",
      input: "Tổ chức tuyên truyền từ nay đến ngày 25/12.",
    },
    {
      name: "a day date that passed before the article is no deadline",
      input: "Hoàn thành trước ngày 15/01/2021.",
      referenceDate: "2021-02-01",
    },
  ];
  for (const { name, input, referenceDate } of noDeadline) {
    test(name, () => assert.deepEqual(deadlines(input, referenceDate), []));
  }

  test("several deadlines in one text, in document order", () => {
    const input =
      "Phấn đấu đạt chuẩn trước năm 2025. Báo cáo trước ngày 15/01/2021. Đến năm 2030 trở thành thị xã.";
    const found = deadlines(input, "2020-12-22");
    assert.deepEqual(
      found.map((d) => [d.text, d.deadline?.date]),
      [
        ["trước năm 2025", "2025-12-31"],
        ["trước ngày 15/01/2021", "2021-01-15"],
        ["Đến năm 2030", "2030-12-31"],
      ],
    );
  });
});

describe("not deadlines", () => {
  const cases: Array<[string, string]> = [
    ["Ngày 21/12, Huyện ủy Trà Cú tổ chức hội nghị quán triệt Nghị quyết.", "2020-12-22"],
    ["Ngày 21/12, Huyện ủy Trà Cú tổ chức hội nghị quán triệt Nghị quyết.", "2020-12-01"],
    ["Hội nghị diễn ra từ ngày 17 đến 18/8/2020 tại hội trường tỉnh.", "2020-08-01"],
    ["Sáng ngày 14/10/2020, Ban Thường vụ Tỉnh ủy họp.", "2020-10-01"],
    ["Thực hiện Kế hoạch số 01 ngày 14/9/2020 của Ban Tuyên giáo.", "2020-09-01"],
    ["Căn cứ Quyết định số 1306/QĐ-UBND, ngày 13/7/2022 của UBND tỉnh.", "2022-07-01"],
    ["Thứ Năm 15/10/2020 10:34", "2020-10-01"],
    ["Đại hội Đảng bộ tỉnh nhiệm kỳ 2020 - 2025 thành công tốt đẹp.", "2020-10-15"],
    ["Sau 05 năm thực hiện, huyện đạt nhiều kết quả quan trọng.", "2020-10-15"],
    ["Đến năm 2020, toàn huyện có 10 xã đạt chuẩn nông thôn mới.", "2021-06-01"],
    ["Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2045.", "2020-10-15"],
    ["Tính đến ngày 30/6/2021, toàn tỉnh có 5 xã đạt chuẩn.", "2021-06-01"],
    ["So với năm 2020, từ năm 2021 đến 2025 tăng 5%.", "2020-10-15"],
  ];
  for (const [input, referenceDate] of cases) {
    test(`${JSON.stringify(input)} (ref ${referenceDate})`, () => {
      assert.deepEqual(
        deadlines(input, referenceDate).map((d) => d.text),
        [],
      );
    });
  }

  test("a past year still yields its figure, just no deadline", () => {
    const input = "Đến năm 2020, toàn huyện có 10 xã đạt chuẩn nông thôn mới.";
    const items = extract(input, { referenceDate: "2021-06-01" });
    assert.equal(
      items.some((i) => i.kind === "deadline"),
      false,
    );
    assert.ok(items.some((i) => i.kind !== "deadline" && i.value?.min === 10));
  });
});

describe("spans on non-canonical input", () => {
  test("NFD input: the span covers the decomposed original", () => {
    const input = "Đến năm 2025".normalize("NFD");
    assert.notEqual(input.length, "Đến năm 2025".length);
    const found = deadlines(input, "2020-10-15");
    assert.equal(found.length, 1);
    const item = found[0] as ExtractedItem;
    assert.equal(item.start, 0);
    assert.equal(item.end, input.length);
    assert.equal(item.text, input);
    assert.equal(item.text.normalize("NFC"), "Đến năm 2025");
    assert.equal(item.deadline?.date, "2025-12-31");
  });

  test("NFD sentence with a target after the deadline", () => {
    const input = "Đến năm 2025, GRDP bình quân đầu người đạt 100 triệu đồng.".normalize("NFD");
    const found = deadlines(input, "2020-10-15");
    assert.deepEqual(
      found.map((d) => d.text.normalize("NFC")),
      ["Đến năm 2025"],
    );
  });

  test("no-break spaces, doubled spaces and an en dash", () => {
    const input = "Thực hiện từ nay\u00A0đến  hết nhiệm kỳ 2020 – 2025.";
    const found = deadlines(input, "2020-10-15");
    assert.equal(found.length, 1);
    assert.equal(found[0]?.text, "từ nay\u00A0đến  hết nhiệm kỳ 2020 – 2025");
    assert.equal(found[0]?.deadline?.date, "2025-12-31");
  });

  test("old tone placement before the deadline does not shift it", () => {
    const input = "Tỉnh uỷ và Hội đồng hoà giải báo cáo trước ngày 15/01/2021.";
    const found = deadlines(input, "2020-12-22");
    assert.equal(found.length, 1);
    assert.equal(found[0]?.text, "trước ngày 15/01/2021");
    assert.equal(found[0]?.start, input.indexOf("trước"));
  });
});

describe("chrome-line exclusion must not swallow prose", () => {
  const cases: Array<{ name: string; input: string; referenceDate: string; found: string[][] }> = [
    {
      name: "`Trong tháng 11/2020, …` opening a paragraph is a deadline",
      input: "Trong tháng 11/2020, các chi bộ hoàn thành việc học tập Nghị quyết.",
      referenceDate: "2020-10-15",
      found: [["Trong tháng 11/2020", "2020-11-30"]],
    },
    {
      name: "a paragraph opening with `Hôm nay` keeps its deadline",
      input: "Hôm nay, Tỉnh ủy yêu cầu hoàn thành trước ngày 15/01/2021.",
      referenceDate: "2020-12-22",
      found: [["hoàn thành trước ngày 15/01/2021", "2021-01-15"]],
    },
    {
      name: "a paragraph opening with `Tổng` keeps its deadline",
      input: "Tổng vốn đầu tư đến năm 2025 đạt 50.000 tỷ đồng.",
      referenceDate: "2020-10-15",
      found: [["đến năm 2025", "2025-12-31"]],
    },
  ];
  for (const { name, input, referenceDate, found } of cases) {
    test(name, () => {
      assert.deepEqual(
        deadlines(input, referenceDate).map((d) => [d.text, d.deadline?.date]),
        found,
      );
    });
  }
});
