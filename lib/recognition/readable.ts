/**
 * Finds the article on a page with Mozilla Readability, on a clone (Readability
 * changes the document it is given), and returns its text with paragraph breaks,
 * its metadata and the signals recognition needs.
 */
import { Readability } from "@mozilla/readability";
import { runSteps, type Steps } from "../steps.ts";
import { domText, type TextPiece } from "../text/dom-text.ts";

export interface ReadableArticle {
  readable: boolean;
  title: string;
  /** Article text, one paragraph a line. */
  text: string;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  /** Share of the page's text inside links. */
  linkDensity: number;
  /**
   * Where each stretch of `text` came from on the page given to `readArticle` (only with
   * `{ mapToPage: true }`): pieces whose `node` is a text node of that page.
   */
  pieces?: TextPiece[];
}

export interface ReadOptions {
  /** Map the article text back to the page's own text nodes (for highlighting the live page). */
  mapToPage?: boolean;
}

const SHOW_TEXT = 4;

/**
 * Pairs every text node of a document clone with its original. A deep clone has the same shape
 * as its source, so walking both in document order visits the pairs together.
 */
function pairTextNodes(original: Document, clone: Document): Map<Text, Text> {
  const pairs = new Map<Text, Text>();
  const a = original.createTreeWalker(original, SHOW_TEXT);
  const b = clone.createTreeWalker(clone, SHOW_TEXT);
  let left = a.nextNode();
  let right = b.nextNode();
  while (left && right) {
    pairs.set(right as Text, left as Text);
    left = a.nextNode();
    right = b.nextNode();
  }
  return pairs;
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

/** Reads the article of `doc` (see `readArticleSteps`) straight through. */
export function readArticle(doc: Document, options: ReadOptions = {}): ReadableArticle {
  return runSteps(readArticleSteps(doc, options));
}

/**
 * `readArticle` in steps (clone and pair, Readability, text, mapping to the page, metadata),
 * pausing in between so a caller on the page can let it run (see lib/steps.ts). Readability's
 * parse is one step: it cannot be split, which is why the content script measures a page first.
 */
export function* readArticleSteps(
  doc: Document,
  options: ReadOptions = {},
): Steps<ReadableArticle> {
  const clone = doc.cloneNode(true) as Document;
  const pairs = options.mapToPage ? pairTextNodes(doc, clone) : null;
  yield;
  // The serializer hands back Readability's article element itself (in the clone, detached from
  // any live page): its text nodes are the clone's, which `pairs` maps back to the page.
  const parsed = new Readability<Node>(clone, {
    charThreshold: 300,
    serializer: (node) => node,
  }).parse();
  yield;
  let text = "";
  let pieces: TextPiece[] | undefined;
  if (parsed?.content) {
    const root = parsed.content as Element;
    const read = domText(root);
    text = read.text;
    yield;
    if (pairs) {
      pieces = read.pieces.map((piece) => ({
        ...piece,
        node: piece.node ? (pairs.get(piece.node) ?? null) : null,
      }));
    }
  }
  yield;
  return {
    readable: Boolean(parsed && text.length > 0),
    title: (parsed?.title || doc.title || "").trim(),
    text,
    byline: parsed?.byline ?? null,
    siteName: parsed?.siteName ?? null,
    publishedAt: findPublishedAt(doc, parsed?.publishedTime),
    canonicalUrl: doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null,
    linkDensity: linkDensity(doc),
    pieces,
  };
}
