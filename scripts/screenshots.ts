/**
 * `npm run screenshots`: the README's pictures of the collection table,
 * docs/images/collection-table.png (and, for looking at, the same in dark colours at
 * .output/collection-table-dark.png). Builds the extension (unless `--no-build`), serves the seed
 * articles (tests/fixtures/pages) at their portal host names, saves every item of each with the
 * page panel's "Lưu tất cả" (scripts/lib/seed-collection.ts), opens collection.html in headless
 * Chromium, groups the table by locality, sorts it by value, selects three rows and shoots the
 * page. No text is made up: the rows are what the extension found in the seed articles.
 *
 * Then the progress view (docs/images/progress.png): the synthetic later reviews of the seed
 * localities (tests/e2e/pages/review-*) saved too, the "Tiến độ" tab with Cẩm Giàng's income per
 * head, its chart's table open; and the bars across localities (docs/images/chart-bars.png).
 * Last the comparison (docs/images/comparison.png): Trà Vinh beside Cẩm Giàng, sorted by
 * % thực hiện, the first target focused (its quote shown).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import {
  E2E_PAGES_DIR,
  FIXTURE_PAGES_DIR,
  launchBrowserWithExtension,
  REPO_ROOT,
  startPortalServer,
} from "./lib/browser.ts";
import { saveReviewArticles, saveSeedArticles } from "./lib/seed-collection.ts";

const OUT = path.join(REPO_ROOT, "docs", "images", "collection-table.png");
const DARK = path.join(REPO_ROOT, ".output", "collection-table-dark.png");
const COMPARISON = path.join(REPO_ROOT, "docs", "images", "comparison.png");
const PROGRESS = path.join(REPO_ROOT, "docs", "images", "progress.png");
const BARS = path.join(REPO_ROOT, "docs", "images", "chart-bars.png");
const PROGRESS_DARK = path.join(REPO_ROOT, ".output", "progress-dark.png");

function build(): void {
  console.log("Building the extension (wxt build)…");
  const result = spawnSync(path.join(REPO_ROOT, "node_modules", ".bin", "wxt"), ["build"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(result.error ? `Could not run wxt: ${result.error.message}` : "Build failed.");
    process.exit(result.status ?? 1);
  }
}

/**
 * Shoots `target` (the page or a part of it) to `file` once `page`'s fonts are ready and, with
 * `darkFile`, again in dark colours (the page is back in light colours after).
 */
async function shoot(page: Page, target: Page | Locator, file: string, darkFile?: string) {
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(path.dirname(file), { recursive: true });
  await target.screenshot({ path: file });
  console.log(`Screenshot: ${path.relative(REPO_ROOT, file)}`);
  if (!darkFile) return;
  await page.emulateMedia({ colorScheme: "dark" });
  await target.screenshot({ path: darkFile });
  console.log(`Screenshot (dark): ${path.relative(REPO_ROOT, darkFile)}`);
  await page.emulateMedia({ colorScheme: "light" });
}

if (!process.argv.includes("--no-build")) build();
const server = await startPortalServer(FIXTURE_PAGES_DIR, { staticDir: E2E_PAGES_DIR });
const browser = await launchBrowserWithExtension({ viewport: { width: 1440, height: 800 } });
try {
  const saved = await saveSeedArticles(browser, server);
  console.log(
    `Saved: ${Object.entries(saved)
      .map(([slug, n]) => `${slug} ${n}`)
      .join(", ")}`,
  );
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/collection.html`);
  const table = page.getByRole("treegrid");
  await table.waitFor();
  await page.locator("#table-group").selectOption("locality");
  await table.locator("th[data-column=value] button").click();
  await table.locator("th[data-column=value][aria-sort=ascending]").waitFor();
  await table.locator("th[data-column=value] button").click();
  await table.locator("th[data-column=value][aria-sort=descending]").waitFor();
  const rows = table.locator("tr[data-snippet-row] input[type=checkbox]");
  await rows.nth(1).click();
  await rows.nth(3).click({ modifiers: ["Shift"] });
  await table.locator("tr[data-snippet-row]").nth(4).focus();
  await shoot(page, page, OUT, DARK);

  // The progress view, with the later reviews saved.
  await saveReviewArticles(browser, server);
  await page.goto(`chrome-extension://${browser.extensionId}/collection.html?tab=progress`);
  await page.locator("[data-progress-place]").selectOption("cam giang|huyen");
  await page.locator("[data-progress-indicator]").selectOption("income_per_capita");
  const series = page.locator("section.progress-series").first();
  await series.locator("[data-chart=progress] svg").waitFor();
  await series.locator("[data-chart=progress] summary").click();
  await shoot(page, series, PROGRESS, PROGRESS_DARK);
  await page.locator("[data-bars-indicator]").selectOption("health_insurance");
  const bars = page.locator(".progress-bars [data-chart=bars]").first();
  await bars.locator("svg").waitFor();
  await shoot(page, bars, BARS);

  // The comparison (the reviews are saved above): Trà Vinh beside Cẩm Giàng.
  const sources = JSON.stringify([
    { type: "locality", name: "Trà Vinh", level: "tỉnh" },
    { type: "locality", name: "Cẩm Giàng", level: "huyện" },
  ]);
  const compare = await browser.context.newPage();
  await compare.goto(
    `chrome-extension://${browser.extensionId}/collection.html?tab=compare&sources=${encodeURIComponent(sources)}`,
  );
  await compare.locator('tr[data-category="health_insurance"]').waitFor();
  await compare.setViewportSize({ width: 1440, height: 1150 });
  await compare.locator('th[data-sort-key="percent"] button').click();
  await compare.locator("table.compare-table .value.kind-target a").first().focus();
  await compare.evaluate(() => window.scrollTo(0, 0));
  await shoot(compare, compare, COMPARISON);
} finally {
  await browser.close();
  await server.close();
}
