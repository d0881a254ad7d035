/**
 * Launching Chromium with the built extension (and without it). Used by the end-to-end tests
 * (through `tests/e2e/harness.ts`), the bench and `scripts/start.ts`: one implementation for all.
 *
 * How the extension gets loaded (checked against Debian's Chromium 156 and playwright-core 1.65):
 *
 * - `chromium.launchPersistentContext(tmpDir, { executablePath: "/usr/bin/chromium", headless: true,
 *   args })` with
 *     --headless=new --disable-extensions-except=<ext> --load-extension=<ext>
 *     --host-resolver-rules=<rules, see DEFAULT_HOST_RESOLVER_RULES> --no-sandbox --disable-gpu
 *     --disable-background-networking --disable-component-update --disable-sync --no-first-run
 *     --disable-quic
 *   works: the MV3 service worker starts within a second and the content script runs.
 * - `--disable-extensions-except` is REQUIRED: Playwright always adds `--disable-extensions` to its
 *   default arguments, and with `--load-extension` alone the extension silently never loads (no
 *   service worker, no content script). The alternative is `ignoreDefaultArgs: ["--disable-extensions"]`;
 *   we keep Playwright's defaults and use the "except" flag.
 * - Only a persistent context gets the extension; `chromium.launch()` + `newContext()` makes an
 *   incognito-like context where it does not run. "Temporary profile" therefore means a persistent
 *   context on a fresh temp user-data dir that is deleted on close.
 * - Headless: Chromium >= 132 has only the new headless mode, so Playwright's own `--headless` already
 *   works; `--headless=new` is passed anyway (the last value wins) so older builds pick it too.
 * - /usr/bin/chromium is Debian's shell wrapper: it adds `--enable-remote-extensions` and an empty
 *   `--load-extension=` from /etc/chromium.d before our arguments (ours come last and win) and prints
 *   a harmless "[: ...: unexpected operator" from its /dev/shm check. /usr/lib/chromium/chromium (the
 *   real binary) works the same way. Override the path with CHROMIUM_PATH.
 * - The extension loaded is .output/chrome-mv3 unless `extensionPath` is given or GVN_EXTENSION_PATH
 *   is set (e.g. to run the end-to-end tests against another build). Headless, a copy of it made at
 *   launch is loaded (`copyExtension`): the background injects article-tools.js from disk when a page
 *   needs it, so a `wxt build` in the middle of a run must not swap the files under the browser.
 * - `--no-sandbox` is needed because CI and this machine run as root.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Worker } from "playwright-core";
import { CHROMIUM_PATH, DEFAULT_EXTENSION_PATH, DEFAULT_HOST_RESOLVER_RULES } from "./paths.ts";

export interface LaunchOptions {
  /** Unpacked extension directory (default: $GVN_EXTENSION_PATH, else `.output/chrome-mv3`). */
  extensionPath?: string;
  /** Default true. With false a visible window opens (needs a display). */
  headless?: boolean;
  executablePath?: string;
  hostResolverRules?: string;
  /** More Chromium arguments, appended last. */
  extraArgs?: string[];
  viewport?: { width: number; height: number } | null;
  /** How long to wait for the extension's service worker (ms, default 15000). */
  serviceWorkerTimeout?: number;
  /**
   * Load a copy of the extension made at launch (in the temporary profile) instead of the directory
   * itself, so that a rebuild while the browser runs (another test run's `wxt build`) cannot change
   * the files it loads later: the article tools (article-tools.js) are read from disk only when a
   * page needs them. Default: true when headless; false with a window, where a person may want to
   * reload the rebuilt extension by hand.
   */
  copyExtension?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's MV3 background service worker. */
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
  /** The directory the extension was loaded from (a copy inside `userDataDir` by default). */
  extensionPath: string;
  /** Close the browser and delete its temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

/** The Chromium arguments `launchBrowserWithExtension` passes (see the comment at the top). */
export function chromiumArgs(
  extensionPath: string,
  options: Pick<LaunchOptions, "headless" | "hostResolverRules" | "extraArgs"> = {},
): string[] {
  const { headless = true, ...rest } = options;
  return [
    ...(headless ? ["--headless=new"] : []),
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    // The rest is what a browser without the extension gets too.
    ...plainChromiumArgs({ ...rest, headless: false }),
  ];
}

/** Temp profiles still on disk; removed on process exit if a test crashed before `close()`. */
const liveProfiles = new Set<string>();
process.once("exit", () => {
  for (const dir of liveProfiles) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Nothing more to do while exiting.
    }
  }
});

/** Delete a temp profile. Chromium's helper processes may still write to it for a moment after
 * the browser went away (e.g. when killed): retry for a few seconds, then leave it to the exit hook. */
async function removeProfile(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      liveProfiles.delete(dir);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  console.warn(`Could not remove the temporary profile ${dir} yet; will retry on exit.`);
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith("chrome-extension://");
}

/** Start Chromium on a fresh temporary profile with the unpacked extension loaded. */
export async function launchBrowserWithExtension(
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const extensionPath = path.resolve(
    options.extensionPath ?? process.env.GVN_EXTENSION_PATH ?? DEFAULT_EXTENSION_PATH,
  );
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  const headless = options.headless ?? true;
  if (!existsSync(path.join(extensionPath, "manifest.json"))) {
    throw new Error(`No built extension at ${extensionPath} (run \`npx wxt build\` first).`);
  }
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium).`);
  }

  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "gvn-chromium-"));
  liveProfiles.add(userDataDir);
  const loadedPath =
    (options.copyExtension ?? headless) ? path.join(userDataDir, "gvn-extension") : extensionPath;
  let context: BrowserContext | undefined;
  try {
    if (loadedPath !== extensionPath) cpSync(extensionPath, loadedPath, { recursive: true });
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      args: chromiumArgs(loadedPath, { ...options, headless }),
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    });
    const serviceWorker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent("serviceworker", {
        predicate: isExtensionWorker,
        timeout: options.serviceWorkerTimeout ?? 15_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;

    let closed = false;
    const ctx = context;
    return {
      context: ctx,
      serviceWorker,
      extensionId,
      userDataDir,
      extensionPath: loadedPath,
      close: async () => {
        if (closed) return;
        closed = true;
        await ctx.close().catch(() => {});
        await removeProfile(userDataDir);
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    await removeProfile(userDataDir);
    if (error instanceof Error && error.name === "TimeoutError") {
      throw new Error(
        `The extension at ${extensionPath} did not start (no service worker): is the manifest valid?`,
        { cause: error },
      );
    }
    throw error;
  }
}

export interface PlainBrowser {
  browser: Browser;
  /** A context with the same viewport as `launchBrowserWithExtension`'s. */
  context: BrowserContext;
  close(): Promise<void>;
}

/** The Chromium arguments `launchPlainBrowser` passes: the same host names, no extension. */
export function plainChromiumArgs(
  options: Pick<LaunchOptions, "headless" | "hostResolverRules" | "extraArgs"> = {},
): string[] {
  const {
    headless = true,
    hostResolverRules = DEFAULT_HOST_RESOLVER_RULES,
    extraArgs = [],
  } = options;
  return [
    ...(headless ? ["--headless=new"] : []),
    `--host-resolver-rules=${hostResolverRules}`,
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    ...extraArgs,
  ];
}

/**
 * The same Chromium with no extension (Playwright's `--disable-extensions` stays on), resolving the
 * same host names to 127.0.0.1: what a page looks like to a reader without the extension.
 */
export async function launchPlainBrowser(
  options: Omit<LaunchOptions, "extensionPath" | "serviceWorkerTimeout"> = {},
): Promise<PlainBrowser> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  const headless = options.headless ?? true;
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium).`);
  }
  const browser = await chromium.launch({
    executablePath,
    headless,
    args: plainChromiumArgs({ ...options, headless }),
  });
  try {
    const context = await browser.newContext({
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    });
    let closed = false;
    return {
      browser,
      context,
      close: async () => {
        if (closed) return;
        closed = true;
        await browser.close().catch(() => {});
      },
    };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Errors from pages and the service worker
