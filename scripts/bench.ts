/**
 * npm run bench [-- --json]
 *
 * Extraction throughput over at least 1 MB of article text (the fixture
 * articles, repeated), beside a bare `/\d+/g` pass over the same text measured
 * in the same run as the baseline. Prints a table, or with `--json` one JSON
 * array of `{ name, value, unit }` (later issues add their figures to it). Also the engine's
 * first article in a fresh runtime beside the same article warm (scripts/bench/engine-cold.ts).
 *
 * Then the browser figures (scripts/bench/browser.ts: content-script size, CSS highlights vs
 * <mark> wrapping, content-script cost beside Readability), after rebuilding the extension when
 * .output/chrome-mv3 is older than its sources (scripts/bench/build.ts). Without Chromium they are
 * skipped with a note. With `--json`, progress and notes go to stderr.
 *
 * `--only <group>` measures one group: `extract`, `browser` (content script, highlights),
 * `collection` or `cli` (npm run extract over a generated archive of 10,000 portal pages,
 * scripts/bench/cli-archive.ts).
 */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { extractFile } from "../lib/cli/extract-files.ts";
import { listPageFixtures, PAGES_DIR } from "../lib/evaluation/fixtures.ts";
import { extract } from "../lib/extract/index.ts";
import { anchoringFigures } from "./bench/anchoring.ts";
import { browserFigures } from "./bench/browser.ts";
import { ensureExtensionBuilt } from "./bench/build.ts";
import { cliArchiveFigures } from "./bench/cli-archive.ts";
import { engineColdFigures } from "./bench/engine-cold.ts";
import { engineFloorFigures } from "./bench/engine-floor.ts";
import type { Figure } from "./bench/figure.ts";

const json = process.argv.includes("--json");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt === -1 ? null : (process.argv[onlyAt + 1] ?? "");
const GROUPS = ["extract", "browser", "collection", "cli"];
if (only !== null && !GROUPS.includes(only)) {
  console.error(`--only takes one of ${GROUPS.join(", ")} (got "${only}")`);
  process.exit(2);
}
/** Whether the group is measured in this run. */
const wants = (group: string) => only === null || only === group;
const TARGET_BYTES = 1024 * 1024;
const ROUNDS = 7;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Collects garbage when the runtime lets a script ask for it (`--expose-gc` set at run time). */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * How far the heap grows while one pass extracts the corpus, from a collected heap: its peak
 * (sampled after each article, garbage not yet collected included) and what stays once the
 * garbage is collected with every article's items kept.
 */
function heapGrowth(corpus: ReadonlyArray<{ text: string; date: string | null }>) {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const kept: unknown[] = [];
  for (const a of corpus) {
    kept.push(extract(a.text, { referenceDate: a.date }));
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  collectGarbage();
  const retainedBytes = process.memoryUsage().heapUsed - before;
  if (kept.length !== corpus.length) throw new Error("heap pass lost items");
  return { peakBytes: peak - before, retainedBytes };
}

/** The extraction figures (and their human lines unless `--json`). */
async function extractFigures(): Promise<Figure[]> {
  // The corpus: every recognised fixture article's text, repeated to ≥ 1 MB.
  const articles: Array<{ text: string; date: string | null }> = [];
  for (const slug of await listPageFixtures()) {
    const outcome = await extractFile(`${PAGES_DIR}/${slug}/source.html`, {});
    if (outcome.ok && outcome.result.recognised) {
      articles.push({
        text: outcome.result.article.text,
        date: outcome.result.article.publishedAt,
      });
    }
  }
  const corpus: typeof articles = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    for (const a of articles) {
      corpus.push(a);
      bytes += Buffer.byteLength(a.text, "utf8");
    }
  }
  const megabytes = bytes / (1024 * 1024);

  function timeExtraction(): number {
    const start = performance.now();
    let items = 0;
    for (const a of corpus) items += extract(a.text, { referenceDate: a.date }).length;
    if (items === 0) throw new Error("benchmark extracted nothing");
    return performance.now() - start;
  }

  function timeRegexBaseline(): number {
    const start = performance.now();
    let count = 0;
    for (const a of corpus) count += a.text.match(/\d+/g)?.length ?? 0;
    if (count === 0) throw new Error("baseline matched nothing");
    return performance.now() - start;
  }

  timeExtraction(); // warm-up (JIT, lazy regex compilation)
  timeRegexBaseline();
  const extractMs: number[] = [];
  const regexMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    extractMs.push(timeExtraction());
    regexMs.push(timeRegexBaseline());
  }
  const extractMedian = median(extractMs);
  const regexMedian = median(regexMs);
  const heapMb = process.memoryUsage().heapUsed / (1024 * 1024);
  const growth = heapGrowth(corpus);
  // The largest article, as the background's first page after the browser starts.
  const largest = articles.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const { cold, warm } = engineColdFigures(largest);
  const floor = engineFloorFigures(corpus, 11);
  const anchoring = anchoringFigures(
    articles.map((a) => a.text),
    ROUNDS,
  );

  const figures: Figure[] = [
    {
      name: "extract.throughput",
      value: +(megabytes / (extractMedian / 1000)).toFixed(3),
      unit: "MB/s",
    },
    {
      name: "extract.baseline_regex_throughput",
      value: +(megabytes / (regexMedian / 1000)).toFixed(3),
      unit: "MB/s",
    },
    { name: "extract.vs_regex", value: +(extractMedian / regexMedian).toFixed(2), unit: "×" },
    { name: "extract.corpus", value: +megabytes.toFixed(3), unit: "MB" },
    { name: "extract.heap_used", value: +heapMb.toFixed(1), unit: "MB" },
    {
      name: "extract.heap_growth_peak",
      value: +(growth.peakBytes / bytes).toFixed(2),
      unit: "× text",
    },
    {
      name: "extract.heap_growth_retained",
      value: +(growth.retainedBytes / bytes).toFixed(2),
      unit: "× text",
    },
    cold,
    warm,
    ...floor.figures,
    ...anchoring.figures,
  ];

  if (!json) {
    console.log(
      `Extraction over ${megabytes.toFixed(2)} MB (${corpus.length} articles), median of ${ROUNDS} rounds`,
    );
    console.log(`  extract:         ${extractMedian.toFixed(1)} ms  (${figures[0]?.value} MB/s)`);
    console.log(`  /\\d+/g baseline: ${regexMedian.toFixed(1)} ms  (${figures[1]?.value} MB/s)`);
    console.log(`  ratio:           ${figures[2]?.value}× the baseline (goal ≤ 10×)`);
    for (const line of floor.lines) console.log(line);
    console.log(`  heap used:       ${heapMb.toFixed(1)} MB`);
    console.log(
      `  heap growth:     peak ${mb(growth.peakBytes)} MB (${figures[5]?.value}× the text), kept with the items ${mb(growth.retainedBytes)} MB (${figures[6]?.value}×; goal ≤ 10×)`,
    );
    console.log(
      `  first article in a fresh runtime (${largest.text.length.toLocaleString("en-US")} characters): ${cold.value} ms, warm ${warm.value} ms`,
    );
    for (const line of anchoring.lines) console.log(line);
  }
  return figures;
}

const figures: Figure[] = wants("extract") ? await extractFigures() : [];

// Browser figures: progress and the human table on stdout, or on stderr with --json.
const log = json ? (line: string) => console.error(line) : (line: string) => console.log(line);
if (wants("cli")) figures.push(...(await cliArchiveFigures({ log })));
const groups = { browser: wants("browser"), collection: wants("collection") };
if (!groups.browser && !groups.collection) {
  // Only the extraction figures: no build, no browser.
} else if (await ensureExtensionBuilt(log)) {
  const large = process.argv.includes("--large");
  figures.push(...(await browserFigures({ rounds: ROUNDS, log, groups, large })));
} else {
  log("Browser figures skipped: the extension could not be built.");
  process.exitCode = 1;
}

if (json) console.log(JSON.stringify(figures));
