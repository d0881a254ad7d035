/**
 * The batch extractor `npm run extract -- FILE... [--url URL] [--date YYYY-MM-DD|YYYY-MM|YYYY]
 * [--format json|csv|md]` (scripts/extract.ts), run as a child process.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import Papa from "papaparse";
import type { FileResult } from "../../lib/cli/formats.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PAGES = path.join("tests", "fixtures", "pages");
const TRAVINH = path.join(PAGES, "travinh-tracu-hoc-tap-nghi-quyet-tinh", "source.html");
const NONPARTY = path.join(PAGES, "nonparty-thoi-tiet", "source.html");
const SENTENCE = "Đến năm 2025, GRDP bình quân đầu người đạt 100 triệu đồng.";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; resolves with its exit code and output (async, so that tests run concurrently). */
function runCli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/extract.ts", ...args],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

function parseJson(run: Run): FileResult[] {
  const parsed: unknown = JSON.parse(run.stdout);
  assert.ok(Array.isArray(parsed), "stdout is a JSON array");
  return parsed as FileResult[];
}

/** Runs the CLI with `args`, asserts it succeeded and gives the result of its first file. */
async function firstResult(...args: string[]): Promise<FileResult | undefined> {
  const run = await runCli(...args);
  assert.equal(run.status, 0, run.stderr);
  return parseJson(run)[0];
}

/** Runs the CLI on `file` alone, asserts it succeeded with one result, for `file`, and gives it. */
async function onlyResult(file: string): Promise<FileResult> {
  const run = await runCli(file);
  assert.equal(run.status, 0, run.stderr);
  const results = parseJson(run);
  assert.equal(results.length, 1);
  const result = results[0] as FileResult;
  assert.equal(result.file, file);
  return result;
}

/** The first deadline found in a file. */
function firstDeadline(result: FileResult | undefined) {
  return result?.items.find((i) => i.kind === "deadline");
}

function assertSpans(result: FileResult) {
  for (const item of result.items) {
    assert.equal(
      result.article.text.slice(item.start, item.end),
      item.text,
      `${item.kind} ${JSON.stringify(item.text)} at ${item.start}-${item.end}`,
    );
  }
}

describe("npm run extract", { concurrency: true }, () => {
  let dir: string;
  let txt: string;
  let empty: string;
  let noYear: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gvn-cli-test-"));
    txt = path.join(dir, "article.txt");
    empty = path.join(dir, "empty.txt");
    writeFileSync(txt, `${SENTENCE}\n`, "utf8");
    writeFileSync(empty, "  \n", "utf8");
    noYear = path.join(dir, "deadline-no-year.txt");
    writeFileSync(noYear, "Các chi bộ hoàn thành báo cáo trước ngày 15/01.\n", "utf8");
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("a party page: recognised, with article facts and items whose spans hold", async () => {
    const result = await onlyResult(TRAVINH);
    assert.equal(result.recognised, true);
    assert.equal(result.article.organization, "Đảng bộ tỉnh Trà Vinh");
    assert.equal(result.article.congress, 11);
    assert.equal(result.article.term, "2020-2025");
    assert.equal(result.article.publishedAt, "2020-12-22", "the page's own date");
    assertSpans(result);
    assert.deepEqual(
      result.items.filter((i) => i.kind === "deadline").map((i) => [i.text, i.deadline?.date]),
      [
        ["trước năm 2025", "2025-12-31"],
        ["trước năm 2030", "2030-12-31"],
        ["Đến năm 2025", "2025-12-31"],
        ["trước ngày 15/01/2021", "2021-01-15"],
      ],
    );
    const deadline = result.items.find(
      (i) => i.kind === "deadline" && i.deadline?.date === "2021-01-15",
    );
    assert.ok(deadline, "a deadline on 2021-01-15");
    assert.equal(deadline.text, "trước ngày 15/01/2021");
    assert.equal(deadline.deadline?.precision, "day");
  });

  test("a .txt file: a target with its value and unit, and the deadline", async () => {
    const result = await onlyResult(txt);
    assertSpans(result);
    const target = result.items.find((i) => i.kind === "target");
    assert.ok(target, "a target");
    assert.equal(target.value?.min, 100);
    assert.equal(target.value?.max, 100);
    assert.equal(target.unit, "triệu đồng");
    assert.deepEqual(target.horizon, { type: "year", year: 2025 });
    const deadline = result.items.find((i) => i.kind === "deadline");
    assert.equal(deadline?.text, "Đến năm 2025");
    assert.equal(deadline?.deadline?.date, "2025-12-31");
  });

  test("--format csv: UTF-8 BOM, a header row with kind and value_min, one row per item", async () => {
    const run = await runCli(txt, "--format", "csv");
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith("\uFEFF"), "starts with a BOM");
    const headerLine = run.stdout.slice(1).split("\r\n")[0] as string;
    assert.ok(headerLine.split(",").includes("kind"), headerLine);
    assert.ok(headerLine.split(",").includes("value_min"), headerLine);
    const parsed = Papa.parse<Record<string, string>>(run.stdout.slice(1).trim(), {
      header: true,
    });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.data.map((row) => [row.kind, row.text, row.value_min, row.unit, row.deadline]),
      [
        ["deadline", "Đến năm 2025", "", "", "2025-12-31"],
        ["target", "GRDP bình quân đầu người đạt 100 triệu đồng", "100", "triệu đồng", ""],
      ],
    );
  });

  test("--format md: one section per file with item tables", async () => {
    const run = await runCli(txt, "--format", "md");
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^## /m);
    assert.match(run.stdout, /^### Chỉ tiêu \(target\)$/m);
    assert.match(run.stdout, /\| GRDP bình quân đầu người đạt 100 triệu đồng \|/);
    assert.match(run.stdout, /\| Đến năm 2025 \|.*\| 2025-12-31 \|/);
  });

  test("a missing file among two: exit 1, stderr names it, stdout still has the other", async () => {
    const missing = path.join(dir, "no-such-file.txt");
    const run = await runCli(txt, missing);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(missing), run.stderr);
    const results = parseJson(run);
    assert.equal(results.length, 1);
    assert.equal(results[0]?.file, txt);
    assert.deepEqual(
      results[0]?.items.map((i) => [i.kind, i.text]),
      [
        ["deadline", "Đến năm 2025"],
        ["target", "GRDP bình quân đầu người đạt 100 triệu đồng"],
      ],
    );
  });

  test("an empty file: exit 1 with a message", async () => {
    const run = await runCli(empty);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(empty), run.stderr);
    assert.match(run.stderr, /empty/);
    assert.deepEqual(parseJson(run), []);
  });

  test("--date 2020-13: exit 2 with usage", async () => {
    const run = await runCli(txt, "--date", "2020-13");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--date/);
    assert.match(run.stderr, /usage:/);
    assert.equal(run.stdout, "");
  });

  test("--date with an impossible calendar date: exit 2", async () => {
    const run = await runCli(txt, "--date", "2020-02-30");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--date/);
  });

  test("--date 2021-13 (no such month) and --date 21 (not a year): exit 2 naming the accepted forms", async () => {
    const dates = ["2021-13", "21", "2021-00", "2021-1", "1899", "2101", "2021-01-"];
    const runs = await Promise.all(dates.map((date) => runCli(txt, "--date", date)));
    for (const [k, date] of dates.entries()) {
      const run = runs[k] as Run;
      assert.equal(run.status, 2, `--date ${date}`);
      assert.match(
        run.stderr,
        /--date must be a day YYYY-MM-DD, a month YYYY-MM or a year YYYY \(1900–2100\)/,
      );
      assert.ok(run.stderr.includes(`got "${date}"`), run.stderr);
      assert.equal(run.stdout, "");
    }
  });

  test("an unknown format: exit 2", async () => {
    const run = await runCli(txt, "--format", "xml");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown format "xml"/);
  });

  test("no input file: exit 2", async () => {
    const run = await runCli();
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no input file/);
  });

  test("--date sets the reference date for dates without a year", async () => {
    const file = path.join(dir, "no-year.txt");
    writeFileSync(file, "Các chi bộ tổ chức tuyên truyền từ nay đến ngày 25/12.\n", "utf8");
    const deadline = firstDeadline(await firstResult(file, "--date", "2020-12-22"));
    assert.deepEqual(deadline?.deadline, {
      date: "2020-12-25",
      precision: "day",
      yearInferred: true,
    });
  });

  for (const [date, span] of [
    ["2021-01", "a month"],
    ["2021", "a year"],
  ] as const) {
    test(`--date ${date} (${span}) dates a yearless deadline and is kept as given`, async () => {
      const result = await firstResult(noYear, "--date", date);
      assert.equal(result?.article.publishedAt, date);
      const deadline = firstDeadline(result);
      assert.equal(deadline?.text, "trước ngày 15/01");
      assert.deepEqual(deadline?.deadline, {
        date: "2021-01-15",
        precision: "day",
        yearInferred: true,
      });
    });
  }

  test("--date's month counts: 15/01 after 2021-06 is the next January", async () => {
    const deadline = firstDeadline(await firstResult(noYear, "--date", "2021-06"));
    assert.equal(deadline?.deadline?.date, "2022-01-15");
  });

  test("--date on a page with its own date: the page's date stays publishedAt", async () => {
    const result = await firstResult(TRAVINH, "--date", "2021");
    assert.equal(result?.article.publishedAt, "2020-12-22");
  });

  test("a non-party page: not recognised, no items", async () => {
    const run = await runCli(NONPARTY);
    assert.equal(run.status, 0, run.stderr);
    const results = parseJson(run);
    assert.equal(results.length, 1);
    assert.equal(results[0]?.recognised, false);
    assert.deepEqual(results[0]?.items, []);
  });
});
