/**
 * `npm run bench` figures of `npm run extract` over a whole archive: a generated archive of 10,000
 * portal pages (scripts/bench/portal-archive.ts) in a temp folder, extracted by the CLI as a whole
 * process (`--format jsonl --quiet`, every core), timed from start to exit:
 *
 *   cli.articles_per_s     pages per second of the whole run (goal ≥ 1,700 on 2 cores: a
 *                          national archive of a million articles in ≤ 10 minutes)
 *   cli.baseline_parse_per_s  baseline: reading the file and parseHTML alone, one thread
 *   cli.one_thread_per_s   the whole analysis of a page in one thread (the sum of the stages)
 *   cli.max_rss            the CLI's largest resident memory during the run (MB)
 *
 * and where a page's time goes in one thread, per page (ms): cli.parse_ms (read + linkedom
 * parseHTML), cli.read_ms (readArticle: headline and body, or Readability), cli.recognize_ms,
 * cli.facts_ms (article facts), cli.extract_ms (items) and cli.output_ms (the JSON line).
 */
import { spawn } from "node:child_process";
import { closeSync, createReadStream, openSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseHTML } from "linkedom";
import { extractArticleFacts } from "../../lib/article/facts.ts";
import { toFileResult } from "../../lib/cli/formats.ts";
import { formatResult } from "../../lib/cli/output-format.ts";
import { extract } from "../../lib/extract/index.ts";
import { analyzeDocument } from "../../lib/page-document.ts";
import { readArticle } from "../../lib/recognition/readable.ts";
import { recognize } from "../../lib/recognition/recognize.ts";
import { type Figure, round } from "./figure.ts";
import { writePortalArchive } from "./portal-archive.ts";

export const CLI_ARTICLES_PER_S_GOAL = 1700;
const ARCHIVE_PAGES = 10_000;
/** Pages for the one-thread figures (baseline and stages), after as many again to warm up. */
const SAMPLE_PAGES = 400;
const ROOT = path.resolve(import.meta.dirname, "../..");

export async function cliArchiveFigures(options: {
  log: (line: string) => void;
  pages?: number;
}): Promise<Figure[]> {
  const { log } = options;
  const pages = options.pages ?? ARCHIVE_PAGES;
  const dir = await mkdtemp(path.join(os.tmpdir(), "gvn-bench-archive-"));
  try {
    log(`Generating an archive of ${pages.toLocaleString("en-US")} portal pages in ${dir} …`);
    const archive = await writePortalArchive(path.join(dir, "archive"), pages);
    const sample = archive.files.slice(0, SAMPLE_PAGES);
    const warmUp = archive.files.slice(SAMPLE_PAGES, 2 * SAMPLE_PAGES);
    await stageCosts(warmUp);
    const baselineMs = await parseOnlyMs(sample);
    const stages = await stageCosts(sample);
    log("Running npm run extract over the archive (every core) …");
    const run = await timeCli(archive.dir, path.join(dir, "out.jsonl"));
    if (run.lines !== pages) {
      throw new Error(`the CLI wrote ${run.lines} results for ${pages} pages: ${run.stderr}`);
    }
    const perSecond = pages / (run.ms / 1000);
    const oneThreadMs = Object.values(stages).reduce((sum, ms) => sum + ms, 0);
    const figures: Figure[] = [
      { name: "cli.articles_per_s", value: round(perSecond, 1), unit: "articles/s" },
      { name: "cli.baseline_parse_per_s", value: round(1000 / baselineMs, 1), unit: "articles/s" },
      { name: "cli.one_thread_per_s", value: round(1000 / oneThreadMs, 1), unit: "articles/s" },
      { name: "cli.max_rss", value: round(run.maxRssMb, 1), unit: "MB" },
      { name: "cli.archive_mb", value: round(archive.bytes / (1024 * 1024), 1), unit: "MB" },
      ...Object.entries(stages).map(([stage, ms]) => ({
        name: `cli.${stage}_ms`,
        value: round(ms, 3),
        unit: "ms/article",
      })),
    ];
    const mb = (archive.bytes / (1024 * 1024)).toFixed(1);
    log(
      `npm run extract over ${pages.toLocaleString("en-US")} portal pages (${mb} MB, ${archive.resolutionPages.toLocaleString("en-US")} resolution articles), ${os.availableParallelism()} cores`,
    );
    log(
      `  cli.articles_per_s:      ${perSecond.toFixed(1).padStart(8)}  (goal ≥ ${CLI_ARTICLES_PER_S_GOAL}; ${(run.ms / 1000).toFixed(1)} s in all)`,
    );
    log(
      `  baseline read+parseHTML: ${(1000 / baselineMs).toFixed(1).padStart(8)}  articles/s, one thread`,
    );
    log(
      `  whole analysis:          ${(1000 / oneThreadMs).toFixed(1).padStart(8)}  articles/s, one thread`,
    );
    log(`  largest RSS:             ${run.maxRssMb.toFixed(1).padStart(8)}  MB`);
    log(
      `  per article, one thread (ms): ${Object.entries(stages)
        .map(([stage, ms]) => `${stage} ${ms.toFixed(2)}`)
        .join(" · ")}`,
    );
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Mean ms a page to read its file and parse it with linkedom, nothing else. */
async function parseOnlyMs(files: readonly string[]): Promise<number> {
  let elements = 0;
  const start = performance.now();
  for (const file of files) {
    const { document } = parseHTML(await readFile(file, "utf8"));
    elements += document.querySelectorAll("p").length;
  }
  if (elements === 0) throw new Error("baseline parsed no paragraphs");
  return (performance.now() - start) / files.length;
}

type Stage = "parse" | "read" | "recognize" | "facts" | "extract" | "output";

/**
 * Mean ms a page in each stage of the CLI's work on one thread, the stages run as
 * `analyzeDocument` runs them (lib/page-document.ts). The output stage is timed in a second pass, where
 * each page's items are also checked against `analyzeDocument`'s own.
 */
async function stageCosts(files: readonly string[]): Promise<Record<Stage, number>> {
  const total: Record<Stage, number> = {
    parse: 0,
    read: 0,
    recognize: 0,
    facts: 0,
    extract: 0,
    output: 0,
  };
  const itemCounts: number[] = [];
  for (const file of files) {
    let t = performance.now();
    const lap = (stage: Stage) => {
      const now = performance.now();
      total[stage] += now - t;
      t = now;
    };
    const { document } = parseHTML(await readFile(file, "utf8"));
    const url = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? file;
    lap("parse");
    const read = readArticle(document as unknown as Document);
    lap("read");
    const recognition = recognize({
      url,
      title: read.title,
      text: read.text,
      readable: read.readable,
      linkDensity: read.linkDensity,
    });
    lap("recognize");
    const referenceDate = read.publishedAt;
    extractArticleFacts(read.text, read.title, referenceDate);
    lap("facts");
    const titleAndLead = `${read.title}\n${read.text.slice(0, 400)}`;
    const items = recognition.recognised ? extract(read.text, { referenceDate, titleAndLead }) : [];
    lap("extract");
    itemCounts.push(items.length);
  }
  if (itemCounts.every((count) => count === 0)) throw new Error("the stages extracted nothing");
  for (const [k, file] of files.entries()) {
    const { document } = parseHTML(await readFile(file, "utf8"));
    const url = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? file;
    const analysis = analyzeDocument(document as unknown as Document, { url });
    if (analysis.items.length !== itemCounts[k]) {
      throw new Error(`${file}: the stages found other items than analyzeDocument`);
    }
    const start = performance.now();
    formatResult(toFileResult(file, analysis), "jsonl");
    total.output += performance.now() - start;
  }
  for (const stage of Object.keys(total) as Stage[]) total[stage] /= files.length;
  return total;
}

/** Runs the CLI over `dir` as a whole process; its time, result lines and largest RSS. */
function timeCli(
  dir: string,
  out: string,
): Promise<{ ms: number; lines: number; maxRssMb: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const output = openSync(out, "w");
    const start = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/extract.ts", dir, "--format", "jsonl", "--quiet"],
      { cwd: ROOT, stdio: ["ignore", output, "pipe"] },
    );
    closeSync(output);
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    let maxRssKb = 0;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        maxRssKb = Math.max(maxRssKb, rss);
      } catch {
        // The process has just ended (or /proc is not there).
      }
    }, 200);
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      clearInterval(poll);
      if (code !== 0) {
        reject(new Error(`npm run extract exited with ${code}: ${stderr}`));
        return;
      }
      countLines(out).then(
        (lines) => resolve({ ms, lines, maxRssMb: maxRssKb / 1024, stderr }),
        reject,
      );
    });
  });
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return lines;
}
