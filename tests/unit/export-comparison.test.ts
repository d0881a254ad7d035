/**
 * The comparison's own exports, read back by real readers: the workbook (`comparisonToXlsx`)
 * through ExcelJS — headers in the export's language, frozen header, widths, targets, results and
 * % thực hiện typed as numbers, the sources sheet — and the Word table (`comparisonToDocx`)
 * unzipped with fflate: title, localities, date, group headings, cells with % thực hiện and
 * status, repeated header row, sources as a numbered list.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { compareSources, sortComparisonRows } from "../../lib/collection/index.ts";
import { comparisonFileName, comparisonToDocx, comparisonToXlsx } from "../../lib/export/index.ts";
import { comparisonSheet } from "./helpers/comparison-workbook.ts";
import { A_REVIEW, B_REVIEW, ENTRIES, PLACES } from "./helpers/report-collection.ts";

const NOW = new Date(2026, 11, 4, 9, 30, 0);

async function readXlsx(blob: Blob): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

function rowByLabel(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let i = 2; i <= sheet.rowCount; i++) {
    const row = sheet.getRow(i);
    if (row.getCell(2).value === label) return row;
  }
  assert.fail(`no row ${label}`);
}

describe("comparisonToXlsx", () => {
  test("Vietnamese: targets, results and % thực hiện as numbers; statuses; sources", async () => {
    const table = compareSources(ENTRIES, PLACES);
    const workbook = await readXlsx(await comparisonToXlsx(table, { language: "vi" }));
    const { sheet, frozen } = comparisonSheet(workbook);
    assert.equal(frozen.ySplit, 1);
    assert.equal(sheet.getRow(1).getCell(3).value, "Phước Long (huyện) – Chỉ tiêu");
    assert.equal(sheet.getRow(1).getCell(3).font?.bold, true);
    assert.equal(sheet.getColumn(8).width, 48);

    const health = rowByLabel(sheet, "Bảo hiểm y tế");
    assert.equal(health.getCell(1).value, "Văn hóa - xã hội và môi trường");
    assert.equal(health.getCell(3).value, 95);
    assert.equal(health.getCell(3).type, ExcelJS.ValueType.Number);
    assert.equal(health.getCell(4).value, 96.5);
    assert.equal(health.getCell(4).type, ExcelJS.ValueType.Number);
    assert.equal(health.getCell(5).value, "%");
    assert.ok(Math.abs((health.getCell(6).value as number) - 96.5 / 95) < 1e-9);
    assert.equal(health.getCell(6).numFmt, "0.0%");
    assert.equal(health.getCell(7).value, "Vượt");
    assert.match(
      String(health.getCell(8).value),
      /^Chỉ tiêu: 95% \(đến năm 2025\)\nKết quả: 96,5% \(số liệu ngày 01\/06\/2023\)\nThực hiện: 101,6% – Vượt\nChỉ số: tỷ lệ dân số tham gia bảo hiểm y tế/,
    );
    // Tân Hòa: met exactly.
    assert.equal(health.getCell(9).value, 92);
    assert.equal(health.getCell(12).value, 1);
    assert.equal(health.getCell(13).value, "Đạt");

    const budget = rowByLabel(sheet, "Thu ngân sách");
    assert.equal(budget.getCell(3).value, null, "no budget figure in Phước Long");
    assert.equal(budget.getCell(9).value, 2000);
    assert.equal(budget.getCell(10).value, 1500);
    assert.equal(budget.getCell(11).value, "tỷ đồng");
    assert.equal(budget.getCell(13).value, "Chưa đạt");

    const sources = workbook.getWorksheet("Nguồn");
    assert.ok(sources);
    const urls = [];
    for (let i = 2; i <= sources.rowCount; i++) urls.push(sources.getRow(i).getCell(2).value);
    assert.equal(urls.length, 5);
    assert.ok(urls.includes(A_REVIEW.url) && urls.includes(B_REVIEW.url));
  });

  test("English headers, statuses and rows in the order shown", async () => {
    const table = compareSources(ENTRIES, PLACES, { language: "en" });
    const shown = {
      ...table,
      rows: sortComparisonRows(table.rows, { key: "percent", direction: "descending" }, "en"),
    };
    const workbook = await readXlsx(await comparisonToXlsx(shown, { language: "en" }));
    const sheet = workbook.getWorksheet("Comparison");
    assert.ok(sheet);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 9), [
      "Group",
      "Category",
      "Phước Long (huyện) – Target",
      "Phước Long (huyện) – Result",
      "Phước Long (huyện) – Unit",
      "Phước Long (huyện) – % done",
      "Phước Long (huyện) – Status",
      "Phước Long (huyện) – Details",
    ]);
    const labels = [];
    for (let i = 2; i <= sheet.rowCount; i++) labels.push(sheet.getRow(i).getCell(2).value);
    assert.deepEqual(labels.slice(3, 5), ["Poverty rate", "Health insurance coverage"]);
    assert.equal(rowByLabel(sheet, "Poverty rate").getCell(7).value, "Not met");
    assert.ok(workbook.getWorksheet("Sources"));
    assert.equal(comparisonFileName("xlsx", NOW), "so-sanh-chi-tieu-2026-12-04.xlsx");
  });
});

/** The texts of each table row's cells (a cell's paragraphs joined by ` | `). */
function docxRows(xml: string): string[][] {
  const unxml = (v: string) =>
    v
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
      [...cell[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map((p) =>
          [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
            .map((t) => unxml(t[1] ?? ""))
            .join(""),
        )
        .join(" | "),
    ),
  );
}

describe("comparisonToDocx with results", () => {
  test("cells with target, latest result, % thực hiện and status; group headings; sources", async () => {
    const table = compareSources(ENTRIES, PLACES);
    const blob = await comparisonToDocx(table, { language: "vi", now: NOW });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"] as Uint8Array);
    const rows = docxRows(xml);
    assert.deepEqual(rows[0], ["Nhóm chỉ số", "Phước Long (huyện)", "Tân Hòa (huyện)"]);
    assert.match(xml, /<w:tblHeader\/>/);
    assert.match(xml, /w:orient="landscape"/);
    const groups = rows.filter((r) => r.length === 1).map((r) => r[0]);
    assert.deepEqual(groups, [
      "Kinh tế",
      "Văn hóa - xã hội và môi trường",
      "Xây dựng Đảng và hệ thống chính trị",
    ]);
    const health = rows.find((r) => r[0] === "Bảo hiểm y tế | (khác nhau)");
    assert.ok(health, rows.map((r) => r[0]).join(", "));
    assert.equal(
      health[1]?.split(" | ").slice(0, 4).join(" | "),
      "Chỉ tiêu: 95% (đến năm 2025) | Kết quả: 96,5% (số liệu ngày 01/06/2023) | Thực hiện: 101,6% – Vượt | Chỉ số: tỷ lệ dân số tham gia bảo hiểm y tế",
    );
    const poverty = rows.find((r) => r[0]?.startsWith("Tỷ lệ hộ nghèo"));
    assert.match(poverty?.[2] ?? "", /Thực hiện: 200% – Vượt/);
    assert.match(xml, /Ngày xuất: /);
    assert.equal(xml.match(/<w:numPr>/g)?.length, 5, "five sources, numbered");
  });
});
