/**
 * Debian's Firefox ESR with the built Firefox (MV2) add-on, driven over WebDriver BiDi by
 * puppeteer-core: used by the Firefox end-to-end tests (`tests/e2e/firefox-*.test.ts`) and by
 * `npm start -- --firefox`. The portal server and the host names are those of `browser.ts`.
 *
 * How the add-on gets loaded (checked against Firefox ESR 153.8 and puppeteer-core 25.16):
 *
 * - `puppeteer.launch({ browser: "firefox", executablePath: "/usr/bin/firefox-esr" })` starts the
 *   stock Firefox on a temporary profile with its WebDriver BiDi server; nothing is downloaded.
 * - `browser.installExtension(dir)` is BiDi's `webExtension.install` with `{ type: "path" }`: the
 *   unpacked build is installed as a temporary add-on, as `about:debugging` would.
 * - The add-on's pages live at `moz-extension://<uuid>/`, and Firefox draws the uuid at random at
 *   install; the pref `extensions.webextensions.uuids` (add-on id → uuid, the id being the manifest's
 *   `browser_specific_settings.gecko.id`) fixes it in advance.
 * - BiDi refuses to navigate a tab to a `moz-extension:` address unless Firefox was started with
 *   `--remote-allow-system-access`; and puppeteer's `page.goto` never sees such a navigation end
 *   (the tab moves to the extension's process), so `navigateTo` sends BiDi's
 *   `browsingContext.navigate` itself and waits for "complete".
 * - Host names: `network.dns.forceResolve` makes every name resolve to 127.0.0.1, so the portal
 *   names reach the local server on the port in the URL, and no page's third-party resource makes
 *   a real lookup (Chromium's `--host-resolver-rules` maps other names to "not found" instead).
 * - `devtools.console.stdout.content` makes Firefox print the console messages of pages, content
 *   scripts, extension pages and the add-on's background page on its standard output, with the
 *   uncaught errors ("JavaScript error: <url>, line N: …"): `FirefoxWithExtension.output` keeps
 *   those lines, the one place where the background page's errors can be seen from outside.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import {
  newestReading,
  REPO_ROOT,
  type ReadingDetail,
  type ReadingWait,
  readingWait,
} from "./browser.ts";

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
/** The Firefox build `npm run build:firefox` makes (`$GVN_OUT_DIR/firefox-mv2` when set). */
export const DEFAULT_FIREFOX_EXTENSION_PATH = path.join(
  path.resolve(REPO_ROOT, process.env.GVN_OUT_DIR || ".output"),
  "firefox-mv2",
);
/** The add-on's `moz-extension://` host in the browsers started here. */
export const FIREFOX_EXTENSION_UUID = "6f0c2b1e-4a57-4d1a-9c3e-8b2f7a9d5e10";

export interface FirefoxLaunchOptions {
  /** The unpacked Firefox build (default: `DEFAULT_FIREFOX_EXTENSION_PATH`). */
  extensionPath?: string;
  /** Default true. With false a window opens (needs a display). */
  headless?: boolean;
  executablePath?: string;
  /**
   * Grant the add-on's optional permissions without Firefox's prompt (the pref
   * `extensions.webextOptionalPermissionPrompts`), which a test cannot click. Default false.
   */
  grantOptionalPermissions?: boolean;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id (the manifest's gecko id). */
  addonId: string;
  /** Where Firefox saves downloads without asking (inside the temporary profile's folder). */
  downloadsDir: string;
  /** Lines Firefox printed (console messages and uncaught errors of content and extension code). */
  readonly output: string[];
  /** `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string;
  /** Close Firefox and delete its temporary folders. Safe to call twice. */
  close(): Promise<void>;
}

/** The preferences a Firefox with the add-on gets (see the comment at the top). */
export function firefoxPrefs(addonId: string, downloadsDir: string): Record<string, unknown> {
  return {
    "network.dns.forceResolve": "127.0.0.1",
    "network.trr.mode": 5,
    "network.proxy.type": 0,
    "extensions.webextensions.uuids": JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }),
    "devtools.console.stdout.content": true,
    "browser.download.dir": downloadsDir,
    "browser.download.folderList": 2,
    "browser.download.useDownloadDir": true,
    "browser.download.always_ask_before_handling_new_types": false,
    "browser.download.start_downloads_in_tmp_dir": false,
    "browser.download.alwaysOpenPanel": false,
  };
}

/** The gecko add-on id of an unpacked Firefox build. */
export function addonIdOf(extensionPath: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionPath, "manifest.json"), "utf8")) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionPath}: the manifest names no gecko add-on id`);
  return id;
}

/** Start Firefox on a fresh temporary profile with the add-on installed as a temporary add-on. */
export async function launchFirefoxWithExtension(
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxWithExtension> {
  const extensionPath = path.resolve(options.extensionPath ?? DEFAULT_FIREFOX_EXTENSION_PATH);
  const executablePath = options.executablePath ?? FIREFOX_PATH;
  if (!existsSync(path.join(extensionPath, "manifest.json"))) {
    throw new Error(`No Firefox build at ${extensionPath} (run \`npm run build:firefox\` first).`);
  }
  if (!existsSync(executablePath)) {
    throw new Error(`Firefox not found at ${executablePath} (apt-get install firefox-esr).`);
  }
  const addonId = addonIdOf(extensionPath);
  const workDir = mkdtempSync(path.join(os.tmpdir(), "gvn-firefox-"));
  const downloadsDir = path.join(workDir, "downloads");
  mkdirSync(downloadsDir);
  // A copy, so that a rebuild while Firefox runs cannot change the files it reads later.
  const loadedPath = path.join(workDir, "addon");
  cpSync(extensionPath, loadedPath, { recursive: true });

  let browser: Browser | undefined;
  const output: string[] = [];
  try {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath,
      headless: options.headless ?? true,
      defaultViewport: options.headless === false ? null : { width: 1280, height: 900 },
      args: ["--remote-allow-system-access"],
      extraPrefsFirefox: {
        ...firefoxPrefs(addonId, downloadsDir),
        "extensions.webextOptionalPermissionPrompts": !options.grantOptionalPermissions,
      },
    });
    const child = browser.process();
    let partial = "";
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      output.push(...lines);
    };
    child?.stdout?.on("data", onData);
    child?.stderr?.on("data", onData);
    const installed = await browser.installExtension(loadedPath);
    if (installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);

    let closed = false;
    const running = browser;
    return {
      browser: running,
      addonId,
      downloadsDir,
      output,
      extensionUrl: (file) =>
        `moz-extension://${FIREFOX_EXTENSION_UUID}/${file.replace(/^\/+/, "")}`,
      close: async () => {
        if (closed) return;
        closed = true;
        await running.close().catch(() => {});
        if (partial) output.push(partial);
        rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

/**
 * Navigates a tab and waits until its document has loaded: BiDi's `browsingContext.navigate`, sent
 * through puppeteer's own connection (see the comment at the top for why not `page.goto`).
 */
export async function navigateTo(page: Page, url: string): Promise<void> {
  const context = (
    page.mainFrame() as unknown as {
      browsingContext: {
        navigate(url: string, wait: "none" | "interactive" | "complete"): Promise<void>;
      };
    }
  ).browsingContext;
  await context.navigate(url, "complete");
}

/**
 * Waits until the content script has recorded at least `count` readings of the page (`gvn:done`
 * marks, default 1) and returns the newest; with `recognised`, waits for a reading that says so.
 */
export async function waitForReading(
  page: Page,
  options: ReadingWait = {},
): Promise<ReadingDetail> {
  const { args, timeout } = readingWait(options, 15_000);
  const handle = await page.waitForFunction(newestReading, { timeout }, args);
  return (await handle.jsonValue()) as ReadingDetail;
}
