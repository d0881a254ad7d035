/**
 * Keeps `.output/chrome-mv3` fresh for the browser figures: the extension is rebuilt with
 * `npx wxt build` when its manifest is missing or older than the newest source file (entrypoints/,
 * lib/, components/, public/, wxt.config.ts). The build's output goes to stderr so that
 * `npm run bench -- --json` keeps stdout for the JSON array. With GVN_OUT_DIR set, the build goes
 * there (wxt.config.ts) and `<GVN_OUT_DIR>/chrome-mv3` is the build checked; GVN_EXTENSION_PATH
 * names the build checked (and loaded, scripts/lib/browser.ts) outright.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EXTENSION_PATH, REPO_ROOT } from "../lib/browser.ts";

const SOURCES = ["entrypoints", "lib", "components", "public", "wxt.config.ts"];

/** The build the browser figures load: GVN_EXTENSION_PATH, else GVN_OUT_DIR's, else .output's. */
export function benchExtensionPath(): string {
  if (process.env.GVN_EXTENSION_PATH) return path.resolve(process.env.GVN_EXTENSION_PATH);
  if (process.env.GVN_OUT_DIR)
    return path.resolve(REPO_ROOT, process.env.GVN_OUT_DIR, "chrome-mv3");
  return DEFAULT_EXTENSION_PATH;
}

/** The newest file under `target` (a file or a directory, walked recursively), if any. */
function newestFile(target: string): { file: string; mtimeMs: number } | undefined {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(target);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return { file: target, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(target)) {
    const found = newestFile(path.join(target, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why the built extension needs a rebuild, or undefined when it is up to date. */
export function staleReason(extensionPath: string = benchExtensionPath()): string | undefined {
  const manifest = path.join(extensionPath, "manifest.json");
  if (!existsSync(manifest)) return `${path.relative(REPO_ROOT, manifest)} is missing`;
  const builtAt = statSync(manifest).mtimeMs;
  for (const source of SOURCES) {
    const newest = newestFile(path.join(REPO_ROOT, source));
    if (newest && newest.mtimeMs > builtAt) {
      return `${path.relative(REPO_ROOT, newest.file)} is newer than the build`;
    }
  }
  return undefined;
}

/**
 * Build the extension if it is stale. Returns false (after logging why) when it could not be
 * built, true when the build is up to date or was rebuilt. A failed build is tried once more: two
 * builds at the same time (another terminal, the test runner) fail on each other's .output files,
 * so the retry waits 5 s, and a failure does not count when the other build has meanwhile made the output fresh.
 */
export async function ensureExtensionBuilt(log: (line: string) => void): Promise<boolean> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 5000));
    const reason = staleReason();
    if (!reason) return true;
    log(`Building the extension (${reason}): npx wxt build`);
    const result = spawnSync("npx", ["wxt", "build"], {
      cwd: REPO_ROOT,
      // The build's stdout goes to our stderr: stdout is reserved for the figures.
      stdio: ["ignore", process.stderr, process.stderr],
    });
    if (result.status === 0) return true;
    log(`The extension build failed (${result.error?.message ?? `exit code ${result.status}`}).`);
  }
  return staleReason() === undefined;
}
