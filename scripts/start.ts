/**
 * `npm start`: build the extension, serve a portal article locally and open it in Chromium with the
 * extension, at a *.gov.vn host name (the browser resolves it to 127.0.0.1).
 *
 * With a display: a visible Chromium window on a temporary profile; serves until the browser is
 * closed (or Ctrl+C). Without one (no DISPLAY / WAYLAND_DISPLAY, or CI): renders the page headless,
 * waits for the content script, saves a full-page screenshot to .output/demo.png and exits.
 *
 * `npm start -- --firefox` does the same with the Firefox build (`wxt build -b firefox`) in Debian's
 * Firefox ESR, installed as a temporary add-on (screenshot: .output/demo-firefox.png).
 *
 * The page is the fixture tests/fixtures/pages/travinh-tracu-hoc-tap-nghi-quyet-tinh when present,
 * else the demo page tests/e2e/pages/demo-bai-viet. Browser and server code: scripts/lib/browser.ts
 * (Chromium, the server) and scripts/lib/firefox.ts (Firefox).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import {
  collectErrors,
  DEMO_FIXTURE_SLUG,
  DEMO_PAGE_SLUG,
  E2E_PAGES_DIR,
  FIXTURE_PAGES_DIR,
  GOV_HOST,
  launchBrowserWithExtension,
  type PortalServer,
  REPO_ROOT,
  startPortalServer,
  waitForContentScript,
} from "./lib/browser.ts";
import { launchFirefoxWithExtension, waitForReading } from "./lib/firefox.ts";

const FIREFOX = process.argv.slice(2).includes("--firefox");
const SCREENSHOT = path.join(REPO_ROOT, ".output", FIREFOX ? "demo-firefox.png" : "demo.png");
/** Headless mode gives up after this long, whatever happens. */
const HEADLESS_DEADLINE_MS = 90_000;

function isCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

function hasDisplay(): boolean {
  return !isCI() && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function build(): void {
  const args = FIREFOX ? ["build", "-b", "firefox"] : ["build"];
  console.log(`Building the extension (wxt ${args.join(" ")})…`);
  const result = spawnSync(path.join(REPO_ROOT, "node_modules", ".bin", "wxt"), args, {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(result.error ? `Could not run wxt: ${result.error.message}` : "Build failed.");
    process.exit(result.status ?? 1);
  }
}

/** Ends the process (exit code 1) when a headless run takes longer than its deadline. */
function exitAfterDeadline(): void {
  const deadline = setTimeout(() => {
    console.error(`Gave up after ${HEADLESS_DEADLINE_MS / 1000} s.`);
    process.exit(1);
  }, HEADLESS_DEADLINE_MS);
  deadline.unref();
}

/**
 * The end of a headless run: waits for the content script (`read`), says whether it ran, and saves
 * the full-page screenshot with `screenshot`; false when the content script did not run.
 */
async function screenshotOnceRead(
  who: string,
  read: Promise<unknown>,
  screenshot: (options: { path: string; fullPage: boolean }) => Promise<unknown>,
): Promise<boolean> {
  try {
    await read;
    console.log(`The ${who} content script ran on the page.`);
  } catch {
    console.error(`The ${who} content script did not run on the page.`);
    return false;
  }
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await screenshot({ path: SCREENSHOT, fullPage: true });
  return true;
}

/**
 * A headed run: Ctrl+C (or SIGTERM) closes the browser; `open` opens the page and gives the wait
 * for its content script, which is reported when it settles; resolves once the reader closes the
 * browser.
 */
async function serveUntilClosed(
  who: string,
  browser: { closed: Promise<void>; close(): Promise<unknown> },
  open: () => Promise<{ read: Promise<unknown> }>,
): Promise<number> {
  const stop = () => {
    void browser.close();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  const { read } = await open();
  read.then(
    () => console.log(`The ${who} content script ran on the page.`),
    () => console.error(`The ${who} content script did not run on the page (yet).`),
  );
  console.log("Close the browser window (or press Ctrl+C) to stop.");
  await browser.closed;
  await browser.close();
  return 0;
}

async function runHeadless(url: string): Promise<number> {
  exitAfterDeadline();

  const browser = await launchBrowserWithExtension({ headless: true });
  try {
    const errors = collectErrors(browser.context);
    const page = await browser.context.newPage();
    await page.goto(url);
    const read = waitForContentScript(page, 15_000);
    if (!(await screenshotOnceRead("extension's", read, (o) => page.screenshot(o)))) return 1;
    if (errors.errors.length > 0) console.warn(`Errors on the page:\n${errors.format()}`);
    console.log(`Screenshot: ${SCREENSHOT}`);
    return 0;
  } finally {
    await browser.close();
  }
}

async function runHeaded(url: string): Promise<number> {
  const browser = await launchBrowserWithExtension({ headless: false, viewport: null });
  const closed = new Promise<void>((resolve) => browser.context.once("close", () => resolve()));
  return serveUntilClosed("extension's", { closed, close: () => browser.close() }, async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(url);
    return { read: waitForContentScript(page, 15_000) };
  });
}

async function runFirefoxHeadless(url: string): Promise<number> {
  exitAfterDeadline();

  const firefox = await launchFirefoxWithExtension({ headless: true });
  try {
    const page = await firefox.browser.newPage();
    await page.goto(url);
    const read = waitForReading(page, { timeout: 15_000 });
    if (!(await screenshotOnceRead("add-on's", read, (o) => page.screenshot(o)))) return 1;
    console.log(`Screenshot: ${SCREENSHOT}`);
    return 0;
  } finally {
    await firefox.close();
  }
}

async function runFirefoxHeaded(url: string): Promise<number> {
  const firefox = await launchFirefoxWithExtension({ headless: false });
  const closed = new Promise<void>((resolve) => firefox.browser.once("disconnected", resolve));
  return serveUntilClosed("add-on's", { closed, close: () => firefox.close() }, async () => {
    const page = (await firefox.browser.pages())[0] ?? (await firefox.browser.newPage());
    await page.goto(url);
    return { read: waitForReading(page, { timeout: 15_000 }) };
  });
}

async function main(): Promise<number> {
  build();

  const useFixture = existsSync(path.join(FIXTURE_PAGES_DIR, DEMO_FIXTURE_SLUG, "source.html"));
  const slug = useFixture ? DEMO_FIXTURE_SLUG : DEMO_PAGE_SLUG;
  let server: PortalServer | undefined;
  try {
    server = await startPortalServer(FIXTURE_PAGES_DIR, { staticDir: E2E_PAGES_DIR });
    const url = server.url(GOV_HOST, slug);
    console.log(`Serving ${useFixture ? "fixture" : "demo"} page "${slug}" at ${url}`);
    console.log(`(${GOV_HOST} resolves to 127.0.0.1 inside the browser only.)`);

    if (hasDisplay()) return await (FIREFOX ? runFirefoxHeaded(url) : runHeaded(url));
    console.log(
      isCI()
        ? "CI: not opening a window; rendering headless instead."
        : "No display (DISPLAY and WAYLAND_DISPLAY are unset): rendering headless instead.",
    );
    return await (FIREFOX ? runFirefoxHeadless(url) : runHeadless(url));
  } finally {
    await server?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
