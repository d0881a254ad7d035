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
 * cli.facts_ms (article facts), cli.extract_ms (items) and cli.output_ms (the JSON line). The
 * one-thread figures run scripts/bench/cli-stages.ts bundled as the CLI's workers are.
 */
import { spawn } from "node:child_process";
import { closeSync, createReadStream, openSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { bundleAsWorkers } from "../../lib/cli/worker-bundle.ts";
import { type Figure, round } from "./figure.ts";
import { writePortalArchive } from "./portal-archive.ts";

export const CLI_ARTICLES_PER_S_GOAL = 1700;
const ARCHIVE_PAGES = 10_000;
/** Pages for the one-thread figures (baseline and stages), after as many again to warm up. */
const SAMPLE_PAGES = 400;
const ROOT = path.resolve(import.meta.dirname, "../..");
const STAGES_SOURCE = path.join(import.meta.dirname, "cli-stages.ts");

type StagesModule = typeof import("./cli-stages.ts");

/** cli-stages.ts bundled as the extraction workers are (lib/cli/worker-bundle.ts), into `dir`. */
async function loadStages(dir: string): Promise<StagesModule> {
  const outfile = path.join(dir, "cli-stages.mjs");
  await bundleAsWorkers(STAGES_SOURCE, outfile);
  return import(pathToFileURL(outfile).href);
}

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
    const { parseOnlyMs, stageCosts } = await loadStages(dir);
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
