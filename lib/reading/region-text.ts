/**
 * The text of an article region as a reader sees it — the headline on the first line, then the
 * body's paragraphs one a line — with, for every stretch of it, the text node and offset it came
 * from (`TextPiece`, as `domText` records them), so a span of the text becomes a Range on the page.
 * Runs of white space collapse to one space; scripts, styles and hidden elements are skipped.
 */

import type { Steps } from "../steps.ts";
import { createTextBuilder, type TextPiece, type TextRules } from "../text/dom-text.ts";
import { BLOCK_TAGS, isHidden, SKIPPED_TAGS } from "./chrome.ts";

export interface RegionText {
  text: string;
  pieces: TextPiece[];
  /** Length of the headline's line (the body starts after it and its line break). */
  headlineLength: number;
}

/** Parts (mostly paragraphs) read between two pauses. */
const PARTS_PER_STEP = 4;

const REGION_RULES: TextRules = { blocks: BLOCK_TAGS, skipped: SKIPPED_TAGS, hidden: isHidden };

/**
 * Text of `headline` then of `parts` (nodes taken whole, in document order), in steps of a few
 * parts (see lib/steps.ts).
 */
export function* regionTextSteps(
  headline: Element | null,
  parts: readonly Node[],
): Steps<RegionText> {
  const builder = createTextBuilder(REGION_RULES);
  if (headline) {
    builder.visit(headline);
    builder.breakLine();
  }
  const headlineLength = builder.length;
  let previous: Node | null = null;
  for (const [index, part] of parts.entries()) {
    if (index % PARTS_PER_STEP === 0) yield;
    // Parts that are not next to each other on the page are on lines of their own.
    if (previous && part.previousSibling !== previous) builder.breakLine();
    builder.visit(part);
    previous = part;
  }
  yield;
  return { ...builder.finish(), headlineLength };
}
