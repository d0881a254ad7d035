/**
 * The fixture corpora: portal pages (`tests/fixtures/pages/<slug>/source.html`
 * beside `expected.json`), the language phrase corpus and the must-not-match
 * corpus; and their evaluation through the same code path as the CLI.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { extractFile } from "../cli/extract-files.ts";
import type { FileResult } from "../cli/formats.ts";
import { extract } from "../extract/index.ts";
import { type Comparison, compareItems, type ExpectedItem } from "./match.ts";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures");
export const PAGES_DIR = path.join(FIXTURES_DIR, "pages");

export interface PageExpectation {
  url: string;
  date?: string;
  recognised: boolean;
  article?: Record<string, unknown>;
  items: ExpectedItem[];
}

export interface PageEvaluation {
  slug: string;
  expected: PageExpectation;
  result: FileResult;
  comparison: Comparison;
}

export async function listPageFixtures(): Promise<string[]> {
  const entries = await readdir(PAGES_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function evaluatePage(slug: string): Promise<PageEvaluation> {
  const dir = path.join(PAGES_DIR, slug);
  const expected = JSON.parse(
    await readFile(path.join(dir, "expected.json"), "utf8"),
  ) as PageExpectation;
  const outcome = await extractFile(path.join(dir, "source.html"), { url: expected.url });
  if (!outcome.ok) throw new Error(outcome.error);
  const comparison = compareItems(
    outcome.result.article.text,
    outcome.result.items,
    expected.items,
  );
  return { slug, expected, result: outcome.result, comparison };
}

export interface PhraseCase {
  text: string;
  date?: string;
  items: ExpectedItem[];
}

export async function loadPhraseCases(): Promise<PhraseCase[]> {
  return JSON.parse(
    await readFile(path.join(FIXTURES_DIR, "phrases.json"), "utf8"),
  ) as PhraseCase[];
}

export function evaluatePhrase(c: PhraseCase): Comparison {
  return compareItems(
    c.text,
    extract(c.text, { referenceDate: c.date ?? null, titleAndLead: "" }),
    c.items,
  );
}

export interface NegativeCase {
  text: string;
  why: string;
}

export async function loadNegatives(): Promise<NegativeCase[]> {
  return JSON.parse(
    await readFile(path.join(FIXTURES_DIR, "negatives.json"), "utf8"),
  ) as NegativeCase[];
}
