/**
 * The real-article corpus (`../shared/corpus` beside the project, or a folder given on the command
 * line): article excerpts with gold annotations by independent readers. Loading it, and placing
 * each gold quote in its article's text; scoring is in corpus-score.ts.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ItemKind } from "../extract/types.ts";
import { normalizeText } from "../text/normalize.ts";

/** Where the corpus is looked for by default: `../shared/corpus` from the project root. */
export const DEFAULT_CORPUS_DIR = path.resolve(import.meta.dirname, "../../../shared/corpus");

export type CorpusSplit = "dev" | "check";
export type CorpusLabel = "positive" | "negative" | "borderline";

export interface GoldItem {
  kind: ItemKind;
  quote: string;
  occurrence: number;
  value?: { min: number; max: number } | { num: number; den: number } | null;
  unit?: string | null;
  comparator?: string | null;
  direction?: string | null;
  indicator?: string | null;
  horizon?: unknown;
  date?: string | null;
  precision?: "day" | "month" | "year" | null;
  doubt?: string;
}

export interface CorpusArticle {
  id: string;
  url: string;
  title: string;
  site: string;
  province: string;
  level: string;
  genre: string;
  label: CorpusLabel;
  /** The page's date as the collection gave it (manifest), or null. */
  date: string | null;
  split: CorpusSplit;
  text: string;
  /** The gold annotation's date of the article (ISO day or month), the engine's reference date. */
  articleDate: string | null;
  gold: GoldItem[];
}

/** Whether a corpus folder exists at `dir` (it has a manifest). */
export function corpusExists(dir = DEFAULT_CORPUS_DIR): boolean {
  return existsSync(path.join(dir, "manifest.jsonl"));
}

/** Reads every article of the corpus at `dir`, in manifest order. */
export async function loadCorpus(dir = DEFAULT_CORPUS_DIR): Promise<CorpusArticle[]> {
  const manifest = await readFile(path.join(dir, "manifest.jsonl"), "utf8");
  const entries = manifest
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Omit<CorpusArticle, "text" | "gold" | "articleDate">);
  return Promise.all(
    entries.map(async (entry) => {
      const text = await readFile(path.join(dir, "texts", `${entry.id}.txt`), "utf8");
      const goldPath = path.join(dir, "gold", `${entry.id}.json`);
      const gold = existsSync(goldPath)
        ? (JSON.parse(await readFile(goldPath, "utf8")) as {
            article_date?: string | null;
            items: GoldItem[];
          })
        : { article_date: null, items: [] };
      return {
        ...entry,
        text,
        articleDate: gold.article_date ?? null,
        gold: gold.items,
      };
    }),
  );
}

/** Canonical form for locating quotes: NFC, dash variants → `-`, space variants → one space. */
function foldForSearch(text: string): { text: string; starts: Int32Array; ends: Int32Array } {
  const n = normalizeText(text);
  return { text: n.text, starts: n.starts, ends: n.ends };
}

export interface LocatedGold {
  item: GoldItem;
  /** Offsets in the article text; -1 when the quote was not found. */
  start: number;
  end: number;
}

/** Places each gold quote in `text`: the exact string first, then after canonical folding. */
export function locateGold(text: string, gold: readonly GoldItem[]): LocatedGold[] {
  let folded: ReturnType<typeof foldForSearch> | null = null;
  return gold.map((item) => {
    const exact = nthIndexOf(text, item.quote, item.occurrence ?? 0);
    if (exact >= 0) return { item, start: exact, end: exact + item.quote.length };
    folded ??= foldForSearch(text);
    const needle = foldForSearch(item.quote).text;
    const at = nthIndexOf(folded.text, needle, item.occurrence ?? 0);
    if (at < 0 || needle.length === 0) return { item, start: -1, end: -1 };
    return {
      item,
      start: folded.starts[at] as number,
      end: folded.ends[at + needle.length - 1] as number,
    };
  });
}

function nthIndexOf(haystack: string, needle: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = haystack.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}
