/**
 * Finds the article on a page with Mozilla Readability, on a clone (Readability
 * changes the document it is given), and returns its text with paragraph breaks,
 * its metadata and the signals recognition needs.
 */
import { Readability } from "@mozilla/readability";
import { domText } from "../text/dom-text.ts";

export interface ReadableArticle {
  readable: boolean;
  title: string;
  /** Article text, one paragraph a line. */
  text: string;
  /** Readability's cleaned article HTML (untrusted: never inserted as HTML). */
  content: string;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  /** Share of the page's text inside links. */
  linkDensity: number;
}

const DATE_IN_PAGE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/;

function isoFromParts(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function metaContent(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute("content")?.trim() || null;
}

/** The article's publication date: metadata, then a date line near the title. */
function findPublishedAt(doc: Document, readabilityDate: string | null | undefined): string | null {
  const fromMeta =
    metaContent(doc, 'meta[property="article:published_time"]') ??
    metaContent(doc, 'meta[name="pubdate"]') ??
    metaContent(doc, 'meta[itemprop="datePublished"]') ??
    readabilityDate ??
    null;
  const iso = fromMeta ? /^(\d{4}-\d{2}-\d{2})/.exec(fromMeta)?.[1] : undefined;
  if (iso) return iso;
  const time = doc.querySelector("time[datetime]")?.getAttribute("datetime");
  if (time && /^\d{4}-\d{2}-\d{2}/.test(time)) return time.slice(0, 10);
  // A date line: the first dd/mm/yyyy after the main heading.
  const heading = doc.querySelector("h1");
  let node: Element | null = heading;
  for (let hops = 0; node && hops < 6; hops++) {
    const next: Element | null = node.nextElementSibling;
    const m = next ? DATE_IN_PAGE.exec(next.textContent ?? "") : null;
    if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    node = next ?? node.parentElement;
  }
  return null;
}

function linkDensity(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const total = (body.textContent ?? "").replace(/\s+/g, "").length;
  if (total === 0) return 0;
  let inLinks = 0;
  for (const a of Array.from(body.querySelectorAll("a")))
    inLinks += (a.textContent ?? "").replace(/\s+/g, "").length;
  return inLinks / total;
}

export function readArticle(doc: Document): ReadableArticle {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone, { charThreshold: 300 }).parse();
  const canonicalUrl = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
  let text = "";
  if (parsed?.content) {
    // Parsed into a template's content, which is inert: nothing loads, nothing runs.
    const template = doc.createElement("template");
    template.innerHTML = parsed.content;
    text = domText(template.content).text;
  }
  return {
    readable: Boolean(parsed && text.length > 0),
    title: (parsed?.title || doc.title || "").trim(),
    text,
    content: parsed?.content ?? "",
    byline: parsed?.byline ?? null,
    siteName: parsed?.siteName ?? null,
    publishedAt: findPublishedAt(doc, parsed?.publishedTime),
    canonicalUrl,
    linkDensity: linkDensity(doc),
  };
}
