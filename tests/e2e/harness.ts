/**
 * Helpers for end-to-end tests: a local portal server, Chromium (Debian's, via playwright-core)
 * with the built extension, and an error collector. The implementation lives in
 * `scripts/lib/browser.ts`, shared with `npm start`; read the comment at its top for the Chromium
 * flags that load the extension and why.
 *
 * Typical use in a `node:test` file:
 *
 *   const server = await startPortalServer(FIXTURE_PAGES_DIR, { staticDir: E2E_PAGES_DIR });
 *   const browser = await launchBrowserWithExtension();
 *   const errors = collectErrors(browser.context);
 *   const page = await browser.context.newPage();
 *   await page.goto(portalUrl("tuyengiao.travinh.gov.vn", server.port, "some-slug"));
 *   const reading = await waitForReading(page); // the content script's `gvn:done` mark
 *   …
 *   await browser.close();
 *   await server.close();
 */
export {
  CHROMIUM_PATH,
  type CollectErrorsOptions,
  type CollectedError,
  chromiumArgs,
  collectErrors,
  DEFAULT_EXTENSION_PATH,
  DEFAULT_HOST_RESOLVER_RULES,
  DEMO_FIXTURE_SLUG,
  DEMO_PAGE_SLUG,
  E2E_PAGES_DIR,
  type ErrorCollector,
  type ExtensionBrowser,
  FIXTURE_PAGES_DIR,
  GOV_HOST,
  hasContentScriptMarker,
  type LaunchOptions,
  launchBrowserWithExtension,
  launchPlainBrowser,
  OTHER_HOST,
  type PlainBrowser,
  type PortalServer,
  type PortalServerOptions,
  plainChromiumArgs,
  portalUrl,
  READING_MARK,
  REPO_ROOT,
  type ReadingDetail,
  readingMarks,
  startPortalServer,
  waitForContentScript,
  waitForReading,
} from "../../scripts/lib/browser.ts";
