/**
 * Pages whose article arrives after load: tests/e2e/pages/late-article fills in the article of the
 * seed travinh-tracu-hoc-tap-nghi-quyet-tinh by script 1 s after load, then its header clock ticks
 * every 300 ms for 3 s. The content script must notice the article (another reading, `gvn:done`),
 * highlight it exactly as when it is served normally, and not read it again, or highlight anything
 * twice, because of the clock.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { READING_MARK, type ReadingDetail, readingMarks, waitForReading } from "./harness.ts";
import { assertSameTexts, eventually } from "./helpers/compare.ts";
import { badgeText } from "./helpers/extension.ts";
import { fixtureUrl, KINDS, loadFixturePage } from "./helpers/fixtures.ts";
import { duplicateRanges, HIGHLIGHT, highlightTexts, panelCounts, ui } from "./helpers/page.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

/** How long "nothing happens" is given to happen. */
const QUIET_MS = 1500;
const LATE_SLUG = "late-article";
const INSERTED = "late-article:inserted";
const CLOCK_STOPPED = "late-article:clock-stopped";

/** Wait for the page's own performance mark `name`. */
async function waitForPageMark(page: Page, name: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, name, {
    timeout,
  });
}

/** The newest reading that started after the page's own mark `pageMark`. */
async function waitForReadingAfter(page: Page, pageMark: string): Promise<ReadingDetail> {
  const handle = await page.waitForFunction(
    ({ reading, pageMark }) => {
      const since = performance.getEntriesByName(pageMark)[0]?.startTime;
      if (since === undefined) return null;
      const later = performance
        .getEntriesByName(reading, "mark")
        .filter((mark) => mark.startTime > since);
      return (later.at(-1) as PerformanceMark | undefined)?.detail ?? null;
    },
    { reading: READING_MARK, pageMark },
    { timeout: 10_000 },
  );
  return (await handle.jsonValue()) as ReadingDetail;
}

describe("in-page dynamic content", () => {
  const seed = loadFixturePage("travinh-tracu-hoc-tap-nghi-quyet-tinh");
  const session = useExtensionSession();
  /** The seed's highlights when it is served normally. */
  let reference: Partial<Record<string, string[]>>;

  before(async () => {
    const page = await session.browser.context.newPage();
    try {
      await page.goto(fixtureUrl(session.server, seed));
      await waitForReading(page, { recognised: true });
      reference = await highlightTexts(page);
    } finally {
      await page.close();
    }
  });

  describe("an article filled in by script after load", () => {
    let page: Page;
    let url: string;
    let reading: ReadingDetail;
    /** Readings recorded once the article was in. */
    let readingsWhenAnnotated = 0;

    before(async () => {
      page = await session.browser.context.newPage();
      url = session.server.url(seed.host, LATE_SLUG);
      const response = await page.goto(url);
      assert.equal(response?.status(), 200);
      reading = await waitForReadingAfter(page, INSERTED);
      readingsWhenAnnotated = (await readingMarks(page)).length;
    });

    after(async () => {
      await page?.close();
    });

    test("the content script read the page before the article was there", async () => {
      const order = await page.evaluate(
        ({ reading, inserted }) => ({
          firstReading: performance.getEntriesByName(reading, "mark")[0]?.startTime ?? null,
          inserted: performance.getEntriesByName(inserted)[0]?.startTime ?? null,
        }),
        { reading: READING_MARK, inserted: INSERTED },
      );
      assert.ok(order.firstReading !== null && order.inserted !== null, JSON.stringify(order));
      assert.ok(
        order.firstReading < order.inserted,
        `the first reading (${order.firstReading} ms) came before the article (${order.inserted} ms)`,
      );
      const first = (await readingMarks(page))[0];
      assert.equal(first?.items, 0, "no items before the article is in");
    });

    test("once the article is in, it is read and highlighted as when served normally", async () => {
      assert.equal(reading.recognised, true);
      assert.equal(reading.items, seed.expected.items.length);
      const texts = await highlightTexts(page);
      for (const kind of KINDS) {
        assertSameTexts(
          texts[HIGHLIGHT[kind]] ?? [],
          reference[HIGHLIGHT[kind]] ?? [],
          `${HIGHLIGHT[kind]} on the late page vs the seed served normally`,
        );
      }
      await ui(page).panel.waitFor();
      const counts = await panelCounts(page);
      for (const kind of KINDS) {
        assert.equal(counts[kind], (reference[HIGHLIGHT[kind]] ?? []).length, `${kind} count`);
      }
      const want = String(seed.expected.items.length);
      assert.equal(
        await eventually(
          () => badgeText(session.browser.serviceWorker, url),
          (text) => text === want,
        ),
        want,
        "badge",
      );
    });

    test("the ticking clock neither re-reads the article nor duplicates highlights", async () => {
      const annotated = await highlightTexts(page);
      await waitForPageMark(page, CLOCK_STOPPED);
      await page.waitForTimeout(QUIET_MS);
      const marks = await readingMarks(page);
      assert.ok(marks.length <= 3, `${marks.length} readings in all: ${JSON.stringify(marks)}`);
      assert.equal(marks.length, readingsWhenAnnotated, "no reading since the article came in");
      assert.deepEqual(await highlightTexts(page), annotated, "the same highlights");
      for (const kind of KINDS) {
        assert.equal(await duplicateRanges(page, HIGHLIGHT[kind]), 0, `duplicate ${kind} ranges`);
      }
      assert.equal(await page.locator("gvn-chi-tieu").count(), 1, "one UI host");
      const clock = (await page.locator("#clock").textContent()) ?? "";
      assert.notEqual(clock, "08:47:00", "the clock did tick");
    });
  });

  testNoErrorsLogged(session);
});
