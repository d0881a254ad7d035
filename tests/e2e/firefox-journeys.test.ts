/**
 * The main journeys in real Firefox (Debian's firefox-esr, headless, through WebDriver BiDi with
 * puppeteer-core), with the Firefox (MV2) build installed as a temporary add-on: every seed article
 * recognised and highlighted exactly as the engine reads it (highlights read from `CSS.highlights`),
 * its toolbar badge counting the items, its page text unchanged; the non-party pages untouched; on
 * one article the card, "Lưu tất cả" and a reload showing what was saved; the popup's "Trang này"
 * over a second article and its "Bộ sưu tập"; the collection page's comparison of both; a JSON
 * export, clearing and importing it back; "Lưu đoạn trích" from Firefox's context menu; the
 * keyboard shortcuts as Firefox registered them, and the toggle's command; a site allowed in the
 * options (an optional host permission) and removed again. Last, Firefox is closed and what it
 * printed holds no error of a page or of the add-on (its background page included). The add-on is
 * built once, at the start of this file.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "puppeteer-core";
import type { ExtractedItem } from "../../lib/extract/types.ts";
import {
  E2E_PAGES_DIR,
  FIXTURE_PAGES_DIR,
  OTHER_HOST,
  type PortalServer,
  startPortalServer,
} from "./harness.ts";
import { sortedById, TAB } from "./helpers/collection.ts";
import { assertSameTexts, assertSameTextsByKey, eventually } from "./helpers/compare.ts";
import { articleIn, type Collection, readCollection } from "./helpers/extension.ts";
import {
  addonShortcuts,
  buildFirefoxAddon,
  chooseInContextMenu,
  errorLines,
  evaluator,
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openAddonPage,
  runShortcut,
  toolbarBadge,
  waitForCollectionRendered,
  waitForDownload,
} from "./helpers/firefox.ts";
import {
  inUi,
  listedIds,
  selectTab,
  textOf,
  textsOf,
  waitForReading,
  waitForStatus,
} from "./helpers/firefox-page.ts";
import {
  CAMGIANG,
  engineItems,
  expectedCounts,
  fixtureUrl,
  KINDS,
  nonPartyPages,
  seedPages,
  TRAVINH,
} from "./helpers/fixtures.ts";
import {
  assertOnlyHostAdded,
  HIGHLIGHT,
  highlightNames,
  highlightPoint,
  highlightTexts,
  selectText,
  UI_HOST,
} from "./helpers/page.ts";

type PlaywrightPage = import("playwright-core").Page;
type PlaywrightWorker = import("playwright-core").Worker;

/** How long "nothing happens" is given to happen. */
const QUIET_MS = 1500;

const seeds = seedPages();
const nonParty = nonPartyPages();

/** What the engine finds in each seed's HTML outside the browser (the CLI's reading). */
const engine = new Map<string, ExtractedItem[]>(
  await Promise.all(seeds.map(async (p) => [p.slug, await engineItems(p)] as const)),
);

function textsByKind(items: ReadonlyArray<{ kind: string; text: string }>) {
  return Object.fromEntries(
    KINDS.map((kind) => [kind, items.filter((i) => i.kind === kind).map((i) => i.text)]),
  );
}

/** A puppeteer page for the shared helpers typed on Playwright's page. */
const asPage = (page: Page) => evaluator<PlaywrightPage>(page);

// A bound on the whole file (it takes 1.5 min here), so that a hung browser fails it.
describe("Firefox: the main journeys", { timeout: 10 * 60_000 }, () => {
  let server: PortalServer;
  let firefox: FirefoxWithExtension;
  /** An add-on page kept open to read the collection database (IndexedDB of the add-on's origin). */
  let reader: Page;

  const readDb = () => readCollection(evaluator<PlaywrightWorker>(reader));
  const collectionWhen = (done: (c: Collection) => boolean) => eventually(readDb, done);

  before(async () => {
    const addon = await buildFirefoxAddon();
    server = await startPortalServer(FIXTURE_PAGES_DIR, { staticDir: E2E_PAGES_DIR });
    firefox = await launchFirefoxWithExtension({
      extensionPath: addon,
      grantOptionalPermissions: true,
    });
    reader = await openAddonPage(firefox, "options.html", { background: true });
  });

  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** A new tab showing `url`, in front, once the content script has read it. */
  async function openArticle(url: string, recognised?: boolean): Promise<Page> {
    const page = await firefox.browser.newPage();
    page.setDefaultTimeout(10_000);
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, url);
    await waitForReading(page, { recognised });
    return page;
  }

  test("Firefox runs the add-on as a temporary add-on", async () => {
    const version = await firefox.browser.version();
    console.log(`  ${version}`);
    assert.match(version, /^firefox\/(\d+)/);
    assert.ok(Number(version.split("/")[1]?.split(".")[0]) >= 140, "custom highlights (140+)");
    assert.deepEqual(await readDb(), { articles: [], snippets: [] }, "an empty collection");
  });

  for (const fixture of seeds) {
    test(`seed ${fixture.slug}: recognised, highlighted as the engine reads it, text unchanged`, async () => {
      const url = fixtureUrl(server, fixture);
      const page = await openArticle(url, true);
      let plain: Page | undefined;
      try {
        const reading = await waitForReading(page, { recognised: true });
        assert.equal(reading.items, fixture.expected.items.length, "gvn:done counts the items");
        const want = String(fixture.expected.items.length);
        const badge = await eventually(
          () => toolbarBadge(firefox),
          (text) => text === want,
        );
        assert.equal(badge, want, "the toolbar badge");
        const highlighted = await highlightTexts(asPage(page));
        assertSameTextsByKey(
          Object.fromEntries(KINDS.map((kind) => [kind, highlighted[HIGHLIGHT[kind]] ?? []])),
          textsByKind(engine.get(fixture.slug) ?? []),
          "highlighted texts (actual) vs the engine's items from the same HTML (expected)",
        );
        await page.waitForSelector(inUi("section.panel"));
        for (const [kind, count] of Object.entries(expectedCounts(fixture))) {
          assert.equal(await textOf(page, inUi(`[data-count=${kind}]`)), String(count), kind);
        }

        // The same page at a host name the content script does not run on: the page without it.
        plain = await firefox.browser.newPage();
        const plainUrl = new URL(url);
        plainUrl.hostname = OTHER_HOST;
        await plain.goto(plainUrl.toString());
        await assertOnlyHostAdded(asPage(page), asPage(plain));
        assert.deepEqual(await highlightNames(asPage(plain)), [], "nothing on the other host");
      } finally {
        await plain?.close();
        await page.close();
      }
    });
  }

  test("the non-party pages are read, not recognised, and left alone", async () => {
    for (const fixture of nonParty) {
      const page = await openArticle(fixtureUrl(server, fixture));
      try {
        const reading = await waitForReading(page);
        assert.deepEqual([reading.recognised, reading.items], [false, 0], fixture.slug);
        assert.deepEqual(await highlightNames(asPage(page)), [], `${fixture.slug}: highlights`);
        assert.equal(await page.$(UI_HOST), null, `${fixture.slug}: no <${UI_HOST}>`);
        assert.equal(await toolbarBadge(firefox), "", `${fixture.slug}: no badge`);
      } finally {
        await page.close();
      }
    }
  });

  describe("one article: the card, Lưu tất cả, and a reload", () => {
    const count = TRAVINH.expected.items.length;
    let page: Page;

    before(async () => {
      page = await openArticle(fixtureUrl(server, TRAVINH), true);
      await page.bringToFront();
    });

    after(async () => {
      await page?.close();
    });

    test("clicking a target highlight opens its card with the quote and a Lưu button", async () => {
      const point = await highlightPoint(asPage(page), HIGHLIGHT.target, 0);
      await page.mouse.click(point.x, point.y);
      await page.waitForSelector(inUi("[role=dialog].card"));
      assert.equal(await textOf(page, inUi("[role=dialog].card .quote")), point.text);
      assert.equal(await textOf(page, inUi("[role=dialog].card .kind")), "Chỉ tiêu");
      assert.equal(await textOf(page, inUi("[role=dialog].card [data-action=save]")), "Lưu");
      await page.keyboard.press("Escape");
      await page.waitForSelector(inUi("[role=dialog].card"), { hidden: true });
    });

    test("Lưu tất cả saves every item of the page into the collection", async () => {
      await page.locator(inUi("section.panel [data-action=save-all]")).click();
      await page.waitForSelector(inUi(`section.panel [data-saved-count="${count}"]`));
      const collection = await collectionWhen(
        (c) => articleIn(c, TRAVINH.key).snippets.length >= count,
      );
      const { article, snippets } = articleIn(collection, TRAVINH.key);
      assert.equal(snippets.length, count, "one snippet per item");
      assert.equal(article?.locality, TRAVINH.expected.article?.locality);
      assertSameTexts(
        snippets.map((s) => s.text),
        (engine.get(TRAVINH.slug) ?? []).map((i) => i.text),
        "saved texts vs the page's items",
      );
      const saved = (await highlightTexts(asPage(page)))[HIGHLIGHT.saved] ?? [];
      assert.equal(saved.length, count, "every item underlined as saved");
    });

    test("after a reload the saved snippets are shown as saved", async () => {
      await page.reload();
      const reading = await waitForReading(page, { recognised: true });
      assert.deepEqual([reading.saved, reading.orphans], [count, 0], "placed on the page");
      await page.waitForSelector(inUi(`section.panel [data-saved-count="${count}"]`));
      const { snippets } = articleIn(await readDb(), TRAVINH.key);
      assertSameTexts(
        (await highlightTexts(asPage(page)))[HIGHLIGHT.saved] ?? [],
        snippets.map((s) => s.text),
        "gvn-saved vs the collection",
      );
    });
  });

  describe("the popup", () => {
    const items = () => engine.get(CAMGIANG.slug) ?? [];

    test("Trang này over a second article lists its items; Lưu tất cả saves them", async () => {
      const article = await openArticle(fixtureUrl(server, CAMGIANG), true);
      // In a background tab, so the article stays its window's active tab, which the popup reads.
      const popup = await openAddonPage(firefox, "popup.html", { background: true });
      try {
        await popup.waitForSelector(".this-page li.item");
        const count = (kind: string) => items().filter((i) => i.kind === kind).length;
        assert.equal(
          await textOf(popup, ".this-page .page-title"),
          CAMGIANG.expected.article?.title,
        );
        assert.equal(
          await textOf(popup, ".this-page > p.muted"),
          `${count("target")} chỉ tiêu · ${count("result")} kết quả · ${count("deadline")} thời hạn`,
        );
        assertSameTexts(
          await textsOf(popup, ".this-page li.item .quote"),
          items().map((i) => i.text),
          "the popup's items vs the engine's",
        );
        await popup.bringToFront();
        await popup.locator(".this-page [data-action=save-all]").click();
        await popup.waitForSelector(".this-page [data-action=save-all]::-p-text(Đã lưu tất cả)");
        const collection = await collectionWhen(
          (c) => articleIn(c, CAMGIANG.key).snippets.length >= items().length,
        );
        assert.equal(articleIn(collection, CAMGIANG.key).snippets.length, items().length);
        assert.equal(articleIn(collection, CAMGIANG.key).article?.locality, "Cẩm Giàng");
        // The article's own panel hears of the save.
        await article.waitForSelector(inUi(`section.panel [data-saved-count="${items().length}"]`));
      } finally {
        await popup.close();
        await article.close();
      }
    });

    test("opened in front: no article on this page, and Bộ sưu tập lists every snippet", async () => {
      const collection = await readDb();
      const total = collection.snippets.length;
      assert.equal(total, TRAVINH.expected.items.length + items().length, "both articles saved");
      const popup = await openAddonPage(firefox, "popup.html");
      try {
        await waitForCollectionRendered(popup);
        await popup.waitForSelector("::-p-text(Trang này không có bài viết về Nghị quyết)");
        assert.deepEqual(await textsOf(popup, "[role=tab]"), [
          TAB.page,
          TAB.collection,
          TAB.compare,
          TAB.transfer,
        ]);
        await selectTab(popup, TAB.collection);
        await popup.waitForSelector(`[data-results="${total}"]`);
        assert.deepEqual(
          (await listedIds(popup)).sort(),
          collection.snippets.map((s) => s.id).sort(),
        );
      } finally {
        await popup.close();
      }
    });
  });

  test("the collection page compares both 95 % health-insurance targets in one row", async () => {
    const page = await openAddonPage(firefox, "collection.html?tab=compare");
    try {
      await waitForCollectionRendered(page);
      await page.locator('input[data-source="l:Trà Vinh"]').click();
      await page.locator('input[data-source="l:Cẩm Giàng"]').click();
      await page.waitForSelector("tr[data-category=health_insurance]");
      assert.deepEqual(await textsOf(page, "thead th"), [
        "Nhóm chỉ số",
        "Trà Vinh (tỉnh)",
        "Cẩm Giàng (huyện)",
        "Chênh lệch giữa các nguồn",
        "% thực hiện (trung bình)",
      ]);
      const row = "tr[data-category=health_insurance]";
      assert.equal((await page.$$(row)).length, 1, "one row for the category");
      assert.deepEqual(await textsOf(page, `${row} td .value.kind-target a`), ["95%", "95%"]);
      const collection = await readDb();
      assert.deepEqual(
        await page.$$eval(`${row} td .value.kind-target a`, (links) =>
          links.map((a) => a.getAttribute("href")),
        ),
        [TRAVINH.key, CAMGIANG.key].map((key) => articleIn(collection, key).article?.url),
        "each links to its article",
      );
    } finally {
      await page.close();
    }
  });

  describe("export, clear, import", () => {
    let transfer: Page;
    let before_: Collection;
    let json: { fileName: string; text: string; path: string };

    before(async () => {
      before_ = await readDb();
      transfer = await openAddonPage(firefox, "collection.html?tab=transfer");
      transfer.setDefaultTimeout(10_000);
      await waitForCollectionRendered(transfer);
    });

    after(async () => {
      await transfer?.close();
    });

    test("JSON export: a file with every record exactly as stored", async () => {
      await transfer.locator("[data-export=json]").click();
      json = await waitForDownload(firefox, /^chi-tieu-\d{4}-\d{2}-\d{2}\.json$/);
      await waitForStatus(transfer, `Đã xuất ${json.fileName}`);
      const data = JSON.parse(json.text) as { format: string } & Collection;
      assert.equal(data.format, "gvn-chi-tieu.collection");
      assert.deepEqual(sortedById(data), sortedById(before_));
    });

    test("clearing empties the collection; importing the export gives it back", async () => {
      assert.ok(json, "the export (previous step)");
      const snippets = before_.snippets.length;
      await transfer.locator("[data-action=clear]").click();
      await transfer.locator("[data-action=clear-confirm]").click();
      await waitForStatus(transfer, "Đã xóa toàn bộ bộ sưu tập.");
      assert.deepEqual(await collectionWhen((c) => c.snippets.length + c.articles.length === 0), {
        articles: [],
        snippets: [],
      });
      const input = await transfer.waitForSelector("input[data-import=json]");
      assert.ok(input);
      await (input as import("puppeteer-core").ElementHandle<HTMLInputElement>).uploadFile(
        json.path,
      );
      await waitForStatus(
        transfer,
        `Đã nhập: 2 bài viết mới, ${snippets} mục mới, 0 mục trùng đã gộp.`,
      );
      assert.deepEqual(sortedById(await readDb()), sortedById(before_));
    });
  });

  test("Lưu đoạn trích in the page's context menu saves the selected text", async () => {
    const sentence = "Sau khi kết thúc buổi học thứ hai, các cán bộ chủ chốt của huyện";
    const page = await openArticle(fixtureUrl(server, TRAVINH, "menu"), true);
    try {
      await page.bringToFront();
      assert.equal(await selectText(asPage(page), sentence), sentence);
      const point = await page.evaluate(() => {
        const range = document.getSelection()?.getRangeAt(0);
        range?.startContainer.parentElement?.scrollIntoView({
          block: "center",
          behavior: "instant",
        });
        const rect = range?.getClientRects()[0];
        return rect ? { x: rect.left + 4, y: rect.top + rect.height / 2 } : null;
      });
      assert.ok(point, "the selection is on screen");
      await page.mouse.click(point.x, point.y, { button: "right" });
      assert.equal(await chooseInContextMenu(firefox, "Lưu đoạn trích"), true, "the menu item");
      const collection = await collectionWhen((c) => c.snippets.some((s) => s.text === sentence));
      const saved = collection.snippets.find((s) => s.text === sentence);
      assert.ok(saved, "a snippet of the selection");
      assert.equal(saved.manual, true);
      assert.equal(saved.articleId, articleIn(collection, TRAVINH.key).article?.id, "its article");
    } finally {
      await page.close();
    }
  });

  test("the keyboard shortcuts are Firefox's Alt+Shift+H/J/K; H turns the highlights off and on", async () => {
    assert.deepEqual((await addonShortcuts(firefox)).sort(), [
      "H alt,shift",
      "J alt,shift",
      "K alt,shift",
    ]);
    const page = await openArticle(fixtureUrl(server, CAMGIANG, "keys"), true);
    try {
      await page.bringToFront();
      const targets = () => highlightTexts(asPage(page)).then((t) => t[HIGHLIGHT.target] ?? []);
      const shown = (await targets()).length;
      assert.ok(shown > 0, "targets highlighted");
      await runShortcut(firefox, "H");
      assert.equal((await eventually(targets, (t) => t.length === 0)).length, 0, "off");
      await runShortcut(firefox, "H");
      assert.equal((await eventually(targets, (t) => t.length === shown)).length, shown, "on");
    } finally {
      await page.close();
    }
  });

  test("Options: another site allowed gets the add-on (optional host permission); removed, not", async () => {
    const article = new URL(fixtureUrl(server, TRAVINH));
    article.hostname = OTHER_HOST;
    const options = await openAddonPage(firefox, "options.html");
    try {
      await options.locator("form input[type=text]").fill(OTHER_HOST);
      await options.locator("form button[type=submit]").click();
      await waitForStatus(options, "Đã lưu tùy chọn");
      await options.waitForSelector(`::-p-text(Gỡ ${OTHER_HOST})`);
      // The background registers the content script for the site when the permission is added:
      // the first page may come before that, so the article is loaded until it is read.
      const reading = await eventually(
        async () => {
          const page = await firefox.browser.newPage();
          try {
            await page.goto(article.toString());
            return await waitForReading(page, { timeout: 3_000 }).catch(() => null);
          } finally {
            await page.close();
          }
        },
        (reading) => reading !== null,
        { timeout: 15_000 },
      );
      assert.equal(reading?.recognised, true, `the article read at ${OTHER_HOST}`);
      assert.equal(reading?.items, TRAVINH.expected.items.length);

      await options.bringToFront();
      await options.locator(`::-p-text(Gỡ ${OTHER_HOST})`).click();
      await options.waitForSelector("::-p-text(Chưa có trang nào khác.)");
      // Removed: a page on the site is not read. A portal page opened beside it is read, and then
      // the other has had its chance too.
      const control = await firefox.browser.newPage();
      const other = await firefox.browser.newPage();
      try {
        await Promise.all([
          control.goto(fixtureUrl(server, TRAVINH)),
          other.goto(article.toString()),
        ]);
        await waitForReading(control);
        await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
        const marks = await other.evaluate(
          () => performance.getEntriesByName("gvn:done", "mark").length,
        );
        assert.equal(marks, 0, `no reading at ${OTHER_HOST} once the site is removed`);
      } finally {
        await control.close();
        await other.close();
      }
    } finally {
      await options.close();
    }
  });

  test("closing Firefox: no page and no part of the add-on printed an error", async () => {
    // Self-check: an error in an add-on page reaches the output the check reads.
    const probe = await openAddonPage(firefox, "options.html");
    await probe.evaluate(() => console.error("gvn-firefox-self-check"));
    await firefox.close();
    const errors = errorLines(firefox.output);
    assert.ok(
      errors.some((line) => line.includes("gvn-firefox-self-check")),
      `the self-check's error was printed:\n${firefox.output.slice(-20).join("\n")}`,
    );
    assert.deepEqual(
      errors.filter((line) => !line.includes("gvn-firefox-self-check")),
      [],
      "errors printed by Firefox",
    );
  });
});
