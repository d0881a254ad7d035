/**
 * The comparison for reports (issue 11 §2, with its print and exports) end to end, in Chromium
 * with the built extension: the seed articles of Trà Vinh and Cẩm Giàng and the synthetic later
 * reviews (tests/e2e/pages/review-*) saved with the page panel's "Lưu tất cả"; on collection.html
 * the two localities side by side: cells with target, latest result, % thực hiện, status and the
 * indicator phrase; the quote and sentence on focus; the legend; sorting (aria-sort); moving a
 * column; the Excel and Word downloads parsed back; print emulation (no buttons, every row; the
 * table view prints every row too) and an A4 landscape PDF; axe; the popup's compact form at
 * 800×600 and its link to the full page; the English interface. No page logs an error.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { comparisonSheet } from "../unit/helpers/comparison-workbook.ts";
import { formatViolations, runAxe, seriousViolations } from "./helpers/axe.ts";
import {
  downloadFrom,
  extensionUrl,
  openExtensionPage,
  waitForResults,
} from "./helpers/collection.ts";
import { REPORT_SEEDS, saveReportArticles } from "./helpers/report-articles.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

const PLACES = ["l:Trà Vinh", "l:Cẩm Giàng"];

/** What a comparison cell shows, read from the page. */
interface ShownCell {
  target: string | null;
  result: string | null;
  percent: string | null;
  status: string | null;
  indicator: string | null;
}

async function shownCell(page: Page, category: string, column: number): Promise<ShownCell> {
  const cell = page.locator(`tr[data-category="${category}"] > td:not(.measure)`).nth(column);
  const lead = cell.locator(":scope > .pair").first();
  const text = async (selector: string) => {
    const found = lead.locator(selector).first();
    return (await found.count()) > 0 ? ((await found.textContent()) ?? "").trim() : null;
  };
  return {
    target: await text(".value.kind-target a"),
    result: await text(".value.kind-result a"),
    percent: (await text(".percent"))?.replace(/^.*: /, "") ?? null,
    status: await text(".status"),
    indicator: await text(".indicator"),
  };
}

async function chooseLocalities(page: Page): Promise<void> {
  for (const place of PLACES) await page.locator(`input[data-source="${place}"]`).check();
  await page.locator("table.compare-table tr[data-category]").first().waitFor();
}

/** The extension pages' `chrome.storage.local` (typed loosely: the test has no chrome types). */
const setStored = (page: Page, items: Record<string, unknown> | null) =>
  page.evaluate((values) => {
    const storage = (
      globalThis as unknown as {
        chrome: {
          storage: { local: { set(v: object): Promise<void>; remove(k: string): Promise<void> } };
        };
      }
    ).chrome.storage.local;
    return values ? storage.set(values) : storage.remove("language");
  }, items);

describe("comparison for reports: cells, legend, sort, columns, exports, print, popup", () => {
  const session = useExtensionSession();
  let page: Page;
  let total = 0;

  before(async () => {
    session.browser.context.setDefaultTimeout(15_000);
    total = (await saveReportArticles(session)).snippets.length;
    page = await openExtensionPage(session.browser, "collection.html?tab=compare");
    await page.bringToFront();
    await chooseLocalities(page);
  });

  test("a cell: target, latest result, % thực hiện, status in words, indicator sub-label", async () => {
    assert.deepEqual(await shownCell(page, "health_insurance", 0), {
      target: "95%",
      result: "92,3%",
      percent: "97,2%",
      status: "Chưa đạt",
      // As the article writes it (its typo `bả hiểm` kept).
      indicator: "tỷ lệ tham gia bả hiểm y tế so với dân số",
    });
    // Cẩm Giàng: the final review of 2025, not the mid-term one.
    const camGiang = await shownCell(page, "health_insurance", 1);
    assert.equal(camGiang.result, "94,2%");
    assert.match(
      (await page
        .locator('tr[data-category="health_insurance"] > td:not(.measure)')
        .nth(1)
        .locator(".value.kind-result")
        .first()
        .textContent()) ?? "",
      /số liệu ngày 08\/07\/2025/,
    );
    assert.equal((await shownCell(page, "income_per_capita", 1)).status, "Vượt");
    // A yearly rate of decrease met by a yearly decrease within the range.
    assert.deepEqual(await shownCell(page, "poverty_rate", 0), {
      target: "giảm 1,5–2%",
      result: "giảm 1,8%/năm",
      percent: "120%",
      status: "Đạt",
      indicator: "Tỷ lệ nghèo đa chiều",
    });
    // New party members: the yearly target meets the one-year count, never the term's total.
    const members = await shownCell(page, "new_party_members", 1);
    assert.equal(members.result, "126 đảng viên mới");
    assert.equal(members.status, "Vượt");
    // A target with no result in its unit and span: no data, said in words.
    assert.equal((await shownCell(page, "security_safe", 0)).status, "Chưa có số liệu");
  });

  test("the legend explains the marks, % thực hiện and the statuses", async () => {
    const legend = page.getByRole("region", { name: "Chú giải" });
    const text = (await legend.textContent()) ?? "";
    for (const words of [
      "◎ Chỉ tiêu",
      "✓ Kết quả",
      "% thực hiện = kết quả ÷ chỉ tiêu",
      "Vượt",
      "Chưa có số liệu",
    ])
      assert.ok(text.includes(words), words);
  });

  test("focus on a figure shows its quote and sentence, and describes the link", async () => {
    const link = page
      .locator('tr[data-category="health_insurance"] > td:not(.measure)')
      .first()
      .locator(".value.kind-target a");
    const quoteId = await link.getAttribute("aria-describedby");
    assert.ok(quoteId);
    const quote = page.locator(`[id="${quoteId}"]`);
    assert.equal(await quote.isVisible(), false, "hidden until focus");
    await link.focus();
    assert.equal(await quote.isVisible(), true);
    assert.match((await quote.textContent()) ?? "", /^Trích: «.*95%.*»Câu văn: /);
    await page.locator("body").click({ position: { x: 2, y: 2 } });
  });

  test("rows sort by % thực hiện, by spread and by name (aria-sort), within their groups", async () => {
    const header = (key: string) => page.locator(`th[data-sort-key="${key}"]`);
    assert.equal(await header("percent").getAttribute("aria-sort"), "none");
    await header("percent").locator("button").click();
    assert.equal(await header("percent").getAttribute("aria-sort"), "descending");
    const means = await page
      .locator('tbody[data-group="economy"] td[data-percent-mean]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-percent-mean") ?? ""));
    const numbers = means.filter((m) => m !== "").map(Number);
    assert.ok(numbers.length >= 3, `rows with a % thực hiện: ${means.join(", ")}`);
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => b - a),
    );
    assert.deepEqual(
      means.slice(numbers.length).filter((m) => m !== ""),
      [],
      "no value: last",
    );
    await header("percent").locator("button").click();
    assert.equal(await header("percent").getAttribute("aria-sort"), "ascending");

    await header("spread").locator("button").click();
    assert.equal(await header("spread").getAttribute("aria-sort"), "descending");
    assert.equal(await header("percent").getAttribute("aria-sort"), "none");

    await header("name").locator("button").click();
    assert.equal(await header("name").getAttribute("aria-sort"), "ascending");
    const labels = await page
      .locator('tbody[data-group="society"] tr[data-category] > th')
      .evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ""));
    assert.deepEqual(labels, [...labels].sort(new Intl.Collator("vi").compare));
    const groups = await page
      .locator("tbody[data-group]")
      .evaluateAll((bodies) => bodies.map((b) => b.getAttribute("data-group")));
    assert.deepEqual(groups, ["economy", "society", "defence", "party"]);
  });

  test("a column moves right and back; its cells move with it", async () => {
    const headers = () =>
      page.locator("thead th[data-column]").evaluateAll((ths) => ths.map((th) => th.textContent));
    assert.deepEqual(await headers(), ["Trà Vinh (tỉnh)", "Cẩm Giàng (huyện)"]);
    await page.getByRole("button", { name: "Chuyển cột Trà Vinh (tỉnh) sang phải" }).click();
    assert.deepEqual(await headers(), ["Cẩm Giàng (huyện)", "Trà Vinh (tỉnh)"]);
    assert.equal((await shownCell(page, "health_insurance", 0)).result, "94,2%");
    await page.getByRole("button", { name: "Chuyển cột Trà Vinh (tỉnh) sang trái" }).click();
    assert.deepEqual(await headers(), ["Trà Vinh (tỉnh)", "Cẩm Giàng (huyện)"]);
  });

  test("Excel download: typed numbers, headers, frozen header, sources sheet", async () => {
    const file = await downloadFrom(page, page.locator("[data-compare-export=xlsx]"));
    assert.match(file.fileName, /^so-sanh-chi-tieu-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file.path) as unknown as ExcelJS.Buffer);
    const { sheet } = comparisonSheet(workbook);
    assert.equal(sheet.getRow(1).getCell(3).value, "Trà Vinh (tỉnh) – Chỉ tiêu");
    let health: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === "Bảo hiểm y tế") health = row;
    });
    assert.ok(health);
    assert.equal(health.getCell(3).value, 95);
    assert.equal(health.getCell(3).type, ExcelJS.ValueType.Number);
    assert.equal(health.getCell(4).value, 92.3);
    assert.ok(Math.abs((health.getCell(6).value as number) - 92.3 / 95) < 1e-9);
    assert.equal(health.getCell(6).numFmt, "0.0%");
    assert.equal(health.getCell(7).value, "Chưa đạt");
    const sources = workbook.getWorksheet("Nguồn");
    assert.equal(
      sources?.rowCount,
      1 + REPORT_SEEDS.length + 4,
      "a row per article behind the columns",
    );
  });

  test("Word download: title, localities, date, group headings, cells, sources", async () => {
    const file = await downloadFrom(page, page.locator("[data-compare-export=docx]"));
    assert.match(file.fileName, /\.docx$/);
    const xml = strFromU8(unzipSync(readFileSync(file.path))["word/document.xml"] as Uint8Array);
    assert.match(xml, />So sánh chỉ tiêu giữa các địa phương</);
    assert.match(xml, />Trà Vinh \(tỉnh\); Cẩm Giàng \(huyện\)</);
    assert.match(xml, />Ngày xuất: </);
    assert.match(xml, /<w:tblHeader\/>/);
    assert.match(xml, />Văn hóa - xã hội và môi trường</);
    assert.match(xml, />Thực hiện: 97,2% – Chưa đạt</);
    assert.equal(xml.match(/<w:numPr>/g)?.length, REPORT_SEEDS.length + 4, "sources, numbered");
  });

  test("print: no buttons or controls, every row, A4 landscape", async () => {
    const rows = await page.locator("tr[data-category]").count();
    await page.emulateMedia({ media: "print" });
    try {
      const shown = await page.evaluate(() => ({
        buttons: [...document.querySelectorAll("button:not(.sort), input, [role=tablist]")].filter(
          (el) => (el as HTMLElement).offsetParent !== null,
        ).length,
        rows: [...document.querySelectorAll("tr[data-category]")].filter(
          (el) => (el as HTMLElement).offsetParent !== null,
        ).length,
        header: getComputedStyle(document.querySelector("thead") as Element).display,
      }));
      assert.deepEqual(shown, { buttons: 0, rows, header: "table-header-group" });
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const box = /\/MediaBox \[([^\]]*)\]/.exec(pdf.toString("latin1"))?.[1] ?? "";
      const [, , width, height] = box.trim().split(/\s+/).map(Number);
      // A4 is 210 × 297 mm: 595 × 842 points; landscape puts the long side across.
      assert.ok(
        Math.abs((width ?? 0) - 842) < 1 && Math.abs((height ?? 0) - 595) < 1,
        `A4 landscape page: ${box}`,
      );
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  test("axe: the comparison with two localities has no serious violations", async () => {
    const serious = seriousViolations(await runAxe(page));
    assert.equal(serious.length, 0, formatViolations(serious, "axe comparison: serious/critical"));
  });

  test("the table view prints every row, not only the rendered ones", async () => {
    const table = await openExtensionPage(session.browser, "collection.html");
    try {
      await table.getByRole("treegrid").waitFor();
      await waitForResults(table, total);
      assert.ok((await table.locator("tr[data-snippet-row]").count()) < total, "virtualised");
      await table.emulateMedia({ media: "print" });
      await table.locator("[data-print-table] tr[data-print-row]").first().waitFor();
      assert.equal(await table.locator("[data-print-table] tr[data-print-row]").count(), total);
      assert.equal(await table.getByRole("treegrid").isVisible(), false);
      assert.equal(
        await table.locator("button:visible, input:visible").count(),
        0,
        "no buttons or inputs",
      );
      await table.emulateMedia({ media: "screen" });
      // Gone after printing (the media query's change event removes it).
      await table.locator("[data-print-table] tr").first().waitFor({ state: "detached" });
    } finally {
      await table.close();
    }
  });

  test("the popup keeps a compact comparison at 800×600 with a link to the full page", async () => {
    const popup = await session.browser.context.newPage();
    try {
      await popup.setViewportSize({ width: 800, height: 600 });
      await popup.goto(extensionUrl(session.browser, "popup.html"));
      await popup.getByRole("tab", { name: "So sánh", exact: true }).click();
      await chooseLocalities(popup);
      assert.equal(await popup.locator("table.compare-table.compact").count(), 1);
      assert.equal((await shownCell(popup, "health_insurance", 0)).percent, "97,2%");
      assert.equal(await popup.locator(".compare-table .indicator").count(), 0, "no sub-labels");
      const width = await popup.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 800, `no horizontal scroll of the popup (${width}px)`);
      const link = popup.getByRole("link", { name: "Mở trang đầy đủ" });
      const [full] = await Promise.all([
        session.browser.context.waitForEvent("page"),
        link.click(),
      ]);
      await full.waitForLoadState();
      assert.match(full.url(), /collection\.html\?tab=compare&sources=/);
      await full.locator("table.compare-table tr[data-category]").first().waitFor();
      assert.deepEqual(await full.locator("thead th[data-column]").allTextContents(), [
        "Trà Vinh (tỉnh)",
        "Cẩm Giàng (huyện)",
      ]);
      await full.close();
    } finally {
      if (!popup.isClosed()) await popup.close();
    }
  });

  test("English interface: row labels, headers and statuses in English", async () => {
    const url = page.url();
    await setStored(page, { language: "en" });
    try {
      const sources = encodeURIComponent(
        JSON.stringify([
          { type: "locality", name: "Trà Vinh", level: "tỉnh" },
          { type: "locality", name: "Cẩm Giàng", level: "huyện" },
        ]),
      );
      await page.goto(
        extensionUrl(session.browser, `collection.html?tab=compare&sources=${sources}`),
      );
      await page.locator("table.compare-table tr[data-category]").first().waitFor();
      const row = page.locator('tr[data-category="health_insurance"] > th');
      assert.equal(
        await row.evaluate((th) => th.firstChild?.textContent),
        "Health insurance coverage",
      );
      assert.equal(
        await page.locator('th[data-sort-key="percent"]').textContent(),
        "% done (mean)",
      );
      assert.equal((await shownCell(page, "health_insurance", 0)).status, "Not met");
      assert.equal((await shownCell(page, "health_insurance", 0)).percent, "97.2%");
      assert.equal(
        await page.locator('tbody[data-group="society"] tr.group-row th').textContent(),
        "Culture, society and environment",
      );
    } finally {
      await setStored(page, null);
      await page.goto(url);
    }
  });

  testNoErrorsLogged(session);
});
