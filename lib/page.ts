/**
 * Everything the engine says about one page: whether its article is a party-news article, its
 * facts and its items. Used by the CLI and by the background (on the text a page's script read);
 * reading a whole document is `analyzeDocument` (lib/page-document.ts), kept apart so that the
 * background does not carry the reader.
 */
import { type ArticleFacts, extractArticleFactsSteps } from "./article/facts.ts";
import { extractSteps } from "./extract/index.ts";
import type { ExtractedItem } from "./extract/types.ts";
import type { ReadableArticle } from "./recognition/readable.ts";
import { type Recognition, recognize } from "./recognition/recognize.ts";
import { runSteps, type Steps } from "./steps.ts";

export interface PageAnalysis extends Recognition {
  article: ArticleFacts & {
    title: string;
    publishedAt: string | null;
    canonicalUrl: string | null;
    siteName: string | null;
    /** The article text the item offsets index. */
    text: string;
  };
  items: ExtractedItem[];
}

export interface AnalyzeOptions {
  url: string;
  /** Dates deadlines that omit the year when the page has no date of its own. */
  date?: string | null;
  /** The article's recognition when the caller already made it (the content script does). */
  recognition?: Recognition;
}

/** Recognition and extraction on an article already read (`analyzeDocument` reads it too). */
export function analyzeReadArticle(read: ReadableArticle, options: AnalyzeOptions): PageAnalysis {
  return runSteps(analyzeReadArticleSteps(read, options));
}

/** `analyzeReadArticle` one stage at a time (see `extractSteps`). */
export function* analyzeReadArticleSteps(
  read: ReadableArticle,
  options: AnalyzeOptions,
): Steps<PageAnalysis> {
  const recognition =
    options.recognition ??
    recognize({
      url: options.url,
      title: read.title,
      text: read.text,
      readable: read.readable,
      linkDensity: read.linkDensity,
    });
  return yield* analyzeTextSteps(read.text, {
    url: options.url,
    date: options.date,
    title: read.title,
    publishedAt: read.publishedAt,
    canonicalUrl: read.canonicalUrl,
    siteName: read.siteName,
    recognition,
  });
}

export interface AnalyzeTextOptions extends AnalyzeOptions {
  title?: string;
  publishedAt?: string | null;
  canonicalUrl?: string | null;
  siteName?: string | null;
  recognition?: Recognition;
  /** Extract items even when the page is not recognised (plain text given on purpose). */
  always?: boolean;
}

/** Analyses plain article text (the first non-empty line is its title unless one is given). */
export function analyzeText(text: string, options: AnalyzeTextOptions): PageAnalysis {
  return runSteps(analyzeTextSteps(text, options));
}

/** `analyzeText` one stage at a time (see `extractSteps`). */
export function* analyzeTextSteps(text: string, options: AnalyzeTextOptions): Steps<PageAnalysis> {
  const title =
    options.title ??
    text
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ??
    "";
  const recognition =
    options.recognition ??
    recognize({ url: options.url, title, text, readable: text.trim().length > 0 });
  const publishedAt = options.publishedAt ?? options.date ?? null;
  const referenceDate = options.date ?? publishedAt;
  const facts = yield* extractArticleFactsSteps(text, title, referenceDate);
  yield;
  const items =
    recognition.recognised || options.always
      ? yield* extractSteps(text, {
          referenceDate,
          titleAndLead: `${title}\n${text.slice(0, 400)}`,
        })
      : [];
  return {
    ...recognition,
    article: {
      ...facts,
      title,
      publishedAt,
      canonicalUrl: options.canonicalUrl ?? null,
      siteName: options.siteName ?? null,
      text,
    },
    items,
  };
}
