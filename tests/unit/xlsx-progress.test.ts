/**
 * The workbook's progress sheet (lib/export/xlsx-progress.ts), written by toXlsx and read back
 * with exceljs: headers in the export's language, a bold frozen header row, column widths; the
 * target's and each result's values, the path's value and % thực hiện as number cells, dates as
 * date cells, statuses and reviews as words; unmatched results and unfollowed targets left out.
 * Made-up sentences of a made-up district.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { ListedEntry } from "../../lib/collection/entries.ts";
import { progressSeries } from "../../lib/collection/progress.ts";
import { toXlsx } from "../../lib/export/index.ts";
import { PROGRESS_COLUMN_WIDTHS, progressSheet } from "../../lib/export/xlsx-progress.ts";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { article, bareSnippet } from "./helpers/records.ts";

function source(slug: string, title: string, publishedAt: string): ArticleRecord {
  return article(`https://binhson.example.gov.vn/${slug}`, {
    title,
    publishedAt,
    locality: "Bình Sơn",
    level: "huyện",
    term: "2020-2025",
  });
}

let n = 0;
function figure(
  from: ArticleRecord,
  kind: "target" | "result",
  text: string,
  fields: Partial<SnippetRecord>,
) {
  n++;
  return { snippet: bareSnippet(`x${n}`, from.id, kind, text, fields, n * 10), article: from };
}

const RESOLUTION = source("nghi-quyet", "Nghị quyết Đại hội Đảng bộ huyện Bình Sơn", "2020-09-01");
const MID = source("giua-nhiem-ky", "Sơ kết giữa nhiệm kỳ của huyện Bình Sơn", "2023-05-02");
const FINAL = source("tong-ket", "Tổng kết nhiệm kỳ 2020-2025 huyện Bình Sơn", "2025-08-15");
const COVER = {
  category: "forest_cover",
  unit: "%",
  horizon: { type: "year" as const, year: 2025 },
};
const TARGET = figure(RESOLUTION, "target", "tỷ lệ che phủ rừng đạt 48%", {
  ...COVER,
  indicator: "tỷ lệ che phủ rừng",
  value: { min: 48, max: 48 },
});
const BASE = figure(RESOLUTION, "result", "tỷ lệ che phủ rừng năm 2020 đạt 44%", {
  ...COVER,
  value: { min: 44, max: 44 },
});
const MID_RESULT = figure(MID, "result", "tỷ lệ che phủ rừng đạt 45,2%", {
  ...COVER,
  value: { min: 45.2, max: 45.2 },
});
const FINAL_RESULT = figure(FINAL, "result", "tỷ lệ che phủ rừng đạt 48,5%", {
  ...COVER,
  value: { min: 48.5, max: 48.5 },
});
const UNFOLLOWED = figure(RESOLUTION, "target", "100% xã có nhà văn hóa", {
  category: "cultural_villages",
  unit: "%",
  value: { min: 100, max: 100 },
  horizon: { type: "year", year: 2025 },
});
const ENTRIES: ListedEntry[] = [TARGET, BASE, MID_RESULT, FINAL_RESULT, UNFOLLOWED];

async function readXlsx(blob: Blob): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

describe("XLSX: the progress sheet", () => {
  test("a sheet before the sources, typed cells, frozen bold header, widths (Vietnamese)", async () => {
    const blob = await toXlsx(ENTRIES, { language: "vi", progress: progressSeries(ENTRIES) });
    const workbook = await readXlsx(blob);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["Bảng", "Tiến độ", "Nguồn"],
    );
    const sheet = workbook.getWorksheet("Tiến độ");
    assert.ok(sheet);
    const view = sheet.views[0] as { state?: string; ySplit?: number };
    assert.equal(view.state, "frozen");
    assert.equal(view.ySplit, 1);
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
    assert.deepEqual(
      sheet.columns.map((c) => c.width),
      PROGRESS_COLUMN_WIDTHS,
    );
    // The first twelve headers as a reader sees them across the top of the sheet, left to right.
    const headers =
      "Địa phương | Cấp | Nhóm chỉ số | Chỉ số | Đơn vị | Loại | Ngày | Kỳ báo cáo | Giá trị | " +
      "Theo lộ trình | % thực hiện | Tình hình";
    assert.deepEqual(values(sheet.getRow(1)).slice(0, 12), headers.split(" | "));
    // The target, then its two later results; the unfollowed target and the baseline are not rows.
    assert.equal(sheet.rowCount, 4);
    const target = sheet.getRow(2);
    assert.equal(target.getCell(1).value, "Bình Sơn");
    assert.equal(target.getCell(4).value, "tỷ lệ che phủ rừng");
    assert.equal(target.getCell(5).value, "%");
    assert.equal(target.getCell(6).value, "Chỉ tiêu");
    assert.equal(target.getCell(9).type, ExcelJS.ValueType.Number);
    assert.equal(target.getCell(9).value, 48);
    const due = target.getCell(13);
    assert.equal(due.type, ExcelJS.ValueType.Date);
    assert.equal((due.value as Date).toISOString(), "2025-12-31T00:00:00.000Z");
    assert.equal(due.numFmt, "dd/mm/yyyy");

    const mid = sheet.getRow(3);
    assert.equal(mid.getCell(6).value, "Kết quả");
    assert.equal((mid.getCell(7).value as Date).toISOString(), "2023-05-02T00:00:00.000Z");
    assert.equal(mid.getCell(8).value, "Giữa nhiệm kỳ");
    assert.equal(mid.getCell(9).value, 45.2);
    // The path: 44 on 2020-09-01 to 48 on 2025-12-31 (1,947 days); 2023-05-02 is day 973.
    const expected = mid.getCell(10);
    assert.equal(expected.type, ExcelJS.ValueType.Number);
    assert.ok(Math.abs((expected.value as number) - (44 + (4 * 973) / 1947)) < 1e-9);
    assert.equal(mid.getCell(11).value, 94.2);
    assert.equal(mid.getCell(12).value, "Chậm tiến độ");
    assert.equal(mid.getCell(14).value, MID.title);
    assert.equal(mid.getCell(15).value, MID.url);

    const final = sheet.getRow(4);
    assert.equal(final.getCell(8).value, "Tổng kết nhiệm kỳ");
    assert.equal(final.getCell(11).value, 101);
    assert.equal(final.getCell(12).value, "Đúng tiến độ");
  });

  test("English headers and words; an unmatched result is not a row", async () => {
    const unmatched = {
      ...MID_RESULT,
      snippet: { ...MID_RESULT.snippet, unmatchedTargets: [TARGET.snippet.id] },
    };
    const entries = ENTRIES.map((e) => (e === MID_RESULT ? unmatched : e));
    const workbook = await readXlsx(
      await toXlsx(entries, { language: "en", progress: progressSeries(entries) }),
    );
    const sheet = workbook.getWorksheet("Progress");
    assert.ok(sheet);
    assert.deepEqual(values(sheet.getRow(1)).slice(0, 3), ["Locality", "Level", "Category"]);
    assert.equal(sheet.rowCount, 3);
    assert.equal(sheet.getRow(2).getCell(3).value, "Forest cover");
    assert.equal(sheet.getRow(3).getCell(8).value, "End-of-term review");
    assert.equal(sheet.getRow(3).getCell(12).value, "On track");
  });

  test("no followed target, no sheet", async () => {
    assert.equal(progressSheet(progressSeries([TARGET, UNFOLLOWED]), "vi"), null);
    const workbook = await readXlsx(
      await toXlsx([TARGET], { language: "vi", progress: progressSeries([TARGET]) }),
    );
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["Bảng", "Nguồn"],
    );
  });
});
