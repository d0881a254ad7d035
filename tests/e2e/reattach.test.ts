/**
 * *Gắn lại vào đây*, as a reader does it: an article is saved, then the portal rewrites two saved
 * sentences and a result so their snippets lose their place (orphans, listed in the panel). The
 * reader selects the new text and re-attaches: from the context menu with several orphans (the
 * panel asks which), from the panel, from the context menu with one orphan left (the menu is
 * driven through the function its click calls: an automated browser cannot click a context menu).
 * Each is highlighted at once, keeps its fields, note and tags, and is still attached after a
 * reload.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { reloadArticle } from "./helpers/article-tab.ts";
import { formatViolations, runAxe, seriousViolations } from "./helpers/axe.ts";
import {
  DEMO_INSURANCE,
  DEMO_ITEMS,
  reattachFromMenu,
  useEditedArticle,
} from "./helpers/edited-article.ts";
import { selectText, UI_HOST, ui } from "./helpers/page.ts";

const SLUG = "bai-viet-viet-lai";
const INSURANCE_NEW = "bảo hiểm y tế bao phủ hơn 95% dân số toàn huyện";
const VILLAGES = "ít nhất 5 xã đạt chuẩn nông thôn mới nâng cao";
const VILLAGES_NEW = "năm xã trở lên được công nhận nông thôn mới kiểu mẫu nâng cao";

const RESULT = "hoàn thành 18/21 chỉ tiêu";
const RESULT_NEW = "thực hiện được 18 trên tổng số 21 chỉ tiêu";

const EDITS = [
  [DEMO_INSURANCE, `Huyện phấn đấu để ${INSURANCE_NEW}`],
  [VILLAGES, VILLAGES_NEW],
  [RESULT, RESULT_NEW],
] as const;

describe("an orphan is re-attached to the text the reader selects", () => {
  const edited = useEditedArticle(
    SLUG,
    [
      { text: DEMO_INSURANCE, note: "theo dõi hằng quý", tags: ["y tế"] },
      { text: VILLAGES, note: "xã kiểu mẫu", tags: ["nông thôn"] },
    ],
    EDITS,
  );
  const reattachButton = (id: string) =>
    ui(edited.page).panel.locator(`li[data-orphan="${id}"] [data-action=reattach]`);

  test("the three rewritten snippets are listed as orphans, each with Gắn lại vào đây", async () => {
    assert.equal(edited.reading.orphans, 3);
    assert.equal(await ui(edited.page).orphans.getAttribute("data-orphans"), "3");
    for (const text of [DEMO_INSURANCE, VILLAGES, RESULT]) {
      const button = reattachButton(edited.byText(text).id);
      assert.equal((await button.textContent())?.trim(), "Gắn lại vào đây");
      assert.match((await button.getAttribute("aria-label")) ?? "", /^Gắn lại vào đây: /);
    }
    // The panel with its orphans: no serious or critical axe violation.
    const violations = await runAxe(edited.page, { context: { include: [UI_HOST] } });
    const serious = seriousViolations(violations);
    assert.equal(serious.length, 0, formatViolations(serious, "axe, orphans"));
  });

  test("with nothing selected, the button says what to do and changes nothing", async () => {
    await edited.page.evaluate(() => document.getSelection()?.removeAllRanges());
    await reattachButton(edited.byText(DEMO_INSURANCE).id).click();
    const status = ui(edited.page).panel.locator("[role=status]");
    await status.waitFor();
    assert.match((await status.textContent()) ?? "", /Hãy bôi đen đoạn văn mới/);
    assert.equal(await ui(edited.page).orphans.getAttribute("data-orphans"), "3");
  });

  test("from the context menu with several orphans: the panel asks which, and keeps the selection", async () => {
    assert.equal(await selectText(edited.page, RESULT_NEW), RESULT_NEW);
    assert.equal(await reattachFromMenu(edited.browser.serviceWorker, edited.url), "pick");
    await ui(edited.page).panel.locator(".trouble-list.picking").waitFor();
    assert.match(
      (await ui(edited.page).panel.locator("[role=status]").textContent()) ?? "",
      /Chọn mục cần gắn lại/,
    );
    // The selection may be gone by the time the reader picks: the one the menu saw is used.
    await edited.page.evaluate(() => document.getSelection()?.removeAllRanges());
    await reattachButton(edited.byText(RESULT).id).click();
    await ui(edited.page).orphans.locator('xpath=self::*[@data-orphans="2"]').waitFor();
    assert.ok((await edited.savedTexts()).includes(RESULT_NEW), "highlighted as saved");
    const snippets = await edited.snippetsWhen((all) =>
      all.some((s) => s.anchor.quote === RESULT_NEW),
    );
    const result = snippets.find((s) => s.id === edited.byText(RESULT).id);
    assert.equal(result?.kind, "result");
    assert.deepEqual(result?.value, edited.byText(RESULT).value);
  });

  test("from the panel: select the new text, Gắn lại vào đây, highlighted at once", async () => {
    assert.equal(await selectText(edited.page, INSURANCE_NEW), INSURANCE_NEW);
    await edited.page.screenshot({ path: "/tmp/reattach-panel.png" });
    await reattachButton(edited.byText(DEMO_INSURANCE).id).click();
    await ui(edited.page)
      .panel.locator(`li[data-orphan="${edited.byText(DEMO_INSURANCE).id}"]`)
      .waitFor({
        state: "detached",
      });
    assert.equal(await ui(edited.page).orphans.getAttribute("data-orphans"), "1");
    assert.equal(await ui(edited.page).panel.locator(".trouble-list.picking").count(), 0);
    assert.ok((await edited.savedTexts()).includes(INSURANCE_NEW), "highlighted as saved");
    const snippets = await edited.snippetsWhen((all) =>
      all.some((s) => s.anchor.quote === INSURANCE_NEW),
    );
    const insurance = snippets.find((s) => s.id === edited.byText(DEMO_INSURANCE).id);
    const before = edited.byText(DEMO_INSURANCE);
    assert.equal(insurance?.text, INSURANCE_NEW);
    assert.equal(insurance?.kind, before.kind);
    assert.deepEqual(insurance?.value, before.value);
    assert.equal(insurance?.indicator, before.indicator);
    assert.equal(insurance?.note, "theo dõi hằng quý");
    assert.deepEqual(insurance?.tags, ["y tế"]);
  });

  test("from the context menu: the only orphan left takes the selection", async () => {
    assert.equal(await selectText(edited.page, VILLAGES_NEW), VILLAGES_NEW);
    assert.equal(await reattachFromMenu(edited.browser.serviceWorker, edited.url), "reattached");
    await ui(edited.page).orphans.waitFor({ state: "detached" });
    assert.ok((await edited.savedTexts()).includes(VILLAGES_NEW), "highlighted as saved");
    const snippets = await edited.snippetsWhen((all) =>
      all.some((s) => s.anchor.quote === VILLAGES_NEW),
    );
    const villages = snippets.find((s) => s.id === edited.byText(VILLAGES).id);
    assert.equal(villages?.text, VILLAGES_NEW);
    assert.deepEqual(villages?.value, edited.byText(VILLAGES).value);
    assert.equal(villages?.note, "xã kiểu mẫu");
    assert.deepEqual(villages?.tags, ["nông thôn"]);
    assert.equal(snippets.length, DEMO_ITEMS, "re-attached, not saved again");
  });

  test("the menu with no orphans left says so", async () => {
    await selectText(edited.page, "Kết quả nhiệm kỳ trước");
    assert.equal(await reattachFromMenu(edited.browser.serviceWorker, edited.url), "no-orphans");
  });

  test("after a reload both are still attached at their new text", async () => {
    const reloaded = await reloadArticle(edited.page);
    assert.equal(reloaded.orphans, 0);
    assert.equal(await ui(edited.page).orphans.count(), 0);
    const texts = await edited.savedTexts();
    assert.ok(texts.includes(INSURANCE_NEW), texts.join(" | "));
    assert.ok(texts.includes(VILLAGES_NEW), texts.join(" | "));
    assert.ok(texts.includes(RESULT_NEW), texts.join(" | "));
    assert.equal(reloaded.saved, DEMO_ITEMS);
  });

  test("no errors were logged by the pages or the service worker", () => {
    assert.equal(edited.errors.errors.length, 0, edited.errors.format());
  });
});
