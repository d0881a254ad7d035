/**
 * Fills the extension's collection the way a reader does: each recognised seed article (the
 * fixture pages under tests/fixtures/pages) opened at its portal's host name on the local portal
 * server, and every item saved with the page panel's "Lưu tất cả". Used by the screenshots
 * script and the table's end-to-end test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  type ExtensionBrowser,
  FIXTURE_PAGES_DIR,
  type PortalServer,
  waitForReading,
} from "./browser.ts";

/** The extension's UI host element on a page (its shadow root holds the panel). */
const UI_HOST = "gvn-chi-tieu";

/** The recognised fixture articles: slug and the address the local server serves each at. */
export function seedArticles(server: PortalServer): Array<{ slug: string; url: string }> {
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
      const real = new URL(expected.url);
      const url = `http://${real.hostname}:${server.port}/${entry.name}${real.pathname}`;
      return [{ slug: entry.name, url }];
    })
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
}

/**
 * Saves every item of each seed article (or of `slugs`) with the panel's "Lưu tất cả"; resolves
 * with how many items each page saved.
 */
export async function saveSeedArticles(
  browser: ExtensionBrowser,
  server: PortalServer,
  slugs?: readonly string[],
): Promise<Record<string, number>> {
  const saved: Record<string, number> = {};
  for (const seed of seedArticles(server)) {
    if (slugs && !slugs.includes(seed.slug)) continue;
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
