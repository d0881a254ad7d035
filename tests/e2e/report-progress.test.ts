/**
 * The progress view (issue 11 §3, §4) end to end, in Chromium with the built extension: the seed
 * resolutions of Cẩm Giàng and Trà Vinh and the synthetic later reviews (tests/e2e/pages/review-*)
 * saved with the page panel's "Lưu tất cả"; on collection.html the "Tiến độ" tab is reached and
 * driven with the keyboard: Cẩm Giàng's health-insurance coverage shows its three reported results
 * (the first the path's start, one on track, one behind) as points of the chart, in its table and
 * in the chart's text alternative; a match undone with "Bỏ ghép" is written to the collection,
 * stays undone after a reload and comes back with "Ghép lại"; the chart downloads as an SVG that
 * parses with its points and as a PNG; the bars across localities show both places; axe finds no
 * serious violation; the English UI labels the view. No page and not the service worker logs an
 * error.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { formatViolations, runAxe, seriousViolations } from "./helpers/axe.ts";
import { downloadFrom, openExtensionPage, TAB } from "./helpers/collection.ts";
import { eventually } from "./helpers/compare.ts";
import { readCollection } from "./helpers/extension.ts";
import { saveReportArticles } from "./helpers/report-articles.ts";
import { useExtensionSession } from "./helpers/session.ts";

const PLACE = "cam giang|huyen";
const INDICATOR = "health_insurance";

/** Moves along the tab list with the arrow key until the tab named `name` is selected. */
async function arrowToTab(page: Page, name: string): Promise<void> {
  await page.locator("[role=tab][aria-selected=true]").focus();
  for (let i = 0; i < 8; i++) {
    const selected = await page.locator("[role=tab][aria-selected=true]").textContent();
    if (selected === name) return;
    await page.keyboard.press("ArrowRight");
  }
  assert.fail(`no tab named ${name}`);
}

/** Picks Cẩm Giàng and health insurance with the keyboard (arrow keys on the focused selects). */
async function pickSeries(page: Page): Promise<void> {
  const place = page.locator("[data-progress-place]");
  await place.waitFor();
  assert.equal(await place.inputValue(), PLACE, "Cẩm Giàng comes first");
  const indicator = page.locator("[data-progress-indicator]");
  await indicator.focus();
  for (let i = 0; i < 12 && (await indicator.inputValue()) !== INDICATOR; i++)
    await page.keyboard.press("ArrowDown");
  assert.equal(await indicator.inputValue(), INDICATOR);
}

/** The progress table's rows: status and the texts of the date, review, value and % cells. */
async function tableRows(page: Page) {
  return page.locator(".progress-table tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "");
      return {
        id: row.getAttribute("data-result") ?? "",
        status: row.getAttribute("data-status"),
        cells: [cells[0], cells[1], cells[2], cells[4]],
      };
    }),
  );
}

describe("progress view: timeline, undo a match, chart files, bars, accessibility", () => {
  const session = useExtensionSession();
  let page: Page;
  let targetId = "";

  before(async () => {
    session.browser.context.setDefaultTimeout(15_000);
    await saveReportArticles(session);
    page = await openExtensionPage(session.browser, "collection.html");
  });

  test("the Tiến độ tab is reached with the keyboard and shows the chosen series", async () => {
    await arrowToTab(page, TAB.progress);
    await pickSeries(page);
    const series = page.locator("section.progress-series");
    assert.equal(await series.count(), 1);
    targetId = (await series.getAttribute("data-series")) ?? "";
    assert.match((await series.locator("h3").textContent()) ?? "", /bảo hiểm y tế/);
    assert.match(
      (await series.locator(".progress-target").textContent()) ?? "",
      /Chỉ tiêu: 95%, hạn 31\/12\/2025/,
    );
    assert.deepEqual(
      (await tableRows(page)).map(({ status, cells }) => [status, ...cells]),
      [
        ["start", "12/01/2022", "Tổng kết năm", "90,1%", "94,8%"],
        ["on_track", "20/06/2023", "Giữa nhiệm kỳ", "92,5%", "97,4%"],
        ["behind", "08/07/2025", "Tổng kết nhiệm kỳ", "94,2%", "99,2%"],
      ].map(([status, date, review, value, percent]) => [status, date, review, value, percent]),
    );
  });

  test("the chart draws a point per result in the shape of its status, the path and the target", async () => {
    const chart = page.locator("section.progress-series [data-chart=progress] svg");
    await chart.waitFor();
    const labels = (selector: string) =>
      chart
        .locator(selector)
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label")));
    assert.deepEqual(await labels(".gvn-point-start path"), [
      "12/01/2022 — Tổng kết năm: 90,1% (Điểm xuất phát)",
    ]);
    assert.deepEqual(await labels(".gvn-point-on_track circle"), [
      "20/06/2023 — Giữa nhiệm kỳ: 92,5% (Đúng tiến độ)",
    ]);
    assert.deepEqual(await labels(".gvn-point-behind path"), [
      "08/07/2025 — Tổng kết nhiệm kỳ: 94,2% (Chậm tiến độ)",
    ]);
    assert.equal(await chart.locator(".gvn-path path").count(), 1);
    assert.deepEqual(await labels(".gvn-target-mark path"), ["Chỉ tiêu: 95% (31/12/2025)"]);
  });

  test("the text alternative opens with the keyboard and lists the same numbers", async () => {
    const summary = page.locator("section.progress-series [data-chart=progress] summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    const table = page.locator("[data-chart-table=progress]");
    await table.waitFor({ state: "visible" });
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
      );
    assert.deepEqual(rows, [
      ["12/01/2022", "Lộ trình", "90,1%", ""],
      ["12/01/2022", "Tổng kết năm", "90,1%", "Điểm xuất phát"],
      ["20/06/2023", "Giữa nhiệm kỳ", "92,5%", "Đúng tiến độ"],
      ["08/07/2025", "Tổng kết nhiệm kỳ", "94,2%", "Chậm tiến độ"],
      ["31/12/2025", "Chỉ tiêu", "95%", ""],
    ]);
  });

  test("the chart downloads as an SVG with its points and as a PNG", async () => {
    const frame = page.locator("section.progress-series [data-chart=progress]");
    const svg = await downloadFrom(page, frame.locator("[data-chart-download=svg]"));
    assert.match(svg.fileName, /^tien-do-.*\.svg$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: doc.documentElement.localName,
        title: doc.documentElement.querySelector("title")?.textContent ?? "",
        points: doc.querySelectorAll(".gvn-point circle, .gvn-point path").length,
        path: doc.querySelectorAll(".gvn-path path").length,
      };
    }, svg.text);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, "svg");
    assert.match(parsed.title, /bảo hiểm y tế/);
    assert.equal(parsed.points, 3);
    assert.equal(parsed.path, 1);

    const png = await downloadFrom(page, frame.locator("[data-chart-download=png]"));
    assert.match(png.fileName, /\.png$/);
    const bytes = readFileSync(png.path);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height at twice the chart's size on the page.
    const [width, height] = await frame
      .locator("svg")
      .evaluate((svg) => [Number(svg.getAttribute("width")), Number(svg.getAttribute("height"))]);
    assert.ok(width !== undefined && height !== undefined && width >= 360, `a width (${width})`);
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [width * 2, height * 2]);
    assert.ok(bytes.length > 5_000, `a drawn image (${bytes.length} bytes)`);
  });

  test("Bỏ ghép undoes a match, in the collection and after a reload; Ghép lại brings it back", async () => {
    const rows = await tableRows(page);
    const middle = rows[1]?.id ?? "";
    const button = page.locator(`[data-unmatch="${middle}"]`);
    await button.focus();
    await page.keyboard.press("Enter");
    await page.locator(`[data-unmatched="${middle}"]`).waitFor();
    assert.deepEqual(
      (await tableRows(page)).map((row) => row.id),
      [rows[0]?.id, rows[2]?.id],
    );
    const stored = await eventually(
      () => readCollection(session.browser.serviceWorker),
      (c) => (c.snippets.find((s) => s.id === middle)?.unmatchedTargets ?? []).length > 0,
    );
    assert.deepEqual(stored.snippets.find((s) => s.id === middle)?.unmatchedTargets, [targetId]);

    await page.reload();
    await arrowToTab(page, TAB.progress);
    await pickSeries(page);
    await page.locator(`[data-unmatched="${middle}"]`).waitFor();
    assert.equal(await page.locator(`[data-result="${middle}"]`).count(), 0);
    // The chart lost the point too.
    assert.equal(await page.locator("[data-chart=progress] .gvn-point-on_track circle").count(), 0);

    await page.locator(`[data-rematch="${middle}"]`).focus();
    await page.keyboard.press("Enter");
    await page.locator(`[data-result="${middle}"]`).waitFor();
    assert.equal(await page.locator(`[data-unmatched="${middle}"]`).count(), 0);
  });

  test("the bars across localities set both places' health insurance side by side", async () => {
    const select = page.locator("[data-bars-indicator]");
    await select.focus();
    for (let i = 0; i < 20 && (await select.inputValue()) !== INDICATOR; i++)
      await page.keyboard.press("ArrowDown");
    assert.equal(await select.inputValue(), INDICATOR);
    const bars = page.locator(".progress-bars [data-chart=bars]").first();
    const labels = await bars
      .locator(".gvn-bar rect")
      .evaluateAll((rects) => rects.map((r) => r.getAttribute("aria-label")));
    assert.deepEqual(labels, [
      "Cẩm Giàng (huyện) — Chỉ tiêu: 95%",
      "Cẩm Giàng (huyện) — Kết quả mới nhất: 94,2%",
      "Trà Vinh (tỉnh) — Chỉ tiêu: 95%",
      "Trà Vinh (tỉnh) — Kết quả mới nhất: 92,3%",
    ]);
    assert.equal(await bars.locator(".gvn-target-mark line").count(), 2);
  });

  test("axe finds no serious violation in the view", async () => {
    const violations = seriousViolations(await runAxe(page));
    assert.deepEqual(violations, [], formatViolations(violations, "progress view"));
  });

  test("the English UI labels the view", async () => {
    await session.browser.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ language: "en" }),
    );
    await page.reload();
    await arrowToTab(page, "Progress");
    await pickSeries(page);
    const headers = await page
      .locator(".progress-table thead th")
      .evaluateAll((ths) => ths.map((th) => th.textContent?.trim()));
    assert.deepEqual(headers.slice(0, 6), [
      "Date",
      "Review",
      "Result",
      "On the path",
      "% achieved",
      "Status",
    ]);
    assert.deepEqual(
      (await tableRows(page)).map((row) => row.cells[2]),
      ["90.1%", "92.5%", "94.2%"],
    );
    assert.equal(
      await page.locator("[data-chart-download=svg]").first().textContent(),
      "Download SVG",
    );
    assert.equal(session.errors.errors.length, 0, session.errors.format());
  });
});
