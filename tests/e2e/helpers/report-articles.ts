/**
 * The report suites' collection: the seed resolutions of Cẩm Giàng and Trà Vinh and the synthetic
 * later reviews of the same localities (tests/e2e/pages/review-*), saved the way a reader does,
 * and the collection once the service worker holds every saved snippet.
 */
import assert from "node:assert/strict";
import { saveReviewArticles, saveSeedArticles } from "../../../scripts/lib/seed-collection.ts";
import { eventually } from "./compare.ts";
import { type Collection, readCollection } from "./extension.ts";
import type { SuiteSession } from "./session.ts";

/** The seed resolutions the later reviews report on. */
export const REPORT_SEEDS = [
  "camgiang-hoc-tap-nghi-quyet",
  "travinh-tracu-hoc-tap-nghi-quyet-tinh",
];

/** Saves the seeds and the four later reviews; resolves with the collection that holds them. */
export async function saveReportArticles(session: SuiteSession): Promise<Collection> {
  const { browser, server } = session;
  const seeds = await saveSeedArticles(browser, server, REPORT_SEEDS);
  const reviews = await saveReviewArticles(browser, server);
  assert.equal(Object.keys(reviews).length, 4, "the four synthetic reviews");
  const total = [...Object.values(seeds), ...Object.values(reviews)].reduce((a, b) => a + b, 0);
  return eventually(
    () => readCollection(browser.serviceWorker),
    (collection) => collection.snippets.length === total,
  );
}
