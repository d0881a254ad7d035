/**
 * Fills the extension's collection the way a reader does: each recognised seed article (the
 * fixture pages under tests/fixtures/pages) — and, for the report views, the synthetic later
 * reviews of the same localities under tests/e2e/pages/review-* — opened at its portal's host name
 * on the local portal server, and every item saved with the page panel's "Lưu tất cả". Used by the
 * screenshots script and the report views' end-to-end tests (the server must serve
 * `E2E_PAGES_DIR` as its `staticDir` for the reviews).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  E2E_PAGES_DIR,
  type ExtensionBrowser,
  FIXTURE_PAGES_DIR,
  type PortalServer,
  waitForReading,
} from "./browser.ts";

/** The extension's UI host element on a page (its shadow root holds the panel). */
const UI_HOST = "gvn-chi-tieu";

/** A page to save: its folder's name and the address the local server serves it at. */
export interface ArticleToSave {
  slug: string;
  url: string;
}

/** The address a page of `slug` with the real address `url` has on the local portal server. */
function localAddress(server: PortalServer, slug: string, url: string): string {
  const real = new URL(url);
  return `http://${real.hostname}:${server.port}/${slug}${real.pathname}`;
}

/** The recognised fixture articles: slug and the address the local server serves each at. */
export function seedArticles(server: PortalServer): ArticleToSave[] {
  return readdirSync(FIXTURE_PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const file = path.join(FIXTURE_PAGES_DIR, entry.name, "expected.json");
      let expected: { url: string; recognised: boolean };
      try {
        expected = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        return [];
      }
      if (!expected.recognised) return [];
      return [{ slug: entry.name, url: localAddress(server, entry.name, expected.url) }];
    })
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
}

/**
 * The synthetic later reviews (tests/e2e/pages/review-*: a 2021 annual review, the mid-term and
 * the final review of Cẩm Giàng, the province of Trà Vinh's mid-term review), oldest first. Each
 * folder's page.json names the page's real address and date.
 */
export function reviewArticles(server: PortalServer): ArticleToSave[] {
  return readdirSync(E2E_PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith("review-"))
    .map((entry) => {
      const file = path.join(E2E_PAGES_DIR, entry.name, "page.json");
      const page = JSON.parse(readFileSync(file, "utf8")) as { url: string; date: string };
      return { slug: entry.name, url: localAddress(server, entry.name, page.url), date: page.date };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(({ slug, url }) => ({ slug, url }));
}

/**
 * Saves every item of each seed article (or of `slugs`) with the panel's "Lưu tất cả"; resolves
 * with how many items each page saved.
 */
export function saveSeedArticles(
  browser: ExtensionBrowser,
  server: PortalServer,
  slugs?: readonly string[],
): Promise<Record<string, number>> {
  const seeds = seedArticles(server).filter((seed) => !slugs || slugs.includes(seed.slug));
  return saveArticles(browser, seeds);
}

/** Saves every item of each synthetic later review (see `reviewArticles`), oldest first. */
export function saveReviewArticles(
  browser: ExtensionBrowser,
  server: PortalServer,
): Promise<Record<string, number>> {
  return saveArticles(browser, reviewArticles(server));
}

/**
 * Opens each page in turn, waits for the extension to recognise it and saves every item with the
 * panel's "Lưu tất cả"; resolves with how many items each page saved, by slug.
 */
export async function saveArticles(
  browser: ExtensionBrowser,
  pages: readonly ArticleToSave[],
): Promise<Record<string, number>> {
  const saved: Record<string, number> = {};
  for (const seed of pages) {
    const page = await browser.context.newPage();
    try {
      await page.goto(seed.url);
      const reading = await waitForReading(page, { recognised: true, timeout: 20_000 });
      await page.bringToFront();
      const panel = page.locator(UI_HOST).locator("section.panel");
      await panel.locator("[data-action=save-all]").click();
      await panel.locator(`[data-saved-count="${reading.items}"]`).waitFor({ timeout: 20_000 });
      saved[seed.slug] = reading.items;
    } finally {
      await page.close();
    }
  }
  return saved;
}
