/**
 * Reads the article of a page: its headline and body (lib/reading: the page's own structure, so
 * related lists, sidebars, notices and schedules stay out), or, on a page without a headline, what
 * Mozilla Readability finds on a clone (Readability changes the document it is given). Returns the
 * text (headline on the first line, then one paragraph a line), its metadata and the signals
 * recognition needs.
 */
import { Readability } from "@mozilla/readability";
import { findArticleRegionSteps } from "../reading/article-region.ts";
import { findPageDate } from "../reading/page-date.ts";
import { regionTextSteps } from "../reading/region-text.ts";
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
  /** Share of the article's text inside links (of the page's, when no article body was found). */
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
/** A "headline" this long is the article's only paragraph (a page without a separate title). */
const PARAGRAPH_HEADLINE_CHARS = 200;

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

function metaContent(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute("content")?.trim() || null;
}

/** Share of the text of `nodes` (elements and text nodes) that sits inside links. */
function linkDensityOf(nodes: readonly Node[]): number {
  let total = 0;
  let inLinks = 0;
  for (const node of nodes) {
    total += (node.textContent ?? "").replace(/\s+/g, "").length;
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const links = element.tagName.toUpperCase() === "A" ? [element] : [];
    links.push(...Array.from(element.querySelectorAll("a")));
    for (const a of links) inLinks += (a.textContent ?? "").replace(/\s+/g, "").length;
  }
  return total === 0 ? 0 : inLinks / total;
}

/** The page's own address, for a date in it: its canonical link, `og:url`, else the document's. */
function pageAddress(doc: Document): string | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const candidates = [canonical, metaContent(doc, 'meta[property="og:url"]'), doc.URL];
  return candidates.find((url) => url && /^https?:/i.test(url)) ?? null;
}

/** Reads the article of `doc` (see `readArticleSteps`) straight through. */
export function readArticle(doc: Document, options: ReadOptions = {}): ReadableArticle {
  return runSteps(readArticleSteps(doc, options));
}

/**
 * `readArticle` in steps, pausing in between so a caller on the page can let it run (see
 * lib/steps.ts). The article is the page's headline and the body after it (lib/reading): found
 * read-only on the page itself, so its text nodes are the page's. Only a page without a headline
 * is read with Readability (clone and pair, parse, text, mapping to the page); Readability's
 * parse is one step: it cannot be split, which is why the content script measures a page first.
 */
export function* readArticleSteps(
  doc: Document,
  options: ReadOptions = {},
): Steps<ReadableArticle> {
  const region = yield* findArticleRegionSteps(doc);
  yield;
  const canonicalUrl = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
  const siteName = metaContent(doc, 'meta[property="og:site_name"]');
  if (region) {
    const read = yield* regionTextSteps(region.headline, region.parts);
    yield;
    const hasBody = region.parts.length > 0 && read.text.length > read.headlineLength;
    const publishedAt = findPageDate(doc, {
      headline: region.headline,
      dateLines: region.dateLines,
      url: pageAddress(doc),
      firstBodyNode: region.parts[0] ?? null,
    });
    yield;
    return {
      // A headline of a paragraph's length with nothing under it is an article of one paragraph.
      readable: hasBody || read.headlineLength >= PARAGRAPH_HEADLINE_CHARS,
      title: read.text.slice(0, read.headlineLength).trim(),
      text: read.text,
      byline: null,
      siteName,
      publishedAt,
      canonicalUrl,
      linkDensity: hasBody ? linkDensityOf(region.parts) : linkDensityOf([doc.body ?? doc]),
      pieces: options.mapToPage ? read.pieces : undefined,
    };
  }
  return yield* readWithReadability(doc, options, { canonicalUrl, siteName });
}

/** A page without a headline: the article Readability finds (on a clone). */
function* readWithReadability(
  doc: Document,
  options: ReadOptions,
  known: { canonicalUrl: string | null; siteName: string | null },
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
  const metaDate = parsed?.publishedTime ? /^\d{4}-\d{2}-\d{2}/.exec(parsed.publishedTime) : null;
  return {
    readable: Boolean(parsed && text.length > 0),
    title: (parsed?.title || doc.title || "").trim(),
    text,
    byline: parsed?.byline ?? null,
    siteName: known.siteName ?? parsed?.siteName ?? null,
    publishedAt:
      findPageDate(doc, { headline: null, dateLines: [], url: pageAddress(doc) }) ??
      metaDate?.[0] ??
      null,
    canonicalUrl: known.canonicalUrl,
    linkDensity: linkDensityOf([doc.body ?? doc]),
    pieces,
  };
}
