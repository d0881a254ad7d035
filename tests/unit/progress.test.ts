/**
 * Progress over time (lib/collection/progress.ts, progress-path.ts, review-kind.ts), with made-up
 * sentences of a made-up district: results are matched to a target by place, level, category,
 * unit, span and term; the path runs from the term's start to the target; each result is on
 * track or behind; the reader's corrections count, rejections and undone matches leave a result
 * out.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ListedEntry } from "../../lib/collection/entries.ts";
import { matchesTarget, progressSeries } from "../../lib/collection/progress.ts";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { article, bareSnippet } from "./helpers/records.ts";

const PLACE = { locality: "Tân Phước", level: "huyện" };

function source(
  slug: string,
  title: string,
  publishedAt: string,
  fields: Partial<ArticleRecord> = {},
): ArticleRecord {
  return article(`https://tanphuoc.example.gov.vn/${slug}`, {
    title,
    publishedAt,
    term: null,
    ...PLACE,
    ...fields,
  });
}

let counter = 0;
/** Saves figures of `kind`: `text`, of `category`, from `from` (each at its own place). */
function figuresOf(kind: "target" | "result") {
  return (
    from: ArticleRecord,
    text: string,
    category: string,
    fields: Partial<SnippetRecord> = {},
  ): ListedEntry => {
    counter++;
    const snippet = bareSnippet(
      `s${counter}`,
      from.id,
      kind,
      text,
      { category, ...fields },
      counter * 10,
    );
    return { snippet, article: from };
  };
}
const targetIn = figuresOf("target");
const resultIn = figuresOf("result");

const pct = (n: number) => ({ value: { min: n, max: n }, unit: "%" });

const RESOLUTION = source(
  "nghi-quyet",
  "Nghị quyết Đại hội Đảng bộ huyện Tân Phước lần thứ XII, nhiệm kỳ 2020-2025",
  "2020-09-10",
  { term: "2020-2025" },
);
const URBAN_TARGET = targetIn(RESOLUTION, "tỷ lệ đô thị hóa đạt 40%", "urbanisation", {
  ...pct(40),
  horizon: { type: "year", year: 2025 },
});
const URBAN_BASE = resultIn(
  RESOLUTION,
  "năm 2020 tỷ lệ đô thị hóa đạt 30%",
  "urbanisation",
  pct(30),
);
const GROWTH_TARGET = targetIn(RESOLUTION, "tăng trưởng kinh tế bình quân 9%/năm", "growth", {
  value: { min: 9, max: 9 },
  unit: "%/năm",
  horizon: { type: "annual" },
});
const POOR_TARGET = targetIn(RESOLUTION, "tỷ lệ hộ nghèo giảm còn dưới 1%", "poverty_rate", {
  ...pct(1),
  comparator: "<",
  direction: "decrease",
  horizon: { type: "year", year: 2025 },
});
const POOR_BASE = resultIn(RESOLUTION, "tỷ lệ hộ nghèo còn 3,2%", "poverty_rate", pct(3.2));
const MEMBERS_TARGET = targetIn(
  RESOLUTION,
  "kết nạp 500 đảng viên mới trong nhiệm kỳ",
  "new_party_members",
  { value: { min: 500, max: 500 }, unit: "đảng viên", horizon: { type: "term" } },
);

const SIX_MONTHS = source(
  "so-ket-6-thang",
  "Huyện Tân Phước sơ kết 6 tháng đầu năm 2021",
  "2021-07-15",
);
const URBAN_2021 = resultIn(SIX_MONTHS, "tỷ lệ đô thị hóa đạt 31%", "urbanisation", pct(31));
const YEAR_2022 = source("tong-ket-2022", "Tổng kết công tác năm 2022 của huyện", "2023-01-10");
const URBAN_2022 = resultIn(YEAR_2022, "tỷ lệ đô thị hóa đạt 35%", "urbanisation", pct(35));
const GROWTH_2022 = resultIn(YEAR_2022, "tăng trưởng kinh tế đạt 9,5%", "growth", pct(9.5));
const GROWTH_2022_LOW = resultIn(YEAR_2022, "tăng trưởng ngành nông nghiệp 7%", "growth", pct(7));
const MID_TERM = source(
  "giua-nhiem-ky",
  "Đánh giá giữa nhiệm kỳ thực hiện Nghị quyết Đại hội huyện",
  "2023-06-20",
);
const POOR_MID = resultIn(MID_TERM, "tỷ lệ hộ nghèo còn 2,9%", "poverty_rate", pct(2.9));
const MEMBERS_MID = resultIn(MID_TERM, "kết nạp được 260 đảng viên", "new_party_members", {
  value: { min: 260, max: 260 },
  unit: "đảng viên",
});
const FINAL = source(
  "tong-ket-nhiem-ky",
  "Tổng kết nhiệm kỳ 2020-2025: huyện Tân Phước vượt nhiều chỉ tiêu",
  "2025-08-01",
  { term: "2020-2025" },
);
const URBAN_FINAL = resultIn(FINAL, "tỷ lệ đô thị hóa đạt 41%", "urbanisation", pct(41));

/** Figures that must never be matched to the urbanisation target, each for its own reason. */
const ELSEWHERE = source("noi-khac", "Tổng kết năm 2022 huyện Bình Lâm", "2023-01-12", {
  locality: "Bình Lâm",
});
const PROVINCE = source("tinh", "Tổng kết năm 2022 của tỉnh", "2023-01-12", { level: "tỉnh" });
const OLD_TERM = source("nhiem-ky-truoc", "Tổng kết nhiệm kỳ 2015-2020", "2021-02-01", {
  term: "2015-2020",
});
const TOO_LATE = source("nhiem-ky-sau", "Kết quả năm 2027", "2027-03-01");
const NOT_MATCHED = [
  resultIn(ELSEWHERE, "tỷ lệ đô thị hóa đạt 50%", "urbanisation", pct(50)),
  resultIn(PROVINCE, "tỷ lệ đô thị hóa đạt 45%", "urbanisation", pct(45)),
  resultIn(OLD_TERM, "tỷ lệ đô thị hóa đạt 29%", "urbanisation", pct(29)),
  resultIn(TOO_LATE, "tỷ lệ đô thị hóa đạt 44%", "urbanisation", pct(44)),
  resultIn(YEAR_2022, "có 3 phường đô thị", "urbanisation", {
    value: { min: 3, max: 3 },
    unit: "phường",
  }),
  resultIn(YEAR_2022, "tỷ lệ đô thị hóa tăng 1,2%/năm", "urbanisation", {
    value: { min: 1.2, max: 1.2 },
    unit: "%/năm",
  }),
];

const ALL = [
  URBAN_TARGET,
  URBAN_BASE,
  GROWTH_TARGET,
  POOR_TARGET,
  POOR_BASE,
  MEMBERS_TARGET,
  URBAN_2021,
  URBAN_2022,
  GROWTH_2022,
  GROWTH_2022_LOW,
  POOR_MID,
  MEMBERS_MID,
  URBAN_FINAL,
  ...NOT_MATCHED,
];

const seriesOf = (entries: ListedEntry[], target: ListedEntry) => {
  const found = progressSeries(entries).find((s) => s.id === target.snippet.id);
  assert.ok(found, `a series for ${target.snippet.text}`);
  return found;
};
const near = (actual: number | null, expected: number) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 0.01, `${actual} ≈ ${expected}`);

describe("progress: matching results to a target", () => {
  test("a level target gathers the later results of its place, level, category, unit, span and term", () => {
    const series = seriesOf(ALL, URBAN_TARGET);
    assert.deepEqual(
      series.points.map((p) => [p.date, p.value]),
      [
        ["2021-07-15", 31],
        ["2023-01-10", 35],
        ["2025-08-01", 41],
      ],
    );
    assert.deepEqual(series.place, { key: "tan phuoc|huyen", ...PLACE });
    assert.deepEqual(series.term, { from: 2020, to: 2025 });
    assert.equal(series.dueDate, "2025-12-31");
    assert.equal(series.span, "level");
    for (const other of NOT_MATCHED) assert.equal(matchesTarget(other, URBAN_TARGET), false);
  });

  test("the target article's own figure is the start, not a point", () => {
    const series = seriesOf(ALL, URBAN_TARGET);
    assert.equal(matchesTarget(URBAN_BASE, URBAN_TARGET), false);
    assert.deepEqual(series.path?.from, { date: "2020-09-10", value: 30 });
    assert.deepEqual(series.path?.to, { date: "2025-12-31", value: 40 });
    assert.equal(series.path?.startsFrom, "baseline");
  });

  test("a result published before the target, or with no date, is not matched", () => {
    const early = source("truoc", "Báo cáo", "2020-05-01");
    const undated = source("khong-ngay", "Báo cáo", "2022-01-01", { publishedAt: null });
    for (const from of [early, undated]) {
      const result = resultIn(from, "tỷ lệ đô thị hóa đạt 33%", "urbanisation", pct(33));
      assert.equal(matchesTarget(result, URBAN_TARGET), false, from.title);
    }
  });

  test("places and levels compare folded; a scale prefix converts the value", () => {
    const spelled = source("viet-khac", "Kết quả năm 2023", "2024-01-05", {
      locality: "TÂN PHƯỚC ",
      level: "Huyện",
    });
    const target = targetIn(RESOLUTION, "thu ngân sách đạt 1.200 tỷ đồng", "budget_revenue", {
      value: { min: 1200, max: 1200 },
      unit: "tỷ đồng",
      horizon: { type: "year", year: 2025 },
    });
    const result = resultIn(spelled, "thu ngân sách đạt 950.000 triệu đồng", "budget_revenue", {
      value: { min: 950_000, max: 950_000 },
      unit: "triệu đồng",
      horizon: { type: "year", year: 2023 },
    });
    const series = seriesOf([target, result], target);
    assert.equal(series.points.length, 1);
    near(series.points[0]?.value ?? null, 950);
  });

  test("rejected results take no part; corrected values do", () => {
    const rejected = {
      ...URBAN_2021,
      snippet: { ...URBAN_2021.snippet, review: "rejected" as const },
    };
    const corrected = {
      ...URBAN_2022,
      snippet: {
        ...URBAN_2022.snippet,
        review: "corrected" as const,
        corrections: { value: { min: 36, max: 36 } },
      },
    };
    const entries = ALL.map((e) =>
      e === URBAN_2021 ? rejected : e === URBAN_2022 ? corrected : e,
    );
    const series = seriesOf(entries, URBAN_TARGET);
    assert.deepEqual(
      series.points.map((p) => p.value),
      [36, 41],
    );
  });

  test("a match the reader undid is listed apart, and comes back when it is redone", () => {
    const undone = {
      ...URBAN_2022,
      snippet: { ...URBAN_2022.snippet, unmatchedTargets: [URBAN_TARGET.snippet.id] },
    };
    const entries = ALL.map((e) => (e === URBAN_2022 ? undone : e));
    const series = seriesOf(entries, URBAN_TARGET);
    assert.deepEqual(
      series.points.map((p) => p.value),
      [31, 41],
    );
    assert.deepEqual(
      series.unmatched.map((p) => p.entry.snippet.id),
      [URBAN_2022.snippet.id],
    );
    // Undone for another target only: still matched here.
    const elsewhere = {
      ...URBAN_2022,
      snippet: { ...URBAN_2022.snippet, unmatchedTargets: ["another"] },
    };
    assert.equal(
      seriesOf(
        ALL.map((e) => (e === URBAN_2022 ? elsewhere : e)),
        URBAN_TARGET,
      ).points.length,
      3,
    );
  });
});

describe("progress: the path and on track / behind", () => {
  test("a level: each result against the straight path on its date", () => {
    const series = seriesOf(ALL, URBAN_TARGET);
    const [first, second, last] = series.points;
    // 2021-07-15 is 308 of the path's 1,938 days: 30 + 10 × 308/1938 ≈ 31.59, and 31 is below.
    near(first?.expected ?? null, 30 + (10 * 308) / 1938);
    assert.equal(first?.status, "behind");
    // 2023-01-10 is day 852: ≈ 34.40, and 35 is above.
    near(second?.expected ?? null, 30 + (10 * 852) / 1938);
    assert.equal(second?.status, "on_track");
    assert.equal(last?.status, "on_track");
    near(last?.percentDone ?? null, (41 / 40) * 100);
  });

  test("a ceiling (tỷ lệ hộ nghèo dưới 1%): lower is on track", () => {
    const series = seriesOf(ALL, POOR_TARGET);
    assert.equal(series.path?.lowerIsBetter, true);
    assert.deepEqual(series.path?.from, { date: "2020-09-10", value: 3.2 });
    const [mid] = series.points;
    // Day 1,013 of 1,938: 3,2 − 2,2 × 1013/1938 ≈ 2,05; 2,9 is above it: behind.
    near(mid?.expected ?? null, 3.2 - (2.2 * 1013) / 1938);
    assert.equal(mid?.status, "behind");
    const better = resultIn(MID_TERM, "tỷ lệ hộ nghèo còn 1,9%", "poverty_rate", pct(1.9));
    assert.equal(seriesOf([...ALL, better], POOR_TARGET).points[1]?.status, "on_track");
  });

  test("a per-year target is flat and meets per-year results only; each is judged against the target", () => {
    const series = seriesOf(ALL, GROWTH_TARGET);
    assert.equal(series.span, "annual");
    assert.equal(series.path?.shape, "flat");
    assert.equal(series.path?.from.value, 9);
    assert.deepEqual(
      series.points.map((p) => [p.value, p.status]),
      [
        [9.5, "on_track"],
        [7, "behind"],
      ],
    );
    // A level of the same category never joins a per-year series.
    const level = resultIn(YEAR_2022, "quy mô kinh tế 9%", "growth", {
      ...pct(9),
      horizon: { type: "year", year: 2022 },
    });
    assert.equal(matchesTarget(level, GROWTH_TARGET), true, "growth in % is yearly");
    const total = resultIn(YEAR_2022, "tổng mức 30 tỷ đồng", "growth", {
      value: { min: 30, max: 30 },
      unit: "tỷ đồng",
    });
    assert.equal(matchesTarget(total, GROWTH_TARGET), false);
  });

  test("a total over the term starts from zero", () => {
    const series = seriesOf(ALL, MEMBERS_TARGET);
    assert.equal(series.path?.startsFrom, "zero");
    assert.equal(series.path?.from.value, 0);
    const [mid] = series.points;
    // Day 1,013: 500 × 1013/1938 ≈ 261,4; 260 is just behind.
    near(mid?.expected ?? null, (500 * 1013) / 1938);
    assert.equal(mid?.status, "behind");
  });

  test("without the article's own figure the path starts at the first result, which is neither", () => {
    const series = seriesOf(
      ALL.filter((e) => e !== URBAN_BASE),
      URBAN_TARGET,
    );
    assert.equal(series.path?.startsFrom, "first_result");
    assert.deepEqual(series.path?.from, { date: "2021-07-15", value: 31 });
    assert.deepEqual(
      series.points.map((p) => p.status),
      [null, "on_track", "on_track"],
    );
  });

  test("a target without a value, a place or a year to be due by has no series", () => {
    const bare = source("khong-nhiem-ky", "Chương trình hành động", "2021-03-01");
    const noYear = targetIn(bare, "nâng tỷ lệ đô thị hóa", "urbanisation", pct(40));
    const noValue = targetIn(RESOLUTION, "nâng cao tỷ lệ đô thị hóa", "urbanisation", {
      horizon: { type: "year", year: 2025 },
    });
    const ids = progressSeries([noYear, noValue]).map((s) => s.id);
    assert.deepEqual(ids, []);
  });
});
