/**
 * Category agreement on the real-article corpus: a hand-checked sample of figure items
 * (`tests/fixtures/corpus-categories.json`, by reference: article id, kind, quote, occurrence and
 * the category a careful reader gives it) against the engine's category for the figure that
 * overlaps each one. The engine reads each article as the corpus evaluation does (`analyzeText`
 * with `always: true`, the gold's article date as reference date), so a figure is judged apart
 * from recognition.
 *
 * - each sample entry is placed in its article (`locateGold`) and paired with the engine's figure
 *   (target or result, whatever the entry's kind) that overlaps it most;
 * - agreement = paired entries whose category equals the sample's (null included) / paired entries;
 * - entries with no overlapping figure are counted apart (`unpaired`), not as disagreements.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ItemKind } from "../extract/types.ts";
import { analyzeText } from "../page.ts";
import { type CorpusArticle, type CorpusSplit, locateGold } from "./corpus.ts";

export const CATEGORY_SAMPLE_PATH = path.resolve(
  import.meta.dirname,
  "../../tests/fixtures/corpus-categories.json",
);

export interface CategorySampleEntry {
  id: string;
  split: CorpusSplit;
  kind: Exclude<ItemKind, "deadline">;
  quote: string;
  occurrence: number;
  category: string | null;
}

export async function loadCategorySample(
  file = CATEGORY_SAMPLE_PATH,
): Promise<CategorySampleEntry[]> {
  const data = JSON.parse(await readFile(file, "utf8")) as { entries: CategorySampleEntry[] };
  return data.entries;
}

export interface CategoryPair {
  entry: CategorySampleEntry;
  /** The engine's category for the overlapping figure; undefined when no figure overlaps. */
  predicted: string | null | undefined;
  /** The engine's indicator phrase for that figure. */
  indicator?: string;
  /** A short stretch of text around the entry (for listing disagreements; never stored). */
  context: string;
}

export interface CategoryAgreement {
  entries: number;
  paired: number;
  agree: number;
  unpaired: number;
  /** agree / paired (1 when nothing is paired). */
  agreement: number;
}

export interface CategoryEvaluation {
  pairs: CategoryPair[];
  dev: CategoryAgreement;
  check: CategoryAgreement;
  all: CategoryAgreement;
}

/** Pairs every sample entry of `article` with the engine's most-overlapping figure. */
export function pairArticle(
  article: CorpusArticle,
  entries: readonly CategorySampleEntry[],
): CategoryPair[] {
  const analysis = analyzeText(article.text, {
    url: article.url,
    date: article.articleDate ?? article.date,
    always: true,
  });
  const figures = analysis.items.filter((i) => i.kind !== "deadline");
  const located = locateGold(
    article.text,
    entries.map((e) => ({ kind: e.kind, quote: e.quote, occurrence: e.occurrence })),
  );
  return entries.map((entry, index) => {
    const span = located[index] as { start: number; end: number };
    const context =
      span.start < 0
        ? ""
        : article.text
            .slice(Math.max(0, span.start - 120), Math.min(article.text.length, span.end + 40))
            .replace(/\s+/g, " ");
    if (span.start < 0) return { entry, predicted: undefined, context };
    let best: { size: number; category: string | null; indicator: string } | null = null;
    for (const f of figures) {
      const size = Math.min(f.end, span.end) - Math.max(f.start, span.start);
      if (size > 0 && (!best || size > best.size))
        best = { size, category: f.category ?? null, indicator: f.indicator };
    }
    return best
      ? { entry, predicted: best.category, indicator: best.indicator, context }
      : { entry, predicted: undefined, context };
  });
}

export function agreementOf(pairs: readonly CategoryPair[]): CategoryAgreement {
  const paired = pairs.filter((p) => p.predicted !== undefined);
  const agree = paired.filter((p) => p.predicted === p.entry.category).length;
  return {
    entries: pairs.length,
    paired: paired.length,
    agree,
    unpaired: pairs.length - paired.length,
    agreement: paired.length === 0 ? 1 : agree / paired.length,
  };
}

/** The engine's categories on the sample, over the corpus articles given. */
export function evaluateCategories(
  corpus: readonly CorpusArticle[],
  sample: readonly CategorySampleEntry[],
): CategoryEvaluation {
  const byId = new Map(corpus.map((a) => [a.id, a]));
  const byArticle = new Map<string, CategorySampleEntry[]>();
  for (const e of sample) {
    const list = byArticle.get(e.id);
    if (list) list.push(e);
    else byArticle.set(e.id, [e]);
  }
  const pairs: CategoryPair[] = [];
  for (const [id, entries] of byArticle) {
    const article = byId.get(id);
    if (!article) {
      for (const entry of entries) pairs.push({ entry, predicted: undefined, context: "" });
      continue;
    }
    pairs.push(...pairArticle(article, entries));
  }
  return {
    pairs,
    dev: agreementOf(pairs.filter((p) => p.entry.split === "dev")),
    check: agreementOf(pairs.filter((p) => p.entry.split === "check")),
    all: agreementOf(pairs),
  };
}
