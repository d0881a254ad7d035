/**
 * *Số liệu đã thay đổi*, as a reader meets it: an article is saved, then the portal edits it (two
 * figures and a deadline changed, another item reworded with its figure kept). On the next visit
 * the changed ones are flagged with the saved and the new value side by side in the card, the
 * panel and the collection, never moved onto the new number; the reworded one is not flagged. The
 * reader takes the new figure for one, keeps the saved one for another, takes the new date in the
 * collection page; after a reload the choices hold and nothing is flagged again.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { reloadArticle } from "./helpers/article-tab.ts";
import { formatViolations, runAxe, seriousViolations } from "./helpers/axe.ts";
import {
  openExtensionPage,
  openPopupOver,
  selectTab,
  TAB,
  waitForCollectionRendered,
} from "./helpers/collection.ts";
import { DEMO_INSURANCE, DEMO_ITEMS, useEditedArticle } from "./helpers/edited-article.ts";
import { HIGHLIGHT, highlightPoint, highlightTexts, UI_HOST, ui } from "./helpers/page.ts";

const SLUG = "bai-viet-sua-so-lieu";
const INSURANCE_NEW = "Tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 97%";
const INCOME = "thu nhập bình quân đầu người đạt 82 triệu đồng/năm";
const INCOME_NEW = "thu nhập bình quân đầu người đạt 85 triệu đồng/năm";
const DEADLINE = "trước ngày 28/02/2021";
const DEADLINE_NEW = "trước ngày 31/3/2021";
const REWORDED = "thu nhập bình quân đầu người đạt 48,5 triệu đồng";

const EDITS = [
  ["đạt trên 95%", "đạt trên 97%"],
  ["đạt 82 triệu đồng/năm", "đạt 85 triệu đồng/năm"],
  ["trước ngày 28/02/2021", "trước ngày 31/3/2021"],
  // Wording only: the figure stays 48,5 triệu đồng.
  ["thu nhập bình quân đầu người đạt 48,5", "thu nhập bình quân đầu người đã đạt 48,5"],
] as const;

/** The panel's row of the changed snippet `id`. */
function panelRow(page: Page, id: string): Locator {
  return ui(page).panel.locator(`li[data-changed-snippet="${id}"]`);
}

async function oldAndNew(scope: Locator): Promise<[string, string]> {
  return [
    ((await scope.locator("[data-old]").textContent()) ?? "").trim(),
    ((await scope.locator("[data-new]").textContent()) ?? "").trim(),
  ];
}

describe("a figure the portal changed is flagged", () => {
  const edited = useEditedArticle(
    SLUG,
    [{ text: DEMO_INSURANCE, note: "số của huyện", tags: ["y tế"] }],
    EDITS,
  );
  before(() => {
    assert.equal(edited.saved.length, DEMO_ITEMS);
  });

  test("the panel lists the three changed items, saved and new value side by side", async () => {
    const list = ui(edited.page).panel.locator("[data-changes]");
    await list.waitFor();
    assert.equal(await list.getAttribute("data-changes"), "3");
    assert.match((await list.textContent()) ?? "", /3 mục đã lưu có số liệu đã thay đổi/);
    assert.deepEqual(await oldAndNew(panelRow(edited.page, edited.byText(DEMO_INSURANCE).id)), [
      "trên 95%",
      "trên 97%",
    ]);
    assert.deepEqual(await oldAndNew(panelRow(edited.page, edited.byText(INCOME).id)), [
      "82 triệu đồng/năm",
      "85 triệu đồng/năm",
    ]);
    assert.deepEqual(await oldAndNew(panelRow(edited.page, edited.byText(DEADLINE).id)), [
      "ngày 28/02/2021",
      "ngày 31/03/2021",
    ]);
    assert.equal(
      await panelRow(edited.page, edited.byText(REWORDED).id).count(),
      0,
      "wording only: no flag",
    );
    assert.equal(await ui(edited.page).orphans.count(), 0, "nothing lost its place");
  });

  test("the change is recorded on the snippet, and its saved figure is left as it was", async () => {
    const snippets = await edited.snippetsWhen(
      (all) => all.filter((s) => s.pageChange).length === 3,
    );
    const insurance = snippets.find((s) => s.id === edited.byText(DEMO_INSURANCE).id);
    assert.equal(insurance?.pageChange?.text, INSURANCE_NEW);
    assert.deepEqual(insurance?.pageChange?.fields?.value, { min: 97, max: 97 });
    assert.deepEqual(insurance?.value, { min: 95, max: 95 }, "not silently moved");
    assert.equal(insurance?.text, DEMO_INSURANCE);
    const deadline = snippets.find((s) => s.id === edited.byText(DEADLINE).id);
    assert.equal(deadline?.pageChange?.fields?.deadline?.date, "2021-03-31");
    assert.equal(deadline?.deadline?.date, "2021-02-28");
    const reworded = snippets.find((s) => s.id === edited.byText(REWORDED).id);
    assert.equal(reworded?.pageChange ?? null, null);
  });

  test("the popup's Trang này lists them too, with both values", async () => {
    const popup = await openPopupOver(edited.browser, edited.url);
    try {
      const row = popup.locator(`li[data-changed-snippet="${edited.byText(DEMO_INSURANCE).id}"]`);
      await row.waitFor();
      assert.equal(await popup.locator("li[data-changed-snippet]").count(), 3);
      assert.deepEqual(await oldAndNew(row), ["trên 95%", "trên 97%"]);
    } finally {
      await popup.close();
    }
    await edited.page.bringToFront();
  });

  test("the card of the new figure says so, with both values", async () => {
    const texts = await highlightTexts(edited.page);
    const targets = (texts[HIGHLIGHT.target] ?? []).map((t) => t.replace(/\s+/g, " "));
    const index = targets.indexOf(INCOME_NEW);
    assert.ok(index >= 0, `the page's target «${INCOME_NEW}» is highlighted`);
    const point = await highlightPoint(edited.page, HIGHLIGHT.target, index);
    await edited.page.mouse.click(point.x, point.y);
    const { card } = ui(edited.page);
    await card.waitFor();
    const notice = card.locator("[data-page-change]");
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? "", /Số liệu đã thay đổi/);
    assert.deepEqual(await oldAndNew(notice), ["82 triệu đồng/năm", "85 triệu đồng/năm"]);
    await edited.page.screenshot({ path: "/tmp/page-changed-card.png" });
    // The card and the panel with their changed figures: no serious or critical axe violation.
    const violations = await runAxe(edited.page, { context: { include: [UI_HOST] } });
    const serious = seriousViolations(violations);
    assert.equal(serious.length, 0, formatViolations(serious, "axe, changed figures"));
  });

  test("Giữ số đã lưu from the card keeps 82 and clears the flag", async () => {
    const { card } = ui(edited.page);
    await card.locator("[data-action=keep-saved]").click();
    await panelRow(edited.page, edited.byText(INCOME).id).waitFor({ state: "detached" });
    const snippets = await edited.snippetsWhen((all) =>
      all.some((s) => s.id === edited.byText(INCOME).id && !s.pageChange),
    );
    const income = snippets.find((s) => s.id === edited.byText(INCOME).id);
    assert.equal(income?.pageChange, null);
    assert.deepEqual(income?.value, { min: 82, max: 82 });
    assert.equal(income?.text, INCOME);
    assert.deepEqual(income?.keptOver, [INCOME_NEW]);
  });

  test("Nhận số mới from the panel takes 97% and keeps the note and tags", async () => {
    await edited.page.screenshot({ path: "/tmp/page-changed-panel.png" });
    await panelRow(edited.page, edited.byText(DEMO_INSURANCE).id)
      .locator("[data-action=accept-new]")
      .click();
    await panelRow(edited.page, edited.byText(DEMO_INSURANCE).id).waitFor({ state: "detached" });
    const snippets = await edited.snippetsWhen((all) =>
      all.some((s) => s.id === edited.byText(DEMO_INSURANCE).id && s.text === INSURANCE_NEW),
    );
    const insurance = snippets.find((s) => s.id === edited.byText(DEMO_INSURANCE).id);
    assert.equal(insurance?.text, INSURANCE_NEW);
    assert.equal(insurance?.anchor.quote, INSURANCE_NEW);
    assert.deepEqual(insurance?.value, { min: 97, max: 97 });
    assert.equal(insurance?.pageChange, null);
    assert.equal(insurance?.note, "số của huyện");
    assert.deepEqual(insurance?.tags, ["y tế"]);
  });

  test("the collection lists the changed deadline with both dates, and takes the new one", async () => {
    const collection = await openExtensionPage(edited.browser, "collection.html?view=list");
    try {
      await selectTab(collection, TAB.collection);
      const row = collection.locator(`li[data-snippet="${edited.byText(DEADLINE).id}"]`);
      const notice = row.locator("[data-page-change]");
      await notice.waitFor();
      assert.deepEqual(await oldAndNew(notice), ["ngày 28/02/2021", "ngày 31/03/2021"]);
      assert.equal(await collection.locator("li[data-snippet] [data-page-change]").count(), 1);
      await collection.screenshot({ path: "/tmp/page-changed-collection.png", fullPage: false });
      await notice.locator("[data-action=accept-new]").click();
      await notice.waitFor({ state: "detached" });
      await waitForCollectionRendered(collection);
    } finally {
      await collection.close();
    }
    const snippets = await edited.snippetsWhen((all) =>
      all.some((s) => s.id === edited.byText(DEADLINE).id && s.text === DEADLINE_NEW),
    );
    const deadline = snippets.find((s) => s.id === edited.byText(DEADLINE).id);
    assert.equal(deadline?.deadline?.date, "2021-03-31");
    assert.equal(deadline?.pageChange, null);
  });

  test("after a reload the choices hold and nothing is flagged again", async () => {
    await reloadArticle(edited.page);
    await ui(edited.page).panel.locator(`[data-saved-count="${DEMO_ITEMS}"]`).waitFor();
    assert.equal(await ui(edited.page).panel.locator("[data-changes]").count(), 0);
    assert.equal(await ui(edited.page).panel.locator("[data-page-change]").count(), 0);
    const snippets = (await edited.snippetsWhen(() => true)).filter((s) => s.pageChange);
    assert.deepEqual(snippets, [], "no change recorded again");
    const texts = await edited.savedTexts();
    assert.ok(texts.includes(INSURANCE_NEW), "the accepted figure is saved at its place");
    assert.ok(texts.includes(DEADLINE_NEW), "so is the accepted date");
  });

  test("no errors were logged by the pages or the service worker", () => {
    assert.equal(edited.errors.errors.length, 0, edited.errors.format());
  });
});
