/**
 * The engine's output as fingerprints: one hash per input of every corpus (the seed pages, the
 * phrase corpus, the must-not-match corpus and, where it is beside the project, the real-article
 * corpus by article id), so that a change meant to make the engine faster can prove it changed no
 * extracted item. Only hashes are kept: no corpus text enters the project.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { extractFile } from "../cli/extract-files.ts";
import { extract } from "../extract/index.ts";
import { analyzeText } from "../page.ts";
import { corpusExists, DEFAULT_CORPUS_DIR, loadCorpus } from "./corpus.ts";
import {
  FIXTURES_DIR,
  listPageFixtures,
  loadNegatives,
  loadPhraseCases,
  PAGES_DIR,
} from "./fixtures.ts";

export const ENGINE_OUTPUT_FILE = path.join(FIXTURES_DIR, "engine-output.json");

/** Fingerprints by input (`seed:<slug>`, `phrase:<n>`, `negative:<n>`, `corpus:<id>@<text hash>`). */
export type EngineOutput = Record<string, string>;

/**
 * Left out of the fingerprints: the words that decided an item's kind (`modeWords`) explain the
 * output to the reader, they are not what the engine finds (recorded before they existed).
 */
const omitExplanations = (key: string, value: unknown) => (key === "modeWords" ? undefined : value);

const fingerprint = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value, omitExplanations)).digest("hex").slice(0, 16);

/** The engine's output on every corpus now. `corpusDir: null` leaves the real-article corpus out. */
export async function engineOutput(
  corpusDir: string | null = DEFAULT_CORPUS_DIR,
): Promise<EngineOutput> {
  const out: EngineOutput = {};
  for (const slug of await listPageFixtures()) {
    const outcome = await extractFile(path.join(PAGES_DIR, slug, "source.html"), {});
    // The result names the file (and a page without an address of its own is given the file's
    // URL): the fixtures' folder is left out, so a clone elsewhere has the same fingerprints.
    const json = JSON.stringify(outcome.ok ? outcome.result : outcome.error, omitExplanations);
    out[`seed:${slug}`] = fingerprint(json.split(PAGES_DIR).join("<pages>"));
  }
  for (const [index, c] of (await loadPhraseCases()).entries())
    out[`phrase:${index}`] = fingerprint(
      extract(c.text, { referenceDate: c.date ?? null, titleAndLead: "" }),
    );
  for (const [index, c] of (await loadNegatives()).entries())
    out[`negative:${index}`] = fingerprint(extract(c.text));
  if (corpusDir !== null && corpusExists(corpusDir)) {
    for (const article of await loadCorpus(corpusDir)) {
      // Extracted on every page (recognised or not), with its recognition.
      const analysis = analyzeText(article.text, {
        url: article.url,
        date: article.articleDate ?? article.date,
        always: true,
      });
      // Keyed by id and text: another copy of the corpus with the same id but other text is
      // another input.
      out[`corpus:${article.id}@${fingerprint(article.text).slice(0, 8)}`] = fingerprint({
        recognised: analysis.recognised,
        score: analysis.score,
        items: analysis.items,
      });
    }
  }
  return out;
}

export async function readEngineOutput(): Promise<EngineOutput> {
  return JSON.parse(await readFile(ENGINE_OUTPUT_FILE, "utf8")) as EngineOutput;
}

export async function writeEngineOutput(output: EngineOutput): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(output).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(ENGINE_OUTPUT_FILE, `${JSON.stringify(sorted, null, 1)}\n`);
}

const isCorpusKey = (key: string) => key.startsWith("corpus:");

/**
 * The inputs whose output differs from the recorded one. The project's own inputs (seeds, phrases,
 * must-not-match) are compared on both sides' keys; the real-article corpus beside the project may
 * hold other articles than the one the fingerprints were recorded with (another copy, more
 * articles), so its articles are compared where both sides have them.
 */
export function changedOutputs(recorded: EngineOutput, now: EngineOutput): string[] {
  const keys = new Set([...Object.keys(recorded), ...Object.keys(now)]);
  return [...keys]
    .filter((key) => !isCorpusKey(key) || (key in recorded && key in now))
    .filter((key) => recorded[key] !== now[key])
    .sort();
}

/** How many of the recorded real-article fingerprints were compared now. */
export function comparedCorpusArticles(recorded: EngineOutput, now: EngineOutput): number {
  return Object.keys(recorded).filter((key) => isCorpusKey(key) && key in now).length;
}
