/**
 * Turns what the engine found on a page into the records the collection keeps:
 * the article (with its text as an offline snapshot) and one snippet per item
 * or selection, each anchored by quote, context and position.
 */
import { describeSpan } from "../anchoring/index.ts";
import { articleHeading } from "../article/facts.ts";
import type { ExtractedItem } from "../extract/types.ts";
import { itemFields } from "../extract/types.ts";
import type { PageAnalysis } from "../page.ts";
import { excerptSnippet, hostOf } from "./excerpt.ts";
import type { ArticleInput, SnippetInput } from "./types.ts";

export function articleInput({ article }: PageAnalysis, url: string): ArticleInput {
  return {
    url,
    canonicalUrl: article.canonicalUrl,
    siteName: article.siteName,
    site: hostOf(url),
    ...articleHeading(article),
    snapshot: article.text,
  };
}

/** A snippet for an item the engine found in `text` (the article text its offsets index). */
export function itemSnippet(text: string, item: ExtractedItem): SnippetInput {
  return {
    kind: item.kind,
    manual: false,
    text: item.text,
    sentence: item.sentence,
    ...itemFields(item),
    anchor: describeSpan(text, item.start, item.end),
  };
}

/**
 * A snippet for text the reader selected, `text.slice(start, end)`, given the items the engine
 * found in the selection (`selectionItems`). Its fields come from the first figure found (with a
 * deadline found there), else it is a plain excerpt.
 */
export function selectionSnippet(
  text: string,
  start: number,
  end: number,
  found: readonly ExtractedItem[],
): SnippetInput {
  const figure = found.find((item) => item.kind !== "deadline");
  const deadline = found.find((item) => item.kind === "deadline");
  const main = figure ?? deadline;
  if (!main) return excerptSnippet(text, start, end);
  return {
    ...excerptSnippet(text, start, end),
    kind: main.kind,
    sentence: main.sentence,
    indicator: figure?.indicator ?? "",
    category: figure?.category ?? null,
    value: figure?.value ?? null,
    unit: figure?.unit ?? null,
    comparator: figure?.comparator ?? null,
    direction: figure?.direction ?? null,
    horizon: figure?.horizon ?? null,
    deadline: deadline?.deadline ?? null,
  };
}
