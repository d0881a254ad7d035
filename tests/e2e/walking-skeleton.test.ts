/**
 * Walking skeleton: the built extension loads in Chromium, its content script runs on a page served
 * at a *.gov.vn host name, and it does not run anywhere else.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import {
  collectErrors,
  DEMO_PAGE_SLUG,
  E2E_PAGES_DIR,
  type ErrorCollector,
  type ExtensionBrowser,
  FIXTURE_PAGES_DIR,
  GOV_HOST,
  hasContentScriptMarker,
  launchBrowserWithExtension,
  OTHER_HOST,
  type PortalServer,
  portalUrl,
  startPortalServer,
  waitForContentScript,
} from "./harness.ts";

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
  let server: PortalServer;
  let browser: ExtensionBrowser;
  let errors: ErrorCollector;

  before(async () => {
    server = await startPortalServer(FIXTURE_PAGES_DIR, { staticDir: E2E_PAGES_DIR });
    browser = await launchBrowserWithExtension();
    errors = collectErrors(browser.context);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the extension loads and its service worker runs", async () => {
    assert.match(browser.extensionId, /^[a-p]{32}$/);
    assert.equal(
      browser.serviceWorker.url(),
      `chrome-extension://${browser.extensionId}/background.js`,
    );
    const runtimeId = await browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
    );
    assert.equal(runtimeId, browser.extensionId);
  });

  test("the content script runs on a *.gov.vn page and the page sees its marker", async () => {
    const page = await browser.context.newPage();
    try {
      const url = portalUrl(GOV_HOST, server.port, DEMO_PAGE_SLUG);
      const response = await page.goto(url);
      assert.equal(response?.status(), 200);
      // The page really is the Vietnamese test article, decoded as UTF-8, at the portal's name.
      assert.equal(new URL(page.url()).hostname, GOV_HOST);
      assert.match(
        (await page.locator("h1").textContent()) ?? "",
        /Nghị quyết Đại hội Đảng bộ tỉnh/,
      );

      await waitForContentScript(page);
      // page.evaluate runs in the page's main world, not the content script's isolated world:
      // the attribute is on the shared DOM, so page scripts see it.
      const seenByPage = await page.evaluate(() => ({
        dataset: document.documentElement.dataset.gvnLoaded,
        attribute: document.documentElement.getAttribute("data-gvn-loaded"),
        selector: document.querySelector("html[data-gvn-loaded='1']") !== null,
      }));
      assert.deepEqual(seenByPage, { dataset: "1", attribute: "1", selector: true });
      assert.equal(errors.errors.length, 0, errors.format());
    } finally {
      await page.close();
    }
  });

  test("the content script does not run outside .gov.vn", async () => {
    const others = [
      portalUrl(OTHER_HOST, server.port, DEMO_PAGE_SLUG),
      // A name that contains "gov.vn" but is not under it.
      portalUrl("gov.vn.example.test", server.port, DEMO_PAGE_SLUG),
      portalUrl("127.0.0.1", server.port, DEMO_PAGE_SLUG),
    ];
    const control = await browser.context.newPage();
    const pages = await Promise.all(others.map(() => browser.context.newPage()));
    try {
      // Load them side by side with a *.gov.vn page: once that one is marked, the content script
      // had its chance on the others too (all run at document_idle).
      await Promise.all([
        control.goto(portalUrl(GOV_HOST, server.port, DEMO_PAGE_SLUG)),
        ...pages.map((page, i) => page.goto(others[i] ?? "")),
      ]);
      await waitForContentScript(control);
      await control.waitForTimeout(500);
      for (const [i, page] of pages.entries()) {
        const heading = (await page.locator("h1").textContent()) ?? "";
        assert.match(heading, /Trà Cú/, `page ${others[i]} loaded`);
        assert.equal(await hasContentScriptMarker(page), false, `no marker on ${others[i]}`);
      }
      assert.equal(errors.errors.length, 0, errors.format());
    } finally {
      await Promise.all([control, ...pages].map((page) => page.close()));
    }
  });

  const slugs = fixtureSlugs();
  test("the content script runs on every fixture page", {
    skip: slugs.length === 0 ? "no fixture pages yet" : false,
  }, async () => {
    const page = await browser.context.newPage();
    try {
      for (const slug of slugs) {
        const response = await page.goto(portalUrl(GOV_HOST, server.port, slug), {
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
