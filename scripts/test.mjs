#!/usr/bin/env node
/**
 * The project's test command (`npm test`).
 *
 *   node scripts/test.mjs                 lint, type-check, unit tests, build, end-to-end tests
 *   node scripts/test.mjs --unit          lint, type-check, unit tests (no build, no browser)
 *   node scripts/test.mjs --e2e           build, end-to-end tests
 *   node scripts/test.mjs --unit --e2e    everything (same as no flag)
 *   node scripts/test.mjs [flags] FILTER… only test files whose path contains a FILTER (or is it);
 *                                         a suite with no matching file is skipped (with its build)
 *   --no-checks                           skip lint and type-check
 *
 * Test files: tests/unit/**\/*.test.ts(x) and tests/e2e/**\/*.test.ts(x), run with node's test
 * runner through tsx, end-to-end ones one file at a time. Output streams live (spec reporter); a
 * TAP copy goes to a temp file whose `# pass` / `# fail` / `# cancelled` summary is counted. Lint,
 * type-check and build count as one test each. The last line is `N passed, N failed`; the exit
 * code is 1 when anything failed.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const TEST_FILE = /\.test\.tsx?$/;

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  const header =
    readFileSync(import.meta.filename, "utf8").match(/\/\*\*([\s\S]*?)\*\//)?.[1] ?? "";
  console.log(header.replace(/^ \* ?/gm, "").replaceAll("\\/", "/"));
  process.exit(0);
}
const known = new Set(["--unit", "--e2e", "--no-checks"]);
const unknown = argv.filter((a) => a.startsWith("-") && !known.has(a));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(" ")} (see --help)`);
  process.exit(2);
}
const onlyUnit = argv.includes("--unit");
const onlyE2e = argv.includes("--e2e");
const wantUnit = onlyUnit || !onlyE2e;
const wantE2e = onlyE2e || !onlyUnit;
const wantChecks = !argv.includes("--no-checks") && (onlyUnit || !onlyE2e);
const filters = argv.filter((a) => !a.startsWith("-"));

const tmpDir = mkdtempSync(path.join(os.tmpdir(), "gvn-test-"));
process.on("exit", () => rmSync(tmpDir, { recursive: true, force: true }));

/** @type {{ name: string, pass: number, fail: number, skipped: number, note?: string }[]} */
const results = [];

function heading(text) {
  console.log(`\n━━━ ${text} ━━━`);
}

/** Run a command with live output; resolves to its exit code (1 if killed, 127 if not found). */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A step that passes or fails as a whole (lint, type-check, build). */
async function step(name, command, args) {
  heading(`${name}: ${path.basename(command)} ${args.join(" ")}`);
  const code = await run(command, args);
  results.push({ name, pass: code === 0 ? 1 : 0, fail: code === 0 ? 0 : 1, skipped: 0 });
  return code === 0;
}

/** Test files under `dir` (relative to the repo, with forward slashes), sorted. */
function testFiles(dir) {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && TEST_FILE.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => !file.split("/").includes("node_modules"))
    .sort();
}

function matchesFilter(file) {
  if (filters.length === 0) return true;
  return filters.some((filter) => {
    const f = filter.replace(/^\.\//, "").split(path.sep).join("/");
    return file.includes(f) || path.resolve(filter) === path.join(ROOT, file);
  });
}

/** Read the last `# key N` lines of a node:test TAP report. */
function tapSummary(file) {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const count = (key) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)\\s*$`, "gm"))];
    const last = all.at(-1);
    return last ? Number(last[1]) : undefined;
  };
  const pass = count("pass");
  const fail = count("fail");
  if (pass === undefined || fail === undefined) return undefined;
  return {
    pass,
    fail: fail + (count("cancelled") ?? 0),
    skipped: (count("skipped") ?? 0) + (count("todo") ?? 0),
  };
}

/** Run test files with node's test runner (through tsx) and record the counts. */
async function nodeTests(name, files, extraArgs = []) {
  heading(`${name}: ${files.length} file${files.length === 1 ? "" : "s"}`);
  const tap = path.join(tmpDir, `${name.replace(/\W+/g, "-")}.tap`);
  const code = await run(process.execPath, [
    "--import",
    "tsx",
    "--test",
    ...extraArgs,
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const summary = tapSummary(tap);
  if (!summary) {
    console.error(`${name}: the test runner exited with code ${code} and reported no summary`);
    results.push({ name, pass: 0, fail: 1, skipped: 0, note: "no summary" });
    return;
  }
  // A non-zero exit with no failing test (a crash after the summary, a bad flag) still fails.
  const fail = code !== 0 && summary.fail === 0 ? 1 : summary.fail;
  const note = fail !== summary.fail ? `runner exited with code ${code}` : undefined;
  results.push({ name, ...summary, fail, note });
}

const unitFiles = wantUnit ? testFiles("tests/unit").filter(matchesFilter) : [];
const e2eFiles = wantE2e ? testFiles("tests/e2e").filter(matchesFilter) : [];

if (filters.length > 0 && unitFiles.length === 0 && e2eFiles.length === 0) {
  console.error(`No test file matches ${filters.join(" ")}`);
  results.push({ name: "filter", pass: 0, fail: 1, skipped: 0, note: "no test file matched" });
}

if (wantChecks) {
  await step("lint", path.join(BIN, "biome"), ["check", "."]);
  await step("type-check", path.join(BIN, "tsc"), ["--noEmit"]);
}

if (unitFiles.length > 0) {
  await nodeTests("unit tests", unitFiles);
} else if (wantUnit && filters.length === 0) {
  heading("unit tests: no files in tests/unit");
}

if (e2eFiles.length > 0) {
  if (await step("build", path.join(BIN, "wxt"), ["build"])) {
    await nodeTests("e2e tests", e2eFiles, ["--test-concurrency=1"]);
  } else {
    console.error("Build failed: end-to-end tests not run");
  }
} else if (wantE2e && filters.length === 0) {
  heading("e2e tests: no files in tests/e2e");
}

let passed = 0;
let failed = 0;
let skipped = 0;
heading("summary");
for (const r of results) {
  passed += r.pass;
  failed += r.fail;
  skipped += r.skipped;
  const status = r.fail > 0 ? "FAIL" : "ok  ";
  const extra = [r.skipped ? `${r.skipped} skipped` : "", r.note ?? ""].filter(Boolean).join("; ");
  // Deliberately not in the "N passed, N failed" shape: only the last line is.
  console.log(
    `${status} ${r.name.padEnd(12)} pass ${r.pass} / fail ${r.fail}${extra ? ` (${extra})` : ""}`,
  );
}
if (skipped > 0) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
