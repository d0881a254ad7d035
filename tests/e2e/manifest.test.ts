/**
 * The permissions of the built Chromium extension (`.output/chrome-mv3/manifest.json`, made by the
 * test command's `wxt build` before the end-to-end tests; `GVN_EXTENSION_PATH` points elsewhere)
 * are exactly the documented minimum, and each one is in README.md's "Permissions" table with a
 * reason. In the e2e suite because it reads the build.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { DEFAULT_EXTENSION_PATH, REPO_ROOT } from "./harness.ts";
import { pngHeader } from "./helpers/png.ts";

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
}

/** The API permissions the extension needs, and why (the README says it in full). */
const PERMISSIONS = ["contextMenus", "scripting", "storage"];
const HOST_PERMISSIONS = ["http://*.gov.vn/*", "https://*.gov.vn/*"];
const OPTIONAL_HOST_PERMISSIONS = ["http://*/*", "https://*/*"];
/** Never asked for, as the README promises. */
const FORBIDDEN = [
  "tabs",
  "activeTab",
  "webRequest",
  "webRequestBlocking",
  "webNavigation",
  "declarativeNetRequest",
  "history",
  "cookies",
  "downloads",
  "management",
  "debugger",
  "nativeMessaging",
  "<all_urls>",
  "*://*/*",
  "http://*/*",
  "https://*/*",
];

function extensionDir(): string {
  return path.resolve(process.env.GVN_EXTENSION_PATH ?? DEFAULT_EXTENSION_PATH);
}

function readManifest(): Manifest {
  const dir = extensionDir();
  return JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
}

/** A row of README.md's Permissions table: the code spans of its first cell, and its reason. */
interface PermissionRow {
  cell: string;
  names: string[];
  why: string;
}

/** The rows of the table under `## Permissions` in README.md. */
function readmePermissionRows(readme: string): PermissionRow[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith("Permissions"));
  if (!section) return [];
  const rows: PermissionRow[] = [];
  for (const line of section.split("\n")) {
    if (!line.startsWith("|")) continue;
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    const [cell = "", why = ""] = cells;
    if (cell === "Permission" || /^-+$/.test(cell)) continue; // header and rule
    const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    rows.push({ cell, names, why });
  }
  return rows;
}

/** Whether a match pattern written in the README covers a manifest entry (`*://` = http and https). */
function covers(documented: string, entry: string): boolean {
  if (documented === entry) return true;
  const rest = documented.startsWith("*://") ? documented.slice(4) : undefined;
  return rest !== undefined && (entry === `http://${rest}` || entry === `https://${rest}`);
}

/**
 * The manifest entries the README does not explain: for each key, every value must be named in a
 * row of the table that has a reason (for the host keys, the row also names the key).
 */
function undocumented(manifest: Manifest, rows: PermissionRow[]): string[] {
  const missing: string[] = [];
  const check = (key: keyof Manifest, values: string[], rowNamesKey: boolean) => {
    for (const value of values) {
      const row = rows.find(
        (r) =>
          r.why.length > 0 &&
          r.names.some((name) => covers(name, value)) &&
          (!rowNamesKey || r.names.includes(key)),
      );
      if (!row) missing.push(`${key}: ${value}`);
    }
  };
  check("permissions", manifest.permissions ?? [], false);
  check("host_permissions", manifest.host_permissions ?? [], true);
  check("optional_host_permissions", manifest.optional_host_permissions ?? [], true);
  check("optional_permissions", manifest.optional_permissions ?? [], true);
  const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  for (const match of matches) {
    const row = rows.find(
      (r) => /content script/.test(r.cell) && r.names.some((name) => covers(name, match)),
    );
    if (!row) missing.push(`content_scripts.matches: ${match}`);
  }
  return missing;
}

describe("manifest permissions (chrome-mv3 build)", () => {
  const manifest = readManifest();
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const rows = readmePermissionRows(readme);

  test("permissions are exactly storage, contextMenus and scripting", () => {
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual([...(manifest.permissions ?? [])].sort(), PERMISSIONS);
  });

  test("host_permissions are exactly the *.gov.vn portals", () => {
    assert.deepEqual([...(manifest.host_permissions ?? [])].sort(), HOST_PERMISSIONS);
  });

  test("other sites are only optional host permissions", () => {
    assert.deepEqual(
      [...(manifest.optional_host_permissions ?? [])].sort(),
      OPTIONAL_HOST_PERMISSIONS,
    );
    assert.deepEqual(manifest.optional_permissions ?? [], [], "no optional API permissions");
  });

  test("no tabs, activeTab, webRequest, <all_urls> or other broad permission is required", () => {
    const required = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
    const found = required.filter((p) => FORBIDDEN.includes(p));
    assert.deepEqual(found, [], `required: ${required.join(", ")}`);
  });

  test("the content script runs only on *.gov.vn", () => {
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
    assert.deepEqual([...matches].sort(), HOST_PERMISSIONS, "one content script, on *.gov.vn");
  });

  test("no remote code: no content_security_policy loosening, no externally_connectable", () => {
    const csp = JSON.stringify(manifest.content_security_policy ?? "");
    assert.doesNotMatch(csp, /https?:|unsafe-eval|unsafe-inline|\*/, `CSP ${csp}`);
    assert.equal(manifest.externally_connectable, undefined);
  });

  test("README.md's Permissions table explains every permission, with a reason", () => {
    assert.ok(rows.length >= 5, `the table's rows: ${JSON.stringify(rows)}`);
    assert.deepEqual(undocumented(manifest, rows), [], "permissions missing from the README");
  });

  test("README.md's table claims no API permission the manifest lacks", () => {
    const keys = new Set([
      "host_permissions",
      "optional_host_permissions",
      "optional_permissions",
      "permissions",
    ]);
    const named = rows
      .filter((row) => !/content script/.test(row.cell))
      .flatMap((row) => row.names)
      .filter((name) => /^[A-Za-z.]+$/.test(name) && !keys.has(name));
    const extra = named.filter((name) => !(manifest.permissions ?? []).includes(name));
    assert.deepEqual(extra, [], "documented but not in the manifest");
  });

  test("self-check: a permission the README does not explain is reported", () => {
    // The documented manifest (whatever the build holds), and one with two more permissions.
    const documented: Manifest = {
      manifest_version: 3,
      permissions: PERMISSIONS,
      host_permissions: HOST_PERMISSIONS,
      optional_host_permissions: OPTIONAL_HOST_PERMISSIONS,
      content_scripts: [{ matches: HOST_PERMISSIONS }],
    };
    assert.deepEqual(undocumented(documented, rows), []);
    const wider: Manifest = {
      ...documented,
      permissions: [...PERMISSIONS, "tabs"],
      host_permissions: [...HOST_PERMISSIONS, "https://*.example.com/*"],
    };
    assert.deepEqual(undocumented(wider, rows), [
      "permissions: tabs",
      "host_permissions: https://*.example.com/*",
    ]);
    assert.equal(undocumented(documented, []).length, 9, "an empty table explains nothing");
  });
});

describe("extension icon (chrome-mv3 build)", () => {
  const manifest = readManifest();

  test("the manifest lists the icon at 16, 32, 48 and 128 px, each file a PNG of its size", () => {
    assert.deepEqual(Object.keys(manifest.icons ?? {}).sort(), ["128", "16", "32", "48"]);
    for (const [size, file] of Object.entries(manifest.icons ?? {})) {
      const header = pngHeader(readFileSync(path.join(extensionDir(), file)));
      assert.deepEqual([header.width, header.height], [Number(size), Number(size)], file);
    }
  });

  test("the toolbar button has its own icon at 16 and 32 px", () => {
    const icons = manifest.action?.default_icon ?? {};
    assert.deepEqual(Object.keys(icons).sort(), ["16", "32"]);
    for (const [size, file] of Object.entries(icons)) {
      const header = pngHeader(readFileSync(path.join(extensionDir(), file)));
      assert.deepEqual([header.width, header.height], [Number(size), Number(size)], file);
    }
  });
});
