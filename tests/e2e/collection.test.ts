/**
 * The collection end to end, in Chromium with the built extension, one reader's session in order:
 * save two seed articles (Trà Vinh from the page's panel, Cẩm Giàng from the popup's "Trang
 * này") → the popup lists them → search, a facet, editing a note, delete and undo on the
 * collection page → the comparison puts both 95 % health-insurance targets in one row → the CSV,
 * JSON, Markdown, iCalendar and Web Annotation exports hold the collection → clear → importing the JSON gives back
 * exactly the records there were (read with the raw IndexedDB API in the service worker) → hostile
 * files are refused with messages and change nothing. No page and not the service worker logs an
 * error. The steps build on each other (saving first, the exports before the clear and the
 * import), but each list step starts from the whole list and the exports take the collection as
 * the list steps left it, so one broken feature fails its own test rather than everything after.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import {
  comparatorWord,
  directionWord,
  eventUid,
  kindWord,
  XLSX_COLUMNS,
} from "../../lib/export/index.ts";
import type { ExtractedItem } from "../../lib/extract/types.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { waitForReading } from "./harness.ts";
import { openArticle, saveAllFromPanel } from "./helpers/article-tab.ts";
import {
  articleOf,
  type DownloadedFile,
  downloadFrom,
  foldVi,
  icsEvents,
  icsText,
  listedIds,
  markdownSections,
  openExtensionPage,
  openPopupOver,
  parseCsvExport,
  readSnippet,
  resultsCount,
  selectTab,
  snippetsByArticle,
  sortedById,
  TAB,
  tab,
  waitForCollectionRendered,
  waitForResults,
} from "./helpers/collection.ts";
import { assertSameTexts, eventually } from "./helpers/compare.ts";
import { articleIn, type Collection, readCollection } from "./helpers/extension.ts";
import { CAMGIANG, engineItems, fixtureUrl, TRAVINH } from "./helpers/fixtures.ts";
import { ui } from "./helpers/page.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

const NOTE = "Cao hơn mức bình quân; đối chiếu với Cẩm Giàng (huyện).";
const TAGS = ["bảo hiểm y tế", "so sánh"];
const IMPORT_FAILED = "Không nhập được tệp. Bộ sưu tập không thay đổi.";
const EMPTY = /^Bộ sưu tập còn trống/;

describe("collection: save, list, compare, export, clear, import", () => {
  const session = useExtensionSession();
  /** The collection page (collection.html), kept open from the list steps on. */
  let list: Page;
  /** The collection after the list steps (edit, delete and undo), before anything is exported. */
  let edited: Collection | undefined;
  const files: Partial<
    Record<"json" | "csv" | "md" | "ics" | "xlsx" | "docx" | "web-annotation", DownloadedFile>
  > = {};
  /** The transfer tab (collection.html?tab=transfer) the exports, clear and import use. */
  let transfer: Page;
  /** What the engine finds on each page (the items the page and the popup offer to save). */
  let travinhItems: ExtractedItem[] = [];
  let camgiangItems: ExtractedItem[] = [];
  /** Snippets saved from both pages. */
  let total = 0;
  /** Snippets in `edited` (total, unless a list step lost one). */
  const kept = () => edited?.snippets.length ?? total;

  before(async () => {
    travinhItems = await engineItems(TRAVINH);
    camgiangItems = await engineItems(CAMGIANG);
    total = travinhItems.length + camgiangItems.length;
    // A missing element is a failure, not something to wait 30 s for.
    session.browser.context.setDefaultTimeout(10_000);
  });

  /** The collection, once `done` holds (or after 5 s). */
  function collectionWhen(done: (collection: Collection) => boolean): Promise<Collection> {
    return eventually(() => readCollection(session.browser.serviceWorker), done);
  }

  describe("saving two seed articles", () => {
    test("Trà Vinh: Lưu tất cả in the page's panel saves every item", async () => {
      const { page } = await openArticle(session.browser, fixtureUrl(session.server, TRAVINH));
      const count = travinhItems.length;
      await saveAllFromPanel(page, count);
      const collection = await collectionWhen(
        (c) => articleIn(c, TRAVINH.key).snippets.length >= count,
      );
      assert.equal(articleIn(collection, TRAVINH.key).snippets.length, count);
      assert.equal(collection.articles.length, 1);
      await page.close();
    });

    test("Cẩm Giàng: the popup's Trang này lists the page's items and saves them", async () => {
      const url = fixtureUrl(session.server, CAMGIANG);
      const article = await session.browser.context.newPage();
      await article.goto(url);
      await waitForReading(article, { recognised: true });
      const popup = await openPopupOver(session.browser, url);
      try {
        const count = (kind: string) => camgiangItems.filter((i) => i.kind === kind).length;
        const items = popup.locator(".this-page li.item");
        await items.first().waitFor();
        assert.equal(await tab(popup, TAB.page).getAttribute("aria-selected"), "true");
        assert.equal(
          await popup.locator(".this-page .page-title").textContent(),
          CAMGIANG.expected.article?.title,
          "the article's title",
        );
        assert.equal(
          await popup.locator(".this-page > p.muted").textContent(),
          `${count("target")} chỉ tiêu · ${count("result")} kết quả · ${count("deadline")} thời hạn`,
        );
        assertSameTexts(
          await items.locator(".quote").allTextContents(),
          camgiangItems.map((item) => item.text),
          "the popup's items vs the engine's items of the page",
        );

        // The popup found its tab when it started: it can come to the front now.
        await popup.bringToFront();
        const first = items.first();
        const firstQuote = (await first.locator(".quote").textContent()) ?? "";
        await first.getByRole("button", { name: "Lưu", exact: true }).click();
        await first.getByRole("button", { name: "Đã lưu ✓" }).waitFor();
        let collection = await collectionWhen(
          (c) => articleIn(c, CAMGIANG.key).snippets.length >= 1,
        );
        assert.deepEqual(
          articleIn(collection, CAMGIANG.key).snippets.map((s) => s.text),
          [firstQuote],
          "the one item saved",
        );

        const saveAll = popup.locator(".this-page [data-action=save-all]");
        assert.equal(await saveAll.textContent(), "Lưu tất cả");
        await saveAll.click();
        await popup
          .locator(".this-page [data-action=save-all]", { hasText: "Đã lưu tất cả" })
          .waitFor();
        assert.equal(await saveAll.isDisabled(), true);
        collection = await collectionWhen(
          (c) => articleIn(c, CAMGIANG.key).snippets.length >= camgiangItems.length,
        );
        const saved = articleIn(collection, CAMGIANG.key);
        assert.equal(saved.snippets.length, camgiangItems.length, "every item of the page");
        assert.equal(saved.article?.locality, "Cẩm Giàng");
        assert.equal(collection.snippets.length, total, "both articles' snippets");
        // The page's own panel hears of the save.
        await ui(article).panel.locator(`[data-saved-count="${camgiangItems.length}"]`).waitFor();
      } finally {
        await popup.close();
        await article.close();
      }
    });
  });

  describe("the popup opened as a tab", () => {
    test("Trang này says there is no article; Bộ sưu tập lists every saved snippet", async () => {
      const collection = await readCollection(session.browser.serviceWorker);
      assert.equal(collection.snippets.length, total, "both articles saved (previous steps)");
      const popup = await openExtensionPage(session.browser, "popup.html");
      try {
        await popup.bringToFront();
        assert.equal(await tab(popup, TAB.page).getAttribute("aria-selected"), "true");
        await popup.getByText(/^Trang này không có bài viết về Nghị quyết/).waitFor();
        assert.deepEqual(await popup.getByRole("tab").allTextContents(), [
          TAB.page,
          TAB.collection,
          TAB.compare,
          TAB.transfer,
        ]);
        await selectTab(popup, TAB.collection);
        await waitForResults(popup, total);
        assert.deepEqual(
          (await listedIds(popup)).sort(),
          collection.snippets.map((s) => s.id).sort(),
          "one item per snippet",
        );
        const shown = await popup.locator("li[data-snippet] .quote").allTextContents();
        assertSameTexts(
          shown,
          collection.snippets.map((s) => s.text),
          "quotes shown",
        );
        // Newest first: Cẩm Giàng (saved second) above Trà Vinh; Trà Vinh's snippets, saved
        // together, in text order.
        const order = await listedIds(popup);
        const byId = new Map(collection.snippets.map((s) => [s.id, s]));
        const camgiang = articleIn(collection, CAMGIANG.key);
        const first = order.slice(0, camgiang.snippets.length);
        assert.ok(
          first.every((id) => byId.get(id)?.articleId === camgiang.article?.id),
          "Cẩm Giàng's snippets first",
        );
        const starts = order.slice(first.length).map((id) => byId.get(id)?.anchor.start ?? -1);
        assert.deepEqual(
          starts,
          [...starts].sort((a, b) => a - b),
          "Trà Vinh's in text order",
        );
      } finally {
        await popup.close();
      }
    });
  });

  describe("the collection page", () => {
    before(async () => {
      list = await openExtensionPage(session.browser, "collection.html?view=list");
    });

    /** The whole list again (no search, no facet), whatever an earlier step left. */
    async function resetList(): Promise<void> {
      await list.bringToFront();
      await list.locator("#search").fill("");
      await list.getByRole("button", { name: "Bỏ lọc" }).click();
      await waitForResults(list, total);
    }

    /** Waits until the list shows as many results as `expected`, then asserts they are those. */
    async function assertListed(
      expected: readonly SnippetRecord[],
      message: string,
    ): Promise<void> {
      await waitForResults(list, expected.length);
      assert.deepEqual((await listedIds(list)).sort(), expected.map((s) => s.id).sort(), message);
    }

    test("opens on Bộ sưu tập with every snippet (no Trang này tab)", async () => {
      await list.bringToFront();
      assert.deepEqual(await list.getByRole("tab").allTextContents(), [
        TAB.collection,
        TAB.compare,
        TAB.progress,
        TAB.transfer,
      ]);
      assert.equal(await tab(list, TAB.collection).getAttribute("aria-selected"), "true");
      assert.equal(await resultsCount(list), total);
      const rendered = await waitForCollectionRendered(list);
      assert.equal(rendered.snippets, total, "gvn:collection-rendered counts the snippets");
    });

    test("search without diacritics: nong thon moi finds the snippets with «nông thôn mới»", async () => {
      await resetList();
      const collection = await readCollection(session.browser.serviceWorker);
      const phrase = "nong thon moi";
      const expected = collection.snippets.filter((s) =>
        [s.text, s.sentence, s.indicator, s.note, ...s.tags].some((t) =>
          foldVi(t).includes(phrase),
        ),
      );
      assert.ok(expected.length >= 3, `a few snippets have the phrase (${expected.length})`);
      assert.ok(expected.length < total, "not all of them");
      const search = list.getByLabel("Tìm trong bộ sưu tập");
      assert.equal(await search.getAttribute("id"), "search");
      await search.fill(phrase);
      await assertListed(expected, "exactly the snippets with the phrase");
      // Case and diacritics do not matter either way.
      await search.fill("NÔNG THÔN MỚI");
      await waitForResults(list, expected.length);
      await search.fill("");
      await waitForResults(list, total);
    });

    test("a facet narrows the list: locality, then kind", async () => {
      await resetList();
      const collection = await readCollection(session.browser.serviceWorker);
      const camgiang = articleIn(collection, CAMGIANG.key).snippets;
      await list.locator("#f-locality").selectOption("Cẩm Giàng");
      await assertListed(camgiang, "only Cẩm Giàng's snippets");
      const deadlines = camgiang.filter((s) => s.kind === "deadline");
      assert.ok(deadlines.length > 0 && deadlines.length < camgiang.length);
      await list.locator("#f-kind").selectOption("deadline");
      await assertListed(deadlines, "Cẩm Giàng's deadlines");
      await list.getByRole("button", { name: "Bỏ lọc" }).click();
      await waitForResults(list, total);
      assert.equal(await list.locator("#f-locality").inputValue(), "");
    });

    test("editing a snippet's note and tags persists in the database", async () => {
      await resetList();
      const collection = await readCollection(session.browser.serviceWorker);
      const original = articleIn(collection, TRAVINH.key).snippets.find(
        (s) => s.category === "health_insurance",
      );
      assert.ok(original, "Trà Vinh's health-insurance target");
      const item = list.locator(`li[data-snippet="${original.id}"]`);
      await item.getByRole("button", { name: "Sửa", exact: true }).click();
      await item.getByLabel("Ghi chú").fill(NOTE);
      await item.getByLabel("Thẻ (cách nhau bằng dấu phẩy)").fill(` ${TAGS.join(" , ")} `);
      await item.getByRole("button", { name: "Lưu thay đổi" }).click();
      await item.locator("p.note", { hasText: NOTE }).waitFor();
      assert.deepEqual(await item.locator(".tags .tag").allTextContents(), TAGS);

      const stored = await eventually(
        () => readSnippet(session.browser.serviceWorker, original.id),
        (s) => s?.note === NOTE,
      );
      assert.ok(stored, "the record is still there");
      assert.equal(stored.note, NOTE);
      assert.deepEqual(stored.tags, TAGS);
      assert.ok(stored.updatedAt > original.updatedAt, "updatedAt moves on");
      assert.deepEqual(
        { ...stored, note: "", tags: [], updatedAt: 0 },
        { ...original, note: "", tags: [], updatedAt: 0 },
        "nothing else changed",
      );

      // A fresh page shows it too.
      await list.reload();
      await waitForCollectionRendered(list);
      await list.locator(`li[data-snippet="${original.id}"] p.note`, { hasText: NOTE }).waitFor();
    });

    test("deleting a snippet, then Hoàn tác, restores it as it was", async () => {
      await resetList();
      const collection = await readCollection(session.browser.serviceWorker);
      const victim = articleIn(collection, CAMGIANG.key).snippets.find(
        (s) => s.kind === "deadline",
      );
      assert.ok(victim);
      const item = list.locator(`li[data-snippet="${victim.id}"]`);
      await item.getByRole("button", { name: "Xóa", exact: true }).click();
      await waitForResults(list, total - 1);
      assert.equal(await item.count(), 0, "the item is gone from the list");
      await list.getByRole("status").filter({ hasText: "Đã xóa 1 mục." }).waitFor();
      const without = await eventually(
        () => readSnippet(session.browser.serviceWorker, victim.id),
        (s) => s === undefined,
      );
      assert.equal(without, undefined, "deleted from the database");

      await list.getByRole("button", { name: "Hoàn tác" }).click();
      await waitForResults(list, total);
      await item.waitFor();
      const restored = await eventually(
        () => readSnippet(session.browser.serviceWorker, victim.id),
        (s) => s !== undefined,
      );
      assert.deepEqual(restored, victim, "the same record as before the delete");
      assert.equal((await readCollection(session.browser.serviceWorker)).snippets.length, total);
    });
  });

  describe("comparison", () => {
    let page: Page;

    before(async () => {
      page = await openExtensionPage(session.browser, "collection.html?tab=compare");
      await page.bringToFront();
    });

    after(async () => {
      await page?.close();
    });

    /** Checks the health-insurance row: both columns' 95 % targets, links and quotes. */
    async function assertHealthInsuranceRow(): Promise<void> {
      const collection = await readCollection(session.browser.serviceWorker);
      const columns = [TRAVINH.key, CAMGIANG.key].map((key) => {
        const { article, snippets } = articleIn(collection, key);
        const target = snippets.find((s) => s.category === "health_insurance");
        assert.ok(article && target, `${key}: a health-insurance target`);
        return { article, target };
      });
      const row = page.locator("tr[data-category=health_insurance]");
      await row.waitFor();
      assert.equal(await row.count(), 1, "one row for the category");
      const cells = row.locator("td:not(.measure)");
      assert.equal(await cells.count(), 2, "one cell per source");
      for (const [i, { article, target }] of columns.entries()) {
        const value = cells.nth(i).locator(".value.kind-target");
        assert.equal(await value.count(), 1, `${article.locality}: one target`);
        const link = value.locator("a");
        assert.equal(await link.textContent(), "95%", `${article.locality}: the value`);
        assert.equal(await link.getAttribute("href"), article.url, "links to the article");
        assert.equal(await value.getAttribute("title"), target.text, "the quote on hover");
        // No bar scaled to the row's largest value (issue 11 §2): the spread column says it.
        assert.equal(await cells.nth(i).locator(".bar").count(), 0);
      }
      assert.equal(await row.locator(".badge").count(), 0, "not marked as differing");
      assert.equal(await row.locator("td.measure[data-spread]").first().textContent(), "0%");
      // Within its group (văn hóa - xã hội), rows with a value in both columns come first.
      const group = page.locator('tbody[data-group="society"] tr[data-category]');
      const filled = await group.evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll("td:not(.measure)")].every((td) => td.querySelector(".pair")),
        ),
      );
      const categories = await group.evaluateAll((rows) =>
        rows.map((r) => r.getAttribute("data-category")),
      );
      const at = categories.indexOf("health_insurance");
      assert.ok(filled[at], "both cells filled");
      assert.ok(
        filled.slice(0, at).every(Boolean),
        `only rows with both sources above it: ${categories.join(", ")}`,
      );
    }

    test("by locality: Trà Vinh beside Cẩm Giàng puts both 95 % health-insurance targets in one row", async () => {
      assert.equal(await tab(page, TAB.compare).getAttribute("aria-selected"), "true");
      assert.equal(await page.getByRole("radio", { name: "Theo địa phương" }).isChecked(), true);
      await page.locator('input[data-source="l:Trà Vinh"]').check();
      await page.locator('input[data-source="l:Cẩm Giàng"]').check();
      assert.deepEqual(await page.locator("thead th").allTextContents(), [
        "Nhóm chỉ số",
        "Trà Vinh (tỉnh)",
        "Cẩm Giàng (huyện)",
        "Chênh lệch giữa các nguồn",
        "% thực hiện (trung bình)",
      ]);
      await assertHealthInsuranceRow();
    });

    test("by article: the same row", async () => {
      const collection = await readCollection(session.browser.serviceWorker);
      await page.getByRole("radio", { name: "Theo bài viết" }).check();
      assert.equal(await page.locator("tr[data-category]").count(), 0, "the choice starts over");
      for (const key of [TRAVINH.key, CAMGIANG.key]) {
        const id = articleIn(collection, key).article?.id;
        await page.locator(`input[data-source="a:${id}"]`).check();
      }
      await assertHealthInsuranceRow();
    });
  });

  describe("exports", () => {
    before(async () => {
      // What the exports must hold: the collection as the earlier steps left it.
      edited = await readCollection(session.browser.serviceWorker);
      transfer = await openExtensionPage(session.browser, "collection.html?tab=transfer");
      await transfer.bringToFront();
    });

    /** Downloads one export of the whole collection. */
    async function exportAs(
      format: "json" | "csv" | "md" | "ics" | "xlsx" | "docx" | "web-annotation",
    ): Promise<DownloadedFile> {
      assert.equal(await transfer.getByRole("radio", { name: /^Toàn bộ/ }).isChecked(), true);
      const file = await downloadFrom(transfer, transfer.locator(`[data-export=${format}]`));
      const ending = format === "web-annotation" ? "-web-annotation\\.jsonld" : `\\.${format}`;
      assert.match(file.fileName, new RegExp(`^chi-tieu-\\d{4}-\\d{2}-\\d{2}${ending}$`));
      await transfer
        .getByRole("status")
        .filter({ hasText: `Đã xuất ${file.fileName}` })
        .waitFor();
      files[format] = file;
      return file;
    }

    test("CSV: BOM, the header, one row per snippet with its fields and Vietnamese intact", async () => {
      const collection = edited as Collection;
      const { text } = await exportAs("csv");
      const csv = parseCsvExport(text);
      assert.equal(csv.bom, true, "starts with the UTF-8 byte-order mark");
      assert.deepEqual(csv.errors, [], "papaparse reads it without error");
      assert.deepEqual(csv.header.slice(0, 3), ["kind", "indicator", "category"]);
      assert.deepEqual(csv.labels.slice(0, 3), ["Loại", "Chỉ số", "Mã nhóm"], "Vietnamese headers");
      for (const column of ["value_min", "value_max", "value_numerator", "value_denominator"]) {
        assert.ok(csv.header.includes(column), `a ${column} column: ${csv.header.join(",")}`);
      }
      for (const column of ["direction", "sentence", "comparator", "horizon"]) {
        assert.ok(csv.header.includes(column), `a ${column} column: ${csv.header.join(",")}`);
      }
      for (const column of ["value_min", "value_max", "unit", "deadline", "locality", "level"]) {
        assert.ok(csv.header.includes(column), `a ${column} column: ${csv.header.join(",")}`);
      }
      for (const column of ["article_title", "url", "published", "quote", "note", "tags"]) {
        assert.ok(csv.header.includes(column), `a ${column} column: ${csv.header.join(",")}`);
      }
      assert.equal(csv.rows.length, collection.snippets.length, "one row per snippet");
      assertSameTexts(
        csv.rows.map((row) => row.quote ?? ""),
        collection.snippets.map((s) => s.text.normalize("NFC")),
        "the quote column",
      );
      const articles = new Map(collection.articles.map((a) => [a.id, a]));
      for (const snippet of collection.snippets) {
        const article = articles.get(snippet.articleId);
        assert.ok(article);
        // The same quote can stand in two sentences of an article: the sentence tells them apart.
        const row = csv.rows.find(
          (r) =>
            r.quote === snippet.text.normalize("NFC") &&
            r.url === article.url &&
            r.sentence === snippet.sentence.normalize("NFC"),
        );
        assert.ok(row, `a row for «${snippet.text}»`);
        const label = `row of «${snippet.text}»`;
        assert.equal(row.kind, kindWord(snippet.kind, "vi"), label);
        assert.equal(row.direction, directionWord(snippet.direction, "vi"), label);
        assert.equal(row.comparator, comparatorWord(snippet.comparator, "vi"), label);
        assert.equal(row.sentence, snippet.sentence.normalize("NFC"), label);
        assert.equal(
          row.value_denominator,
          snippet.value?.denominator !== undefined ? String(snippet.value.denominator) : "",
          label,
        );
        assert.equal(row.category, snippet.category ?? "", label);
        assert.equal(row.value_min, snippet.value ? String(snippet.value.min) : "", label);
        assert.equal(row.value_max, snippet.value ? String(snippet.value.max) : "", label);
        assert.equal(row.unit, (snippet.unit ?? "").normalize("NFC"), label);
        assert.equal(row.deadline, snippet.deadline?.date ?? "", label);
        assert.equal(row.locality, article.locality, label);
        assert.equal(row.level, article.level, label);
        assert.equal(row.article_title, article.title.normalize("NFC"), label);
        assert.equal(row.published, article.publishedAt ?? "", label);
        assert.equal(row.note, snippet.note, label);
        assert.equal(row.tags, snippet.tags.join("; "), label);
      }
      const noted = csv.rows.filter((row) => row.note !== "");
      assert.deepEqual(
        noted.map((row) => [row.note, row.tags, row.locality, row.category]),
        [[NOTE, TAGS.join("; "), "Trà Vinh", "health_insurance"]],
        "the edited note and tags",
      );
      assert.ok(text.includes("Cẩm Giàng") && text.includes("bảo hiểm y tế"), "Vietnamese text");
    });

    test("JSON: the format, and every record exactly as stored", async () => {
      const { text } = await exportAs("json");
      const data = JSON.parse(text) as {
        format: string;
        version: number;
        exportedAt: string;
      } & Collection;
      assert.equal(data.format, "gvn-chi-tieu.collection");
      assert.equal(data.version, 1);
      assert.ok(!Number.isNaN(Date.parse(data.exportedAt)), "exportedAt is a date");
      assert.deepEqual(sortedById(data), sortedById(edited as Collection));
    });

    test("Markdown: one heading per article with its link, one bullet per snippet", async () => {
      const collection = edited as Collection;
      const { text } = await exportAs("md");
      assert.match(text, /^# /, "a title");
      const sections = markdownSections(text);
      assert.equal(sections.length, collection.articles.length, "one section per article");
      const bySnippets = snippetsByArticle(collection);
      for (const article of collection.articles) {
        const mine = sections.filter((s) => s.heading.includes(`](${article.url})`));
        assert.equal(mine.length, 1, `one heading links to ${article.url}`);
        const section = mine[0] as (typeof sections)[number];
        assert.ok(
          section.heading.startsWith(`## [${article.title.slice(0, 20)}`),
          `the heading reads the title: ${section.heading}`,
        );
        const snippets = bySnippets.get(article.id) ?? [];
        assert.equal(section.bullets.length, snippets.length, `${article.locality}: bullets`);
      }
      // Page and reader text is escaped: the note's parentheses are literal.
      const escapedNote = NOTE.replace(/[()]/g, "\\$&");
      const lines = text.split("\n");
      const noteAt = lines.indexOf(`  - Ghi chú: ${escapedNote}`);
      assert.ok(noteAt > 0, `the note: ${escapedNote}`);
      const noted = collection.snippets.find((s) => s.note !== "");
      assert.ok(
        lines[noteAt - 1]?.startsWith(
          `- **Chỉ tiêu · ${noted?.indicator}:** “${noted?.text}” — 95%`,
        ),
        `under its snippet's bullet, with its indicator: ${lines[noteAt - 1]}`,
      );
      // Every item names its indicator.
      for (const bullet of lines.filter((line) => line.startsWith("- **"))) {
        assert.match(bullet, /^- \*\*[^*·]+ · [^*]+:\*\* “/, bullet);
      }
      assert.ok(text.includes(`  - Thẻ: ${TAGS.join(", ")}`), "the tags under their snippet");
      const travinh = articleOf(collection, "Trà Vinh");
      assert.ok(text.includes("Trà Vinh · tỉnh · nhiệm kỳ 2020-2025"), "the article's line");
      assert.ok(
        text.includes(`“${articleIn(collection, travinh.id).snippets[0]?.text.split(" ")[0]}`),
        "quotes in Vietnamese",
      );
    });

    test("iCalendar: one VEVENT per distinct deadline and article, titled with what is due", async () => {
      const collection = edited as Collection;
      const { text } = await exportAs("ics");
      assert.match(text, /^BEGIN:VCALENDAR\r\n/);
      assert.match(text, /END:VCALENDAR\r\n$/);
      const events = icsEvents(text);
      const withDeadline = collection.snippets.filter((s) => s.deadline !== null);
      assert.ok(withDeadline.length >= 4, `deadlines saved (${withDeadline.length})`);
      const distinct = new Set(withDeadline.map((s) => `${s.articleId} ${s.deadline?.date}`));
      assert.equal(events.length, distinct.size, "one event per distinct deadline and article");
      assert.equal(
        withDeadline.filter((s) => s.kind === "deadline").length,
        collection.snippets.filter((s) => s.kind === "deadline").length,
        "every deadline snippet has its date",
      );
      const articles = new Map(collection.articles.map((a) => [a.id, a]));
      for (const snippet of withDeadline) {
        const uid = eventUid(snippet.articleId, snippet.deadline?.date ?? "");
        const event = events.find((e) => e.props.UID === uid);
        assert.ok(event, `an event for «${snippet.text}» (${snippet.id})`);
        assert.equal(
          event.props.DTSTART,
          snippet.deadline?.date.replaceAll("-", ""),
          `«${snippet.text}»: the deadline's date`,
        );
        assert.ok(
          event.lines.some((line) => /^DTSTART;VALUE=DATE:\d{8}$/.test(line)),
          "an all-day event",
        );
        assert.equal(event.props.URL, articles.get(snippet.articleId)?.url, "the article's link");
        assert.ok(
          icsText(event.props.DESCRIPTION ?? "").includes(snippet.text),
          `«${snippet.text}»: the quote in the description`,
        );
        const locality = articles.get(snippet.articleId)?.locality;
        const title = icsText(event.props.SUMMARY ?? "");
        assert.ok(locality && title.endsWith(` — ${locality}`), `the locality in «${title}»`);
        // What is due, not the kind and the sentence's first characters.
        assert.doesNotMatch(title, /^(Thời hạn|Chỉ tiêu|Kết quả|Đoạn trích): /, "what is due");
      }
    });

    test("Excel: the table, comparison and sources sheets, values as numbers", async () => {
      const collection = edited as Collection;
      const file = await exportAs("xlsx");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file.path);
      assert.deepEqual(
        workbook.worksheets.map((sheet) => sheet.name),
        ["Bảng", "So sánh", "Nguồn"],
      );
      const table = workbook.getWorksheet("Bảng");
      assert.ok(table);
      assert.equal(table.rowCount, 1 + collection.snippets.length, "one row per snippet");
      assert.equal((table.views[0] as { state?: string }).state, "frozen");
      const valueColumn = XLSX_COLUMNS.findIndex((c) => c.id === "value_min") + 1;
      const values: number[] = [];
      table.eachRow((row, n) => {
        const cell = row.getCell(valueColumn);
        if (n > 1 && cell.value !== null) {
          assert.equal(cell.type, ExcelJS.ValueType.Number, `row ${n}: a number`);
          values.push(cell.value as number);
        }
      });
      assert.deepEqual(
        values.sort((a, b) => a - b),
        collection.snippets
          .filter((s) => s.value)
          .map((s) => s.value?.min as number)
          .sort((a, b) => a - b),
      );
      const sources = workbook.getWorksheet("Nguồn");
      assert.equal(sources?.rowCount, 1 + collection.articles.length, "one row per article");
    });

    test("Word: the comparison of the localities, with its sources", async () => {
      const collection = edited as Collection;
      const file = await exportAs("docx");
      const files = unzipSync(new Uint8Array(readFileSync(file.path)));
      const xml = strFromU8(files["word/document.xml"] as Uint8Array);
      assert.match(xml, />So sánh chỉ tiêu giữa các địa phương</);
      for (const locality of ["Trà Vinh (tỉnh)", "Cẩm Giàng (huyện)"]) {
        assert.ok(xml.includes(locality), `${locality} in the document`);
      }
      assert.ok(xml.includes("Bảo hiểm y tế"), "the health insurance row");
      for (const article of collection.articles) {
        assert.ok(xml.includes(article.title.slice(0, 20)), `the source «${article.title}»`);
      }
    });
    test("Web Annotation: one annotation per snippet, its selectors over the saved snapshot", async () => {
      const collection = edited as Collection;
      const { text } = await exportAs("web-annotation");
      const data = JSON.parse(text) as {
        "@context": string;
        type: string;
        total: number;
        first: {
          items: Array<{
            id: string;
            motivation: string;
            body: Array<{ purpose: string; value: string; format?: string }>;
            target: {
              source: string;
              selector: Array<{ type: string; exact?: string; start?: number; end?: number }>;
            };
          }>;
        };
      };
      assert.equal(data["@context"], "http://www.w3.org/ns/anno.jsonld");
      assert.equal(data.type, "AnnotationCollection");
      assert.equal(data.total, collection.snippets.length);
      assert.equal(data.first.items.length, collection.snippets.length, "one per snippet");
      const articles = new Map(collection.articles.map((a) => [a.id, a]));
      for (const snippet of collection.snippets) {
        const annotation = data.first.items.find(
          (a) => a.id === `urn:gvn-chi-tieu:snippet:${snippet.id}`,
        );
        assert.ok(annotation, `an annotation for «${snippet.text}»`);
        const article = articles.get(snippet.articleId);
        assert.equal(annotation.target.source, article?.url);
        const quote = annotation.target.selector.find((s) => s.type === "TextQuoteSelector");
        const position = annotation.target.selector.find((s) => s.type === "TextPositionSelector");
        assert.equal(quote?.exact, snippet.anchor.quote);
        assert.equal(article?.snapshot.slice(position?.start, position?.end), quote?.exact);
        assert.equal(annotation.motivation, snippet.note ? "commenting" : "highlighting");
        const tags = annotation.body.filter((b) => b.purpose === "tagging").map((b) => b.value);
        assert.deepEqual(tags, snippet.tags);
      }
    });
  });

  describe("clear, then import the JSON export", () => {
    test("clearing empties the collection", async () => {
      assert.ok(transfer && edited, "the export steps ran");
      await transfer.bringToFront();
      await transfer.locator("[data-action=clear]").click();
      await transfer
        .getByText(`Xóa toàn bộ ${kept()} mục và 2 bài viết?`, { exact: false })
        .waitFor();
      await transfer.locator("[data-action=clear-confirm]").click();
      await transfer
        .getByRole("status")
        .filter({ hasText: "Đã xóa toàn bộ bộ sưu tập." })
        .waitFor();
      const empty = await collectionWhen((c) => c.snippets.length + c.articles.length === 0);
      assert.deepEqual(empty, { articles: [], snippets: [] });
      await selectTab(transfer, TAB.collection);
      await transfer.getByText(EMPTY).waitFor();
      // The page opened earlier follows the database too.
      await list.getByText(EMPTY).waitFor();
    });

    test("importing the JSON export gives back exactly the records before the clear", async () => {
      const json = files.json;
      assert.ok(json, "the JSON export (earlier step)");
      await selectTab(transfer, TAB.transfer);
      const input = transfer.locator("input[data-import=json]");
      await input.setInputFiles(json.path);
      const done = `Đã nhập: 2 bài viết mới, ${kept()} mục mới, 0 mục trùng đã gộp.`;
      await transfer.getByRole("status").filter({ hasText: done }).waitFor();
      const now = await readCollection(session.browser.serviceWorker);
      assert.deepEqual(sortedById(now), sortedById(edited as Collection));
      await selectTab(transfer, TAB.collection);
      await waitForResults(transfer, kept());
    });

    test("importing the same file again merges everything and changes nothing", async () => {
      const json = files.json as DownloadedFile;
      await transfer.reload();
      await waitForCollectionRendered(transfer);
      await selectTab(transfer, TAB.transfer);
      await transfer.locator("input[data-import=json]").setInputFiles(json.path);
      const done = `Đã nhập: 0 bài viết mới, 0 mục mới, ${kept()} mục trùng đã gộp.`;
      await transfer.getByRole("status").filter({ hasText: done }).waitFor();
      assert.deepEqual(
        sortedById(await readCollection(session.browser.serviceWorker)),
        sortedById(edited as Collection),
      );
    });
  });

  describe("hostile imports are refused and change nothing", () => {
    /** The JSON export as an object, to spoil. */
    const exported = () =>
      JSON.parse((files.json as DownloadedFile).text) as Record<string, unknown>;
    /** The JSON export's text, to spoil where `JSON.stringify` cannot. */
    const exportedText = () => (files.json as DownloadedFile).text;
    /** A file the reader picks: made of text (UTF-8), of bytes, or a file downloaded earlier. */
    const named = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });
    const json = (text: string) => named("hostile.json", "application/json", Buffer.from(text));

    /** The time the page's `Date` is held at while exporting, so equal collections give equal files. */
    const EXPORT_TIME = Date.UTC(2026, 0, 15, 3, 0, 0);
    // A string, not a function: tsx would wrap a named class in a `__name` helper the page lacks.
    const FREEZE_DATE = `(() => {
      const RealDate = Date;
      const fixed = ${EXPORT_TIME};
      class FixedDate extends RealDate {
        constructor(...args) { super(...(args.length === 0 ? [fixed] : args)); }
        static now() { return fixed; }
      }
      globalThis.Date = FixedDate;
    })()`;

    /**
     * The whole collection's JSON export, downloaded from a freshly loaded transfer tab (so it is
     * read from the database now) with the page's clock held at `EXPORT_TIME`.
     */
    async function jsonExportNow(): Promise<string> {
      await transfer.bringToFront();
      await transfer.reload();
      await transfer.waitForFunction(
        () => performance.getEntriesByName("gvn:collection-loaded", "mark").length > 0,
      );
      await selectTab(transfer, TAB.transfer);
      assert.equal(await transfer.getByRole("radio", { name: /^Toàn bộ/ }).isChecked(), true);
      await transfer.evaluate(FREEZE_DATE);
      const file = await downloadFrom(transfer, transfer.locator("[data-export=json]"));
      await transfer
        .getByRole("status")
        .filter({ hasText: `Đã xuất ${file.fileName}` })
        .waitFor();
      return file.text;
    }

    const cases: Array<{
      name: string;
      file: () => string | ReturnType<typeof named>;
      message: RegExp;
    }> = [
      {
        name: "a truncated file",
        file: () => json(exportedText().slice(0, Math.floor(exportedText().length / 2))),
        message: /^Tệp không phải JSON hợp lệ \(vị trí \d+, dòng \d+, cột \d+\): .*cắt cụt/,
      },
      {
        name: "a snippet of kind «achievement»",
        file: () => {
          const doc = exported();
          (doc.snippets as Array<Record<string, unknown>>)[3] = {
            ...(doc.snippets as Array<Record<string, unknown>>)[3],
            kind: "achievement",
          };
          return json(JSON.stringify(doc));
        },
        message: /^snippets\[3\]\.kind: .*"achievement"/,
      },
      {
        name: "a file from a newer version of the extension",
        file: () => json(JSON.stringify({ ...exported(), version: 99 })),
        message: /^version: tệp được tạo bởi phiên bản mới hơn/,
      },
      {
        name: "a __proto__ key",
        file: () =>
          json(
            exportedText().replace(
              '"snippets": [',
              '"snippets": [{ "__proto__": { "polluted": true } },',
            ),
          ),
        message: /^snippets\[0\]\.__proto__: khóa "__proto__" không được phép/,
      },
      {
        name: "a key written twice (kind)",
        file: () =>
          json(exportedText().replace(/"kind": "(\w+)"/, '"kind": "$1", "kind": "result"')),
        message: /^snippets\[0\]\.kind: khóa "kind" xuất hiện nhiều lần trong cùng một đối tượng/,
      },
      {
        name: "a snippet whose article is not in the file",
        file: () => {
          const doc = exported();
          const articles = doc.articles as Array<{ locality: string }>;
          doc.articles = articles.filter((a) => a.locality !== "Cẩm Giàng");
          return json(JSON.stringify(doc));
        },
        message: /^snippets\[\d+\]\.articleId: không có bài viết/,
      },
      {
        name: "the CSV export given to the JSON import",
        file: () => (files.csv as DownloadedFile).path,
        message: /^Tệp này có vẻ là bản xuất CSV \(Excel\) của tiện ích, không phải tệp xuất JSON/,
      },
      {
        // Without a byte-order mark: with one, Chromium's `Blob.text()` reads UTF-16 correctly
        // and the file imports like the original.
        name: "the JSON export saved as UTF-16 without a byte-order mark",
        file: () =>
          named("chi-tieu-utf16.json", "application/json", Buffer.from(exportedText(), "utf16le")),
        message: /^Tệp này có vẻ là văn bản mã hóa UTF-16/,
      },
      {
        name: "a PNG image",
        file: () =>
          named(
            "anh.png",
            "image/png",
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]),
          ),
        message: /^Tệp này có vẻ là một ảnh PNG/,
      },
    ];

    for (const { name, file, message } of cases) {
      test(name, async () => {
        assert.ok(files.json && files.csv, "the JSON and CSV exports (earlier steps)");
        const before = await readCollection(session.browser.serviceWorker);
        assert.equal(before.snippets.length, kept(), "the collection is back (earlier step)");
        const exportBefore = await jsonExportNow();
        await transfer.locator("input[data-import=json]").setInputFiles(file());
        await transfer.getByRole("status").filter({ hasText: IMPORT_FAILED }).waitFor();
        const list = transfer.locator("[data-import-errors]");
        await list.waitFor();
        const messages = await list.locator("li").allTextContents();
        assert.equal(Number(await list.getAttribute("data-import-errors")), messages.length);
        assert.ok(messages.length >= 1, "at least one message");
        assert.ok(
          messages.some((m) => message.test(m)),
          `a message matching ${message}: ${JSON.stringify(messages)}`,
        );
        assert.equal(
          await jsonExportNow(),
          exportBefore,
          "the JSON export after the import is byte-for-byte the one before",
        );
        assert.deepEqual(
          sortedById(await readCollection(session.browser.serviceWorker)),
          sortedById(before),
          "the collection is unchanged",
        );
      });
    }
  });

  testNoErrorsLogged(session);
});
