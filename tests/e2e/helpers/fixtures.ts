/**
 * The fixture pages as the end-to-end tests use them: each page's hand-checked expectation
 * (`tests/fixtures/pages/<slug>/expected.json`), the address to serve it at (its real host name,
 * which the test browser resolves to 127.0.0.1, and its real path under `/<slug>/`), and what the
 * engine itself (the CLI path, on a server-side DOM) finds in the same HTML.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { evaluatePage, type PageExpectation } from "../../../lib/evaluation/fixtures.ts";
import type { ExtractedItem, ItemKind } from "../../../lib/extract/types.ts";
import { normalizeUrl } from "../../../lib/snippets/keys.ts";
import { FIXTURE_PAGES_DIR, type PortalServer } from "../harness.ts";

export const KINDS: readonly ItemKind[] = ["target", "result", "deadline"];

export interface FixturePage {
  slug: string;
  expected: PageExpectation;
  /** The portal's host name, from `expected.url`. */
  host: string;
  /** The key the collection files the page's article under (its address, normalised). */
  key: string;
  html: string;
}

export function loadFixturePage(slug: string): FixturePage {
  const dir = path.join(FIXTURE_PAGES_DIR, slug);
  const expected = JSON.parse(
    readFileSync(path.join(dir, "expected.json"), "utf8"),
  ) as PageExpectation;
  return {
    slug,
    expected,
    host: new URL(expected.url).hostname,
    key: normalizeUrl(expected.url),
    html: readFileSync(path.join(dir, "source.html"), "utf8"),
  };
}

/** Every fixture page with a source.html and an expected.json, by slug. */
export function fixturePages(): FixturePage[] {
  return readdirSync(FIXTURE_PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((slug) => {
      const files = readdirSync(path.join(FIXTURE_PAGES_DIR, slug));
      return files.includes("source.html") && files.includes("expected.json");
    })
    .sort()
    .map(loadFixturePage);
}

/** The seed articles most suites save: a province's (Trà Vinh) and a district's (Cẩm Giàng). */
export const TRAVINH = loadFixturePage("travinh-tracu-hoc-tap-nghi-quyet-tinh");
export const CAMGIANG = loadFixturePage("camgiang-hoc-tap-nghi-quyet");

/** The recognised party articles (the seeds) and the pages that must be left alone. */
export const seedPages = (): FixturePage[] => fixturePages().filter((p) => p.expected.recognised);
export const nonPartyPages = (): FixturePage[] =>
  fixturePages().filter((p) => !p.expected.recognised);

/**
 * Where the test server serves a fixture page: its real host name and path, under `/<slug>`, e.g.
 * `http://tayninh.gov.vn:PORT/tayninh-hoc-tap-nghi-quyet/tin-tuc/tay-ninh-….html`. `variant` adds
 * a query so two tabs on the same article have different addresses.
 */
export function fixtureUrl(server: PortalServer, page: FixturePage, variant?: string): string {
  const real = new URL(page.expected.url);
  const url = new URL(`http://${page.host}:${server.port}`);
  url.pathname = `/${page.slug}${real.pathname}`;
  if (variant) url.searchParams.set("tab", variant);
  return url.toString();
}

/** How many items of each kind the page is expected to have. */
export function expectedCounts(page: FixturePage): Record<ItemKind, number> {
  const counts: Record<ItemKind, number> = { target: 0, result: 0, deadline: 0 };
  for (const item of page.expected.items) counts[item.kind]++;
  return counts;
}

/** What the engine finds in the page's HTML outside the browser (the CLI's reading). */
export async function engineItems(page: FixturePage): Promise<ExtractedItem[]> {
  return (await evaluatePage(page.slug)).result.items;
}
