/** Where things are, and the host names the browser tests use. */
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEFAULT_EXTENSION_PATH = path.join(REPO_ROOT, ".output/chrome-mv3");
/** Fixture pages saved from real portals: `<slug>/source.html`. */
export const FIXTURE_PAGES_DIR = path.join(REPO_ROOT, "tests/fixtures/pages");
/** Hand-written pages for the end-to-end tests and the demo: `<slug>/source.html` or any file. */
export const E2E_PAGES_DIR = path.join(REPO_ROOT, "tests/e2e/pages");
/** Our own demo article, used when the real fixture page is not there. */
export const DEMO_PAGE_SLUG = "demo-bai-viet";
/** The fixture page `npm start` prefers. */
export const DEMO_FIXTURE_SLUG = "travinh-tracu-hoc-tap-nghi-quyet-tinh";
/** A host name the content script matches (`*.gov.vn`); resolved to 127.0.0.1 in the browser. */
export const GOV_HOST = "tuyengiao.travinh.gov.vn";
/** A host name the content script must NOT match; also resolved to 127.0.0.1. */
export const OTHER_HOST = "tintuc.example.test";

/**
 * Host name rules for the browser: portal names and test names go to 127.0.0.1 (so the browser
 * reaches our local server on whatever port is in the URL); every other name fails to resolve, so a
 * page's third-party scripts, fonts and images never cause a real lookup or connection.
 */
export const DEFAULT_HOST_RESOLVER_RULES = [
  "MAP *.gov.vn 127.0.0.1",
  "MAP *.example.test 127.0.0.1",
  "MAP * ~NOTFOUND",
  "EXCLUDE localhost",
  "EXCLUDE 127.0.0.1",
].join(",");

// ---------------------------------------------------------------------------------------------
// Local portal server
