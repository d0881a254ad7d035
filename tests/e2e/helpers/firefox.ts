/**
 * The Firefox end-to-end tests' side of `scripts/lib/firefox.ts`: the Firefox build made once per
 * test file, the add-on's own pages opened in tabs, the collection database read from one of them,
 * the files Firefox downloaded, and the errors Firefox printed.
 *
 * The shared helpers written for Playwright (`page.ts`, `extension.ts`) only call
 * `evaluate(fn, arg)` on the page or worker they are given; `evaluator` hands them a puppeteer page
 * through that one method, so the code that runs in the browser is the same for both browsers.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "puppeteer-core";
import { type FirefoxWithExtension, navigateTo } from "../../../scripts/lib/firefox.ts";
import { REPO_ROOT } from "../harness.ts";

export {
  FIREFOX_EXTENSION_UUID,
  FIREFOX_PATH,
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  navigateTo,
} from "../../../scripts/lib/firefox.ts";

/**
 * Builds the Firefox add-on (`wxt build -b firefox`) into a new temporary folder (removed when the
 * process exits) and returns the unpacked build's directory. Throws with the build's output when
 * it fails.
 */
export async function buildFirefoxAddon(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "gvn-firefox-build-"));
  process.once("exit", () => rmSync(outDir, { recursive: true, force: true }));
  const output: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      path.join(REPO_ROOT, "node_modules", ".bin", "wxt"),
      ["build", "-b", "firefox"],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, GVN_OUT_DIR: outDir, FORCE_COLOR: "0", NO_COLOR: "1" },
      },
    );
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
    child.on("error", (error) => {
      output.push(error.message);
      resolve(127);
    });
    child.on("close", (status) => resolve(status ?? 1));
  });
  const dir = path.join(outDir, "firefox-mv2");
  if (code !== 0 || !existsSync(path.join(dir, "manifest.json"))) {
    throw new Error(`wxt build -b firefox failed (exit ${code}):\n${output.join("").slice(-3000)}`);
  }
  return dir;
}

/** A puppeteer page as the shared helpers' `Page` or `Worker`: its `evaluate(fn, arg)` only. */
export function evaluator<T>(page: Page): T {
  return {
    evaluate: (fn: () => unknown, arg?: unknown) =>
      arg === undefined ? page.evaluate(fn) : page.evaluate(fn as (a: unknown) => unknown, arg),
  } as unknown as T;
}

/** Mark the collection page (and the popup) records after its first render with data loaded. */
export const RENDERED_MARK = "gvn:collection-rendered";

/** Waits for the page's `gvn:collection-rendered` mark and returns its detail. */
export async function waitForCollectionRendered(page: Page): Promise<{ snippets: number }> {
  const handle = await page.waitForFunction(
    (name) => {
      const mark = performance.getEntriesByName(name, "mark")[0] as PerformanceMark | undefined;
      return mark ? (mark.detail as { snippets: number }) : null;
    },
    { timeout: 15_000 },
    RENDERED_MARK,
  );
  return (await handle.jsonValue()) as { snippets: number };
}

/**
 * Opens one of the add-on's pages (`popup.html`, `collection.html?tab=…`) in a new tab, in the
 * background or in front, and waits until it has loaded (not until it rendered: see
 * `waitForCollectionRendered`).
 */
export async function openAddonPage(
  firefox: FirefoxWithExtension,
  file: string,
  options: { background?: boolean } = {},
): Promise<Page> {
  const page = await firefox.browser.newPage({ background: options.background ?? false });
  await navigateTo(page, firefox.extensionUrl(file));
  return page;
}

/**
 * Waits for a file Firefox downloaded whose name matches, finished (not empty, no `.part` beside it,
 * the same size twice in a row: Firefox creates the file before it writes it), and returns its name
 * and text.
 */
export async function waitForDownload(
  firefox: FirefoxWithExtension,
  name: RegExp,
  timeoutMs = 10_000,
): Promise<{ fileName: string; text: string; path: string }> {
  const until = Date.now() + timeoutMs;
  let lastSize = -1;
  for (;;) {
    const files = readdirSync(firefox.downloadsDir);
    const done = files.find((f) => name.test(f) && !files.includes(`${f}.part`));
    if (done) {
      const file = path.join(firefox.downloadsDir, done);
      const size = statSync(file).size;
      if (size > 0 && size === lastSize) {
        return { fileName: done, text: readFileSync(file, "utf8"), path: file };
      }
      lastSize = size;
    }
    if (Date.now() > until) {
      throw new Error(
        `no download matching ${name} in ${timeoutMs} ms (files: ${files.join(", ")})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Console errors of Firefox's own code that say it cannot reach Mozilla's servers (there is no
 * network here): Nimbus, the experiments loader, whatever its preferences say.
 */
const BROWSER_OFFLINE_ERRORS = [/^console\.error: RSLoader: /];

/**
 * The errors of pages and of the add-on among the lines Firefox printed: console errors, and
 * uncaught errors of web and extension code (`JavaScript error: <url>, …`), not those of the
 * browser's own code (`resource:`, `chrome:`, `BROWSER_OFFLINE_ERRORS`).
 */
export function errorLines(output: readonly string[]): string[] {
  return output.filter(
    (line) =>
      (line.startsWith("console.error:") ||
        /^JavaScript error: (moz-extension|https?):/.test(line)) &&
      !BROWSER_OFFLINE_ERRORS.some((pattern) => pattern.test(line)),
  );
}

/** puppeteer's WebDriver BiDi connection, for the commands it has no method for. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Evaluates `expression` in the browser window's chrome (privileged) context over BiDi
 * (`"moz:scope": "chrome"`, allowed by `--remote-allow-system-access`), awaiting a promise, and
 * returns the result as BiDi serialised it.
 */
async function evaluateInChrome(firefox: FirefoxWithExtension, expression: string) {
  const connection = (firefox.browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send("browsingContext.getTree", { "moz:scope": "chrome" }))
    .result as { contexts: Array<{ context: string; url: string }> };
  const window = tree.contexts.find((c) => c.url === "chrome://browser/content/browser.xhtml");
  if (!window) throw new Error("no browser window in the chrome scope");
  const answer = (
    await connection.send("script.evaluate", {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    })
  ).result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
  if (answer.type !== "success")
    throw new Error(`chrome evaluate: ${answer.exceptionDetails?.text}`);
  return answer.result?.value;
}

/**
 * Chooses the item labelled `label` in the page's context menu, which a right click (by the caller)
 * opened: waits for Firefox's content-area menu to be shown, then activates the item as a click
 * would. Returns false (and closes the menu) when the menu has no such visible item.
 */
export async function chooseInContextMenu(
  firefox: FirefoxWithExtension,
  label: string,
): Promise<boolean> {
  const found = await evaluateInChrome(
    firefox,
    `(async () => {
      const menu = document.getElementById("contentAreaContextMenu");
      if (menu.state !== "open") {
        const shown = new Promise((resolve) =>
          menu.addEventListener("popupshown", () => resolve(true), { once: true }));
        const late = new Promise((resolve) => setTimeout(() => resolve(false), 10000));
        if (!(await Promise.race([shown, late]))) throw new Error("no context menu in 10 s");
      }
      const item = Array.from(menu.querySelectorAll("menuitem")).find(
        (i) => !i.hidden && i.label === ${JSON.stringify(label)});
      if (!item) {
        menu.hidePopup();
        return false;
      }
      menu.activateItem(item);
      return true;
    })()`,
  );
  return found === true;
}

/**
 * The badge text of the add-on's toolbar button for the selected tab ("" when none), as Firefox
 * holds it for the button (the browser action's per-tab `badgeText`), read in the chrome scope:
 * the button itself sits in the Extensions panel, which is built only when opened.
 */
export async function toolbarBadge(firefox: FirefoxWithExtension): Promise<string> {
  const badge = await evaluateInChrome(
    firefox,
    `(() => {
      const { ExtensionParent } = ChromeUtils.importESModule(
        "resource://gre/modules/ExtensionParent.sys.mjs");
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(firefox.addonId)}).extension;
      const button = ExtensionParent.apiManager.global.browserActionFor(extension);
      return button.action.getProperty(gBrowser.selectedTab, "badgeText") ?? "";
    })()`,
  );
  if (typeof badge !== "string") throw new Error(`badge text: ${JSON.stringify(badge)}`);
  return badge;
}

/**
 * The add-on's keyboard shortcuts as Firefox registered them (its `<key>` elements in the browser
 * window: key and modifiers, e.g. `H alt,shift`), and a way to run one's command, as its key would
 * (WebDriver's key presses go to the page, never to the browser's shortcuts).
 */
export async function addonShortcuts(firefox: FirefoxWithExtension): Promise<string[]> {
  const keys = await evaluateInChrome(
    firefox,
    `Array.from(document.querySelectorAll(${JSON.stringify(keysetSelector(firefox))})).map(
      (k) => k.getAttribute("key") + " " + k.getAttribute("modifiers"))`,
  );
  return Array.isArray(keys) ? keys.map((k) => String((k as { value?: unknown }).value)) : [];
}

/** Runs the command of the add-on's shortcut on `key` (e.g. "H"), in the selected tab. */
export async function runShortcut(firefox: FirefoxWithExtension, key: string): Promise<void> {
  const done = await evaluateInChrome(
    firefox,
    `(() => {
      const key = document.querySelector(${JSON.stringify(`${keysetSelector(firefox)}[key="${key}"]`)});
      if (!key) return false;
      key.doCommand();
      return true;
    })()`,
  );
  if (done !== true) throw new Error(`no shortcut of the add-on on ${key}`);
}

/** The `<key>` elements of the add-on's keyset (ext-keyset-id-<widget id>). */
function keysetSelector(firefox: FirefoxWithExtension): string {
  return `#ext-keyset-id-${firefox.addonId.toLowerCase().replace(/[^a-z0-9_-]/g, "_")} key`;
}
