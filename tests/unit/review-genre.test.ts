/**
 * The review genre's language, rule by rule, on sentences written for these tests (not from the
 * seeds or the corpus): review periods and spans, list heads, how a figure fared against the plan,
 * achieved-of-planned notations, sums in two scales, time words before figures, the counts a review
 * reports, and which dates in a review set a limit.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extract } from "../../lib/extract/index.ts";
import { signalBalance } from "../../lib/extract/mode.ts";
import type { ExtractedItem } from "../../lib/extract/types.ts";

const run = (text: string, referenceDate: string | null = null, titleAndLead = "") =>
  extract(text, { referenceDate, titleAndLead });
const figures = (items: ExtractedItem[]) =>
  items.filter((i) => i.kind !== "deadline").map((i) => [i.kind, i.text, i.value] as const);
const deadlines = (items: ExtractedItem[]) =>
  items.filter((i) => i.kind === "deadline").map((i) => [i.text, i.deadline?.date] as const);
/** The least value of each figure found in `text`. */
const minimaIn = (text: string, referenceDate: string | null = null) =>
  figures(run(text, referenceDate)).map(([, , value]) => value?.min);
/** Each figure found in `text`, as its kind and least value. */
const kindsAndMinimaIn = (text: string, referenceDate: string | null = null) =>
  figures(run(text, referenceDate)).map(([kind, , value]) => [kind, value?.min]);
/** The deadlines found in `text` (each as its text and date). */
const deadlinesIn = (text: string, referenceDate: string | null = null, titleAndLead = "") =>
  deadlines(run(text, referenceDate, titleAndLead));

describe("mode signals of a review", () => {
  test("a review period heading a sentence reports", () => {
    assert.ok(signalBalance("Chín tháng đầu năm, sản lượng lúa đạt 52.300 tấn", 2024) > 0);
    assert.ok(signalBalance("Sáu tháng đầu năm 2023, thu ngân sách đạt 41 tỷ đồng", 2023) > 0);
  });
  test("a later year's first months are no review", () => {
    assert.equal(signalBalance("6 tháng đầu năm 2026", 2025), 0);
  });
  test("the next months of the year plan", () => {
    assert.ok(signalBalance("nhiệm vụ 3 tháng cuối năm tập trung thu ngân sách", 2024) < 0);
  });
  test("a span under review reports, in digits or in words", () => {
    assert.ok(signalBalance("qua ba năm thực hiện, toàn xã có thêm 2 thôn văn hóa", null) > 0);
    assert.ok(signalBalance("sau 03 năm triển khai Nghị quyết", null) > 0);
    assert.ok(signalBalance("10 năm qua, huyện xây mới 14 trường", null) > 0);
  });
  test("a count achieved with được reports", () => {
    assert.ok(signalBalance("trồng rừng được 820 ha", null) > 0);
  });
  test("part of the plan met reports; all of it says nothing by itself", () => {
    assert.ok(signalBalance("xã Tân Lập đạt 17/22 chỉ tiêu", null) > 0);
    assert.equal(signalBalance("xã Tân Lập đạt 22/22 chỉ tiêu", null), 0);
  });
  test("a passive reports a state reached; the active verb plans", () => {
    assert.ok(signalBalance("an ninh nông thôn được giữ vững", null) > 0);
    assert.ok(signalBalance("giữ vững an ninh nông thôn", null) < 0);
  });
  test("meeting the plan after a figure reports; striving to meet it plans", () => {
    assert.ok(signalBalance("thu ngân sách đạt 212 tỷ đồng, đạt kế hoạch đề ra", null) > 0);
    assert.ok(signalBalance("thu ngân sách đảm bảo theo dự toán được giao", null) > 0);
    assert.ok(signalBalance("phấn đấu đạt kế hoạch đề ra", null) < 0);
  });
  test("a share of 100% of a quota is a plan's as well as a report's", () => {
    assert.equal(signalBalance("tuyển quân đạt 100% chỉ tiêu", null), 0);
    assert.ok(signalBalance("tuyển quân đạt 104% chỉ tiêu", null) > 0);
  });
  test("a price base year is no year under review", () => {
    assert.equal(signalBalance("giá trị sản xuất (giá so sánh năm 2010)", 2021), 0);
  });
  test("the same period a year before reports", () => {
    assert.ok(signalBalance("tăng 6,2% so với cùng kỳ", null) > 0);
    assert.ok(signalBalance("tăng 6,2% so với năm 2022", 2023) > 0);
  });
});

describe("the article's frame and list heads", () => {
  test("a list head's plan governs its items, whatever their verbs", () => {
    const text =
      "Năm tới, huyện phấn đấu: giá trị sản xuất tăng 9%; thu ngân sách đạt 100% dự toán; kết nạp 120 đảng viên mới.";
    assert.deepEqual(
      figures(run(text, "2024-12-20")).map(([kind, itemText]) => [kind, itemText]),
      [
        ["target", "giá trị sản xuất tăng 9%"],
        ["target", "thu ngân sách đạt 100% dự toán"],
        ["target", "kết nạp 120 đảng viên mới"],
      ],
    );
  });
  test("unmarked figures take the review frame of the title", () => {
    const text = "Tổng vốn đầu tư toàn xã hội 640 tỷ đồng.";
    assert.equal(figures(run(text, null, "Huyện ủy sơ kết 6 tháng đầu năm"))[0]?.[0], "result");
    assert.equal(figures(run(text, null, "Chương trình hành động của Huyện ủy"))[0]?.[0], "target");
  });
  test("without a title, most of the article's marked clauses frame the rest", () => {
    const text = [
      "Năm qua, huyện đã xây mới 6 trường học.",
      "Đến nay có 12 xã đạt chuẩn nông thôn mới.",
      "Tổng vốn đầu tư toàn xã hội 640 tỷ đồng.",
    ].join("\n");
    assert.deepEqual(
      figures(run(text, "2023-12-20")).map(([kind]) => kind),
      ["result", "result", "result"],
    );
  });
});

describe("quantities of a review", () => {
  test("achieved of planned gives the achieved figure", () => {
    const items = figures(
      run("Đến nay, diện tích trồng mới đạt 1.215/1.100 ha; giải ngân được 48,6/72,3 tỷ đồng."),
    );
    assert.deepEqual(
      items.map(([, , value]) => value),
      [
        { min: 1215, max: 1215 },
        { min: 48.6, max: 48.6 },
      ],
    );
  });
  test("more admitted than planned is no ratio", () => {
    const [first] = figures(
      run("Năm 2024, Đảng bộ kết nạp được 212/200 đảng viên mới.", "2024-12-01"),
    );
    assert.deepEqual(first?.[2], { min: 212, max: 212 });
  });
  test("a ratio of indicators stays a ratio", () => {
    const [first] = figures(run("Đến nay đã đạt 14/19 tiêu chí."));
    assert.deepEqual(first?.[2], { min: 14, max: 14, numerator: 14, denominator: 19 });
  });
  test("a sum in two scales", () => {
    const [first] = figures(run("Thu ngân sách đã đạt 86 tỷ 250 triệu đồng."));
    assert.equal(first?.[1].endsWith("86 tỷ 250 triệu đồng"), true);
    assert.deepEqual(first?.[2], { min: 86.25, max: 86.25 });
  });
  test("a time word before a decimal or a percent is no date label", () => {
    assert.deepEqual(
      minimaIn("Thu ngân sách tăng bình quân hằng năm 12,4%; tỷ lệ che phủ rừng năm: 61%."),
      [12.4, 61],
    );
  });
  test("thousands with separators are a range of money, not a period of years", () => {
    const [first] = figures(run("Phấn đấu thu nhập bình quân đầu người 2.100-2.300 USD."));
    assert.deepEqual(first?.[2], { min: 2100, max: 2300 });
  });
  test("counts a review reports", () => {
    const text =
      "Năm qua, huyện đã giải quyết 2.140 thủ tục hành chính, cấp 35 giấy phép xây dựng, đàn bò đạt 9.800 con, kết nạp 14 ĐV mới.";
    assert.deepEqual(kindsAndMinimaIn(text, "2024-12-20"), [
      ["result", 2140],
      ["result", 35],
      ["result", 9800],
      ["result", 14],
    ]);
  });
});

describe("dates in a review", () => {
  test("a date in a clause that reports is no deadline", () => {
    assert.deepEqual(deadlinesIn("Trong năm 2024, toàn huyện đã xây mới 4 cầu.", "2024-12-10"), []);
    assert.deepEqual(deadlinesIn("Trong năm 2025, toàn huyện phải xây mới 4 cầu.", "2024-12-10"), [
      ["Trong năm 2025", "2025-12-31"],
    ]);
  });
  test("an 'as of' date heading a sentence is no deadline", () => {
    assert.deepEqual(
      deadlinesIn("Đến ngày 15/9/2024, toàn tỉnh có 41 xã về đích.", "2024-09-01"),
      [],
    );
  });
  test("the name of a period of work is no deadline; a limit within it is", () => {
    assert.deepEqual(deadlinesIn("Hội nghị bàn nhiệm vụ 3 tháng cuối năm 2024.", "2024-09-20"), []);
    assert.deepEqual(deadlinesIn("Trong 3 tháng cuối năm phải giải ngân hết vốn.", "2024-09-20"), [
      ["Trong 3 tháng cuối năm", "2024-12-31"],
    ]);
  });
  test("the end of the article's year", () => {
    assert.deepEqual(deadlinesIn("Phấn đấu đến cuối năm có thêm 2 xã về đích.", "2024-06-10"), [
      ["đến cuối năm", "2024-12-31"],
    ]);
    assert.deepEqual(deadlinesIn("Phấn đấu đến cuối năm có thêm 2 xã về đích."), []);
  });
  test("a later year named on its own in a plan's clause", () => {
    assert.deepEqual(
      deadlinesIn(
        "Năm 2026, huyện phấn đấu có 3 xã đạt chuẩn nông thôn mới nâng cao.",
        "2025-12-15",
      ),
      [["Năm 2026", "2026-12-31"]],
    );
    assert.deepEqual(
      deadlinesIn("Hội nghị thông qua phương hướng, nhiệm vụ năm 2026.", "2025-12-15"),
      [],
    );
  });
  test("the end of an event's span is no deadline", () => {
    assert.deepEqual(
      deadlinesIn("Đại hội diễn ra từ ngày 3 tháng 9 đến ngày 4 tháng 9 năm 2025.", "2025-08-20"),
      [],
    );
  });
});

describe("figures of a review, and what is none", () => {
  test("a label before a colon names a physical measure", () => {
    const items = figures(run("Sản lượng cá nuôi bình quân hằng năm: 4.200 tấn."));
    assert.deepEqual(
      items.map(([, itemText, value]) => [itemText, value?.min]),
      [["Sản lượng cá nuôi bình quân hằng năm: 4.200 tấn", 4200]],
    );
  });
  test("how many of the plan's figures fared how, and an average per unit", () => {
    assert.deepEqual(
      minimaIn("Đến nay có 7 chỉ tiêu vượt, 21 chỉ tiêu đạt; bình quân 16,2 tiêu chí/xã."),
      [7, 21, 16.2],
    );
  });
  test("times as much", () => {
    assert.deepEqual(
      minimaIn("Thu nhập đã cao hơn 2,1 lần so với đầu nhiệm kỳ; họp 2 lần."),
      [2.1],
    );
  });
  test("the second part of a sum in two scales is not a figure of its own", () => {
    assert.equal(figures(run("Thu ngân sách đã đạt 86 tỷ 250 triệu đồng.")).length, 1);
  });
  test("counters, attendance, votes and merged bodies are no figures", () => {
    for (const text of [
      "Cập nhật: 12/03/2024 • Lượt xem: 2150",
      "Tin đã có 2150 lượt xem",
      "Đại hội có sự tham dự của 250 đại biểu thay mặt cho gần 18 nghìn đảng viên.",
      "Đại hội đã biểu quyết 100% thông qua Nghị quyết.",
      "Đảng bộ xã được thành lập trên cơ sở hợp nhất 3 đảng bộ xã.",
    ])
      assert.deepEqual(figures(run(text)), [], text);
  });
  test("family planning is no plan", () => {
    assert.ok(
      signalBalance("đã kết nạp 6 quần chúng từng vi phạm chính sách kế hoạch hóa gia đình", null) >
        0,
    );
  });
});

describe("the article's date from its own head", () => {
  test("a date line at the top dates a yearless deadline", () => {
    const text = "Thứ Ba, 14/05/2024, 09:12\nHuyện ủy yêu cầu báo cáo trước ngày 30/6.";
    assert.deepEqual(deadlinesIn(text, null, text), [["trước ngày 30/6", "2024-06-30"]]);
  });
  test("a review period in the lead dates the end of its year", () => {
    const text =
      "Hội nghị đánh giá tình hình 9 tháng đầu năm 2022.\nPhấn đấu đến cuối năm có thêm 3 xã về đích.";
    assert.deepEqual(deadlinesIn(text, null, text), [["đến cuối năm", "2022-12-31"]]);
  });
  test("a document's date in the lead is no date line", () => {
    const text =
      "Thực hiện Kế hoạch ban hành ngày 12/3/2019, huyện phấn đấu đến cuối năm có thêm 3 xã về đích.";
    assert.deepEqual(deadlinesIn(text, null, text), []);
  });
  test("finishing on schedule is a report", () => {
    assert.ok(signalBalance("các chi bộ hoàn thành đúng tiến độ đề ra", null) > 0);
  });
});

describe("more of a review's language", () => {
  test("a comma that turns to a plan starts a new mode clause", () => {
    const text =
      "Đến nay, bình quân toàn huyện đạt 15,2 tiêu chí/xã, phấn đấu đến cuối năm có thêm 3 xã về đích nông thôn mới.";
    assert.deepEqual(kindsAndMinimaIn(text, "2022-10-01"), [
      ["result", 15.2],
      ["target", 3],
    ]);
    assert.deepEqual(deadlinesIn(text, "2022-10-01"), [["đến cuối năm", "2022-12-31"]]);
  });
  test("provinces that reached the standard, and a count achieved with được", () => {
    assert.deepEqual(
      minimaIn("Cả nước đã có 41/63 tỉnh về đích; huyện sắp xếp được 9 khu dân cư."),
      [41, 9],
    );
  });
  test("the plan's figures that all fared well, with words between", () => {
    assert.ok(
      signalBalance("các chỉ tiêu, nhiệm vụ về kinh tế - xã hội đều đạt và vượt kế hoạch", null) >
        0,
    );
  });
  test("an article that reviews a year frames a review", () => {
    const text = "Tỷ trọng dịch vụ chiếm 61,2%.";
    assert.equal(
      figures(
        run(text, null, "Hội nghị đánh giá công tác năm 2023, đề ra phương hướng năm 2024"),
      )[0]?.[0],
      "result",
    );
  });
});

test("counts of a review's work: inspections, incidents, streets", () => {
  const text =
    "Năm qua, huyện đã tiến hành 14 cuộc kiểm tra, xảy ra 6 vụ cháy rừng, có 12 tuyến phố văn minh.";
  assert.deepEqual(kindsAndMinimaIn(text, "2024-12-01"), [
    ["result", 14],
    ["result", 6],
    ["result", 12],
  ]);
});

describe("achieved against plan, as portals write it", () => {
  const kindAndValue = (text: string) =>
    figures(run(text, "2023-12-01")).map(([kind, itemText, value]) => [kind, itemText, value]);
  test("a share against the planned share", () => {
    assert.deepEqual(kindAndValue("Tỷ lệ che phủ rừng đạt 47,2%/45%."), [
      ["result", "Tỷ lệ che phủ rừng đạt 47,2%/45%", { min: 47.2, max: 47.2 }],
    ]);
  });
  test("an amount against the planned amount", () => {
    assert.deepEqual(kindAndValue("Thu ngân sách 418,5/400 tỷ đồng."), [
      ["result", "Thu ngân sách 418,5/400 tỷ đồng", { min: 418.5, max: 418.5 }],
    ]);
  });
  test("a share of the same period a year before", () => {
    assert.equal(kindAndValue("Kim ngạch xuất khẩu bằng 112% cùng kỳ.")[0]?.[0], "result");
  });
  test("so many of a total, in words", () => {
    assert.deepEqual(kindAndValue("Có 17 trong tổng số 20 chỉ tiêu đạt kế hoạch.")[0]?.[2], {
      min: 17,
      max: 17,
      numerator: 17,
      denominator: 20,
    });
  });
});

test("the end of the term the article speaks in", () => {
  const text =
    "Đại hội Đảng bộ xã nhiệm kỳ 2025-2030 đề ra 12 chỉ tiêu. Từ nay đến hết nhiệm kỳ, xã phấn đấu có thêm 4 thôn đạt chuẩn.";
  assert.deepEqual(deadlinesIn(text, "2025-08-10"), [["Từ nay đến hết nhiệm kỳ", "2030-12-31"]]);
  assert.deepEqual(
    deadlinesIn("Từ nay đến hết nhiệm kỳ, xã phấn đấu có thêm 4 thôn.", "2025-08-10"),
    [],
  );
});

test("'vào năm' says when; it sets a limit only in a clause that plans", () => {
  assert.deepEqual(
    deadlinesIn(
      "Thu nhập tăng từ 41 triệu đồng vào năm 2021 lên 58 triệu đồng vào năm 2024.",
      "2024-10-01",
    ),
    [],
  );
  assert.deepEqual(
    deadlinesIn("Huyện phấn đấu đạt chuẩn nông thôn mới vào năm 2026.", "2024-10-01"),
    [["vào năm 2026", "2026-12-31"]],
  );
});
