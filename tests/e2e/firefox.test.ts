/**
 * The store packages: `npm run build:firefox` builds the Firefox (MV2) extension, `web-ext lint`
 * (Mozilla's addons-linter, as addons.mozilla.org runs it) finds no error in it, and `npm run zip`
 * makes the Chromium and Firefox zips (and the sources zip Mozilla asks for with bundled code), each
 * a complete extension: the manifest at the root and every file it names. The Firefox zip holds
 * exactly the files that were linted.
 *
 * In the e2e suite because it builds. `npm run zip` rebuilds `.output/chrome-mv3` from the same
 * sources as the suite's build (the browser tests load a copy made at launch, so this is safe).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { unzipSync } from "fflate";
import { REPO_ROOT } from "./harness.ts";
import { pngHeader } from "./helpers/png.ts";

/** Where the builds and zips go: `.output`, or `$GVN_OUT_DIR` (wxt.config.ts) when it is set. */
const OUTPUT = path.resolve(REPO_ROOT, process.env.GVN_OUT_DIR || ".output");
const FIREFOX_DIR = path.join(OUTPUT, "firefox-mv2");
const BIN = path.join(REPO_ROOT, "node_modules", ".bin");

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command in the repository; never throws (the caller asserts on the result). */
function run(command: string, args: string[]): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      // No update checks from web-ext or npm (network, and noise in the output).
      env: {
        ...process.env,
        FORCE_COLOR: "0",
        NO_COLOR: "1",
        NO_UPDATE_NOTIFIER: "1",
        npm_config_update_notifier: "false",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => {
      resolve({ code: 127, stdout, stderr: `${stderr}${error.message}`, ms: Date.now() - started });
    });
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout, stderr, ms: Date.now() - started }),
    );
  });
}

/** The last lines of a command's output, for an assertion message. */
function tail(result: RunResult, lines = 30): string {
  return `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-lines).join("\n");
}

// ---------------------------------------------------------------------------------------------
// web-ext lint

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** `web-ext lint --output json` on a directory. */
async function lint(sourceDir: string): Promise<{ report: LintReport; result: RunResult }> {
  const result = await run(path.join(BIN, "web-ext"), [
    "lint",
    "--source-dir",
    sourceDir,
    "--output",
    "json",
    "--no-input",
    "--no-config-discovery",
  ]);
  const start = result.stdout.indexOf("{");
  assert.ok(start >= 0, `web-ext lint printed no JSON (exit ${result.code}):\n${tail(result)}`);
  return { report: JSON.parse(result.stdout.slice(start)) as LintReport, result };
}

function formatLint(messages: LintMessage[]): string {
  return messages
    .map((m) => {
      const where = m.file ? ` ${m.file}${m.line ? `:${m.line}:${m.column ?? 0}` : ""}` : "";
      return `  ${m.code}${where}: ${m.message}`;
    })
    .join("\n");
}

/** The entries of a zip file (directories left out), by name, with their uncompressed contents. */
function readZip(file: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(unzipSync(readFileSync(file)))) {
    if (!name.endsWith("/")) entries.set(name, Buffer.from(data));
  }
  return entries;
}

/** Every file under `dir` (relative, forward slashes) with its SHA-256. */
function directoryHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join("/");
    out.set(rel, createHash("sha256").update(readFileSync(full)).digest("hex"));
  }
  return out;
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

interface Manifest {
  manifest_version: number;
  name: string;
  version: string;
  default_locale?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  icons?: Record<string, string>;
  action?: { default_popup?: string; default_icon?: Record<string, string> };
  browser_action?: { default_popup?: string; default_icon?: Record<string, string> };
  options_ui?: { page?: string };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

/** The files a manifest names (background, content scripts, popup, options, default locale, icons). */
function filesNamedBy(manifest: Manifest): string[] {
  const files = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => [
      ...(script.js ?? []),
      ...(script.css ?? []),
    ]),
    manifest.action?.default_popup,
    manifest.browser_action?.default_popup,
    manifest.options_ui?.page,
    manifest.default_locale ? `_locales/${manifest.default_locale}/messages.json` : undefined,
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    ...Object.values(manifest.browser_action?.default_icon ?? {}),
  ];
  return files.filter((f): f is string => typeof f === "string").map((f) => f.replace(/^\//, ""));
}

/** The manifest's icons (extension and toolbar) at 16/32/48/128 px, each read as a PNG of its size. */
function assertIcons(manifest: Manifest, read: (file: string) => Buffer, label: string): void {
  assert.deepEqual(Object.keys(manifest.icons ?? {}).sort(), ["128", "16", "32", "48"], label);
  const toolbar = manifest.action?.default_icon ?? manifest.browser_action?.default_icon ?? {};
  assert.deepEqual(Object.keys(toolbar).sort(), ["16", "32"], `${label}: the toolbar's`);
  for (const [size, file] of [
    ...Object.entries(manifest.icons ?? {}),
    ...Object.entries(toolbar),
  ]) {
    const header = pngHeader(read(file));
    assert.deepEqual(
      [header.width, header.height],
      [Number(size), Number(size)],
      `${label}: ${file}`,
    );
  }
}

/** Checks one extension zip: a manifest at the root, every file it names, its locale messages. */
function assertCompleteExtension(zipFile: string, manifestVersion: number): Manifest {
  const entries = readZip(zipFile);
  const label = path.basename(zipFile);
  const raw = entries.get("manifest.json");
  assert.ok(raw, `${label}: manifest.json at the root (${[...entries.keys()].join(", ")})`);
  const manifest = JSON.parse(raw.toString("utf8")) as Manifest;
  assert.equal(manifest.manifest_version, manifestVersion, `${label}: manifest_version`);
  const version = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
  ).version;
  assert.equal(manifest.version, version, `${label}: the package's version`);
  for (const file of filesNamedBy(manifest)) {
    assert.ok(entries.has(file), `${label}: ${file}, named by the manifest`);
  }
  assertIcons(manifest, (file) => entries.get(file) ?? Buffer.alloc(0), label);
  // __MSG_name__ strings of the manifest resolve in the default locale.
  const messages = JSON.parse(
    (entries.get(`_locales/${manifest.default_locale}/messages.json`) as Buffer).toString("utf8"),
  ) as Record<string, unknown>;
  for (const [, key] of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) {
    assert.ok(key && key in messages, `${label}: message ${key} in the default locale`);
  }
  const junk = [...entries.keys()].filter((name) => /(^|\/)\.|\.map$|node_modules\//.test(name));
  assert.deepEqual(junk, [], `${label}: no hidden files, source maps or node_modules`);
  return manifest;
}

// ---------------------------------------------------------------------------------------------

describe("Firefox build, web-ext lint and the store zips", () => {
  let build: RunResult;
  /** The files of the Firefox build that was linted. */
  let linted: Map<string, string> | undefined;
  let zip: RunResult | undefined;
  let zipStarted = 0;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "gvn-firefox-test-"));

  before(async () => {
    build = await run("npm", ["run", "build:firefox"]);
  });

  after(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  test("npm run build:firefox builds .output/firefox-mv2", () => {
    assert.equal(build.code, 0, `npm run build:firefox failed:\n${tail(build)}`);
    console.log(`  build:firefox took ${(build.ms / 1000).toFixed(1)} s`);
    const manifest = JSON.parse(
      readFileSync(path.join(FIREFOX_DIR, "manifest.json"), "utf8"),
    ) as Manifest;
    assert.equal(manifest.manifest_version, 2);
    for (const file of filesNamedBy(manifest)) {
      assert.ok(statSync(path.join(FIREFOX_DIR, file)).isFile(), `${file}, named by the manifest`);
    }
    assertIcons(manifest, (file) => readFileSync(path.join(FIREFOX_DIR, file)), "firefox-mv2");
  });

  test("the Firefox manifest asks for the same permissions as the Chromium one", () => {
    const manifest = JSON.parse(
      readFileSync(path.join(FIREFOX_DIR, "manifest.json"), "utf8"),
    ) as Manifest;
    // MV2 lists host permissions with the API ones, and names optional hosts optional_permissions.
    assert.deepEqual([...(manifest.permissions ?? [])].sort(), [
      "contextMenus",
      "http://*.gov.vn/*",
      "https://*.gov.vn/*",
      "scripting",
      "storage",
    ]);
    assert.deepEqual([...(manifest.optional_permissions ?? [])].sort(), [
      "http://*/*",
      "https://*/*",
    ]);
    assert.equal(manifest.host_permissions, undefined);
  });

  test("web-ext lint on .output/firefox-mv2 reports no errors", async () => {
    assert.equal(build.code, 0, "the Firefox build (previous test)");
    const { report, result } = await lint(FIREFOX_DIR);
    linted = directoryHashes(FIREFOX_DIR);
    console.log(
      `  web-ext lint (${(result.ms / 1000).toFixed(1)} s): ${report.summary.errors} errors, ` +
        `${report.summary.warnings} warnings, ${report.summary.notices} notices`,
    );
    if (report.warnings.length > 0) console.log(`  warnings:\n${formatLint(report.warnings)}`);
    if (report.notices.length > 0) console.log(`  notices:\n${formatLint(report.notices)}`);
    assert.equal(report.summary.errors, 0, `lint errors:\n${formatLint(report.errors)}`);
    assert.equal(report.errors.length, 0);
  });

  test("self-check: web-ext lint reports errors in a broken extension", async () => {
    // A manifest without a version, and an unknown permission.
    const dir = path.join(tmp, "broken");
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, "manifest.json"),
      JSON.stringify({ manifest_version: 2, name: "broken", permissions: ["storage"] }),
    );
    const { report } = await lint(dir);
    assert.ok(report.summary.errors > 0, `errors found: ${formatLint(report.errors)}`);
  });

  test("npm run zip makes the Chromium, Firefox and sources zips", async () => {
    zipStarted = Date.now() - 2_000; // file times have a coarse resolution on some systems
    zip = await run("npm", ["run", "zip"]);
    console.log(`  npm run zip took ${(zip.ms / 1000).toFixed(1)} s`);
    assert.equal(zip.code, 0, `npm run zip failed:\n${tail(zip)}`);
    const fresh = readdirSync(OUTPUT)
      .filter((name) => name.endsWith(".zip"))
      .filter((name) => statSync(path.join(OUTPUT, name)).mtimeMs >= zipStarted);
    console.log(`  zips: ${fresh.join(", ")}`);
    for (const kind of ["chrome", "firefox", "sources"]) {
      assert.ok(
        fresh.some((name) => name.endsWith(`-${kind}.zip`)),
        `a new *-${kind}.zip in .output (new: ${fresh.join(", ")})`,
      );
    }
  });

  /** The newest `*-<kind>.zip` in .output, made by the zip step. */
  function zipOf(kind: string): string {
    assert.ok(zip && zip.code === 0, "npm run zip (previous test)");
    const name = readdirSync(OUTPUT)
      .filter((n) => n.endsWith(`-${kind}.zip`))
      .map((n) => ({ n, t: statSync(path.join(OUTPUT, n)).mtimeMs }))
      .filter(({ t }) => t >= zipStarted)
      .sort((a, b) => b.t - a.t)[0]?.n;
    assert.ok(name, `a *-${kind}.zip`);
    return path.join(OUTPUT, name);
  }

  test("the Chromium zip is a complete MV3 extension with the manifest at its root", () => {
    const manifest = assertCompleteExtension(zipOf("chrome"), 3);
    assert.ok(manifest.background?.service_worker, "a service worker");
  });

  test("the Firefox zip is a complete MV2 extension with its add-on id: the files linted", () => {
    const file = zipOf("firefox");
    const manifest = assertCompleteExtension(file, 2);
    assert.match(manifest.browser_specific_settings?.gecko?.id ?? "", /@/, "a gecko add-on id");
    assert.ok(linted, "the lint step ran");
    const entries = readZip(file);
    const zipped = new Map([...entries].map(([name, data]) => [name, sha256(data)]));
    assert.deepEqual(
      [...zipped.keys()].sort(),
      [...linted.keys()].sort(),
      "the same file names as the linted build",
    );
    const changed = [...zipped].filter(([name, hash]) => linted?.get(name) !== hash);
    assert.deepEqual(
      changed.map(([name]) => name),
      [],
      "the same bytes as the linted build",
    );
  });

  test("the sources zip has what is needed to rebuild, and no build output or dependencies", () => {
    const names = [...readZip(zipOf("sources")).keys()];
    for (const needed of ["package.json", "package-lock.json", "wxt.config.ts", "README.md"]) {
      assert.ok(names.includes(needed), `${needed} in the sources zip`);
    }
    assert.ok(
      names.some((n) => n.startsWith("entrypoints/")),
      "entrypoints/",
    );
    const unwanted = names.filter((n) => /^(node_modules|\.output|\.wxt)\//.test(n));
    assert.deepEqual(unwanted, [], "no node_modules, .output or .wxt");
  });
});
