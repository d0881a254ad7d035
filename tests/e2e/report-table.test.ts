/**
 * The collection page's table view (issue 11 §1) end to end, in Chromium with the built
 * extension: three seed articles saved with the page panel's "Lưu tất cả", then on collection.html
 * the table shows every snippet (rows virtualised: fewer rendered than there are), sorts by value
 * and by date (aria-sort), groups by locality with collapsible groups, selects three rows with the
 * keyboard and a shift-click, tags them, exports them as CSV, deletes them and undoes it, opens a
 * row with Enter, remembers a hidden column across a reload, and passes axe. No page and not the
 * service worker logs an error.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { saveSeedArticles } from "../../scripts/lib/seed-collection.ts";
import { formatViolations, runAxe, seriousViolations } from "./helpers/axe.ts";
import {
  downloadFrom,
  openExtensionPage,
  parseCsvExport,
  sortedById,
  waitForResults,
} from "./helpers/collection.ts";
import { eventually } from "./helpers/compare.ts";
import { type Collection, readCollection } from "./helpers/extension.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

const SEEDS = [
  "camgiang-hoc-tap-nghi-quyet",
  "tracu-so-ket-giua-nhiem-ky",
  "travinh-tracu-hoc-tap-nghi-quyet-tinh",
];
const TAG = "báo cáo quý";

/** The table's lines in order (`group:<key>` for a group header, else the snippet id). */
async function tableOrder(page: Page): Promise<string[]> {
  const scroller = page.locator(".table-scroll");
  const seen = new Map<number, string>();
  await scroller.evaluate((box) => {
    box.scrollTop = 0;
  });
  for (let step = 0; step < 200; step++) {
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const lines = await page.locator("tr[data-line]").evaluateAll((rows) =>
      rows.map((row) => ({
        line: Number(row.getAttribute("data-line")),
        id: row.getAttribute("data-snippet-row") ?? `group:${row.getAttribute("data-group")}`,
      })),
    );
    for (const { line, id } of lines) seen.set(line, id);
    const atEnd = await scroller.evaluate((box) => {
      const end = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
      box.scrollTop += box.clientHeight / 2;
      return end;
    });
    if (atEnd) break;
  }
  await scroller.evaluate((box) => {
    box.scrollTop = 0;
  });
  // Back at the top: let the table render its first rows again.
  await page.waitForFunction(() => document.querySelector('tr[data-line="0"]') !== null);
  const order = [...seen.entries()].sort((a, b) => a[0] - b[0]);
  for (const [i, [line]] of order.entries())
    assert.equal(line, i, "no line missed while scrolling");
  return order.map(([, id]) => id);
}

/** Waits until `selector` is in the page (the table re-renders after each action). */
const present = (page: Page, selector: string) => page.locator(selector).first().waitFor();

/** The snippets of `ids`, by id. */
function byId(collection: Collection): Map<string, SnippetRecord> {
  return new Map(collection.snippets.map((s) => [s.id, s]));
}

describe("collection table: sort, group, select, tag, export, delete, columns", () => {
  const session = useExtensionSession();
  let page: Page;
  let saved: Collection;
  let total = 0;

  before(async () => {
    session.browser.context.setDefaultTimeout(15_000);
    const counts = await saveSeedArticles(session.browser, session.server, SEEDS);
    total = Object.values(counts).reduce((a, b) => a + b, 0);
    saved = await eventually(
      () => readCollection(session.browser.serviceWorker),
      (c) => c.snippets.length === total,
    );
    page = await openExtensionPage(session.browser, "collection.html");
    await page.getByRole("treegrid", { name: "Bảng các mục" }).waitFor();
    await waitForResults(page, total);
  });

  test("the table is the page's view: every snippet, rows virtualised, a sticky header", async () => {
    assert.equal(saved.articles.length, 3);
    assert.ok(total > 60, `the seeds give many rows (${total})`);
    const grid = page.getByRole("treegrid");
    assert.equal(await grid.getAttribute("aria-rowcount"), String(total + 1));
    const rendered = await page.locator("tr[data-snippet-row]").count();
    assert.ok(rendered < total, `only the rows in view are rendered (${rendered} of ${total})`);
    assert.deepEqual((await tableOrder(page)).sort(), saved.snippets.map((s) => s.id).sort());
    assert.equal(
      await page
        .locator("thead th")
        .first()
        .evaluate((th) => getComputedStyle(th).position),
      "sticky",
    );
    // The view switch offers the old list.
    assert.equal(await page.locator("[data-view=table]").getAttribute("aria-pressed"), "true");
  });

  test("sorting by value: ascending, then descending; snippets without a value last", async () => {
    const header = page.locator("th[data-column=value]");
    const values = byId(saved);
    const figureOf = (id: string) => {
      const v = values.get(id)?.value;
      return v ? (v.numerator ?? v.min) : null;
    };
    for (const direction of ["ascending", "descending"] as const) {
      await header.getByRole("button").click();
      await present(page, `th[data-column=value][aria-sort=${direction}]`);
      const order = (await tableOrder(page)).map(figureOf);
      const firstNull = order.indexOf(null);
      const numbers = (firstNull < 0 ? order : order.slice(0, firstNull)) as number[];
      assert.ok(numbers.length > 10, "most seed snippets have a value");
      if (firstNull >= 0)
        assert.ok(
          order.slice(firstNull).every((v) => v === null),
          "nulls last",
        );
      for (let i = 1; i < numbers.length; i++) {
        const [a, b] = [numbers[i - 1] as number, numbers[i] as number];
        assert.ok(direction === "ascending" ? a <= b : a >= b, `${direction}: ${a} then ${b}`);
      }
    }
    // The value cell reads the Vietnamese way (a decimal comma, no "." for decimals).
    const cells = await page.locator("td[data-cell=value]").allTextContents();
    assert.ok(
      cells.some((text) => /%/.test(text)),
      `percentages shown: ${cells.slice(0, 5)}`,
    );
    assert.ok(!cells.some((text) => /\d\.\d{1,2}(?!\d)/.test(text)), "no decimal point");
  });

  test("sorting by date: by the article's publication date, shown dd/mm/yyyy", async () => {
    await page.locator("th[data-column=date]").getByRole("button").click();
    await present(page, "th[data-column=date][aria-sort=ascending]");
    assert.equal(await page.locator("th[data-column=value]").getAttribute("aria-sort"), "none");
    const articleOf = new Map(saved.articles.map((a) => [a.id, a]));
    const snippets = byId(saved);
    const dates = (await tableOrder(page)).map(
      (id) => articleOf.get(snippets.get(id)?.articleId ?? "")?.publishedAt ?? null,
    );
    const known = dates.filter((d): d is string => d !== null);
    assert.ok(new Set(known).size >= 2, "the seeds have different dates");
    assert.deepEqual(known, [...known].sort(), "non-decreasing");
    const first = await page.locator("td[data-cell=date]").first().textContent();
    const [y, m, d] = (known[0] ?? "").split("-");
    assert.equal(first, `${d}/${m}/${y}`);
  });

  test("grouping by locality: a header per locality with its count; a group folds and unfolds", async () => {
    await page.locator("#table-group").selectOption("locality");
    await present(page, "tr[data-group]");
    const localities = new Map<string, number>();
    const articleOf = new Map(saved.articles.map((a) => [a.id, a]));
    for (const s of saved.snippets) {
      const locality = articleOf.get(s.articleId)?.locality ?? "";
      localities.set(locality, (localities.get(locality) ?? 0) + 1);
    }
    try {
      // Walk the table: each group's header, then its rows, all of its locality.
      const snippets = byId(saved);
      const counted = new Map<string, number>();
      let current: string | null = null;
      for (const id of await tableOrder(page)) {
        if (id.startsWith("group:")) {
          current = id.slice("group:".length);
          assert.ok(!counted.has(current), `one header per locality (${current})`);
          counted.set(current, 0);
          continue;
        }
        assert.notEqual(current, null, "no row before the first group");
        const locality = articleOf.get(snippets.get(id)?.articleId ?? "")?.locality ?? "";
        assert.equal(locality, current, `row ${id} is under its locality`);
        counted.set(current as string, (counted.get(current as string) ?? 0) + 1);
      }
      assert.deepEqual([...counted.entries()].sort(), [...localities.entries()].sort());
      const groups = page.locator("tr[data-group]");
      const first = groups.first();
      const key = (await first.getAttribute("data-group")) ?? "";
      assert.equal(
        await first.locator("[data-group-count]").getAttribute("data-group-count"),
        String(localities.get(key)),
        "the header counts its rows",
      );
      assert.equal(await first.getAttribute("aria-expanded"), "true");
      // Fold the first group with the keyboard (focus its header, ←), unfold it with →.
      await first.focus();
      await page.keyboard.press("ArrowLeft");
      await present(page, `tr[data-group="${key}"][aria-expanded=false]`);
      assert.equal(
        (await tableOrder(page)).length,
        total + localities.size - (localities.get(key) ?? 0),
      );
      await page.keyboard.press("ArrowRight");
      await present(page, `tr[data-group="${key}"][aria-expanded=true]`);
    } finally {
      await page.locator("#table-group").selectOption("none");
      await page.locator("tr[data-group]").first().waitFor({ state: "detached" });
    }
  });

  let chosen: string[] = [];

  test("selecting three rows: Space on the first, a shift-click on the third", async () => {
    const rows = page.locator("tr[data-snippet-row]");
    await rows.first().locator("td[data-cell=indicator]").click();
    await page.keyboard.press("Space");
    await present(page, "tr[data-snippet-row][aria-selected=true]");
    await page.keyboard.press("ArrowDown");
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute("data-line")),
      "1",
      "↓ moved the focus to the next row",
    );
    await rows
      .nth(2)
      .locator("input[type=checkbox]")
      .click({ modifiers: ["Shift"] });
    await present(page, "[data-selected='3']");
    chosen = await page
      .locator("tr[data-snippet-row][aria-selected=true]")
      .evaluateAll((r) => r.map((row) => row.getAttribute("data-snippet-row") ?? ""));
    const firstThree = await rows.evaluateAll((r) =>
      r.slice(0, 3).map((row) => row.getAttribute("data-snippet-row") ?? ""),
    );
    assert.deepEqual(chosen, firstThree, "the first three rows");
    assert.equal(await page.getByText("Đã chọn 3 mục").count(), 1);
  });

  test("tagging the selection adds the tag to those three snippets only", async () => {
    await page.getByLabel("Thẻ mới cho các mục đã chọn").fill(TAG);
    await page.locator("[data-bulk=tag]").click();
    await page
      .locator("[data-bulk-status]", { hasText: `Đã gắn thẻ «${TAG}» cho 3 mục.` })
      .waitFor();
    const collection = await eventually(
      () => readCollection(session.browser.serviceWorker),
      (c) => c.snippets.filter((s) => s.tags.includes(TAG)).length === 3,
    );
    const tagged = collection.snippets.filter((s) => s.tags.includes(TAG)).map((s) => s.id);
    assert.deepEqual(tagged.sort(), [...chosen].sort());
    saved = collection;
  });

  test("exporting the selection as CSV gives exactly its three rows", async () => {
    const file = await downloadFrom(page, page.locator("[data-export-selection=csv]"));
    assert.match(file.fileName, /\.csv$/);
    const csv = parseCsvExport(file.text);
    assert.equal(csv.errors.length, 0);
    assert.equal(csv.rows.length, 3);
    const snippets = byId(saved);
    assert.deepEqual(
      csv.rows.map((row) => row.quote).sort(),
      chosen.map((id) => snippets.get(id)?.text).sort(),
    );
    assert.ok(
      csv.rows.every((row) => (row.tags ?? "").includes(TAG)),
      "with the new tag",
    );
  });

  test("deleting the selection, then undo: the same records come back", async () => {
    const before = sortedById(await readCollection(session.browser.serviceWorker));
    await page.locator("[data-bulk=delete]").click();
    await waitForResults(page, total - 3);
    await eventually(
      () => readCollection(session.browser.serviceWorker),
      (c) => c.snippets.length === total - 3,
    );
    for (const id of chosen)
      assert.equal(await page.locator(`[data-snippet-row="${id}"]`).count(), 0);
    await page.locator("[data-bulk=undo]").click();
    await waitForResults(page, total);
    const restored = await eventually(
      () => readCollection(session.browser.serviceWorker),
      (c) => c.snippets.length === total,
    );
    assert.deepEqual(sortedById(restored), before);
  });

  test("Enter opens the focused row's snippet in the editor; Hủy brings the focus back", async () => {
    const row = page.locator("tr[data-snippet-row]").nth(1);
    const id = (await row.getAttribute("data-snippet-row")) ?? "";
    await row.locator("td[data-cell=kind]").click();
    await page.keyboard.press("Enter");
    const opened = page.locator(`section.opened-item[data-opened="${id}"]`);
    await opened.waitFor();
    assert.equal(await opened.locator("p.quote").textContent(), byId(saved).get(id)?.text);
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest("section.opened-item") !== null),
      true,
      "the focus moved into the opened item",
    );
    await opened.getByRole("button", { name: "Hủy" }).click();
    await opened.waitFor({ state: "detached" });
    await page.waitForFunction(
      (id) => document.activeElement?.getAttribute("data-snippet-row") === id,
      id,
    );
  });

  test("a hidden column stays hidden after a reload", async () => {
    await page.locator(".column-chooser summary").click();
    await page.locator("input[data-column-toggle=category]").uncheck();
    await page.locator("th[data-column=category]").waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("treegrid").waitFor();
    await waitForResults(page, total);
    await present(page, "th[data-column=value]");
    // The stored setting is read right after the first render: wait for it to apply.
    await page.locator("th[data-column=category]").waitFor({ state: "detached" });
    await page.waitForTimeout(300);
    assert.equal(await page.locator("th[data-column=category]").count(), 0);
    await page.locator(".column-chooser summary").click();
    assert.equal(await page.locator("input[data-column-toggle=category]").isChecked(), false);
    await page.locator(".column-chooser summary").click();
  });

  test("axe: the table (with a selection and the column chooser) has no serious violations", async () => {
    await page.locator("tr[data-snippet-row] input[type=checkbox]").first().click();
    await present(page, "[data-selected='1']");
    const violations = await runAxe(page);
    if (violations.length > 0) console.log(formatViolations(violations, "axe table"));
    const serious = seriousViolations(violations);
    assert.equal(serious.length, 0, formatViolations(serious, "axe table: serious/critical"));
  });

  testNoErrorsLogged(session);
});
