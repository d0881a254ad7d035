/**
 * Text of a DOM subtree as a reader sees it: block elements end lines, runs of
 * white space collapse, and scripts, styles and hidden template content are
 * skipped. Each piece of text remembers the node and offset it came from, so a
 * span found in the text can be turned back into a DOM Range on the live page.
 *
 * Works on any DOM implementation (browser, linkedom): it touches only nodes.
 */
import { isWhiteSpaceCode } from "./white-space.ts";

/**
 * One stretch of the text: `text.slice(start, end)` came from `node.data.slice(nodeOffset, nodeEnd)`.
 * The two have the same length except for a collapsed run of white space (one space in the text).
 */
export interface TextPiece {
  start: number;
  end: number;
  node: Text | null;
  nodeOffset: number;
  nodeEnd: number;
}

export interface DomText {
  text: string;
  pieces: TextPiece[];
}

/** Elements that start a line of text. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);
/** Elements whose text is never page text. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "svg",
  "SVG",
  "OBJECT",
  "SELECT",
  "TEXTAREA",
]);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

/** Which elements a text builder skips and which start a line. */
export interface TextRules {
  blocks: ReadonlySet<string>;
  skipped: ReadonlySet<string>;
  /** Whether an element is hidden from the reader (its text skipped). */
  hidden(element: Element): boolean;
}

const READER_RULES: TextRules = {
  blocks: BLOCK_ELEMENTS,
  skipped: SKIPPED_ELEMENTS,
  hidden: (element) => element.hasAttribute("hidden"),
};

/**
 * Builds a reader's text from nodes visited in order, recording where each piece came from.
 * `visit` adds a node's text (blocks on lines of their own), `breakLine` ends the current line,
 * `finish` returns the text.
 */
export function createTextBuilder(rules: TextRules = READER_RULES) {
  // The text is kept as chunks (joined once at the end): looking at the end of a string that is
  // still being appended to would copy it each time, quadratic on a long article. Chunks never
  // end in white space except the single-space and line-break chunks this builder adds.
  const chunks: string[] = [];
  let length = 0;
  const pieces: TextPiece[] = [];
  let pendingBreak = false;

  const endsWithSpace = () => {
    const last = chunks[chunks.length - 1];
    return last === " " || last === "\n";
  };
  // A space taken off the end takes its piece with it: no piece outlives its text.
  const trimTrailingSpaces = () => {
    while (chunks[chunks.length - 1] === " ") {
      chunks.pop();
      length--;
      if ((pieces[pieces.length - 1] as TextPiece).start === length) pieces.pop();
    }
  };
  const breakLine = () => {
    if (length > 0) pendingBreak = true;
  };
  const append = (chunk: string, node: Text | null, nodeOffset: number, nodeEnd: number) => {
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

  const visitText = (node: Text): void => {
    const data = node.data;
    const n = data.length;
    // Collapse white space but keep per-character offsets: emit runs of text and of space. Words
    // with single ASCII spaces between them are one run (the text holds them as they are); any
    // other white space, and a space at either end of the node, is a run of its own.
    let i = 0;
    let k = 0;
    while (k < n) {
      if (!isWhiteSpaceCode(data.charCodeAt(k))) {
        k++;
        continue;
      }
      let end = k + 1;
      while (end < n && isWhiteSpaceCode(data.charCodeAt(end))) end++;
      if (end === k + 1 && data.charCodeAt(k) === 32 && k > i && end < n) {
        k = end;
        continue;
      }
      if (k > i) append(data.slice(i, k), node, i, k);
      if (length > 0 && !pendingBreak && !endsWithSpace()) append(" ", node, k, end);
      i = end;
      k = end;
    }
    if (i < n) append(i === 0 ? data : data.slice(i), node, i, n);
  };

  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      visitText(node as Text);
      return;
    }
    if (node.nodeType === FRAGMENT_NODE || node.nodeType === DOCUMENT_NODE) {
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (rules.skipped.has(tag) || rules.hidden(element)) return;
    const block = rules.blocks.has(tag);
    if (block) breakLine();
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
    if (block) breakLine();
  };

  return {
    visit,
    breakLine,
    /** The text's length so far. */
    get length() {
      return length;
    },
    finish(): DomText {
      trimTrailingSpaces();
      return { text: chunks.join(""), pieces };
    },
  };
}

export function domText(root: Node): DomText {
  const builder = createTextBuilder();
  builder.visit(root);
  return builder.finish();
}
