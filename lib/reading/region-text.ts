/**
 * The text of an article region as a reader sees it — the headline on the first line, then the
 * body's paragraphs one a line — with, for every stretch of it, the text node and offset it came
 * from (`TextPiece`, as `domText` records them), so a span of the text becomes a Range on the page.
 * Runs of white space collapse to one space; scripts, styles and hidden elements are skipped.
 */
import type { TextPiece } from "../text/dom-text.ts";
import { BLOCK_TAGS, isHidden, SKIPPED_TAGS } from "./chrome.ts";

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const WHITE_SPACE_RUN = /\s+/g;

export interface RegionText {
  text: string;
  pieces: TextPiece[];
  /** Length of the headline's line (the body starts after it and its line break). */
  headlineLength: number;
}

/** Text of `headline` then of `parts` (nodes taken whole, in document order). */
export function regionText(headline: Element | null, parts: readonly Node[]): RegionText {
  const chunks: string[] = [];
  const pieces: TextPiece[] = [];
  let length = 0;
  let pendingBreak = false;

  const endsWithSpace = () => {
    const last = chunks[chunks.length - 1];
    return last === " " || last === "\n";
  };
  const trimTrailingSpaces = () => {
    while (chunks[chunks.length - 1] === " ") {
      chunks.pop();
      pieces.pop();
      length--;
    }
  };
  const breakLine = () => {
    if (length > 0) pendingBreak = true;
  };
  const append = (chunk: string, node: Text, nodeOffset: number, nodeEnd: number) => {
    if (pendingBreak) {
      trimTrailingSpaces();
      chunks.push("\n");
      length++;
      pendingBreak = false;
    }
    pieces.push({ start: length, end: length + chunk.length, node, nodeOffset, nodeEnd });
    chunks.push(chunk);
    length += chunk.length;
  };

  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      let i = 0;
      for (const space of data.matchAll(WHITE_SPACE_RUN)) {
        const at = space.index as number;
        if (at > i) append(data.slice(i, at), node as Text, i, at);
        const end = at + space[0].length;
        if (length > 0 && !pendingBreak && !endsWithSpace()) append(" ", node as Text, at, end);
        i = end;
      }
      if (i < data.length) append(data.slice(i), node as Text, i, data.length);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || isHidden(element)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) breakLine();
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
    if (block) breakLine();
  };

  if (headline) {
    visit(headline);
    breakLine();
  }
  const headlineLength = length;
  let previous: Node | null = null;
  for (const part of parts) {
    // Parts that are not next to each other on the page are on lines of their own.
    if (previous && part.previousSibling !== previous) breakLine();
    visit(part);
    previous = part;
  }
  trimTrailingSpaces();
  return { text: chunks.join(""), pieces, headlineLength };
}
