/**
 * Page text is untrusted. An article whose text carries HTML and script payloads (as text, the
 * way a portal prints a quoted comment) is highlighted, saved and then shown in the card, the
 * popup, the collection page, the offline copy and every export: the payloads stay text and
 * nothing runs.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { FIXTURE_PAGES_DIR, portalUrl, waitForReading } from "./harness.ts";
import {
  downloadFrom,
  openExtensionPage,
  selectTab,
  waitForCollectionRendered,
} from "./helpers/collection.ts";
import { readCollection, saveSelectionFromMenu } from "./helpers/extension.ts";
import { selectText, ui } from "./helpers/page.ts";
import { useExtensionSession } from "./helpers/session.ts";

const SLUG = "camgiang-payloads";
const HOST = "camgiang.haiduong.gov.vn";
/** Each payload, as the reader sees it on the page (and as it must stay everywhere). */
const PAYLOADS = [
  `<img src=x onerror="window.__gvnPwned='img'">`,
  `<script>window.__gvnPwned='script'</script>`,
  `<a href="javascript:window.__gvnPwned='link'">bấm</a>`,
];

/** The Cẩm Giàng seed with a paragraph whose text carries the payloads (escaped in the HTML). */
function pageWithPayloads(): string {
  const source = readFileSync(
    path.join(FIXTURE_PAGES_DIR, "camgiang-hoc-tap-nghi-quyet/source.html"),
    "utf8",
  );
  const escapeHtml = (text: string) =>
    text
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;");
  const paragraph = `<p>Phấn đấu đến năm 2025, tỷ lệ hộ dân ${escapeHtml(PAYLOADS[0] ?? "")} dùng nước sạch đạt 98%; ý kiến bạn đọc ${escapeHtml(PAYLOADS[1] ?? "")} và ${escapeHtml(PAYLOADS[2] ?? "")} đã được tiếp thu.</p>`;
  const marker = "<p>Huyện phấn đấu thu ngân sách";
  assert.ok(source.includes(marker), "the seed still has the paragraph the payloads go before");
  return source.replace(marker, `${paragraph}\n${marker}`);
}

/** Nothing ran and no element came out of the payloads in this page. */
async function assertInert(page: import("playwright-core").Page, where: string) {
  const state = await page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (const element of document.querySelectorAll("*")) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    return {
      pwned: (window as unknown as { __gvnPwned?: string }).__gvnPwned ?? null,
      images: roots.reduce((n, root) => n + root.querySelectorAll('img[src="x"]').length, 0),
      scripts: roots.reduce(
        (n, root) =>
          n +
          [...root.querySelectorAll("script")].filter((s) => s.textContent?.includes("__gvnPwned"))
            .length,
        0,
      ),
      links: roots.reduce(
        (n, root) => n + root.querySelectorAll('a[href^="javascript:"]').length,
        0,
      ),
    };
  });
  assert.deepEqual(state, { pwned: null, images: 0, scripts: 0, links: 0 }, where);
}

describe("untrusted page text stays text", () => {
  const session = useExtensionSession({ pages: { [SLUG]: pageWithPayloads() } });
  let url: string;

  before(async () => {
    url = portalUrl(HOST, session.server.port, SLUG);
  });

  test("the article page: payload text is highlighted and shown in the card as text", async () => {
    const page = await session.browser.context.newPage();
    await page.goto(url);
    const reading = await waitForReading(page, { recognised: true });
    assert.ok(reading.items > 0);
    await assertInert(page, "article page after the reading");
    // The card of every item whose text carries a payload shows it as text.
    const { panel, card } = ui(page);
    await panel.locator("[data-action=list]").click();
    const entries = panel.locator("#gvn-item-list button[data-item]");
    const labels = await entries.allTextContents();
    const withPayload = labels.findIndex((label) => label.includes("__gvnPwned='img'"));
    assert.ok(withPayload >= 0, `an item quotes the payload: ${labels.join(" | ")}`);
    await entries.nth(withPayload).click();
    await card.waitFor();
    assert.match((await ui(page).cardQuote.textContent()) ?? "", /__gvnPwned='img'">/);
    await assertInert(page, "article page with the card open");
    await panel.locator("[data-action=save-all]").click();
    await page.waitForFunction(
      () =>
        document
          .querySelector("gvn-chi-tieu")
          ?.shadowRoot?.querySelector("[data-saved-count]")
          ?.getAttribute("data-saved-count") !== "0",
    );
    // The reader also saves the whole payload sentence from the context menu.
    const sentence = `tỷ lệ hộ dân ${PAYLOADS[0]} dùng nước sạch đạt 98%`;
    await selectText(page, sentence);
    const answer = (await saveSelectionFromMenu(session.browser.serviceWorker, url, sentence)) as {
      ok?: boolean;
    } | null;
    assert.equal(answer?.ok, true, "the selection was saved");
    await assertInert(page, "article page after saving");
    const collection = await readCollection(session.browser.serviceWorker);
    assert.ok(
      collection.snippets.some((s) => String(s.text).includes(PAYLOADS[0] ?? "")),
      "the payload was saved as it reads",
    );
    assert.ok(
      collection.articles.some((a) => String(a.snapshot).includes(PAYLOADS[1] ?? "")),
      "the snapshot keeps the script payload as text",
    );
    await page.close();
  });

  test("the popup, the collection page and the offline copy show the payloads as text", async () => {
    const popup = await openExtensionPage(session.browser, "popup.html");
    await selectTab(popup, "Bộ sưu tập");
    await waitForCollectionRendered(popup);
    assert.ok((await popup.getByText("<img src=x", { exact: false }).count()) > 0);
    await assertInert(popup, "popup");
    await popup.close();

    const page = await openExtensionPage(session.browser, "collection.html?view=list");
    assert.ok((await page.getByText("<img src=x", { exact: false }).count()) > 0);
    await assertInert(page, "collection page");
    await page.getByRole("button", { name: "Đọc bản lưu" }).first().click();
    await page.locator(".offline-text").waitFor();
    assert.match(
      (await page.locator(".offline-text").textContent()) ?? "",
      /<script>window\.__gvnPwned/,
    );
    await assertInert(page, "offline copy");
    await page.close();
  });

  test("every export keeps the payloads inert", async () => {
    const page = await openExtensionPage(session.browser, "collection.html?tab=transfer");
    const markdown = (await downloadFrom(page, page.locator("[data-export=md]"))).text;
    assert.ok(!markdown.includes("<img"), "Markdown escapes the tag");
    assert.ok(markdown.includes("&lt;img"), "…and keeps its text");
    assert.ok(!/\]\(javascript:/i.test(markdown), "no javascript: link");
    const csv = (await downloadFrom(page, page.locator("[data-export=csv]"))).text;
    assert.ok(csv.includes("<img src=x"), "CSV keeps the text as data");
    assert.ok(!/(^|,)"?=/m.test(csv), "no cell starts a formula");
    const json = (await downloadFrom(page, page.locator("[data-export=json]"))).text;
    assert.ok(
      JSON.parse(json).snippets.some((s: { text: string }) => s.text.includes("<img src=x")),
    );
    await assertInert(page, "transfer tab after the exports");
    await page.close();
  });

  test("no errors were logged", () => {
    assert.equal(session.errors.format(), "");
  });
});
