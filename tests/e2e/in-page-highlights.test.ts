/**
 * The extension on the fixture pages, as a reader sees them: on each seed article every target,
 * result and deadline is highlighted (CSS Custom Highlight API), the panel counts them and the
 * toolbar badge shows how many there are; on the non-party pages nothing at all is shown; and on
 * every page the page's own text and DOM stay exactly as they are without the extension. Then the
 * panel and card by keyboard and pointer.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import {
  launchPlainBrowser,
  type PlainBrowser,
  type PortalServer,
  type ReadingDetail,
  readingMarks,
  waitForReading,
} from "./harness.ts";
import { useArticleTab } from "./helpers/article-tab.ts";
import {
  assertSameTextsByKey,
  eventually,
  locateInOrder,
  normalizeSpace,
  pairByOverlap,
} from "./helpers/compare.ts";
import { badgeText } from "./helpers/extension.ts";
import {
  engineItems,
  expectedCounts,
  fixtureUrl,
  KINDS,
  loadFixturePage,
  nonPartyPages,
  seedPages,
} from "./helpers/fixtures.ts";
import {
  assertOnlyHostAdded,
  focusedInUi,
  focusSettledOn,
  HIGHLIGHT,
  highlightNames,
  highlightPoint,
  highlightSpans,
  highlightTexts,
  pageOwnContent,
  panelCounts,
  UI_HOST,
  ui,
} from "./helpers/page.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

/** How long "nothing happens" is given to happen. */
const QUIET_MS = 1500;

const seeds = seedPages();
const nonParty = nonPartyPages();

/**
 * Not an article: the "Liên hệ" (contact) page of a party committee's portal, made from the chrome of
 * the seed travinh-tracu-hoc-tap-nghi-quyet-tinh (header, menu, sidebar, footer) with a short note
 * instead of the article. Its title and footer name the committee (Tỉnh ủy), as on every page of such
 * a portal.
 */
const CONTACT_SLUG = "lien-he-ban-tuyen-giao";
function contactPage(): string {
  const seed = loadFixturePage("travinh-tracu-hoc-tap-nghi-quyet-tinh");
  const edits: Array<[RegExp, string]> = [
    [
      /<title>[^<]*<\/title>/,
      "<title>Liên hệ - Trang tin điện tử Ban Tuyên giáo Tỉnh ủy Trà Vinh</title>",
    ],
    [/<link rel="canonical"[^>]*>\n/, ""],
    [/<meta property="og:title"[^>]*>\n/, ""],
    [/<meta property="og:type"[^>]*>\n/, ""],
    [/<meta property="og:url"[^>]*>\n/, ""],
    [/<meta property="article:published_time"[^>]*>\n/, ""],
    [/<meta name="description"[^>]*>\n/, ""],
    [
      /<article[\s\S]*<\/article>/,
      '<article class="page"><h1>Liên hệ</h1><p>Mọi ý kiến đóng góp, tin bài, hình ảnh xin gửi về Ban biên tập Trang tin điện tử Ban Tuyên giáo Tỉnh ủy Trà Vinh theo địa chỉ thư điện tử ở cuối trang. Ban biên tập trân trọng cảm ơn.</p></article>',
    ],
  ];
  let html = seed.html;
  for (const [pattern, replacement] of edits) {
    assert.match(html, pattern, `the seed page still has ${pattern}`);
    html = html.replace(pattern, replacement);
  }
  return html;
}

/** What the engine finds in each seed's HTML outside the browser (the CLI's reading). */
const engine = new Map(
  await Promise.all(seeds.map(async (p) => [p.slug, await engineItems(p)] as const)),
);

/** The texts of a list of items, by kind. */
function textsByKind(items: ReadonlyArray<{ kind: string; text: string }>) {
  return Object.fromEntries(
    KINDS.map((kind) => [kind, items.filter((i) => i.kind === kind).map((i) => i.text)]),
  );
}

/** The page's highlighted texts, by item kind. */
async function highlightedByKind(page: Page): Promise<Record<string, string[]>> {
  const texts = await highlightTexts(page);
  return Object.fromEntries(KINDS.map((kind) => [kind, texts[HIGHLIGHT[kind]] ?? []]));
}

describe("in-page highlights", () => {
  const session = useExtensionSession({
    pages: { [CONTACT_SLUG]: contactPage() },
    cleanUp: () => plain?.close(),
  });
  let plain: PlainBrowser;

  before(async () => {
    plain = await launchPlainBrowser();
  });

  test("there are seed articles and non-party pages to check", () => {
    assert.ok(seeds.length >= 5, `${seeds.length} seed pages`);
    assert.ok(nonParty.length >= 5, `${nonParty.length} non-party pages`);
  });

  for (const fixture of seeds) {
    describe(`seed article ${fixture.slug}`, () => {
      let page: Page;
      let url: string;
      let reading: ReadingDetail;

      before(async () => {
        page = await session.browser.context.newPage();
        url = fixtureUrl(session.server, fixture);
        const response = await page.goto(url);
        assert.equal(response?.status(), 200, url);
        reading = await waitForReading(page);
      });

      after(async () => {
        await page?.close();
      });

      test("the reading recognises the party article and counts its items", () => {
        assert.equal(reading.recognised, true);
        assert.equal(reading.items, fixture.expected.items.length);
        assert.equal(reading.saved, 0, "nothing saved yet");
        assert.equal(reading.orphans, 0);
      });

      test("each kind's highlights are exactly the items the engine finds in the same HTML", async () => {
        assertSameTextsByKey(
          await highlightedByKind(page),
          textsByKind(engine.get(fixture.slug) ?? []),
          "highlighted texts (actual) vs the engine's items from the same HTML (expected)",
        );
      });

      test("every hand-checked item is highlighted once, as its kind, and nothing else is", async () => {
        const { text, spans } = await highlightSpans(page);
        // The fixtures are built so that searching the page text from the top, item after item,
        // finds each expected item inside the article (tests/fixtures/pages/NOTES.md).
        const located = locateInOrder(
          text,
          fixture.expected.items.map((item) => item.text),
        ).map((span, i) => ({ item: fixture.expected.items[i], span }));
        const notOnPage = located.filter((l) => !l.span).map((l) => l.item?.text);
        assert.deepEqual(notOnPage, [], "expected items not found in the page text");
        const problems: string[] = [];
        for (const kind of KINDS) {
          const expected = located.filter((l) => l.item?.kind === kind);
          const highlighted = spans[HIGHLIGHT[kind]] ?? [];
          const { unpaired, unmatched } = pairByOverlap(expected, highlighted);
          for (const e of unpaired) problems.push(`${kind} not highlighted: «${e.item?.text}»`);
          for (const h of unmatched)
            problems.push(`${kind} highlighted, not expected: «${normalizeSpace(h.text)}»`);
        }
        assert.deepEqual(problems, [], problems.join("\n"));
      });

      test("the panel counts the items of each kind", async () => {
        await ui(page).panel.waitFor();
        assert.deepEqual(await panelCounts(page), expectedCounts(fixture));
      });

      test("the toolbar badge shows the number of items", async () => {
        const want = String(fixture.expected.items.length);
        const badge = await eventually(
          () => badgeText(session.browser.serviceWorker, url),
          (text) => text === want,
        );
        assert.equal(badge, want);
      });

      test("the page's own text and DOM are what they are without the extension", async () => {
        const other = await plain.context.newPage();
        try {
          await other.goto(url);
          assert.equal(await readingMarks(other).then((m) => m.length), 0, "no extension there");
          // The host is the only element added, and it is the last child of <body>.
          const without = await assertOnlyHostAdded(page, other);

          // Using the panel and the card (focus highlight, scrolling) changes nothing either.
          await ui(page).next.click();
          await ui(page).card.waitFor();
          const afterUse = await pageOwnContent(page);
          assert.equal(afterUse.renderedText, without.renderedText, "innerText with the card open");
          assert.equal(afterUse.html, without.html, "the page's DOM with the card open");
          await page.keyboard.press("Escape");
          await ui(page).card.waitFor({ state: "detached" });
        } finally {
          await other.close();
        }
      });
    });
  }

  describe("pages that are not party articles", () => {
    /** The non-party fixtures, and the contact page of a party committee's portal. */
    const cases = [
      ...nonParty.map((fixture) => ({
        name: fixture.slug,
        url: (_server: PortalServer) => fixtureUrl(session.server, fixture),
      })),
      {
        name: "the contact page of a party committee's portal",
        url: (_server: PortalServer) =>
          session.server.url("tuyengiao.travinh.gov.vn", CONTACT_SLUG),
      },
    ];
    const pages = new Map<string, { page: Page; url: string; reading: ReadingDetail }>();

    before(async () => {
      await Promise.all(
        cases.map(async (c) => {
          const page = await session.browser.context.newPage();
          const url = c.url(session.server);
          const response = await page.goto(url);
          assert.equal(response?.status(), 200, url);
          pages.set(c.name, { page, url, reading: await waitForReading(page) });
        }),
      );
      // Give a late highlight, UI or badge the time to appear.
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    });

    after(async () => {
      await Promise.all([...pages.values()].map(({ page }) => page.close()));
    });

    for (const c of cases) {
      test(`${c.name}: read, not recognised, nothing shown, no badge`, async () => {
        const entry = pages.get(c.name);
        assert.ok(entry, "page loaded");
        const { page, url, reading } = entry;
        assert.equal(reading.recognised, false, "gvn:done says not recognised");
        assert.equal(reading.items, 0);
        assert.deepEqual(await highlightNames(page), [], "no gvn-* highlights");
        assert.equal(await page.locator(UI_HOST).count(), 0, `no <${UI_HOST}>`);
        assert.equal(await badgeText(session.browser.serviceWorker, url), "", "empty badge");
      });
    }
  });

  describe("panel and card", () => {
    const fixture = loadFixturePage("travinh-tracu-hoc-tap-nghi-quyet-tinh");
    const tab = useArticleTab(session, () => fixtureUrl(session.server, fixture, "panel"));

    test("the panel's next button by keyboard focuses an item and its card; Escape closes it", async () => {
      // Tab through the page until the panel's "next" button has the focus.
      let focused: string | null = null;
      for (let presses = 0; presses < 400 && focused !== "next"; presses++) {
        await tab.page.keyboard.press("Tab");
        focused = await focusedInUi(tab.page);
      }
      assert.equal(focused, "next", "Tab reaches the panel's next button");

      // The first item in document order, whatever its kind.
      const spans = (await highlightSpans(tab.page)).spans;
      const first = KINDS.flatMap((kind) => spans[HIGHLIGHT[kind]] ?? []).sort(
        (a, b) => a.start - b.start || b.end - a.end,
      )[0];
      assert.ok(first, "the page has highlights");

      await tab.page.keyboard.press("Enter");
      await ui(tab.page).card.waitFor();
      const focus = (await highlightTexts(tab.page))[HIGHLIGHT.focus] ?? [];
      assert.deepEqual(focus.map(normalizeSpace), [normalizeSpace(first.text)], "gvn-focus");
      assert.equal(
        normalizeSpace((await ui(tab.page).cardQuote.textContent()) ?? ""),
        normalizeSpace(first.text),
        "the card shows the focused item",
      );
      // The card takes the focus in an effect right after it renders: wait for it to settle.
      assert.equal(
        await focusSettledOn(tab.page, "save"),
        "save",
        "the card's save button has the focus",
      );
      assert.equal(await ui(tab.page).cardSave.textContent(), "Lưu");

      await tab.page.keyboard.press("Escape");
      await ui(tab.page).card.waitFor({ state: "detached" });

      // Next again moves on to the second item.
      await ui(tab.page).next.click();
      await ui(tab.page).card.waitFor();
      const second = (await highlightTexts(tab.page))[HIGHLIGHT.focus] ?? [];
      assert.equal(second.length, 1);
      assert.notEqual(normalizeSpace(second[0] ?? ""), normalizeSpace(first.text));
      assert.match(
        (await ui(tab.page).panel.locator(".position").textContent()) ?? "",
        /^Mục 2 \//,
      );
      await tab.page.keyboard.press("Escape");
      await ui(tab.page).card.waitFor({ state: "detached" });
    });

    test("the panel's item list names every item and moves the focus to the one chosen", async () => {
      // Custom highlights are invisible to screen readers: the list is how they reach the items.
      const { panel, card } = ui(tab.page);
      const toggle = panel.locator("[data-action=list]");
      assert.equal(await toggle.getAttribute("aria-expanded"), "false");
      await toggle.focus();
      await tab.page.keyboard.press("Enter");
      assert.equal(await toggle.getAttribute("aria-expanded"), "true");
      const entries = panel.locator("#gvn-item-list button[data-item]");
      const total = Object.values(await panelCounts(tab.page)).reduce((a, b) => a + b, 0);
      assert.equal(await entries.count(), total, "one entry per highlighted item");
      const third = entries.nth(2);
      const label = normalizeSpace((await third.textContent()) ?? "");
      await third.focus();
      await tab.page.keyboard.press("Enter");
      await card.waitFor();
      const focus = (await highlightTexts(tab.page))[HIGHLIGHT.focus] ?? [];
      assert.equal(focus.length, 1, "gvn-focus marks the chosen item");
      const quote = normalizeSpace((await ui(tab.page).cardQuote.textContent()) ?? "");
      assert.ok(
        label.includes(quote.slice(0, 40)),
        `the card shows the chosen item: ${label} / ${quote}`,
      );
      assert.equal(await focusSettledOn(tab.page, "save"), "save");
      await tab.page.keyboard.press("Escape");
      await card.waitFor({ state: "detached" });
      await toggle.click();
    });

    test("closing a card opened from the panel gives the focus back to the panel", async () => {
      await ui(tab.page).next.focus();
      await tab.page.keyboard.press("Enter");
      await ui(tab.page).card.waitFor();
      assert.equal(await focusSettledOn(tab.page, "save"), "save");
      await tab.page.keyboard.press("Escape");
      await ui(tab.page).card.waitFor({ state: "detached" });
      // Otherwise a keyboard reader starts again from the top of the page to get back here.
      assert.equal(
        await focusSettledOn(tab.page, "next"),
        "next",
        "the focus is back on the next button",
      );
    });

    test("resting the pointer on a highlight opens its card; moving away closes it", async () => {
      const point = await highlightPoint(tab.page, HIGHLIGHT.target, 3);
      await tab.page.mouse.move(point.x, point.y);
      await ui(tab.page).card.waitFor({ timeout: 3_000 });
      assert.equal(
        normalizeSpace((await ui(tab.page).cardQuote.textContent()) ?? ""),
        normalizeSpace(point.text),
      );
      // Far from any highlight (the page's top left corner, a banner).
      await tab.page.mouse.move(2, 2);
      await ui(tab.page).card.waitFor({ state: "detached", timeout: 3_000 });
    });

    test("a kind's checkbox hides and shows that kind's highlights", async () => {
      const shown = await highlightTexts(tab.page);
      assert.ok((shown[HIGHLIGHT.target] ?? []).length > 0);
      await ui(tab.page).toggle("target").uncheck();
      await tab.page.waitForFunction((name) => !CSS.highlights.has(name), HIGHLIGHT.target);
      const hidden = await highlightTexts(tab.page);
      assert.deepEqual(hidden[HIGHLIGHT.deadline], shown[HIGHLIGHT.deadline], "others stay");
      await ui(tab.page).toggle("target").check();
      await tab.page.waitForFunction((name) => CSS.highlights.has(name), HIGHLIGHT.target);
      assert.deepEqual(await highlightTexts(tab.page), shown);
    });

    test("a repaint replaces only the highlights that changed; one the page removed comes back", async () => {
      type Kept = { __gvnKept?: unknown };
      const keep = (name: string) => {
        (window as unknown as Kept).__gvnKept = CSS.highlights.get(name);
      };
      const stillKept = (name: string) =>
        CSS.highlights.get(name) === (window as unknown as Kept).__gvnKept;
      const shown = await highlightTexts(tab.page);
      assert.ok((shown[HIGHLIGHT.target] ?? []).length > 0);
      await tab.page.evaluate(keep, HIGHLIGHT.target);

      // Moving to the next item repaints: the focus highlight is new, the targets' is the same.
      await ui(tab.page).next.click();
      await ui(tab.page).card.waitFor();
      assert.equal(((await highlightTexts(tab.page))[HIGHLIGHT.focus] ?? []).length, 1);
      assert.equal(await tab.page.evaluate(stillKept, HIGHLIGHT.target), true, "targets kept");

      // The page's own script removes the targets' highlight: the next repaint registers it again.
      await tab.page.evaluate((name) => CSS.highlights.delete(name), HIGHLIGHT.target);
      await tab.page.keyboard.press("Escape");
      await ui(tab.page).card.waitFor({ state: "detached" });
      await ui(tab.page).next.click();
      await tab.page.waitForFunction((name) => CSS.highlights.has(name), HIGHLIGHT.target);
      const again = await highlightTexts(tab.page);
      assert.deepEqual(again[HIGHLIGHT.target], shown[HIGHLIGHT.target]);
      assert.equal(await tab.page.evaluate(stillKept, HIGHLIGHT.target), false, "a new one");
      await tab.page.keyboard.press("Escape");
      await ui(tab.page).card.waitFor({ state: "detached" });
    });
  });

  testNoErrorsLogged(session);
});
