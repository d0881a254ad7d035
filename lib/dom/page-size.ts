/**
 * How big a page is, measured before anything expensive runs on it. Readability's parse is one
 * indivisible piece of work whose cost grows with the page; past these limits the content script
 * does not read the page at all (the panel says why) rather than hold the page up.
 */
export interface PageLimits {
  /** Elements in the whole document. */
  elements: number;
  /** Text nodes in the document's body. */
  textNodes: number;
  /** Characters of text in the whole document. */
  pageChars: number;
  /** Characters of article text (after Readability) the engine is run on. */
  articleChars: number;
  /** Nesting depth of the document's elements. */
  depth: number;
}

/**
 * Above real portal articles (the seed pages: 150–400 elements, 6–25 thousand characters of text;
 * a busy portal page: 1–3 thousand elements), and where Readability's single step stays short:
 * measured in headless Chromium on a loaded 2-core machine, it costs 15–30 µs an element and
 * 0.2–0.6 µs a character of the page. Very long documents (a whole political report of 150
 * thousand characters and more) get the note instead of highlights.
 */
export const PAGE_LIMITS: PageLimits = {
  elements: 4_000,
  textNodes: 8_000,
  pageChars: 150_000,
  articleChars: 120_000,
  depth: 400,
};

export type LimitName = keyof PageLimits;

export interface PageSize {
  elements: number;
  /** Text nodes counted; counting stops once past a limit. */
  textNodes: number;
  /** Characters of text counted; counting stops once past the limit. */
  chars: number;
  /** Deepest element nesting seen; counting stops once past the limit. */
  depth: number;
  /** The first limit the page is past, or null. */
  over: LimitName | null;
}

const SHOW_TEXT = 4;

/** Sizes `doc` cheaply: the element count is the browser's, text and depth stop at their limit. */
export function measurePage(doc: Document, limits: PageLimits = PAGE_LIMITS): PageSize {
  const size: PageSize = { elements: 0, textNodes: 0, chars: 0, depth: 0, over: null };
  // The browser keeps this count at hand; DOMs without "*" support (linkedom) are queried.
  size.elements = doc.getElementsByTagName("*").length || doc.querySelectorAll("*").length;
  if (size.elements > limits.elements) return { ...size, over: "elements" };
  countText(doc, size, limits);
  if (size.textNodes > limits.textNodes) return { ...size, over: "textNodes" };
  if (size.chars > limits.pageChars) return { ...size, over: "pageChars" };
  size.depth = nestingDepth(doc, limits.depth);
  return { ...size, over: size.depth > limits.depth ? "depth" : null };
}

function countText(doc: Document, size: PageSize, limits: PageLimits): void {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement ?? doc, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    size.textNodes++;
    size.chars += (node as Text).data.length;
    if (size.textNodes > limits.textNodes || size.chars > limits.pageChars) return;
  }
}

/** The deepest nesting of elements (stops once past the limit). */
function nestingDepth(doc: Document, limit: number): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = doc.documentElement ? [[doc.documentElement, 1]] : [];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) break;
    }
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * About the first `maxChars` characters of the document's text, white space collapsed (for
 * recognising a page too big to read). Script and style text is left out.
 */
export function leadingText(doc: Document, maxChars: number): string {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement ?? doc, SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < maxChars; node = walker.nextNode()) {
    const parent = (node as Text).parentElement?.localName;
    if (parent === "script" || parent === "style" || parent === "noscript") continue;
    const part = (node as Text).data.slice(0, maxChars - length);
    parts.push(part);
    length += part.length;
  }
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
