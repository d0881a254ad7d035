/**
 * One reading of the live page, shared by the content script and the article tools: measure the
 * page, and either read its article (Readability, in slices) or, past a size limit, give up on
 * reading it and keep only what recognising it needs (its title and the beginning of its text).
 */
import { type LimitName, leadingText, measurePage, PAGE_LIMITS } from "../dom/page-size.ts";
import { type ReadableArticle, readArticleSteps } from "../recognition/readable.ts";
import type { RecognitionInput } from "../recognition/recognize.ts";
import { type RunTimer, runSliced, yieldToPage } from "./main-thread.ts";

/** What the panel says about a page too big to read. */
export interface OversizedPage {
  limit: LimitName;
  elements: number;
  /** Characters of text (of the page, or of its article when that is what is too long). */
  chars: number;
  title: string;
  /** The beginning of the page's text, for recognising the page. */
  lead: string;
}

export type PageReading =
  | { kind: "article"; read: ReadableArticle }
  | { kind: "oversized"; page: OversizedPage };

/** How much text of an oversized page recognition looks at. */
const LEAD_CHARS = 12_000;

export async function readPage(doc: Document, timer: RunTimer): Promise<PageReading> {
  // The caller may still be in a long task (the content script's first run is in the task that
  // compiled and started it): the measuring gets a task of its own.
  await yieldToPage();
  const size = timer.phase("measure", () => measurePage(doc));
  if (size.over) {
    const over = size.over;
    return timer.phase("measure", () => ({
      kind: "oversized",
      page: {
        limit: over,
        elements: size.elements,
        chars: size.chars,
        title: doc.title.trim(),
        lead: leadingText(doc, LEAD_CHARS),
      },
    }));
  }
  await yieldToPage();
  const read = (await runSliced(
    readArticleSteps(doc, { mapToPage: true }),
    timer,
    "readability",
  )) as ReadableArticle;
  if (read.text.length > PAGE_LIMITS.articleChars) {
    return {
      kind: "oversized",
      page: {
        limit: "articleChars",
        elements: size.elements,
        chars: read.text.length,
        title: read.title,
        lead: read.text.slice(0, LEAD_CHARS),
      },
    };
  }
  return { kind: "article", read };
}

/** What stays the same while a page does not change in a way that matters (no reading again). */
export function readingKey(reading: PageReading): string {
  return reading.kind === "article"
    ? reading.read.text
    : `\u0000oversized:${reading.page.limit}:${reading.page.elements}:${reading.page.chars}`;
}

/** What recognising a reading looks at: the article's text and facts, or an oversized page's lead. */
export function recognitionInput(reading: PageReading, url: string): RecognitionInput {
  if (reading.kind === "article") {
    const { read } = reading;
    return {
      url,
      title: read.title,
      text: read.text,
      readable: read.readable,
      linkDensity: read.linkDensity,
    };
  }
  const { page } = reading;
  return { url, title: page.title, text: page.lead, readable: page.lead.length > 0 };
}
