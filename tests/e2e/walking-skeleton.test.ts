/**
 * Walking skeleton: the built extension loads in Chromium, its content script runs on a page served
 * at a *.gov.vn host name, and it does not run anywhere else. The content script leaves no marker in
 * the page's DOM: it records each reading of the page as a `gvn:done` performance mark, which the
 * page's main world sees in the shared performance timeline.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import {
  DEMO_PAGE_SLUG,
  FIXTURE_PAGES_DIR,
  GOV_HOST,
  hasContentScriptMarker,
  OTHER_HOST,
  portalUrl,
  READING_MARK,
  readingMarks,
  waitForContentScript,
  waitForReading,
} from "./harness.ts";
import { useExtensionSession } from "./helpers/session.ts";

/** How long "nothing happens" is given to happen. */
const QUIET_MS = 1500;

function fixtureSlugs(): string[] {
  try {
    return readdirSync(FIXTURE_PAGES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .filter((slug) => {
        try {
          return readdirSync(path.join(FIXTURE_PAGES_DIR, slug)).includes("source.html");
        } catch {
          return false;
        }
      })
      .sort();
  } catch {
    return [];
  }
}

describe("walking skeleton", () => {
  const session = useExtensionSession();

  test("the extension loads and its service worker runs", async () => {
    assert.match(session.browser.extensionId, /^[a-p]{32}$/);
    assert.equal(
      session.browser.serviceWorker.url(),
      `chrome-extension://${session.browser.extensionId}/background.js`,
    );
    const runtimeId = await session.browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
    );
    assert.equal(runtimeId, session.browser.extensionId);
  });

  test("the content script runs on a *.gov.vn page and the page sees its gvn:done mark", async () => {
    const page = await session.browser.context.newPage();
    try {
      const url = portalUrl(GOV_HOST, session.server.port, DEMO_PAGE_SLUG);
      const response = await page.goto(url);
      assert.equal(response?.status(), 200);
      // The page really is the Vietnamese test article, decoded as UTF-8, at the portal's name.
      assert.equal(new URL(page.url()).hostname, GOV_HOST);
      assert.match(
        (await page.locator("h1").textContent()) ?? "",
        /Nghị quyết Đại hội Đảng bộ tỉnh/,
      );

      // page.evaluate runs in the page's main world, not the content script's isolated world:
      // the performance timeline is shared, so the page sees the content script's mark.
      const reading = await waitForReading(page);
      assert.equal(typeof reading.recognised, "boolean");
      assert.equal(typeof reading.items, "number");
      assert.equal(typeof reading.mainThreadMs, "number");
      assert.equal((await readingMarks(page)).length, 1, "one reading of an unchanging page");
      // The walking skeleton's old DOM marker is gone: the extension leaves the page's DOM alone.
      const marker = await page.evaluate(() =>
        document.documentElement.hasAttribute("data-gvn-loaded"),
      );
      assert.equal(marker, false, "no data-gvn-loaded attribute on <html>");
      assert.equal(session.errors.errors.length, 0, session.errors.format());
    } finally {
      await page.close();
    }
  });

  test("the content script does not run outside .gov.vn", async () => {
    const others = [
      portalUrl(OTHER_HOST, session.server.port, DEMO_PAGE_SLUG),
      // A name that contains "gov.vn" but is not under it.
      portalUrl("gov.vn.example.test", session.server.port, DEMO_PAGE_SLUG),
      portalUrl("127.0.0.1", session.server.port, DEMO_PAGE_SLUG),
    ];
    const control = await session.browser.context.newPage();
    const pages = await Promise.all(others.map(() => session.browser.context.newPage()));
    try {
      // Load them side by side with a *.gov.vn page: once that one has its reading, the content
      // script had its chance on the others too (all run at document_idle); then give it a while.
      await Promise.all([
        control.goto(portalUrl(GOV_HOST, session.server.port, DEMO_PAGE_SLUG)),
        ...pages.map((page, i) => page.goto(others[i] ?? "")),
      ]);
      await waitForContentScript(control);
      await control.waitForTimeout(QUIET_MS);
      for (const [i, page] of pages.entries()) {
        const heading = (await page.locator("h1").textContent()) ?? "";
        assert.match(heading, /Trà Cú/, `page ${others[i]} loaded`);
        assert.equal(
          await hasContentScriptMarker(page),
          false,
          `no ${READING_MARK} mark on ${others[i]}`,
        );
        const traces = await page.evaluate(() => ({
          highlights: [...CSS.highlights.keys()].filter((name) => name.startsWith("gvn-")),
          ui: document.querySelector("gvn-chi-tieu") !== null,
        }));
        assert.deepEqual(traces, { highlights: [], ui: false }, `nothing shown on ${others[i]}`);
      }
      assert.equal(session.errors.errors.length, 0, session.errors.format());
    } finally {
      await Promise.all([control, ...pages].map((page) => page.close()));
    }
  });

  const slugs = fixtureSlugs();
  test("the content script runs on every fixture page", {
    skip: slugs.length === 0 ? "no fixture pages yet" : false,
  }, async () => {
    const page = await session.browser.context.newPage();
    try {
      for (const slug of slugs) {
        const response = await page.goto(portalUrl(GOV_HOST, session.server.port, slug), {
          waitUntil: "domcontentloaded",
        });
        assert.equal(response?.status(), 200, slug);
        await waitForContentScript(page).catch((error: unknown) => {
          throw new Error(`content script did not run on fixture ${slug}`, { cause: error });
        });
      }
    } finally {
      await page.close();
    }
  });
});
