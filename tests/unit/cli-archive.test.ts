/**
 * `npm run extract` over an archive (scripts/extract.ts, run as a child process): folders, globs,
 * pages on stdin, worker threads keeping the input order, bad inputs in the middle, `--resume`,
 * streaming CSV and the progress bar.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import Papa from "papaparse";
import type { FileResult } from "../../lib/cli/formats.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PAGES = path.join(ROOT, "tests", "fixtures", "pages");
const PARTY_PAGE = path.join(PAGES, "travinh-tracu-hoc-tap-nghi-quyet-tinh", "source.html");
const OTHER_PAGE = path.join(PAGES, "nonparty-thoi-tiet", "source.html");
/** tsx from this repository, so that the CLI also runs with another working directory. */
const TSX = import.meta.resolve("tsx");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` (the repository by default), with `stdin` as its input. */
function runCli(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", TSX, path.join(ROOT, "scripts", "extract.ts"), ...args],
      { cwd: options.cwd ?? ROOT, stdio: ["pipe", "pipe", "pipe"], timeout: 300_000 },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

function jsonLines(text: string): FileResult[] {
  assert.ok(text.endsWith("\n"), "every line ends with a line break");
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => JSON.parse(line) as FileResult);
}

/** An article whose target names its own figure (so that each file's result can be told apart). */
function article(figure: number, repeat = 1): string {
  const sentence = `Đến năm 2025, GRDP bình quân đầu người đạt ${figure} triệu đồng.`;
  return `Nghị quyết số ${figure}\n${Array.from({ length: repeat }, () => sentence).join("\n")}\n`;
}

function targetValues(result: FileResult): number[] {
  return result.items.filter((i) => i.kind === "target").map((i) => i.value?.min ?? Number.NaN);
}

describe("npm run extract over an archive", { concurrency: 4 }, () => {
  let dir: string;
  /** archive/: a.txt, b/c.html (party page), b/d.htm (other page), b/e.txt, notes.md, .hidden.txt */
  let archive: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gvn-cli-archive-"));
    archive = path.join(dir, "archive");
    mkdirSync(path.join(archive, "b"), { recursive: true });
    writeFileSync(path.join(archive, "a.txt"), article(101));
    copyFileSync(PARTY_PAGE, path.join(archive, "b", "c.html"));
    copyFileSync(OTHER_PAGE, path.join(archive, "b", "d.htm"));
    writeFileSync(path.join(archive, "b", "e.txt"), article(105));
    writeFileSync(path.join(archive, "notes.md"), article(199));
    writeFileSync(path.join(archive, ".hidden.txt"), article(198));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("a folder: every .html, .htm and .txt inside, recursively, in path order, as JSON Lines", async () => {
    const run = await runCli(["archive"], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const results = jsonLines(run.stdout);
    assert.deepEqual(
      results.map((r) => r.file),
      ["archive/a.txt", "archive/b/c.html", "archive/b/d.htm", "archive/b/e.txt"],
    );
    assert.deepEqual(targetValues(results[0] as FileResult), [101]);
    assert.equal(results[1]?.recognised, true);
    assert.equal(results[1]?.article.organization, "Đảng bộ tỉnh Trà Vinh");
    assert.equal(results[2]?.recognised, false);
    assert.deepEqual(targetValues(results[3] as FileResult), [105]);
  });

  test("a glob: only the files it matches, each once even when also named", async () => {
    const run = await runCli(["archive/**/*.txt", "archive/a.txt", "--format", "jsonl"], {
      cwd: dir,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      jsonLines(run.stdout).map((r) => r.file),
      ["archive/a.txt", "archive/b/e.txt"],
    );
  });

  test("a glob that matches nothing: an error naming it, the other inputs still written", async () => {
    const run = await runCli(["archive/**/*.xml", "archive/a.txt", "--format", "jsonl"], {
      cwd: dir,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no \.html, \.htm or \.txt file matches archive\/\*\*\/\*\.xml/);
    assert.deepEqual(
      jsonLines(run.stdout).map((r) => r.file),
      ["archive/a.txt"],
    );
  });

  test("stdin (-): JSON Lines of pages; a bad line is reported by number and the rest written", async () => {
    const lines = [
      JSON.stringify({ url: "https://huyen.gov.vn/tin/1", text: article(301) }),
      "{ not json",
      JSON.stringify({ url: "https://huyen.gov.vn/tin/2", html: readFileSync(PARTY_PAGE, "utf8") }),
      "",
      JSON.stringify({ url: "https://huyen.gov.vn/tin/3" }),
      JSON.stringify({
        url: "https://huyen.gov.vn/tin/4",
        text: "Các chi bộ hoàn thành báo cáo trước ngày 15/01.\n",
        date: "2021-06",
      }),
      JSON.stringify({ url: "https://huyen.gov.vn/tin/5", text: "x", date: "2021-13" }),
    ];
    const run = await runCli(["-", "--jobs", "2"], { stdin: `${lines.join("\n")}\n` });
    assert.equal(run.status, 1);
    const errors = run.stderr.trim().split("\n");
    assert.equal(errors.length, 3, run.stderr);
    assert.match(errors[0] as string, /^error: stdin line 2: not JSON/);
    assert.match(errors[1] as string, /^error: stdin line 5: needs either "html" or "text"/);
    assert.match(errors[2] as string, /^error: stdin line 7: "date" must be a day YYYY-MM-DD/);
    const results = jsonLines(run.stdout);
    assert.deepEqual(
      results.map((r) => r.file),
      ["https://huyen.gov.vn/tin/1", "https://huyen.gov.vn/tin/2", "https://huyen.gov.vn/tin/4"],
    );
    assert.deepEqual(targetValues(results[0] as FileResult), [301]);
    assert.equal(results[1]?.recognised, true);
    assert.equal(results[1]?.article.congress, 11);
    const deadline = results[2]?.items.find((i) => i.kind === "deadline");
    assert.equal(deadline?.deadline?.date, "2022-01-15", "the record's date dates the deadline");
  });

  test("three workers keep the input order and give what one thread gives", async () => {
    const many = path.join(dir, "many");
    mkdirSync(many);
    // Long articles first, so that later files finish before earlier ones.
    for (let k = 0; k < 12; k++) {
      const name = `${String(k).padStart(2, "0")}.txt`;
      writeFileSync(path.join(many, name), article(400 + k, k < 3 ? 300 : 1));
    }
    const [parallel, single] = await Promise.all([
      runCli([many, "--jobs", "3"]),
      runCli([many, "--jobs", "1"]),
    ]);
    assert.equal(parallel.status, 0, parallel.stderr);
    assert.equal(single.status, 0, single.stderr);
    const results = jsonLines(parallel.stdout);
    assert.deepEqual(
      results.map((r) => targetValues(r)[0]),
      Array.from({ length: 12 }, (_, k) => 400 + k),
    );
    assert.equal(parallel.stdout, single.stdout);
  });

  test("a bad file in the middle: reported on stderr, the files around it written", async () => {
    const mixed = path.join(dir, "mixed");
    mkdirSync(mixed);
    writeFileSync(path.join(mixed, "1.txt"), article(501));
    writeFileSync(path.join(mixed, "2.txt"), "   \n");
    writeFileSync(path.join(mixed, "3.html"), "<html><body><nav></nav></body></html>");
    writeFileSync(path.join(mixed, "4.txt"), article(504));
    const run = await runCli([mixed, "--jobs", "2"]);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(`${path.join(mixed, "2.txt")} is empty`), run.stderr);
    assert.ok(
      run.stderr.includes(`${path.join(mixed, "3.html")}: no article text found on the page`),
      run.stderr,
    );
    assert.deepEqual(
      jsonLines(run.stdout).map((r) => targetValues(r)[0]),
      [501, 504],
    );
  });

  test("--format csv over several workers: BOM and header once, rows in input order", async () => {
    const run = await runCli(["archive", "--format", "csv", "--jobs", "2"], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith("\uFEFFfile,kind,"), "BOM, then the header");
    assert.equal(run.stdout.split("file,kind,start").length, 2, "one header");
    const parsed = Papa.parse<Record<string, string>>(run.stdout.slice(1).trim(), {
      header: true,
    });
    assert.deepEqual(parsed.errors, []);
    const files = [...new Set(parsed.data.map((row) => row.file))];
    assert.deepEqual(files, ["archive/a.txt", "archive/b/c.html", "archive/b/e.txt"]);
    assert.ok(parsed.data.some((row) => row.file === "archive/b/c.html" && row.kind === "target"));
  });

  test("--resume: a cut run is finished to what one whole run writes, done inputs skipped", async () => {
    const many = path.join(dir, "resume-input");
    mkdirSync(many);
    for (let k = 0; k < 8; k++) writeFileSync(path.join(many, `${k}.txt`), article(600 + k));
    for (const format of ["jsonl", "csv"] as const) {
      const whole = path.join(dir, `whole.${format}`);
      const first = await runCli([many, "--resume", whole, "--jobs", "2"]);
      assert.equal(first.status, 0, first.stderr);
      assert.equal(first.stdout, "", "the results go to OUT");
      const full = readFileSync(whole);
      // Stopped in the middle of a line, two thirds of the way through.
      const cut = path.join(dir, `cut.${format}`);
      writeFileSync(cut, full.subarray(0, Math.floor((full.length * 2) / 3)));
      const resumed = await runCli([many, "--resume", cut, "--jobs", "2"]);
      assert.equal(resumed.status, 0, resumed.stderr);
      assert.equal(readFileSync(cut, "utf8"), full.toString("utf8"), format);
      // Done inputs are not read again: a file removed since is not missed.
      rmSync(path.join(many, "0.txt"));
      const again = await runCli([many, "--resume", cut, "--jobs", "2"]);
      assert.equal(again.status, 0, again.stderr);
      assert.equal(readFileSync(cut, "utf8"), full.toString("utf8"), `${format}, nothing added`);
      writeFileSync(path.join(many, "0.txt"), article(600));
    }
  });

  test("--resume on a file that is not this command's output: exit 2, the file untouched", async () => {
    const other = path.join(dir, "other.jsonl");
    writeFileSync(other, '{"file":"x.txt"}\nhello\n{"file":"y.txt"}\n');
    const run = await runCli(["archive", "--resume", other], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /line 2 is not a JSON line of results/);
    assert.equal(readFileSync(other, "utf8"), '{"file":"x.txt"}\nhello\n{"file":"y.txt"}\n');
  });

  test("bad arguments: --resume with Markdown, --jobs 0, stdin twice", async () => {
    const runs = await Promise.all([
      runCli(["archive", "--resume", "out.md", "--format", "md"], { cwd: dir }),
      runCli(["archive", "--jobs", "0"], { cwd: dir }),
      runCli(["-", "-"]),
    ]);
    assert.deepEqual(
      runs.map((r) => r.status),
      [2, 2, 2],
    );
    assert.match(runs[0]?.stderr ?? "", /--resume needs --format jsonl or csv/);
    assert.match(runs[1]?.stderr ?? "", /--jobs must be a whole number/);
    assert.match(runs[2]?.stderr ?? "", /stdin \(-\) given twice/);
  });

  test("a reader that stops early (| head): exit 0, no error", async () => {
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--import", TSX, path.join(ROOT, "scripts", "extract.ts"), PAGES, "--jobs", "2"],
        { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
      );
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
      });
      // The first result's first bytes, then the reader goes away.
      child.stdout.once("data", () => child.stdout.destroy());
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stderr }));
    });
    assert.equal(run.stderr, "");
    assert.equal(run.status, 0);
  });

  test("piped stderr: no progress bar, nothing but errors", async () => {
    const run = await runCli(["archive", "--jobs", "2"], { cwd: dir });
    assert.equal(run.status, 0);
    assert.equal(run.stderr, "");
  });

  const hasScript = spawnSync("script", ["--version"]).status === 0;
  test("a terminal's stderr: the progress bar with files, files/s and ETA; none with --quiet", {
    skip: hasScript ? false : "no script(1) to give the CLI a terminal",
  }, async () => {
    const [bar, quiet] = await Promise.all([
      onTerminal([archive, "--jobs", "2"], path.join(dir, "tty-bar.jsonl")),
      onTerminal([archive, "--jobs", "2", "--quiet"], path.join(dir, "tty-quiet.jsonl")),
    ]);
    assert.match(bar, /4\/4 files · [\d.]+ files\/s · ETA 0:00/);
    assert.doesNotMatch(quiet, /files\/s/);
    assert.equal(jsonLines(readFileSync(path.join(dir, "tty-quiet.jsonl"), "utf8")).length, 4);
  });
});

/**
 * Runs the CLI on a pseudo-terminal (script(1)) with its stdout sent to `out`: resolves with what
 * the terminal showed, i.e. stderr.
 */
function onTerminal(args: string[], out: string): Promise<string> {
  const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
  const command = [process.execPath, "--import", TSX, "scripts/extract.ts", ...args]
    .map(quote)
    .join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", `${command} > ${quote(out)}`, "/dev/null"], {
      cwd: ROOT,
    });
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      text += chunk;
    });
    child.on("error", reject);
    child.on("close", () => resolve(text));
  });
}
