/**
 * Review and correct, end to end in Chromium with the built extension: save two seed articles
 * from their panels → on the collection page accept one snippet, correct Trà Vinh's
 * health-insurance target (value, indicator and deadline) in the editor, reject one with the
 * keyboard pass → save Trà Vinh again from its panel → the statuses and corrections are still
 * there, the engine's values beside them → the comparison shows the corrected value and leaves
 * the rejected snippet out → every export (JSON, CSV, XLSX, DOCX, Markdown, iCal, Web
 * Annotation) carries the corrected value or its flag → reverting the value in the editor brings
 * the engine's back. No page and not the service worker logs an error.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { XLSX_COLUMNS } from "../../lib/export/index.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { openArticle, saveAllFromPanel } from "./helpers/article-tab.ts";
import {
  downloadFrom,
  icsEvents,
  icsText,
  listedIds,
  openExtensionPage,
  parseCsvExport,
  readSnippet,
  selectTab,
  TAB,
  waitForCollectionRendered,
} from "./helpers/collection.ts";
import { eventually } from "./helpers/compare.ts";
import { articleIn, readCollection } from "./helpers/extension.ts";
import { CAMGIANG, engineItems, fixtureUrl, TRAVINH } from "./helpers/fixtures.ts";
import { ui } from "./helpers/page.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

const INDICATOR = "tỷ lệ người dân tham gia bảo hiểm y tế đã kiểm tra";

describe("review and correct: statuses and corrections survive, reach the comparison and every export", () => {
  const session = useExtensionSession();
  let list: Page;
  /** Trà Vinh's health-insurance target (corrected), a snippet accepted, one rejected. */
  let corrected: SnippetRecord;
  let accepted: SnippetRecord;
  let rejected: SnippetRecord;

  before(async () => {
    session.browser.context.setDefaultTimeout(10_000);
    for (const fixture of [TRAVINH, CAMGIANG]) {
      const { page } = await openArticle(session.browser, fixtureUrl(session.server, fixture));
      await saveAllFromPanel(page, (await engineItems(fixture)).length);
      await page.close();
    }
    const collection = await readCollection(session.browser.serviceWorker);
    const travinh = articleIn(collection, TRAVINH.key).snippets;
    const camgiang = articleIn(collection, CAMGIANG.key).snippets;
    const target = travinh.find((s) => s.category === "health_insurance" && s.kind === "target");
    assert.ok(target, "Trà Vinh's health-insurance target");
    corrected = target;
    const others = travinh.filter((s) => s.id !== target.id && s.kind !== "deadline");
    assert.ok(others.length >= 2);
    accepted = others[0] as SnippetRecord;
    const toReject = camgiang.find((s) => s.category === "health_insurance");
    assert.ok(toReject, "Cẩm Giàng's health-insurance snippet");
    rejected = toReject;
    for (const s of travinh.concat(camgiang)) assert.equal(s.review, "unreviewed", s.text);
    list = await openExtensionPage(session.browser, "collection.html?view=list");
    await waitForCollectionRendered(list);
  });

  const item = (snippet: SnippetRecord) => list.locator(`li[data-snippet="${snippet.id}"]`);
  const stored = (snippet: SnippetRecord, done: (s: SnippetRecord | undefined) => boolean) =>
    eventually(() => readSnippet(session.browser.serviceWorker, snippet.id), done);

  test("Duyệt marks a snippet đã duyệt", async () => {
    await item(accepted).getByRole("button", { name: "Duyệt", exact: true }).click();
    await item(accepted)
      .locator('[data-review-chip="accepted"]', { hasText: "đã duyệt" })
      .waitFor();
    const record = await stored(accepted, (s) => s?.review === "accepted");
    assert.equal(record?.review, "accepted");
  });

  test("the editor corrects the value, the indicator and the deadline; the engine's stay beside them", async () => {
    const li = item(corrected);
    await li.getByRole("button", { name: "Sửa", exact: true }).click();
    const form = li.locator("form.editor");
    assert.match((await form.locator('[data-engine="value"]').textContent()) ?? "", /Máy đọc: 95/);
    await form.locator(`#edit-${cssId(corrected.id)}-min`).fill("97");
    await form.locator(`#edit-${cssId(corrected.id)}-max`).fill("97");
    await form.locator(`#edit-${cssId(corrected.id)}-indicator`).fill(INDICATOR);
    await form.locator(`#edit-${cssId(corrected.id)}-deadline`).fill("2025-12-31");
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await li.locator('[data-review-chip="corrected"]', { hasText: "đã sửa" }).waitFor();
    await li.locator("p.fields", { hasText: "Giá trị: 97%" }).waitFor();
    const record = await stored(corrected, (s) => s?.review === "corrected");
    assert.ok(record);
    assert.deepEqual(record.value, corrected.value, "the engine's value stays");
    assert.equal(record.indicator, corrected.indicator, "the engine's indicator stays");
    assert.deepEqual(record.corrections, {
      indicator: INDICATOR,
      value: { min: 97, max: 97 },
      deadline: { date: "2025-12-31", precision: "day" },
    });
  });

  test("the keyboard pass: j moves on, x rejects, the help says so", async () => {
    assert.match(
      (await list.locator("#review-keys").textContent()) ?? "",
      /j.*a duyệt.*x loại bỏ.*e sửa/,
    );
    const ids = await list
      .locator("li[data-snippet]")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-snippet")));
    const at = ids.indexOf(rejected.id);
    assert.ok(at > 0, "the rejected one is not first");
    const before = ids[at - 1] as string;
    await list.locator(`li[data-snippet="${before}"]`).focus();
    await list.keyboard.press("j");
    const focused = await list.evaluate(() => document.activeElement?.getAttribute("data-snippet"));
    assert.equal(focused, rejected.id, "j moves the focus to the next item");
    await list.keyboard.press("x");
    await item(rejected).locator('[data-review-chip="rejected"]', { hasText: "loại bỏ" }).waitFor();
    assert.equal((await stored(rejected, (s) => s?.review === "rejected"))?.review, "rejected");
  });

  test("the filter Chỉ mục đã duyệt lists the accepted and the corrected", async () => {
    await list.locator("#f-reviewed").check();
    await list.locator('[data-results="2"]').waitFor();
    const shown = await list
      .locator("li[data-snippet]")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-snippet")));
    assert.deepEqual(shown.sort(), [accepted.id, corrected.id].sort());
    await list.getByRole("button", { name: "Bỏ lọc" }).click();
    const total = (await readCollection(session.browser.serviceWorker)).snippets.length;
    await list.locator(`[data-results="${total}"]`).waitFor();
  });

  test("saving Trà Vinh again from its panel keeps every status and correction", async () => {
    const before = await Promise.all(
      [accepted, corrected, rejected].map((s) => readSnippet(session.browser.serviceWorker, s.id)),
    );
    // One snippet deleted, so that the panel has something to save again.
    const collection = await readCollection(session.browser.serviceWorker);
    const listed = new Set(await listedIds(list));
    const spare = articleIn(collection, TRAVINH.key).snippets.find(
      (s) => ![accepted.id, corrected.id].includes(s.id) && listed.has(s.id),
    );
    assert.ok(spare, "a Trà Vinh snippet on the list's first page");
    await item(spare).getByRole("button", { name: "Xóa", exact: true }).click();
    await stored(spare, (s) => s === undefined);
    const { page } = await openArticle(session.browser, fixtureUrl(session.server, TRAVINH));
    await ui(page).saveAll.click();
    await stored(spare, (s) => s !== undefined);
    await page.close();
    const after = await Promise.all(
      [accepted, corrected, rejected].map((s) => readSnippet(session.browser.serviceWorker, s.id)),
    );
    assert.deepEqual(after, before, "statuses and corrections untouched");
  });

  test("the comparison shows the corrected value and leaves the rejected snippet out", async () => {
    await selectTab(list, TAB.compare);
    await list.locator('input[data-source="l:Trà Vinh"]').check();
    await list.locator('input[data-source="l:Cẩm Giàng"]').check();
    const row = list.locator('tr[data-category="health_insurance"]');
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    assert.match(cells[0] ?? "", /97%/, "Trà Vinh's corrected target");
    assert.match(cells[0] ?? "", /đã sửa/);
    assert.doesNotMatch(cells[1] ?? "", /95%/, "Cẩm Giàng's rejected snippet is left out");
    await list.locator("[data-reviewed-only]").check();
    await row.waitFor();
    await selectTab(list, TAB.collection);
  });

  describe("exports", () => {
    let transfer: Page;
    before(async () => {
      transfer = await openExtensionPage(session.browser, "collection.html?tab=transfer");
    });
    after(() => transfer?.close());
    const exportAs = (format: string) =>
      downloadFrom(transfer, transfer.locator(`[data-export=${format}]`));

    test("JSON: lossless, the engine's values beside the reader's", async () => {
      const data = JSON.parse((await exportAs("json")).text) as { snippets: SnippetRecord[] };
      const byId = new Map(data.snippets.map((s) => [s.id, s]));
      const c = byId.get(corrected.id);
      assert.deepEqual(c?.value, corrected.value);
      assert.deepEqual(c?.corrections?.value, { min: 97, max: 97 });
      assert.equal(c?.corrections?.indicator, INDICATOR);
      assert.equal(c?.review, "corrected");
      assert.equal(byId.get(accepted.id)?.review, "accepted");
      assert.equal(byId.get(rejected.id)?.review, "rejected");
    });

    test("CSV: the corrected value, its review and corrected flag", async () => {
      const csv = parseCsvExport((await exportAs("csv")).text);
      assert.deepEqual(csv.errors, []);
      const row = csv.rows.find((r) => r.indicator === INDICATOR);
      assert.ok(row, "the corrected row");
      assert.equal(row.value_min, "97");
      assert.equal(row.deadline, "2025-12-31");
      assert.equal(row.review, "đã sửa");
      assert.equal(row.corrected, "có");
      assert.equal(csv.rows.filter((r) => r.corrected === "có").length, 1);
      assert.ok(csv.rows.some((r) => r.review === "loại bỏ"));
    });

    test("XLSX: the corrected value as a number, the corrected flag", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await exportAs("xlsx")).path);
      const table = workbook.getWorksheet("Bảng");
      assert.ok(table);
      const col = (id: string) => XLSX_COLUMNS.findIndex((c) => c.id === id) + 1;
      let found = false;
      table.eachRow((row) => {
        if (row.getCell(col("indicator")).value !== INDICATOR) return;
        found = true;
        assert.equal(row.getCell(col("value_min")).value, 97);
        assert.equal(row.getCell(col("corrected")).value, "có");
        assert.equal(row.getCell(col("review")).value, "đã sửa");
      });
      assert.ok(found, "the corrected row");
    });

    test("DOCX: the comparison holds the corrected value", async () => {
      const file = await exportAs("docx");
      const files = unzipSync(new Uint8Array(readFileSync(file.path)));
      const xml = strFromU8(files["word/document.xml"] as Uint8Array);
      assert.ok(xml.includes("97%"), "the corrected value");
    });

    test("Markdown: the corrected indicator and value, marked đã sửa", async () => {
      const { text } = await exportAs("md");
      const bullet = text.split("\n").find((line) => line.includes(INDICATOR));
      assert.ok(bullet, "the corrected bullet");
      assert.match(bullet, /97%/);
      assert.match(bullet, /\*\(đã sửa\)\*/);
    });

    test("iCal: the corrected deadline is an event", async () => {
      const events = icsEvents((await exportAs("ics")).text);
      const event = events.find((e) => icsText(e.props.DESCRIPTION ?? "").includes(INDICATOR));
      assert.ok(event, "an event for the corrected deadline");
      assert.ok(event.lines.includes("DTSTART;VALUE=DATE:20251231"));
      assert.match(icsText(event.props.DESCRIPTION ?? ""), /97%/);
    });

    test("Web Annotation: the corrected values and the review in the structured body", async () => {
      const data = JSON.parse((await exportAs("web-annotation")).text) as {
        first: { items: Array<{ body: Array<{ format?: string; value: string }> }> };
      };
      const fields = data.first.items.flatMap((a) =>
        a.body.filter((b) => b.format === "application/json").map((b) => JSON.parse(b.value)),
      );
      const c = fields.find((f) => f.indicator === INDICATOR);
      assert.ok(c, "the corrected annotation");
      assert.deepEqual(c.value, { min: 97, max: 97 });
      assert.equal(c.review, "corrected");
      assert.deepEqual(c.corrected, ["indicator", "value", "deadline"]);
    });
  });

  test("Hoàn tác in the editor brings the engine's value back", async () => {
    await list.reload();
    await waitForCollectionRendered(list);
    const li = item(corrected);
    await li.getByRole("button", { name: "Sửa", exact: true }).click();
    await li.getByRole("button", { name: "Hoàn tác: Giá trị" }).click();
    await li.getByRole("button", { name: "Lưu thay đổi" }).click();
    const record = await stored(corrected, (s) => s?.corrections?.value === undefined);
    assert.equal(record?.corrections?.value, undefined);
    assert.equal(record?.corrections?.indicator, INDICATOR, "the other corrections stay");
    assert.equal(record?.review, "corrected");
    // The list shows the engine's value again (once its view of the collection catches up).
    await li.locator("p.fields", { hasText: "Giá trị: 95%" }).waitFor();
  });

  testNoErrorsLogged(session);
});

describe("review on the page: the card", () => {
  const session = useExtensionSession();

  before(async () => {
    session.browser.context.setDefaultTimeout(10_000);
  });

  test("shows the sentence and the deciding words; once saved, Loại bỏ on it rejects the snippet", async () => {
    const { browser, server } = session;
    const items = await engineItems(TRAVINH);
    const { page } = await openArticle(browser, fixtureUrl(server, TRAVINH));
    await saveAllFromPanel(page, items.length);
    // The first figure in document order (a deadline's kind is decided by no words).
    const figure = items.findIndex((item) => item.kind !== "deadline");
    for (let i = 0; i <= figure; i++) await ui(page).next.click();
    const card = ui(page).card;
    const item = items[figure];
    assert.ok(item);
    assert.equal((await ui(page).cardQuote.textContent()) ?? "", item.text);
    if (item.sentence !== item.text)
      assert.equal((await card.locator(".sentence").textContent()) ?? "", `Câu: ${item.sentence}`);
    const decided = (await card.locator("[data-decided]").textContent()) ?? "";
    if (item.modeWords?.length) {
      for (const word of item.modeWords) assert.ok(decided.includes(`«${word}»`), decided);
    } else assert.equal(decided, "Căn cứ: khung chung của bài viết");
    await card.locator('[data-review-chip="unreviewed"]', { hasText: "chưa duyệt" }).waitFor();
    await card.locator("[data-action=reject]").click();
    await card.locator('[data-review-chip="rejected"]', { hasText: "loại bỏ" }).waitFor();
    const collection = await readCollection(browser.serviceWorker);
    const record = articleIn(collection, TRAVINH.key).snippets.find((s) => s.text === item.text);
    assert.equal(record?.review, "rejected");

    // The panel's list of items: `a` on an item accepts it, and the list says so.
    await page.keyboard.press("Escape");
    await ui(page).panel.locator("[data-action=list]").click();
    assert.match(
      (await ui(page).panel.locator(".keys-help").textContent()) ?? "",
      /a duyệt, x loại bỏ/,
    );
    const entry = ui(page).panel.locator(`button[data-item="${figure}"]`);
    assert.match((await entry.textContent()) ?? "", /loại bỏ/);
    await entry.focus();
    await page.keyboard.press("a");
    await ui(page)
      .panel.locator(`button[data-item="${figure}"]`, { hasText: "đã duyệt" })
      .waitFor();
    const after = await readCollection(browser.serviceWorker);
    const accepted = articleIn(after, TRAVINH.key).snippets.find((s) => s.text === item.text);
    assert.equal(accepted?.review, "accepted");
    await page.close();
  });

  testNoErrorsLogged(session);
});

/** An id as it stands in a CSS selector. */
function cssId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}
