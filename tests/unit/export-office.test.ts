/**
 * The Excel and Word exports, read back by real readers: the XLSX through
 * ExcelJS (sheet names, header row, typed number and date cells, frozen
 * header, column widths, page text kept as text), the DOCX unzipped with
 * fflate (title, localities, date, table cells, numbered sources).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import {
  COLUMN_HEADERS,
  comparisonToDocx,
  type ListedEntry,
  localityComparison,
  toXlsx,
  XLSX_COLUMNS,
  xlsxSheetNames,
} from "../../lib/export/index.ts";
import { GROWTH_7_5_YEARLY, POVERTY_DOWN_1_5_TO_2_YEARLY } from "./helpers/readings.ts";
import { article, snippet } from "./helpers/records.ts";

const NOW = new Date(2026, 11, 4, 9, 30, 0);

const TV_TEXT = [
  "Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh.",
  "Đến năm 2025, tỷ lệ hộ nghèo giảm 1,5–2 %/năm; giảm 3.120 hộ nghèo.",
  "Có 08/21 chỉ tiêu đạt và vượt.",
  "Tăng trưởng kinh tế bình quân 7,5 %/năm.",
  '=HYPERLINK("http://evil.example","bấm") và \u0007 ký tự điều khiển.',
].join("\n");
const HD_TEXT = [
  "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương.",
  "Tăng trưởng kinh tế bình quân 8 %/năm.",
].join("\n");

const TV = article("https://travinh.gov.vn/nghi-quyet.html", {
  title: "Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh lần thứ XI",
  locality: "Trà Vinh",
  level: "tỉnh",
  term: "2020-2025",
  publishedAt: "2020-10-16",
  snapshot: TV_TEXT,
});
const HD = article("https://haiduong.dcs.vn/nq.html", {
  title: "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương <XVII>",
  locality: "Hải Dương",
  level: "tỉnh",
  publishedAt: "2020-10",
  snapshot: HD_TEXT,
});

const RATE = snippet(TV, "tỷ lệ hộ nghèo giảm 1,5–2 %/năm", {
  ...POVERTY_DOWN_1_5_TO_2_YEARLY,
  deadline: { date: "2025-12-31", precision: "year" },
});
const HOUSEHOLDS = snippet(TV, "giảm 3.120 hộ nghèo", {
  indicator: "hộ nghèo",
  category: "poverty_rate",
  value: { min: 3120, max: 3120 },
  unit: "hộ",
  direction: "decrease",
});
const RATIO = snippet(TV, "08/21 chỉ tiêu đạt và vượt", {
  kind: "result",
  indicator: "chỉ tiêu đạt và vượt",
  value: { min: 8, max: 8, numerator: 8, denominator: 21 },
  unit: "chỉ tiêu",
});
const TV_GROWTH = snippet(TV, "Tăng trưởng kinh tế bình quân 7,5 %/năm", {
  indicator: "tăng trưởng kinh tế",
  ...GROWTH_7_5_YEARLY,
});
const HOSTILE = snippet(TV, '=HYPERLINK("http://evil.example","bấm") và \u0007 ký tự điều khiển.', {
  kind: "excerpt",
  manual: true,
});
const HD_GROWTH = snippet(HD, "Tăng trưởng kinh tế bình quân 8 %/năm", {
  indicator: "tăng trưởng kinh tế",
  ...GROWTH_7_5_YEARLY,
  value: { min: 8, max: 8 },
});

const ENTRIES: ListedEntry[] = [
  ...[RATE, HOUSEHOLDS, RATIO, TV_GROWTH, HOSTILE].map((s) => ({ snippet: s, article: TV })),
  { snippet: HD_GROWTH, article: HD },
];

async function readXlsx(blob: Blob): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

function column(name: (typeof XLSX_COLUMNS)[number]["id"]): number {
  return XLSX_COLUMNS.findIndex((c) => c.id === name) + 1;
}

describe("toXlsx", () => {
  test("writes the table, comparison and sources sheets with frozen headers and widths", async () => {
    const blob = await toXlsx(ENTRIES, {
      language: "vi",
      comparison: localityComparison(ENTRIES),
    });
    assert.equal(blob.type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = await readXlsx(blob);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["Bảng", "So sánh", "Nguồn"],
    );
    assert.deepEqual(xlsxSheetNames("vi"), ["Bảng", "So sánh", "Nguồn"]);
    for (const sheet of workbook.worksheets) {
      const view = sheet.views[0] as { state?: string; ySplit?: number; xSplit?: number };
      assert.equal(view?.state, "frozen", sheet.name);
      assert.equal(view?.ySplit, 1, sheet.name);
      assert.ok(!view?.xSplit, sheet.name);
      assert.equal(sheet.getRow(1).getCell(1).font?.bold, true, sheet.name);
    }
    const table = workbook.getWorksheet("Bảng");
    assert.ok(table);
    assert.deepEqual(
      table.columns.map((c) => c.width),
      XLSX_COLUMNS.map((c) => c.width),
    );
    assert.equal(table.rowCount, 1 + ENTRIES.length);
    const headers = (table.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(
      headers,
      XLSX_COLUMNS.map((c) => COLUMN_HEADERS.vi[c.id]),
    );
    assert.deepEqual(headers.slice(0, 6), [
      "Loại",
      "Địa phương",
      "Cấp",
      "Chỉ số",
      "Nhóm chỉ số",
      "Giá trị (từ)",
    ]);
  });

  test("values are number cells, dates are date cells, codes are words, page text is text", async () => {
    const workbook = await readXlsx(await toXlsx(ENTRIES, { language: "vi" }));
    const table = workbook.getWorksheet("Bảng");
    assert.ok(table);
    // No comparison sheet without a comparison.
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["Bảng", "Nguồn"],
    );
    const rate = table.getRow(2);
    assert.equal(rate.getCell(column("kind")).value, "Chỉ tiêu");
    assert.equal(rate.getCell(column("locality")).value, "Trà Vinh");
    assert.equal(rate.getCell(column("value_min")).type, ExcelJS.ValueType.Number);
    assert.equal(rate.getCell(column("value_min")).value, 1.5);
    assert.equal(rate.getCell(column("value_max")).value, 2);
    assert.equal(rate.getCell(column("direction")).value, "giảm");
    assert.equal(rate.getCell(column("comparator")).value, "trong khoảng");
    assert.equal(rate.getCell(column("horizon")).value, "hằng năm");
    const deadline = rate.getCell(column("deadline"));
    assert.equal(deadline.type, ExcelJS.ValueType.Date);
    assert.equal((deadline.value as Date).toISOString(), "2025-12-31T00:00:00.000Z");
    assert.equal(deadline.numFmt, "dd/mm/yyyy");
    assert.equal(rate.getCell(column("url")).value, TV.url);
    assert.equal(rate.getCell(column("sentence")).value, TV_TEXT.split("\n")[1]);

    const households = table.getRow(3);
    assert.equal(households.getCell(column("value_min")).value, 3120);
    assert.equal(households.getCell(column("direction")).value, "giảm");
    const ratio = table.getRow(4);
    assert.equal(ratio.getCell(column("value_numerator")).value, 8);
    assert.equal(ratio.getCell(column("value_denominator")).value, 21);
    assert.equal(ratio.getCell(column("value_denominator")).type, ExcelJS.ValueType.Number);
    assert.equal(ratio.getCell(column("kind")).value, "Kết quả");

    // Page text starting with "=" is a text cell, not a formula; control characters are gone.
    const hostile = table.getRow(6).getCell(column("quote"));
    assert.equal(hostile.type, ExcelJS.ValueType.String);
    assert.equal(hostile.value, '=HYPERLINK("http://evil.example","bấm") và  ký tự điều khiển.');

    // A publication date known only to the month stays as written.
    const hd = table.getRow(7).getCell(column("published"));
    assert.equal(hd.type, ExcelJS.ValueType.String);
    assert.equal(hd.value, "2020-10");
  });

  test("the sources sheet lists every article once; English headers in the en export", async () => {
    const workbook = await readXlsx(await toXlsx(ENTRIES, { language: "en" }));
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["Table", "Sources"],
    );
    const sources = workbook.getWorksheet("Sources");
    assert.ok(sources);
    assert.deepEqual((sources.getRow(1).values as unknown[]).slice(1), [
      "Article",
      "URL",
      "Published",
      "Locality",
      "Level",
      "Snippets",
    ]);
    assert.equal(sources.rowCount, 3);
    const [first, second] = [sources.getRow(2), sources.getRow(3)];
    assert.equal(first.getCell(1).value, HD.title);
    assert.equal(first.getCell(3).value, "2020-10");
    assert.equal(first.getCell(6).value, 1);
    assert.equal(second.getCell(1).value, TV.title);
    assert.equal(second.getCell(2).value, TV.url);
    assert.equal(second.getCell(3).type, ExcelJS.ValueType.Date);
    assert.equal(second.getCell(6).value, 5);
    assert.equal(second.getCell(6).type, ExcelJS.ValueType.Number);
    const table = workbook.getWorksheet("Table");
    assert.equal(table?.getRow(2).getCell(column("direction")).value, "decrease");
    assert.equal(table?.getRow(2).getCell(column("kind")).value, "Target");
  });

  test("the comparison sheet: by group, a row per category, typed numbers per locality", async () => {
    const comparison = localityComparison(ENTRIES);
    assert.ok(comparison);
    const workbook = await readXlsx(await toXlsx(ENTRIES, { language: "vi", comparison }));
    const sheet = workbook.getWorksheet("So sánh");
    assert.ok(sheet);
    const labels = comparison.columns.map((c) => c.label);
    assert.deepEqual(labels, ["Trà Vinh (tỉnh)", "Hải Dương (tỉnh)"]);
    const perPlace = (place: string) =>
      ["Chỉ tiêu", "Kết quả", "Đơn vị", "% thực hiện", "Tình trạng", "Chi tiết"].map(
        (what) => `${place} – ${what}`,
      );
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      "Nhóm",
      "Nhóm chỉ số",
      ...perPlace("Trà Vinh (tỉnh)"),
      ...perPlace("Hải Dương (tỉnh)"),
      "Chênh lệch",
      "% thực hiện (trung bình)",
    ]);
    assert.equal(sheet.views[0]?.state, "frozen");
    // Kinh tế first: growth in both localities, targets as numbers in one unit, no result yet.
    const growth = sheet.getRow(2);
    assert.equal(growth.getCell(1).value, "Kinh tế");
    assert.equal(growth.getCell(2).value, "Tăng trưởng kinh tế");
    assert.equal(growth.getCell(3).value, 7.5);
    assert.equal(growth.getCell(3).type, ExcelJS.ValueType.Number);
    assert.equal(growth.getCell(4).value, null);
    assert.equal(growth.getCell(5).value, "%");
    assert.equal(growth.getCell(6).value, null);
    assert.equal(growth.getCell(7).value, "Chưa có số liệu");
    assert.equal(
      growth.getCell(8).value,
      "Chỉ tiêu: 7,5% (hằng năm)\nThực hiện: Chưa có số liệu\nChỉ số: tăng trưởng kinh tế",
    );
    assert.equal(growth.getCell(9).value, 8);
    // Spread (8 − 7,5) ÷ 8 as a percent cell.
    assert.equal(growth.getCell(15).value, 0.0625);
    assert.equal(growth.getCell(15).numFmt, "0.0%");
    // Văn hóa - xã hội: poverty, a range stays text; the second target follows in the details.
    const poverty = sheet.getRow(3);
    assert.equal(poverty.getCell(1).value, "Văn hóa - xã hội và môi trường");
    assert.equal(poverty.getCell(3).value, "1,5–2");
    assert.match(String(poverty.getCell(8).value), /Chỉ tiêu: giảm 3\.120 hộ/);
    assert.equal(poverty.getCell(9).value, null);
  });
});

/** XML text with the five predefined entities undone. */
function unxml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("comparisonToDocx", () => {
  test("a Word table with the title, localities, export date, cells and numbered sources", async () => {
    const comparison = localityComparison(ENTRIES);
    assert.ok(comparison);
    const blob = await comparisonToDocx(comparison, { language: "vi", now: NOW });
    assert.equal(
      blob.type,
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"] as Uint8Array);
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unxml(t[1] ?? "")).join(""),
    );
    assert.equal(paragraphs[0], "So sánh chỉ tiêu giữa các địa phương");
    assert.ok(paragraphs.includes("Địa phương: Trà Vinh (tỉnh); Hải Dương (tỉnh)"));
    assert.ok(paragraphs.includes("Ngày xuất: 04/12/2026"));
    // The table: header row, then the growth row with both localities' values.
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
        [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(" | "),
      ),
    );
    assert.deepEqual(rows[0], ["Nhóm chỉ số", "Trà Vinh (tỉnh)", "Hải Dương (tỉnh)"]);
    // A heading row per group, then its rows; a cell's target, status and indicator as lines.
    assert.deepEqual(rows[1], ["Kinh tế"]);
    assert.deepEqual(rows[2], [
      "Tăng trưởng kinh tế | (khác nhau)",
      "Chỉ tiêu: 7,5% (hằng năm) | Thực hiện: Chưa có số liệu | Chỉ số: tăng trưởng kinh tế",
      "Chỉ tiêu: 8% (hằng năm) | Thực hiện: Chưa có số liệu | Chỉ số: tăng trưởng kinh tế",
    ]);
    assert.deepEqual(rows[3], ["Văn hóa - xã hội và môi trường"]);
    assert.match(
      rows[4]?.[1] ?? "",
      /^Chỉ tiêu: giảm 1,5–2% \(hằng năm\) \| .*Chỉ tiêu: giảm 3\.120 hộ/,
    );
    assert.match(xml, /<w:tblHeader\/>/);
    // Sources: a numbered list, the title escaped as text, the address a link.
    const sources = paragraphs.slice(paragraphs.indexOf("Nguồn") + 1);
    assert.deepEqual(sources, [
      `${HD.title} (đăng ngày 10/2020) — ${HD.url}`,
      `${TV.title} (đăng ngày 16/10/2020) — ${TV.url}`,
    ]);
    assert.match(xml, /Hải Dương &lt;XVII&gt;/);
    assert.equal(xml.match(/<w:numPr>/g)?.length, 2);
    const rels = strFromU8(files["word/_rels/document.xml.rels"] as Uint8Array);
    assert.ok(rels.includes(`Target="${TV.url}"`));
    assert.match(strFromU8(files["word/numbering.xml"] as Uint8Array), /w:val="decimal"/);
  });

  test("English labels in the en export; no comparison without two localities", async () => {
    const comparison = localityComparison(ENTRIES);
    assert.ok(comparison);
    const blob = await comparisonToDocx(comparison, { language: "en", now: NOW });
    const xml = strFromU8(
      unzipSync(new Uint8Array(await blob.arrayBuffer()))["word/document.xml"] as Uint8Array,
    );
    assert.match(xml, />Targets compared across localities</);
    assert.match(xml, />Exported on: </);
    assert.equal(localityComparison(ENTRIES.filter((e) => e.article === TV)), null);
    assert.equal(localityComparison(ENTRIES, 1), null);
  });
});
