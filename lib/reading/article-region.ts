/**
 * The article on a portal page, as the page's own structure shows it: the headline element, then
 * the body that follows it — and nothing else. From the headline the page is walked forward in
 * document order, climbing out of the headline's containers when they end:
 *
 * - before the body starts, date lines, toolbars, chrome boxes and link lists are passed over;
 * - the body starts with the first block of text and takes the blocks that follow;
 * - it ends at a chrome box (by tag, class/id or title: `Tin liên quan`, `Các tin khác`,
 *   `Lịch công tác`…), a list of links or of repeated teasers, or — once the body's container
 *   has ended — at anything that is not a paragraph continuing it (a sidebar, another module).
 *
 * So a related-news list, a "same category" list or a notice inside the article's own column, after
 * the body, is left out even when Readability took the whole column. Pure DOM, read-only.
 */

import { runSteps, type Steps } from "../steps.ts";
import {
  BLOCK_TAGS,
  hasBlockChildren,
  isChromeElement,
  isChromeTitle,
  isHidden,
  isLinkList,
  isToolbarLine,
  SKIPPED_TAGS,
  squashedText,
} from "./chrome.ts";
import { findHeadlineSteps } from "./headline.ts";
import { isDateLine } from "./page-date.ts";

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface ArticleRegion {
  headline: Element;
  /** The body: nodes taken whole, in document order (elements and text nodes). */
  parts: Node[];
  /** Date lines passed over between the headline and the body. */
  dateLines: Element[];
}

/** Blocks that read as one more paragraph of a body whose container has ended. */
const PARAGRAPH_TAGS = new Set(["P", "H2", "H3", "H4", "H5", "H6", "FIGURE", "BLOCKQUOTE", "PRE"]);
const BYLINE_NAME = /author|tacgia|tac-gia|byline|source|nguon/i;
/** Table and list parts: one row or item after another always continues. */
const SERIAL_TAGS = new Set(["TR", "TBODY", "THEAD", "TD", "TH", "LI", "DT", "DD"]);

/** Nodes looked at between two pauses. */
const NODES_PER_STEP = 16;
/** A container longer than this (before white space collapses) is no date line. */
const MAX_DATE_LINE_RAW_CHARS = 400;

const named = (element: Element) => element.hasAttribute("class") || element.hasAttribute("id");

type Visit = "nothing" | "leaf" | "container";

/** Walks the page after the headline and collects the body (see the module comment). */
function* collectBody(headline: Element, ceiling: Element): Steps<Omit<ArticleRegion, "headline">> {
  const parts: Node[] = [];
  let visited = 0;
  const dateLines: Element[] = [];
  let started = false;
  let stopped = false;

  const stop = () => {
    stopped = true;
  };

  /** After a container with body text ended, may this sibling still be part of the body? */
  const continues = (element: Element, previous: Element | null): boolean => {
    const tag = element.tagName.toUpperCase();
    if (SERIAL_TAGS.has(tag)) return true;
    if (!hasBlockChildren(element)) {
      if (PARAGRAPH_TAGS.has(tag)) return true;
      return !named(element) || BYLINE_NAME.test(element.getAttribute("class") ?? "");
    }
    if (!named(element)) return true;
    return (
      previous !== null &&
      previous.tagName === element.tagName &&
      previous.getAttribute("class") === element.getAttribute("class")
    );
  };

  const visitLeaf = (element: Element, text: string): Visit => {
    if (!started) {
      const tag = element.tagName.toUpperCase();
      if (isDateLine(text) && (tag !== "P" || named(element))) {
        dateLines.push(element);
        return "nothing";
      }
      if (isToolbarLine(text) || isChromeTitle(text) || isLinkList(element)) return "nothing";
    } else if (isChromeTitle(text) && element.querySelector("a") !== null) {
      // "Xem thêm: <a>…</a>" between paragraphs: a pointer to another article, not its end.
      return "nothing";
    } else if (isChromeTitle(text) || isLinkList(element)) {
      stop();
      return "nothing";
    }
    parts.push(element);
    started = true;
    return "leaf";
  };

  function* visit(node: Node, closed: boolean, previous: Element | null): Steps<Visit> {
    if (node.nodeType === TEXT_NODE) {
      if (!(node as Text).data.trim()) {
        // White space between inline parts keeps them apart on their line.
        if (started && !closed) parts.push(node);
        return "nothing";
      }
      if (closed) {
        stop();
        return "nothing";
      }
      parts.push(node);
      started = true;
      return "leaf";
    }
    if (node.nodeType !== ELEMENT_NODE) return "nothing";
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || isHidden(element)) return "nothing";
    if (tag === "BR") {
      if (started) parts.push(element);
      return "nothing";
    }
    // Any text at all (the first character that is not white space ends the search).
    const raw = element.textContent ?? "";
    if (!/\S/.test(raw)) return "nothing";
    if (isChromeElement(element)) {
      if (started) stop();
      return "nothing";
    }
    if (closed && !continues(element, previous)) {
      stop();
      return "nothing";
    }
    if (!hasBlockChildren(element) || !BLOCK_TAGS.has(tag)) {
      if (!BLOCK_TAGS.has(tag) && hasBlockChildren(element)) return yield* visitChildren(element);
      return visitLeaf(element, squashedText(element));
    }
    if (isLinkList(element)) {
      if (started) stop();
      return "nothing";
    }
    // A date line made of several blocks (`<dl><dt>Chi tiết</dt><dd>Ngày đăng: …</dd></dl>`).
    if (!started && raw.length <= MAX_DATE_LINE_RAW_CHARS && isDateLine(squashedText(element))) {
      dateLines.push(element);
      return "nothing";
    }
    return yield* visitChildren(element);
  }

  /** The children of a container, as siblings: after one that held body text, only paragraphs. */
  function* visitChildren(element: Element): Steps<Visit> {
    const before = parts.length;
    yield* walkSiblings(element.firstChild, false);
    return parts.length > before ? "container" : "nothing";
  }

  function* walkSiblings(first: Node | null, closedAtStart: boolean): Steps<void> {
    let closed = closedAtStart;
    let previous: Element | null = null;
    for (let node = first; node && !stopped; node = node.nextSibling) {
      if (++visited % NODES_PER_STEP === 0) yield;
      const seen = yield* visit(node, closed, previous);
      if (seen === "container") {
        closed = true;
        previous = node as Element;
      }
    }
  }

  // From the headline forward, climbing out of its containers: once the body has started, the
  // container we climb out of holds it, so only paragraphs may follow at the next level up.
  for (let node: Node = headline; !stopped && node !== ceiling; ) {
    yield* walkSiblings(node.nextSibling, started);
    const parent = node.parentNode;
    if (!parent || parent.nodeType !== ELEMENT_NODE) break;
    node = parent;
  }
  return { parts, dateLines };
}

/** The page's article region: its headline and the body after it; null without a headline. */
export function findArticleRegion(doc: Document): ArticleRegion | null {
  return runSteps(findArticleRegionSteps(doc));
}

/** `findArticleRegion` in steps of a few dozen nodes (see lib/steps.ts). */
export function* findArticleRegionSteps(doc: Document): Steps<ArticleRegion | null> {
  const body = doc.body;
  if (!body) return null;
  const headline = yield* findHeadlineSteps(doc);
  if (!headline) return null;
  yield;
  return { headline, ...(yield* collectBody(headline, body)) };
}
