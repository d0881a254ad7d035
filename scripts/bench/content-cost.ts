/**
 * Content-script cost on the five seed pages, beside Mozilla Readability's parse alone.
 *
 * The content script records its own work on the page's performance timeline (shared between its
 * isolated world and the page's main world, so the page can read it):
 *   measures `gvn:readability` (Readability parse on a clone), `gvn:extract` (recognition and
 *   extraction), `gvn:highlight` (ranges and CSS.highlights), `gvn:total` (the main-thread work of
 *   the content script: it yields between phases, so the total is the SUM of the phases, given as
 *   `detail.mainThreadMs`; the measure's duration is used when there is no such detail), and the
 *   mark `gvn:done` once it has finished (detail `{ recognised, items }`).
 *
 * Per seed page, `rounds` times (each time a new page, fresh load):
 *   - content load: the page at its portal host name (`*.gov.vn`, so the extension runs), wait for
 *     `load` and then for the `gvn:done` mark (20 s at most); read the `gvn:*` entries (the last of
 *     each name) and the long tasks (> 50 ms) that a `PerformanceObserver({ type: "longtask",
 *     buffered: true })`, installed in the main world before any page script
 *     (LONGTASK_OBSERVER_SCRIPT, for `context.addInitScript`), has seen. The content script's
 *     longest task = the longest of those overlapping [gvn:total start … gvn:done], 0 if none.
 *   - baseline load: the same page (same path, same bytes) at a host the extension does not match
 *     (tintuc.example.test), so no content script competes; Readability.js from node_modules is
 *     injected into the main world with a script tag and `new Readability(document.cloneNode(true),
 *     { charThreshold: 300 }).parse()` is timed once with performance.now() (clone included; a fresh
 *     page each time, so Readability runs cold like the content script's own copy does).
 * Per page: medians over the rounds. Figures: the worst page's value of
 *   content.vs_readability       median(gvn:total − gvn:readability) / median(Readability alone)
 *   content.total_vs_readability median(gvn:total) / median(Readability alone)
 *   content.total_ms             median(gvn:total)
 *   content.longest_task         median(longest long task of the content script), ms
 *   content.longest_phase        median(longest single gvn:* phase measure other than total), ms
 * When the content script does not report `gvn:done` on a page, the content figures are skipped.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { FIXTURE_PAGES_DIR, GOV_HOST, OTHER_HOST, REPO_ROOT } from "../lib/browser.ts";
import { type LoadCost, loadCost, readTimeline, type TimelineReading } from "./content-timeline.ts";
import { type Figure, median, round } from "./figure.ts";

/** The party-article fixture pages (the nonparty-* pages are not party articles). */
export const SEED_SLUGS = [
  "travinh-tracu-hoc-tap-nghi-quyet-tinh",
  "tracu-so-ket-giua-nhiem-ky",
  "dakrong-nghi-quyet-dai-hoi-vi",
  "camgiang-hoc-tap-nghi-quyet",
  "tayninh-hoc-tap-nghi-quyet",
];
export const CONTENT_GOAL = 1;
const DONE_TIMEOUT_MS = 20_000;

/** One seed page: medians over its loads. */
export interface PageCost extends LoadCost {
  slug: string;
  /** median(gvn:total − gvn:readability) */
  workMs: number;
  /** median of Readability's parse alone */
  aloneMs: number;
}

export type ContentCostResult =
  | { ok: true; figures: Figure[]; pages: PageCost[]; longTaskSupported: boolean }
  | { ok: false; reason: string };

/** Runs in the page: Readability's parse alone, on a clone, timed once. */
function timeReadability(): { ms: number; chars: number } {
  const { Readability } = window as unknown as {
    Readability: new (
      doc: Document,
      options: { charThreshold: number },
    ) => { parse(): { textContent?: string | null } | null };
  };
  const start = performance.now();
  const article = new Readability(document.cloneNode(true) as Document, {
    charThreshold: 300,
  }).parse();
  const ms = performance.now() - start;
  return { ms, chars: article?.textContent?.length ?? 0 };
}

const READABILITY_SCRIPT = `${readFileSync(
  path.join(REPO_ROOT, "node_modules/@mozilla/readability/Readability.js"),
  "utf8",
)}\n;window.Readability = Readability;`;

/** The portal host of a fixture (from its expected.json `url`), else GOV_HOST. */
function fixtureHost(slug: string): string {
  try {
    const expected = JSON.parse(
      readFileSync(path.join(FIXTURE_PAGES_DIR, slug, "expected.json"), "utf8"),
    ) as { url?: unknown };
    if (typeof expected.url === "string") return new URL(expected.url).hostname;
  } catch {
    // No expected.json or no usable url: any *.gov.vn host will do.
  }
  return GOV_HOST;
}

type PageUrl = (host: string, slug: string) => string;

/** One content load; null when the content script did not report `gvn:done` in time. */
async function contentLoad(context: BrowserContext, url: string): Promise<TimelineReading | null> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "load" });
    try {
      await page.waitForFunction(() => performance.getEntriesByName("gvn:done").length > 0, null, {
        timeout: DONE_TIMEOUT_MS,
      });
    } catch (error) {
      if (error instanceof Error && error.name === "TimeoutError") return null;
      throw error;
    }
    return await page.evaluate(readTimeline);
  } finally {
    await page.close();
  }
}

/** One baseline load: Readability alone on the same page without the extension. */
async function baselineLoad(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "load" });
    await page.addScriptTag({ content: READABILITY_SCRIPT });
    const { ms, chars } = await page.evaluate(timeReadability);
    if (chars === 0) throw new Error(`Readability found no article on ${url}`);
    return ms;
  } finally {
    await page.close();
  }
}

/** Each phase's median over the loads (0 in a load without it). */
function medianPhases(loads: LoadCost[]): Record<string, number> {
  const names = new Set(loads.flatMap((l) => Object.keys(l.phases)));
  return Object.fromEntries(
    [...names].sort().map((name) => [name, median(loads.map((l) => l.phases[name] ?? 0))]),
  );
}

export async function contentCost(
  context: BrowserContext,
  pageUrl: PageUrl,
  rounds: number,
  log: (line: string) => void,
): Promise<ContentCostResult> {
  const pages: PageCost[] = [];
  let longTaskSupported = true;
  for (const slug of SEED_SLUGS) {
    log(`  content cost: ${slug}`);
    const loads: LoadCost[] = [];
    const alone: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const reading = await contentLoad(context, pageUrl(fixtureHost(slug), slug));
      if (!reading)
        return { ok: false, reason: `content script did not report gvn:done on ${slug}` };
      if (!reading.measures.some((m) => m.name === "gvn:total" || m.name === "gvn:readability")) {
        return {
          ok: false,
          reason: `content script reported gvn:done but no gvn:* measures on ${slug}`,
        };
      }
      longTaskSupported &&= reading.longTaskSupported;
      loads.push(loadCost(reading));
      alone.push(await baselineLoad(context, pageUrl(OTHER_HOST, slug)));
    }
    const of = (key: keyof LoadCost) => median(loads.map((l) => Number(l[key])));
    const lastLoad = loads[loads.length - 1];
    pages.push({
      slug,
      readabilityMs: of("readabilityMs"),
      extractMs: of("extractMs"),
      highlightMs: of("highlightMs"),
      totalMs: of("totalMs"),
      longestTaskMs: of("longestTaskMs"),
      longestPhaseMs: of("longestPhaseMs"),
      recognised: lastLoad?.recognised ?? null,
      items: lastLoad?.items ?? null,
      phases: medianPhases(loads),
      workMs: median(loads.map((l) => l.totalMs - l.readabilityMs)),
      aloneMs: median(alone),
    });
  }
  const worst = (name: string, unit: string, digits: number, value: (p: PageCost) => number) =>
    worstFigure(pages, name, unit, digits, value);
  return {
    ok: true,
    pages,
    longTaskSupported,
    figures: [
      worst("content.vs_readability", "×", 3, (p) => p.workMs / p.aloneMs),
      worst("content.total_vs_readability", "×", 3, (p) => p.totalMs / p.aloneMs),
      worst("content.total_ms", "ms", 2, (p) => p.totalMs),
      worst("content.longest_task", "ms", 1, (p) => p.longestTaskMs),
      worst("content.longest_phase", "ms", 2, (p) => p.longestPhaseMs),
    ],
  };
}

/** One seed page's first load in a fresh browser: own work ÷ cold Readability, medians. */
interface ColdCost {
  slug: string;
  workRatio: number;
  totalMs: number;
  longestTaskMs: number;
}

/** The worst page's value as a figure (NaN without pages). */
function worstFigure<T>(
  pages: readonly T[],
  name: string,
  unit: string,
  digits: number,
  value: (page: T) => number,
): Figure {
  const worst = pages.length === 0 ? Number.NaN : Math.max(...pages.map(value));
  return { name, value: round(worst, digits), unit };
}

/**
 * The first page after the browser starts (cold): per seed page, `rounds` fresh browsers, each
 * loading that page once, no other page before. Figures: the worst page's
 *   content.vs_readability_cold  median(gvn:total − gvn:readability) / median(Readability alone,
 *                                each on the first page of a fresh browser without the extension
 *                                at work: another host)
 *   content.total_ms_cold        median(gvn:total), ms
 *   content.longest_task_cold    median(longest long task of the content script), ms
 */
export async function coldContentCost(
  launch: () => Promise<{ context: BrowserContext; close(): Promise<void> }>,
  pageUrl: PageUrl,
  pages: PageCost[],
  rounds: number,
  log: (line: string) => void,
): Promise<{ figures: Figure[]; costs: ColdCost[] }> {
  const costs: ColdCost[] = [];
  for (const { slug } of pages) {
    log(`  cold content cost: ${slug}`);
    const loads: LoadCost[] = [];
    const alone: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const browser = await launch();
      try {
        const reading = await contentLoad(browser.context, pageUrl(fixtureHost(slug), slug));
        if (reading) loads.push(loadCost(reading));
      } finally {
        await browser.close();
      }
      // The baseline cold too: Readability's parse on the first page of another fresh browser.
      const baseline = await launch();
      try {
        alone.push(await baselineLoad(baseline.context, pageUrl(OTHER_HOST, slug)));
      } finally {
        await baseline.close();
      }
    }
    const aloneMs = median(alone);
    if (loads.length === 0) continue;
    const phases = Object.entries(medianPhases(loads))
      .map(([name, value]) => `${name} ${value.toFixed(1)}`)
      .join(", ");
    log(
      `    total ${median(loads.map((l) => l.totalMs)).toFixed(1)} ms, Readability alone ` +
        `${aloneMs.toFixed(1)} ms, longest task ` +
        `${loads.map((l) => l.longestTaskMs.toFixed(0)).join("/")} ms; phases: ${phases}`,
    );
    costs.push({
      slug,
      workRatio: median(loads.map((l) => l.totalMs - l.readabilityMs)) / (aloneMs || 1),
      totalMs: median(loads.map((l) => l.totalMs)),
      longestTaskMs: median(loads.map((l) => l.longestTaskMs)),
    });
  }
  return {
    costs,
    figures: [
      worstFigure(costs, "content.vs_readability_cold", "×", 3, (c) => c.workRatio),
      worstFigure(costs, "content.total_ms_cold", "ms", 2, (c) => c.totalMs),
      worstFigure(costs, "content.longest_task_cold", "ms", 1, (c) => c.longestTaskMs),
    ],
  };
}
