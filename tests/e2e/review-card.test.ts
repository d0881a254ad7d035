/**
 * Correcting from the page: a saved figure's card offers Sửa, which opens the collection page in a
 * new tab with that very snippet in the table's editor (every field correctable there, the
 * engine's value beside the reader's); what the reader writes there is saved to it. The panel's
 * list of items does the same with the e key.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { normalizeUrl } from "../../lib/snippets/keys.ts";
import { openArticle, saveAllFromPanel } from "./helpers/article-tab.ts";
import { extensionUrl } from "./helpers/collection.ts";
import { eventually, normalizeSpace } from "./helpers/compare.ts";
import { articleIn, readCollection } from "./helpers/extension.ts";
import { CAMGIANG, engineItems, fixtureUrl } from "./helpers/fixtures.ts";
import { ui } from "./helpers/page.ts";
import { useExtensionSession } from "./helpers/session.ts";

describe("correcting a saved figure from its card on the page", () => {
  const session = useExtensionSession();

  before(async () => {
    session.browser.context.setDefaultTimeout(15_000);
  });

  test("Sửa opens the snippet in the collection's editor, and what the reader writes there is saved", async () => {
    const { page } = await openArticle(session.browser, fixtureUrl(session.server, CAMGIANG));
    await saveAllFromPanel(page, (await engineItems(CAMGIANG)).length);

    // The first item's card: saved, so it offers the review and the correction.
    await ui(page).next.click();
    await ui(page).card.waitFor();
    const quote = normalizeSpace((await ui(page).cardQuote.textContent()) ?? "");
    const correct = ui(page).card.locator("[data-action=correct]");
    assert.equal(await correct.textContent(), "Sửa");
    const stored = articleIn(
      await readCollection(session.browser.serviceWorker),
      normalizeUrl(CAMGIANG.expected.url),
    ).snippets.find((s) => quote.includes(normalizeSpace(s.text)));
    assert.ok(stored, `a stored snippet for the card's quote: ${quote}`);

    const editorUrl = extensionUrl(
      session.browser,
      `collection.html?edit=${encodeURIComponent(stored.id)}`,
    );
    const opened = session.browser.context.waitForEvent("page", {
      predicate: (p) => p.url() === editorUrl,
    });
    await correct.click();
    const collection = await opened;
    const editor = collection.locator(`section.opened-item[data-opened="${stored.id}"]`);
    await editor.waitFor();
    const note = editor.locator("textarea").first();
    await note.fill("Đã đối chiếu với báo cáo của huyện.");
    await editor.locator("button[type=submit]").first().click();
    await editor.waitFor({ state: "detached" });
    const saved = await eventually(
      async () =>
        articleIn(
          await readCollection(session.browser.serviceWorker),
          normalizeUrl(CAMGIANG.expected.url),
        ).snippets.find((s) => s.id === stored.id),
      (s) => s?.note === "Đã đối chiếu với báo cáo của huyện.",
    );
    assert.equal(saved?.note, "Đã đối chiếu với báo cáo của huyện.");
    await collection.close();

    // The panel's list of items: e on a saved item opens it in the editor the same way.
    await page.keyboard.press("Escape");
    await ui(page).panel.locator("[data-action=list]").click();
    const first = ui(page).panel.locator("button[data-item]").first();
    await first.focus();
    const listed = normalizeSpace((await first.textContent()) ?? "");
    const item = articleIn(
      await readCollection(session.browser.serviceWorker),
      normalizeUrl(CAMGIANG.expected.url),
    ).snippets.find((s) => listed.includes(normalizeSpace(s.text).slice(0, 40)));
    assert.ok(item, `a stored snippet for the listed item: ${listed}`);
    const second = session.browser.context.waitForEvent("page", {
      predicate: (p) =>
        p.url() ===
        extensionUrl(session.browser, `collection.html?edit=${encodeURIComponent(item.id)}`),
    });
    await page.keyboard.press("e");
    const other = await second;
    await other.locator(`section.opened-item[data-opened="${item.id}"]`).waitFor();
    await other.close();
    await page.close();
  });
});
