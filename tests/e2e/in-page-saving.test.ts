/**
 * Saving, as a reader does it on a seed article: from an item's card, with "Lưu tất cả", from the
 * "Lưu đoạn trích" context menu; what the collection (IndexedDB in the extension's origin, read
 * back through the service worker) then holds; how saved snippets show after a reload; and how
 * they find their text again when the article changed since (re-anchoring), or are reported when
 * their text is gone.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { normalizeUrl } from "../../lib/snippets/keys.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { type ExtensionBrowser, type ReadingDetail, waitForReading } from "./harness.ts";
import { openArticle, waitForSavedCount } from "./helpers/article-tab.ts";
import { assertSameTexts, eventually, normalizeSpace } from "./helpers/compare.ts";
import {
  articleIn,
  type Collection,
  readCollection,
  saveSelectionFromMenu,
} from "./helpers/extension.ts";
import { fixtureUrl, KINDS, loadFixturePage } from "./helpers/fixtures.ts";
import { HIGHLIGHT, highlightPoint, highlightTexts, selectText, ui } from "./helpers/page.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

const SAVED = "Đã lưu ✓";

/** All item highlights of the page (targets, results, deadlines), as texts. */
async function itemTexts(page: Page): Promise<string[]> {
  const texts = await highlightTexts(page);
  return KINDS.flatMap((kind) => texts[HIGHLIGHT[kind]] ?? []);
}

/** The collection, once `done` holds for the article's snippets (or after 5 s). */
async function collectionWhen(
  browser: ExtensionBrowser,
  articleKey: string,
  done: (snippets: SnippetRecord[]) => boolean,
): Promise<Collection> {
  return eventually(
    () => readCollection(browser.serviceWorker),
    (collection) => done(articleIn(collection, articleKey).snippets),
  );
}

/** The snippet's anchor describes its own place in the article snapshot. */
function assertAnchorInSnapshot(snippet: SnippetRecord, snapshot: string): void {
  const { quote, prefix, suffix, start, end } = snippet.anchor;
  assert.equal(quote, snippet.text, "anchor.quote is the snippet's text");
  assert.equal(snapshot.slice(start, end), quote, "anchor.start/end index the snapshot");
  assert.ok(prefix.length > 0 && prefix.length <= 32, `prefix length ${prefix.length}`);
  assert.ok(suffix.length > 0 && suffix.length <= 32, `suffix length ${suffix.length}`);
  assert.equal(snapshot.slice(start - prefix.length, start), prefix, "anchor.prefix");
  assert.equal(snapshot.slice(end, end + suffix.length), suffix, "anchor.suffix");
}

describe("in-page saving", () => {
  const session = useExtensionSession();

  // One reader's session on one article: the steps build on each other, in order.
  describe("card, Lưu tất cả and reload (one article, step by step)", () => {
    const fixture = loadFixturePage("travinh-tracu-hoc-tap-nghi-quyet-tinh");
    const articleKey = normalizeUrl(fixture.expected.url);
    const itemCount = fixture.expected.items.length;
    let page: Page;
    let url: string;
    /** A second tab on the same article, opened before anything was saved. */
    let other: Page;
    let quote = "";
    let first: SnippetRecord | undefined;

    before(async () => {
      url = fixtureUrl(session.server, fixture, "a");
      ({ page } = await openArticle(session.browser, url, { front: false }));
      ({ page: other } = await openArticle(
        session.browser,
        fixtureUrl(session.server, fixture, "b"),
        {
          front: false,
        },
      ));
    });

    after(async () => {
      await other?.close();
      await page?.close();
    });

    test("clicking a target highlight opens its card with the quote and its fields", async () => {
      // Background tabs get no animation frames (Playwright's clicks wait for them): front tab.
      await page.bringToFront();
      const point = await highlightPoint(page, HIGHLIGHT.target, 0);
      quote = point.text;
      await page.mouse.click(point.x, point.y);
      const { card, cardQuote, cardSave, cardCopy } = ui(page);
      await card.waitFor();
      assert.equal(await cardQuote.textContent(), quote, "the card quotes the clicked item");
      assert.equal(await card.locator(".kind").textContent(), "Chỉ tiêu");
      const fields = Object.fromEntries(
        await card
          .locator(".field")
          .evaluateAll((rows) =>
            rows.map((row) => [
              row.querySelector("dt")?.textContent ?? "",
              row.querySelector("dd")?.textContent ?? "",
            ]),
          ),
      );
      // «… có 100% tổ chức cơ sở Đảng hoàn thành nhiệm vụ»: 100%, an indicator, a category.
      assert.match(fields["Giá trị"] ?? "", /\b100%$/, JSON.stringify(fields));
      assert.ok(fields["Chỉ số"], `an indicator: ${JSON.stringify(fields)}`);
      assert.ok(fields.Nhóm, `a category: ${JSON.stringify(fields)}`);
      assert.equal(await cardSave.textContent(), "Lưu");
      assert.equal(await cardSave.isEnabled(), true);
      assert.equal(await cardCopy.count(), 1);
    });

    test("saving from the card stores the snippet and its article", async () => {
      assert.ok(quote, "a card is open (previous step)");
      const { cardSave } = ui(page);
      await cardSave.click();
      await ui(page).card.locator("[data-action=save]", { hasText: SAVED }).waitFor();
      assert.equal(await cardSave.isDisabled(), true, "a saved item's button is disabled");
      await waitForSavedCount(page, 1);
      assert.equal(await ui(page).savedNote.textContent(), "Đã lưu: 1");
      assert.deepEqual((await highlightTexts(page))[HIGHLIGHT.saved], [quote], "gvn-saved");

      const collection = await collectionWhen(session.browser, articleKey, (s) => s.length > 0);
      assert.equal(collection.articles.length, 1, "one article record");
      assert.equal(collection.snippets.length, 1, "one snippet record");
      const { article, snippets } = articleIn(collection, articleKey);
      assert.ok(article, `an article record for ${articleKey}`);
      const snippet = snippets[0] as SnippetRecord;
      assert.equal(snippet.articleId, article.id);
      assert.equal(snippet.kind, "target");
      assert.equal(snippet.manual, false);
      assert.equal(snippet.text, quote);
      assert.deepEqual(snippet.value, { min: 100, max: 100 });
      assert.equal(snippet.unit, "%");
      assert.ok(snippet.sentence.includes(quote), "the sentence holds the quote");
      assert.deepEqual([snippet.note, snippet.tags], ["", []]);

      const facts = fixture.expected.article ?? {};
      assert.equal(article.url, normalizeUrl(url), "the page's address");
      assert.equal(article.canonicalUrl, fixture.expected.url, "the canonical address");
      assert.equal(article.site, fixture.host);
      assert.equal(article.title, facts.title);
      assert.equal(article.publishedAt, fixture.expected.date);
      for (const key of ["organization", "level", "locality", "congress", "term"] as const) {
        assert.equal(article[key], facts[key], `article.${key}`);
      }
      assert.ok(article.snapshot.length > 1000, "a snapshot of the article text");
      assert.ok(article.snapshot.includes("Tăng trưởng kinh tế GRDP"), "of this article");
      assert.ok(!article.snapshot.includes("Thống kê truy cập"), "without the portal's chrome");
      assertAnchorInSnapshot(snippet, article.snapshot);
      first = snippet;
    });

    test("saving the same item again, from another tab, does not duplicate it", async () => {
      assert.ok(first, "a snippet was saved (previous step)");
      // The other tab read the collection before the save, so its card may still offer to save:
      // saving there must find the record already made.
      await other.bringToFront();
      const point = await highlightPoint(other, HIGHLIGHT.target, 0);
      assert.equal(point.text, quote);
      await other.mouse.click(point.x, point.y);
      const { cardSave, card } = ui(other);
      await card.waitFor();
      if ((await cardSave.textContent()) === "Lưu") await cardSave.click();
      await card.locator("[data-action=save]", { hasText: SAVED }).waitFor();
      await waitForSavedCount(other, 1);

      const collection = await readCollection(session.browser.serviceWorker);
      assert.equal(collection.articles.length, 1, "still one article record");
      assert.deepEqual(collection.snippets, [first], "still the one snippet, unchanged");
    });

    test("Lưu tất cả stores every item of the page once", async () => {
      assert.ok(first, "a snippet was saved (previous step)");
      await page.bringToFront();
      await page.keyboard.press("Escape");
      const { saveAll } = ui(page);
      assert.equal(await saveAll.textContent(), "Lưu tất cả");
      await saveAll.click();
      await waitForSavedCount(page, itemCount);
      assert.equal(await saveAll.textContent(), "Đã lưu tất cả");
      assert.equal(await saveAll.isDisabled(), true);

      const collection = await collectionWhen(
        session.browser,
        articleKey,
        (s) => s.length >= itemCount,
      );
      const { article, snippets } = articleIn(collection, articleKey);
      assert.ok(article);
      assert.equal(snippets.length, itemCount, "one snippet per item");
      assert.equal(new Set(snippets.map((s) => s.id)).size, itemCount, "distinct ids");
      assertSameTexts(
        snippets.map((s) => s.text),
        await itemTexts(page),
        "saved texts vs the page's items",
      );
      assert.deepEqual(
        snippets.find((s) => s.id === first?.id),
        first,
        "the snippet saved first is kept as it was",
      );
      for (const snippet of snippets) assertAnchorInSnapshot(snippet, article.snapshot);
      const texts = await highlightTexts(page);
      assertSameTexts(texts[HIGHLIGHT.saved] ?? [], await itemTexts(page), "gvn-saved");
    });

    test("after a reload the saved snippets are shown as saved", async () => {
      const saved = articleIn(
        await readCollection(session.browser.serviceWorker),
        articleKey,
      ).snippets;
      assert.equal(saved.length, itemCount, "everything was saved (previous step)");
      await page.reload();
      const reading = await waitForReading(page, { recognised: true });
      assert.equal(reading.saved, itemCount, "gvn:done counts the placed snippets");
      assert.equal(reading.orphans, 0);
      await waitForSavedCount(page, itemCount);
      assert.equal(await ui(page).savedNote.textContent(), `Đã lưu: ${itemCount}`);
      assert.equal(await ui(page).orphans.count(), 0, "no orphan note");

      const texts = await highlightTexts(page);
      assert.equal((texts[HIGHLIGHT.saved] ?? []).length, itemCount, "gvn-saved ranges");
      assertSameTexts(
        texts[HIGHLIGHT.saved] ?? [],
        saved.map((s) => s.text),
        "gvn-saved vs the collection",
      );

      // Every item's card says it is saved.
      const { next, card, cardSave } = ui(page);
      for (let i = 0; i < itemCount; i++) {
        await next.click();
        await card.waitFor();
        assert.equal(await cardSave.textContent(), SAVED, `card ${i + 1}`);
        assert.equal(await cardSave.isDisabled(), true, `card ${i + 1}`);
      }
      await page.keyboard.press("Escape");
      assert.equal(await ui(page).saveAll.isDisabled(), true, "nothing left to save");
      const afterReload = articleIn(
        await readCollection(session.browser.serviceWorker),
        articleKey,
      );
      assert.equal(afterReload.snippets.length, itemCount, "the reload saved nothing more");
    });
  });

  describe("Lưu đoạn trích (context menu)", () => {
    /** Select `text` on `page`, run the menu's handler, and return the one snippet it added. */
    async function saveSelection(page: Page, url: string, text: string): Promise<SnippetRecord> {
      const earlier = await readCollection(session.browser.serviceWorker);
      const selected = await selectText(page, text);
      assert.equal(normalizeSpace(selected), normalizeSpace(text), "the selection");
      const answer = (await saveSelectionFromMenu(
        session.browser.serviceWorker,
        url,
        selected,
      )) as {
        ok?: boolean;
        created?: number;
      } | null;
      assert.equal(answer?.ok, true, `the handler's answer: ${JSON.stringify(answer)}`);
      assert.equal(answer?.created, 1, "one snippet created");
      const collection = await eventually(
        () => readCollection(session.browser.serviceWorker),
        (c) => c.snippets.length > earlier.snippets.length,
      );
      const added = collection.snippets.filter((s) => !earlier.snippets.some((e) => e.id === s.id));
      assert.equal(added.length, 1, "one snippet added to the collection");
      return added[0] as SnippetRecord;
    }

    describe("on a party article", () => {
      const fixture = loadFixturePage("travinh-tracu-hoc-tap-nghi-quyet-tinh");
      const articleKey = normalizeUrl(fixture.expected.url);
      let page: Page;
      let url: string;

      before(async () => {
        url = fixtureUrl(session.server, fixture, "menu");
        ({ page } = await openArticle(session.browser, url, { front: false }));
      });

      after(async () => {
        await page?.close();
      });

      test("a selected sentence with a target is saved as a manual snippet with its fields", async () => {
        const sentence =
          "Hằng năm có 95% trở lên xã, phường, thị trấn vững mạnh về quốc phòng- an ninh.";
        const snippet = await saveSelection(page, url, sentence);
        assert.equal(snippet.manual, true);
        assert.equal(snippet.kind, "target");
        assert.equal(normalizeSpace(snippet.text), normalizeSpace(sentence));
        assert.deepEqual(snippet.value, { min: 95, max: 95 });
        assert.equal(snippet.unit, "%");
        assert.ok(snippet.indicator, "an indicator");
        const { article } = articleIn(
          await readCollection(session.browser.serviceWorker),
          articleKey,
        );
        assert.ok(article, "the snippet's article record");
        assert.equal(snippet.articleId, article.id);
        assert.equal(article.locality, fixture.expected.article?.locality);
        assertAnchorInSnapshot(snippet, article.snapshot);
        // The page shows it as saved right away.
        await page.waitForFunction(
          ({ name, text }) =>
            [...(CSS.highlights.get(name) ?? [])].some(
              (r) => r instanceof Range && r.toString() === text,
            ),
          { name: HIGHLIGHT.saved, text: snippet.text },
        );
      });

      test("a selection with no figure in it is saved as an excerpt", async () => {
        const text = "Giữ vững ồn định chính trị, trật tự, an toàn xã hội.";
        const snippet = await saveSelection(page, url, text);
        assert.equal(snippet.manual, true);
        assert.equal(snippet.kind, "excerpt");
        assert.equal(normalizeSpace(snippet.text), normalizeSpace(text));
        assert.equal(snippet.value, null);
        assert.equal(snippet.unit, null);
        assert.equal(snippet.deadline, null);
        const { article } = articleIn(
          await readCollection(session.browser.serviceWorker),
          articleKey,
        );
        assert.equal(snippet.articleId, article?.id);
      });
    });

    test("on a page that is not a party article, the selected text is saved as an excerpt", async () => {
      const fixture = loadFixturePage("nonparty-the-thao");
      const url = fixtureUrl(session.server, fixture, "menu");
      const page = await session.browser.context.newPage();
      try {
        await page.goto(url);
        assert.equal((await waitForReading(page)).recognised, false);
        const text = "Đại hội đã có 12 kỷ lục được phá ở các môn điền kinh, bơi và bắn cung.";
        const snippet = await saveSelection(page, url, text);
        assert.deepEqual(
          { kind: snippet.kind, manual: snippet.manual, text: snippet.text, value: snippet.value },
          { kind: "excerpt", manual: true, text, value: null },
        );
        const article = (await readCollection(session.browser.serviceWorker)).articles.find(
          (a) => a.id === snippet.articleId,
        );
        assert.equal(article?.url, normalizeUrl(url));
        assert.equal(article?.site, fixture.host);
      } finally {
        await page.close();
      }
    });
  });

  describe("re-anchoring after the article changed", () => {
    const fixture = loadFixturePage("dakrong-nghi-quyet-dai-hoi-vi");
    const articleKey = normalizeUrl(fixture.expected.url);
    /** The quote whose text is taken out of the changed article. */
    const deletedQuote =
      "Có 100% cán bộ, công chức đạt chuẩn về trình độ chuyên môn, lý luận chính trị theo quy định";
    let page: Page;
    let saved: SnippetRecord[] = [];
    let reading: ReadingDetail;

    /** The fixture with two paragraphs put before the article text, one word changed, one clause removed. */
    function changedArticle(html: string): string {
      const edits: Array<[string, string]> = [
        [
          '<div class="content">\n',
          '<div class="content">\n<p>Ghi chú của Ban biên tập: bài viết được cập nhật, bổ sung thông tin về việc học tập, quán triệt Nghị quyết ở các cơ sở đảng.</p>\n<p>Trong buổi làm việc, các đại biểu cũng nghe giới thiệu kinh nghiệm tuyên truyền miệng của các chi bộ thôn, bản.</p>\n',
        ],
        // One word in the text just before a saved target ("tốt" → "xuất sắc").
        [
          "Huyện ủy được xếp loại hoàn thành tốt nhiệm vụ trở lên;",
          "Huyện ủy được xếp loại hoàn thành xuất sắc nhiệm vụ trở lên;",
        ],
        [`; ${deletedQuote}…`, "…"],
      ];
      let changed = html;
      for (const [from, to] of edits) {
        assert.ok(changed.includes(from), `the fixture still has «${from.slice(0, 60)}»`);
        changed = changed.replace(from, to);
      }
      return changed;
    }

    before(async () => {
      const url = fixtureUrl(session.server, fixture, "edit");
      ({ page } = await openArticle(session.browser, url, { front: false }));
      await ui(page).saveAll.click();
      await waitForSavedCount(page, fixture.expected.items.length);
      saved = articleIn(
        await collectionWhen(
          session.browser,
          articleKey,
          (s) => s.length >= fixture.expected.items.length,
        ),
        articleKey,
      ).snippets;
      assert.equal(saved.length, fixture.expected.items.length, "every item saved");
      assert.equal(
        saved.filter((s) => s.text.includes("100% cán bộ, công chức")).length,
        1,
        "one saved snippet lies in the clause that goes away",
      );

      // The same address now serves the changed article.
      session.server.setPage(fixture.slug, changedArticle(fixture.html));
      await page.reload();
      reading = await waitForReading(page, { recognised: true });
    });

    after(async () => {
      session.server?.setPage(fixture.slug, null);
      await page?.close();
    });

    test("saved snippets are placed on their own text, in order", async () => {
      const kept = saved
        .filter((s) => !deletedQuote.includes(s.text))
        .sort((a, b) => a.anchor.start - b.anchor.start);
      const texts = await highlightTexts(page);
      // In document order, the saved ranges read as the saved quotes in text order: each repeated
      // quote ("đến năm 2025") sits where it was, not at another occurrence.
      assert.deepEqual(
        (texts[HIGHLIGHT.saved] ?? []).map(normalizeSpace),
        kept.map((s) => normalizeSpace(s.text)),
      );
      assert.equal(reading.saved, kept.length, "gvn:done counts the placed snippets");
      // And they coincide with the items the engine finds in the changed article.
      assertSameTexts(texts[HIGHLIGHT.saved] ?? [], await itemTexts(page), "gvn-saved vs items");
    });

    test("a snippet whose text was deleted is reported, and stays in the collection", async () => {
      assert.equal(reading.orphans, 1, "gvn:done counts one orphan");
      const note = ui(page).orphans;
      await note.waitFor();
      assert.equal(await note.getAttribute("data-orphans"), "1");
      assert.match((await note.textContent()) ?? "", /^1 mục đã lưu không còn tìm thấy/);
      const now = articleIn(
        await readCollection(session.browser.serviceWorker),
        articleKey,
      ).snippets;
      assert.deepEqual(
        now.map((s) => s.id).sort(),
        saved.map((s) => s.id).sort(),
        "the collection still holds every snippet",
      );
    });
  });

  testNoErrorsLogged(session);
});
