/**
 * The collection the import tests start from: two articles (Cẩm Giàng district, Hải Dương
 * province) with their text snapshots and four snippets covering every field shape (a target, a
 * result with a note and tags, a deadline, a ratio with every optional field), fixed times, and
 * helpers to write them into a database and to make an export file of them. The export tests
 * take the same two articles, with texts of their own.
 */
import assert from "node:assert/strict";
import { toJson } from "../../../lib/export/index.ts";
import { importCollection } from "../../../lib/import/index.ts";
import type { ArticleRecord, SnippetRecord } from "../../../lib/snippets/types.ts";
import type { CollectionDb } from "../../../lib/storage/index.ts";
import { putSnippets } from "../../../lib/storage/snippet-records.ts";
import { INSURANCE_95_BY_2025 } from "./readings.ts";
import { article, snippet } from "./records.ts";

/** The export time every file made here carries. */
export const NOW = new Date(2026, 10, 21, 9, 30, 0);
/** The import time given to `importCollection`. */
export const IMPORT_TIME = Date.UTC(2026, 10, 21, 2, 30, 0);
export const T1 = Date.UTC(2024, 2, 5, 9, 30, 0);
export const T2 = Date.UTC(2024, 5, 1, 7, 0, 0);

export const CG_URL =
  "https://camgiang.haiduong.gov.vn/tin-tuc/hoc-tap-nghi-quyet-dai-hoi-dang-bo-huyen-cam-giang-lan-thu-xxvi-1234.html";
export const HD_URL = "https://haiduong.dcs.vn/nghi-quyet-dai-hoi-xvii-5678.html";

export const CG_SNAPSHOT = [
  "Học tập Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025.",
  "Nhiệm kỳ 2015-2020, thu nhập bình quân đầu người đạt 52 triệu đồng.",
  "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.",
  "Hoàn thành đề án sáp nhập thôn trước ngày 15/01/2021.",
].join("\n");
const HD_SNAPSHOT = [
  "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII.",
  "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm.",
].join("\n");

export const CG = article(CG_URL, {
  title: "Học tập Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025",
  siteName: "Cổng thông tin điện tử huyện Cẩm Giàng",
  organization: "Đảng bộ huyện Cẩm Giàng",
  level: "huyện",
  locality: "Cẩm Giàng",
  congress: 26,
  term: "2020-2025",
  publishedAt: "2020-08-20",
  snapshot: CG_SNAPSHOT,
});
export const HD = article(HD_URL, {
  title: "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII",
  organization: "Đảng bộ tỉnh Hải Dương",
  level: "tỉnh",
  locality: "Hải Dương",
  congress: 17,
  term: "2020-2025",
  publishedAt: "2020-10-16",
  snapshot: HD_SNAPSHOT,
});

export const INSURANCE = snippet(CG, "tỷ lệ bao phủ bảo hiểm y tế đạt 95%", {
  indicator: "tỷ lệ bao phủ bảo hiểm y tế",
  ...INSURANCE_95_BY_2025,
});
export const MERGER = snippet(CG, "trước ngày 15/01/2021", {
  kind: "deadline",
  deadline: { date: "2021-01-15", precision: "day" },
});
export const INCOME = snippet(CG, "thu nhập bình quân đầu người đạt 52 triệu đồng", {
  kind: "result",
  indicator: "thu nhập bình quân đầu người",
  category: "income_per_capita",
  value: { min: 52, max: 52 },
  unit: "triệu đồng",
  comparator: "=",
  horizon: { type: "period", from: 2015, to: 2020 },
  note: "Số liệu năm 2020, cần đối chiếu Cục Thống kê.",
  tags: ["thu nhập", "so sánh"],
  updatedAt: T1,
});
export const GROWTH = snippet(HD, "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm", {
  indicator: "Tốc độ tăng trưởng kinh tế",
  category: "growth",
  value: { min: 7.5, max: 7.5, numerator: 15, denominator: 2 },
  unit: "%",
  comparator: ">=",
  direction: "increase",
  horizon: { type: "annual" },
  deadline: { date: "2025-12-31", precision: "year", yearInferred: true },
  manual: true,
});

export const ARTICLES = [CG, HD];
export const SNIPPETS = [INSURANCE, MERGER, INCOME, GROWTH];

/** Writes records straight into the database (as a reader's earlier saves would have). */
export async function seed(
  target: CollectionDb,
  articles: readonly ArticleRecord[],
  snippets: readonly SnippetRecord[],
): Promise<void> {
  await target.transaction("rw", target.articles, target.snippetGroups, async () => {
    await target.articles.bulkPut([...articles]);
    await putSnippets(target, snippets);
  });
}

/** A JSON export file of these records, exported at `NOW`. */
export function fileOf(
  articles: readonly ArticleRecord[],
  snippets: readonly SnippetRecord[],
): string {
  return toJson({ articles, snippets }, NOW);
}

/** `file` parsed, changed by `mutate`, and written back as JSON (two-space indentation). */
// biome-ignore lint/suspicious/noExplicitAny: the callers edit arbitrary parts of the parsed file
export function editedFile(file: string, mutate: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(file);
  mutate(doc);
  return JSON.stringify(doc, null, 2);
}

/** The counts a successful import reports. */
interface ImportCounts {
  articlesAdded: number;
  articlesUpdated: number;
  snippetsAdded: number;
  snippetsMerged: number;
}

/**
 * Imports `text` into `target` at `IMPORT_TIME` and asserts it succeeded with exactly `counts`
 * (a count not given must be 0).
 */
export async function assertImports(
  target: CollectionDb,
  text: string,
  counts: Partial<ImportCounts>,
): Promise<void> {
  assert.deepEqual(await importCollection(target, text, { now: IMPORT_TIME }), {
    ok: true,
    articlesAdded: 0,
    articlesUpdated: 0,
    snippetsAdded: 0,
    snippetsMerged: 0,
    ...counts,
  });
}
