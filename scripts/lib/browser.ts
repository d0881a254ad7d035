/**
 * Shared code to serve portal pages locally and drive Chromium with the built extension.
 * Used by the end-to-end tests (through `tests/e2e/harness.ts`) and by `scripts/start.ts`:
 * one implementation for both.
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
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  chromium,
  type Page,
  type WebError,
  type Worker,
} from "playwright-core";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
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

export interface PortalServer {
  port: number;
  /** `http://<host>:<port>/<slug>/article.html` for this server. */
  url(host: string, slug: string): string;
  /** Paths requested so far (for debugging a test). */
  readonly requests: string[];
  /**
   * Serve `html` (UTF-8) for every path under `/<slug>/` from now on, before any file (so a test
   * can put a changed copy of a fixture at its usual address); `null` removes it again.
   */
  setPage(slug: string, html: string | null): void;
  close(): Promise<void>;
}

export interface PortalServerOptions {
  /** A second directory of test pages: any file in it is served at its relative path, and
   * `<slug>/source.html` in it answers `/<slug>/…` like a fixture page. */
  staticDir?: string;
  /** Pages held in memory, by slug (see `PortalServer.setPage`). */
  pages?: Record<string, string>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

/** HTML is sent as UTF-8 unless the page declares its own charset in its first bytes. */
function htmlContentType(body: Buffer): string {
  const head = body.subarray(0, 2048).toString("latin1");
  return /<meta[^>]+charset\s*=/i.test(head) ? "text/html" : "text/html; charset=utf-8";
}

/** `dir/rel` if it is a file inside `dir`, else undefined (no escaping `dir` with `..`). */
function fileInside(dir: string | undefined, rel: string): string | undefined {
  if (!dir) return undefined;
  const root = path.resolve(dir);
  const file = path.resolve(root, `.${path.posix.sep}${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serve portal pages on 127.0.0.1 at a random port. A request for `/<slug>/…` (any path under the
 * slug) returns the in-memory page for that slug (`options.pages`, `setPage`) if there is one, else
 * `<rootDir>/<slug>/source.html`; with `staticDir`, an existing file `<staticDir>/<path>` is
 * returned as is, and `<staticDir>/<slug>/source.html` answers `/<slug>/…` when `rootDir` has no
 * such slug. Everything else is a 404. `rootDir` need not exist.
 */
export async function startPortalServer(
  rootDir: string = FIXTURE_PAGES_DIR,
  options: PortalServerOptions = {},
): Promise<PortalServer> {
  const requests: string[] = [];
  const memoryPages = new Map<string, Buffer>(
    Object.entries(options.pages ?? {}).map(([slug, html]) => [slug, Buffer.from(html, "utf8")]),
  );

  const memoryPage = (pathname: string): Buffer | undefined => {
    const slug = pathname.replace(/^\/+/, "").split("/")[0];
    return slug ? memoryPages.get(slug) : undefined;
  };

  const resolveFile = (pathname: string): string | undefined => {
    const rel = pathname.replace(/^\/+/, "");
    const direct = fileInside(options.staticDir, rel);
    if (direct) return direct;
    const slug = rel.split("/")[0];
    if (!slug) return undefined;
    return (
      fileInside(rootDir, `${slug}/source.html`) ??
      fileInside(options.staticDir, `${slug}/source.html`)
    );
  };

  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    requests.push(pathname);
    const readable = req.method === "GET" || req.method === "HEAD";
    const inMemory = readable ? memoryPage(pathname) : undefined;
    if (inMemory) {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-length": inMemory.length,
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : inMemory);
      return;
    }
    const file = readable ? resolveFile(pathname) : undefined;
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const body = readFileSync(file);
    const ext = path.extname(file).toLowerCase();
    const type =
      CONTENT_TYPES[ext] === "text/html"
        ? htmlContentType(body)
        : (CONTENT_TYPES[ext] ?? "application/octet-stream");
    res.writeHead(200, {
      "content-type": type,
      "content-length": body.length,
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    requests,
    url: (host, slug) => portalUrl(host, port, slug),
    setPage: (slug, html) => {
      if (html === null) memoryPages.delete(slug);
      else memoryPages.set(slug, Buffer.from(html, "utf8"));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `http://<host>:<port>/<slug>/article.html`, e.g. host `tuyengiao.travinh.gov.vn`. */
export function portalUrl(host: string, port: number, slug: string): string {
  return `http://${host}:${port}/${encodeURIComponent(slug)}/article.html`;
}

// ---------------------------------------------------------------------------------------------
// Chromium with the extension

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

/** Name of the performance mark the content script records when it finished a reading of the page. */
export const READING_MARK = "gvn:done";

/** `detail` of a `gvn:done` mark: what one reading of the page found. */
export interface ReadingDetail {
  recognised: boolean;
  items: number;
  /** Saved snippets placed on the page / not placed (recognised pages only). */
  saved?: number;
  orphans?: number;
  mainThreadMs: number;
}

/**
 * The readings the content script recorded on the page so far, oldest first: the `detail` of each
 * `gvn:done` performance mark. Marks live in the page's performance timeline, which the content
 * script's isolated world shares with the page's main world (where this runs); the extension
 * leaves no trace in the page's DOM.
 */
export async function readingMarks(page: Page): Promise<ReadingDetail[]> {
  return page.evaluate(
    (name) =>
      performance
        .getEntriesByName(name, "mark")
        .map((entry) => (entry as PerformanceMark).detail as ReadingDetail),
    READING_MARK,
  );
}

/**
 * Wait until the content script has recorded at least `count` readings of the page (`gvn:done`
 * marks; default 1) and return the newest. With `recognised`, wait for a reading that says so.
 */
export async function waitForReading(
  page: Page,
  options: { count?: number; recognised?: boolean; timeout?: number } = {},
): Promise<ReadingDetail> {
  const { count = 1, recognised, timeout = 10_000 } = options;
  const handle = await page.waitForFunction(
    ({ name, count, recognised }) => {
      const marks = performance.getEntriesByName(name, "mark") as PerformanceMark[];
      const last = marks.at(-1);
      if (marks.length < count || !last) return null;
      const detail = last.detail as { recognised: boolean };
      return recognised === undefined || detail.recognised === recognised ? detail : null;
    },
    { name: READING_MARK, count, recognised },
    { timeout },
  );
  return (await handle.jsonValue()) as ReadingDetail;
}

/** Wait until the content script has finished a reading of the page (a `gvn:done` mark). */
export async function waitForContentScript(page: Page, timeout = 10_000): Promise<void> {
  await waitForReading(page, { timeout });
}

/** Whether the content script has finished a reading of the page (a `gvn:done` mark) so far. */
export async function hasContentScriptMarker(page: Page): Promise<boolean> {
  return (await readingMarks(page)).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Chromium without the extension

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

export interface CollectedError {
  source: "page" | "service-worker";
  kind: "console" | "uncaught";
  text: string;
  /** The page's or worker's URL. */
  url: string;
}

export interface ErrorCollector {
  /** Errors so far, without the ignored ones. */
  readonly errors: CollectedError[];
  /** Errors so far as text, one a line (for assertion messages). */
  format(): string;
  clear(): void;
  /** Stop listening. */
  dispose(): void;
}

export interface CollectErrorsOptions {
  /** Messages to leave out. Default: network failures of a page's resources ("Failed to load
   * resource: …"), which real portal pages produce here since the rest of the web is unreachable. */
  ignore?: RegExp[];
}

/** Turns a service worker's uncaught errors into console errors Playwright reports. */
const SERVICE_WORKER_ERROR_HOOK = `(() => {
  if (self.__gvnErrorHook) return;
  self.__gvnErrorHook = true;
  self.addEventListener("error", (e) => console.error("Uncaught " + (e.error?.stack ?? e.message)));
  self.addEventListener("unhandledrejection", (e) =>
    console.error("Unhandled rejection " + (e.reason?.stack ?? String(e.reason))));
})()`;

/**
 * Collect console errors and uncaught errors from every page of the context (content-script errors
 * included) and from its service workers. Playwright does not report a service worker's uncaught
 * errors, so a hook is installed in each worker when seen; errors thrown before that (during the
 * worker's first run) are missed — a console.error is not.
 */
export function collectErrors(
  context: BrowserContext,
  options: CollectErrorsOptions = {},
): ErrorCollector {
  const ignore = options.ignore ?? [/^Failed to load resource\b/];
  const errors: CollectedError[] = [];
  const add = (error: CollectedError) => {
    if (!ignore.some((re) => re.test(error.text))) errors.push(error);
  };

  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    const worker = message.worker();
    const page = message.page();
    const text = message.text();
    add({
      source: worker ? "service-worker" : "page",
      // The hook below reports a worker's uncaught errors through console.error.
      kind: worker && /^(Uncaught|Unhandled rejection) /.test(text) ? "uncaught" : "console",
      text,
      url: worker?.url() ?? page?.url() ?? message.location().url,
    });
  };
  const onWebError = (webError: WebError) => {
    const error = webError.error();
    add({
      source: "page",
      kind: "uncaught",
      text: error.stack ?? error.message,
      url: webError.page()?.url() ?? webError.location().url,
    });
  };
  const hookWorker = (worker: Worker) => {
    worker.evaluate(SERVICE_WORKER_ERROR_HOOK).catch(() => {});
  };

  context.on("console", onConsole);
  context.on("weberror", onWebError);
  context.on("serviceworker", hookWorker);
  for (const worker of context.serviceWorkers()) hookWorker(worker);

  return {
    errors,
    format: () => errors.map((e) => `[${e.source} ${e.kind}] ${e.url}: ${e.text}`).join("\n"),
    clear: () => {
      errors.length = 0;
    },
    dispose: () => {
      context.off("console", onConsole);
      context.off("weberror", onWebError);
      context.off("serviceworker", hookWorker);
    },
  };
}
