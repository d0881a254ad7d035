/**
 * The browser figures of `npm run bench`, appended after the extraction figures:
 *   content.gzip                   size of the built content script (content-size.ts)
 *   highlight.vs_wrap, .register_ms, .wrap_ms
 *                                  CSS Custom Highlight API vs <mark> wrapping (highlight-vs-wrap.ts)
 *   content.vs_readability, .total_vs_readability, .total_ms, .longest_task, .longest_phase
 *                                  content-script cost on the seed pages (content-cost.ts)
 *   collection.first_render, .full_load (and _cold), .search, .export_csv, .export_xlsx, .import_json, .heap
 *                                  the collection page with 10,000 snippets (collection.ts), in a
 *                                  browser of its own; with `large`, the 100,000-snippet figures
 *                                  (collection-large.ts)
 * in Debian's headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with the built extension
 * from .output/chrome-mv3 (scripts/bench/build.ts keeps it fresh) and the fixture pages served
 * locally (scripts/lib/browser.ts). Without Chromium, only content.gzip is measured; when the
 * content script does not report `gvn:done`, the content figures are skipped. Progress and the
 * human-readable table go to `log`.
 */
import { existsSync } from "node:fs";
import {
  CHROMIUM_PATH,
  type ExtensionBrowser,
  FIXTURE_PAGES_DIR,
  launchBrowserWithExtension,
  startPortalServer,
} from "../lib/browser.ts";
import { benchExtensionPath } from "./build.ts";
import { collectionFigures } from "./collection.ts";
import { largeCollectionFigures } from "./collection-large.ts";
import { coldContentCost, contentCost, type PageCost } from "./content-cost.ts";
import { contentGzipFigure, contentScriptFiles } from "./content-size.ts";
import { LONGTASK_OBSERVER_SCRIPT } from "./content-timeline.ts";
import type { Figure } from "./figure.ts";
import { highlightVsWrap } from "./highlight-vs-wrap.ts";
import { formatBrowserReport } from "./report.ts";

export type { Figure } from "./figure.ts";

export async function browserFigures(options: {
  rounds: number;
  log: (line: string) => void;
  /** Which groups to measure (both by default): content script and highlights, collection. */
  groups?: { browser: boolean; collection: boolean };
  /** Add the 100,000-snippet collection figures (collection-large.ts). */
  large?: boolean;
}): Promise<Figure[]> {
  const { rounds, log } = options;
  const groups = options.groups ?? { browser: true, collection: true };
  const extensionPath = benchExtensionPath();
  const started = performance.now();
  const figures: Figure[] = [];
  let pages: PageCost[] = [];
  const notes: string[] = [];

  if (groups.browser) figures.push(contentGzipFigure(contentScriptFiles(extensionPath)));

  if (!existsSync(CHROMIUM_PATH)) {
    notes.push(
      `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH): ` +
        "browser figures skipped.",
    );
  }
  if (existsSync(CHROMIUM_PATH) && groups.browser) {
    log(`Browser figures in ${CHROMIUM_PATH}, median of ${rounds} fresh page loads each…`);
    const server = await startPortalServer(FIXTURE_PAGES_DIR);
    let browser: ExtensionBrowser | undefined;
    try {
      browser = await launchBrowserWithExtension({ extensionPath });
      await browser.context.addInitScript(LONGTASK_OBSERVER_SCRIPT);
      log("  highlight vs wrap");
      figures.push(...(await highlightVsWrap(browser.context, rounds)).figures);
      const cost = await contentCost(
        browser.context,
        (host, slug) => server.url(host, slug),
        rounds,
        log,
      );
      if (cost.ok) {
        figures.push(...cost.figures);
        pages = cost.pages;
        const cold = await coldContentCost(
          async () => {
            const fresh = await launchBrowserWithExtension({ extensionPath });
            await fresh.context.addInitScript(LONGTASK_OBSERVER_SCRIPT);
            return fresh;
          },
          (host, slug) => server.url(host, slug),
          cost.pages,
          Math.min(rounds, 3),
          log,
        );
        figures.push(...cold.figures);
        if (!cost.longTaskSupported)
          notes.push("This Chromium reports no long tasks: longest_task is 0.");
      } else {
        notes.push(`${cost.reason}: content figures skipped.`);
      }
    } finally {
      await browser?.close();
      await server.close();
    }
  }
  /** Adds the figures and notes of one collection bench; when it fails, a note and exit code 1. */
  const addCollectionBench = async (
    heading: string,
    failed: string,
    bench: typeof collectionFigures,
  ): Promise<void> => {
    try {
      log(`  ${heading}`);
      const result = await bench({ rounds, log, extensionPath });
      figures.push(...result.figures);
      notes.push(...result.notes);
    } catch (error) {
      notes.push(`${failed} figures skipped: ${error instanceof Error ? error.message : error}`);
      process.exitCode = 1;
    }
  };
  if (existsSync(CHROMIUM_PATH) && groups.collection) {
    await addCollectionBench("collection (10,000 snippets)", "collection", collectionFigures);
    if (options.large) {
      await addCollectionBench("collection (100,000 snippets)", "100k", largeCollectionFigures);
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  log(`Browser figures (${seconds} s)`);
  for (const line of formatBrowserReport(figures, pages)) log(line);
  for (const note of notes) log(`  Note: ${note}`);
  return figures;
}
