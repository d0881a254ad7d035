/**
 * Every export of the report views (issue 11 §5) end to end, in Chromium with the built extension:
 * the seed resolutions of Cẩm Giàng and Trà Vinh and the synthetic later reviews of the same
 * localities (tests/e2e/pages/review-*) saved with the page panel's "Lưu tất cả", then each file
 * downloaded from "Xuất / Nhập" and read back with a parser: the Excel workbook (exceljs: one sheet
 * per view — table, comparison, progress — and the sources; typed numbers; frozen headers), the
 * Word document (its comparison table), the CSV (papaparse: one row per snippet, direction,
 * numerator and denominator, sentence), the iCalendar file (one event per distinct deadline and
 * article, titled with what is due) and the Markdown (the indicator on every item). No page and
 * not the service worker logs an error.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import {
  type DownloadedFile,
  downloadFrom,
  icsEvents,
  icsText,
  markdownSections,
  openExtensionPage,
  parseCsvExport,
} from "./helpers/collection.ts";
import type { Collection } from "./helpers/extension.ts";
import { saveReportArticles } from "./helpers/report-articles.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

/** A worksheet's rows as arrays of cells (1-based columns dropped to 0-based). */
function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: ExcelJS.Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c));
    rows.push(cells);
  });
  return rows;
}

const cellText = (cell: ExcelJS.Cell | undefined) =>
  cell === undefined || cell.value === null ? "" : String(cell.text ?? "");

describe("report exports: Excel, Word, CSV, iCalendar and Markdown of targets and later results", () => {
  const session = useExtensionSession();
  let page: Page;
  let collection: Collection;

  before(async () => {
    session.browser.context.setDefaultTimeout(20_000);
    collection = await saveReportArticles(session);
    page = await openExtensionPage(session.browser, "collection.html?tab=transfer");
    await page.bringToFront();
    await page.locator("[data-export=xlsx]").waitFor();
  });

  /** Downloads the whole collection in `format` from "Xuất / Nhập". */
  async function exportAs(format: "csv" | "md" | "ics" | "xlsx" | "docx"): Promise<DownloadedFile> {
    const file = await downloadFrom(page, page.locator(`[data-export=${format}]`));
    assert.match(file.fileName, new RegExp(`^chi-tieu-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
    return file;
  }

  const articleOf = (snippet: SnippetRecord) => {
    const article = collection.articles.find((a) => a.id === snippet.articleId);
    assert.ok(article, `the article of «${snippet.text}»`);
    return article;
  };

  test("Excel: a sheet per view and the sources, frozen headers, numbers as numbers", async () => {
    const file = await exportAs("xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["Bảng", "So sánh", "Tiến độ", "Nguồn"],
    );
    for (const sheet of workbook.worksheets) {
      const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
      assert.equal(view?.state, "frozen", `${sheet.name}: frozen header`);
      assert.equal(view?.ySplit, 1, `${sheet.name}: one header row`);
      assert.equal(sheet.getRow(1).getCell(1).font?.bold, true, `${sheet.name}: bold header`);
    }

    // The table: a row per snippet, value cells typed.
    const table = workbook.getWorksheet("Bảng");
    assert.ok(table);
    const tableRows = sheetRows(table);
    const header = tableRows[0]?.map(cellText) ?? [];
    assert.equal(tableRows.length - 1, collection.snippets.length, "a row per snippet");
    const valueColumn = header.indexOf("Giá trị (từ)");
    assert.ok(valueColumn >= 0, `a value column: ${header.join(" | ")}`);
    const numbers = tableRows.slice(1).filter((row) => row[valueColumn]?.value !== null);
    assert.ok(numbers.length > 40);
    for (const row of numbers) {
      assert.equal(row[valueColumn]?.type, ExcelJS.ValueType.Number, "values are number cells");
    }

    // The progress sheet: Cẩm Giàng's income per head, the target and its three later results.
    const progress = workbook.getWorksheet("Tiến độ");
    assert.ok(progress);
    const progressRows = sheetRows(progress);
    const progressHeader = progressRows[0]?.map(cellText) ?? [];
    const column = (name: string) => {
      const index = progressHeader.indexOf(name);
      assert.ok(index >= 0, `a «${name}» column: ${progressHeader.join(" | ")}`);
      return index;
    };
    const income = progressRows.filter(
      (row) =>
        cellText(row[column("Địa phương")]) === "Cẩm Giàng" &&
        /thu nhập bình quân/i.test(cellText(row[column("Chỉ số")])),
    );
    const values = income.map((row) => row[column("Giá trị")]);
    for (const cell of values) assert.equal(cell?.type, ExcelJS.ValueType.Number);
    assert.deepEqual(
      values.map((cell) => cell?.value),
      [90, 65, 72, 93],
      "the target, then the results oldest first",
    );
    const dates = income.slice(1).map((row) => row[column("Ngày")]);
    for (const cell of dates) assert.equal(cell?.type, ExcelJS.ValueType.Date, "dates as dates");

    // The comparison: Cẩm Giàng and Trà Vinh side by side; the sources list every article.
    const comparison = workbook.getWorksheet("So sánh");
    assert.ok(comparison);
    const comparisonHeader = sheetRows(comparison)[0]?.map(cellText).join(" | ") ?? "";
    assert.match(comparisonHeader, /Cẩm Giàng/);
    assert.match(comparisonHeader, /Trà Vinh/);
    const sources = workbook.getWorksheet("Nguồn");
    assert.ok(sources);
    assert.equal(sheetRows(sources).length - 1, collection.articles.length, "a row per article");
  });

  test("Word: the comparison as a table, with the localities and the sources", async () => {
    const file = await exportAs("docx");
    const parts = unzipSync(new Uint8Array(readFileSync(file.path)));
    const documentXml = parts["word/document.xml"];
    assert.ok(documentXml, "a word/document.xml part");
    const xml = strFromU8(documentXml);
    assert.match(xml, /<w:tbl>/, "a table");
    assert.match(xml, /<w:tblHeader\/>/, "its header row repeats on each page");
    for (const place of ["Cẩm Giàng", "Trà Vinh"]) assert.ok(xml.includes(place), place);
    for (const article of collection.articles) {
      assert.ok(xml.includes(article.url.replace(/&/g, "&amp;")), `the source ${article.url}`);
    }
  });

  test("CSV: a row per snippet, with direction, numerator and denominator, and the sentence", async () => {
    const csv = parseCsvExport((await exportAs("csv")).text);
    assert.deepEqual(csv.errors, []);
    assert.equal(csv.rows.length, collection.snippets.length);
    // Trà Vinh's "5/7 huyện đạt chuẩn nông thôn mới": the ratio keeps its denominator.
    const districts = csv.rows.find(
      (row) => row.category === "new_rural_districts" && row.value_numerator === "5",
    );
    assert.ok(districts, "the 5/7 districts row");
    assert.equal(districts.value_denominator, "7");
    // Poverty "giảm bình quân 1,8%/năm" is a decrease, not a 1.8 % rate.
    const poverty = csv.rows.find(
      (row) => row.category === "poverty_rate" && row.value_min === "1.8",
    );
    assert.ok(poverty, "the poverty row");
    assert.equal(poverty.direction, "giảm");
    for (const row of csv.rows)
      assert.ok((row.sentence ?? "").length > 0, "every row has its sentence");
  });

  test("iCalendar: one event per distinct deadline and article, titled with what is due", async () => {
    const events = icsEvents((await exportAs("ics")).text);
    const dated = collection.snippets.filter((s) => s.deadline || s.horizon?.type === "year");
    assert.ok(events.length > 0 && dated.length > 0);
    const keys = events.map((event) => `${event.props.DTSTART}|${icsText(event.props.URL ?? "")}`);
    assert.equal(new Set(keys).size, keys.length, "no deadline of an article twice");
    for (const event of events) {
      const title = icsText(event.props.SUMMARY ?? "");
      assert.ok(title.length > 0 && title.length <= 120, `a title: «${title}»`);
      // A year the title names is the year the event is due, not another horizon of the sentence.
      const due = (event.props.DTSTART ?? "").slice(0, 4);
      for (const [, year] of title.matchAll(/năm (\d{4})/g)) {
        assert.equal(year, due, `«${title}» is due in ${due}`);
      }
      assert.ok(
        collection.articles.some((a) => a.locality && title.includes(a.locality)),
        `the locality in «${title}»`,
      );
    }
  });

  test("Markdown: every item carries its indicator", async () => {
    const sections = markdownSections((await exportAs("md")).text);
    const bullets = sections.flatMap((section) => section.bullets);
    assert.equal(bullets.length, collection.snippets.length, "an item per snippet");
    const unescapeMarkdown = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, "$1");
    for (const snippet of collection.snippets) {
      if (!snippet.indicator) continue;
      const indicator = snippet.indicator.normalize("NFC");
      assert.ok(
        bullets.some((b) => unescapeMarkdown(b).includes(indicator)),
        `an item of ${articleOf(snippet).locality} with «${indicator}»`,
      );
    }
  });

  testNoErrorsLogged(session);
});
