/**
 * A DOM subtree's reader text (lib/text/dom-text.ts) on generated pages: white space collapses
 * to one space (never at a line's ends), blocks end lines, skipped and hidden elements give no
 * text, and every character of the text maps back to the character of the page it came from
 * (a collapsed run of white space to that run). The text and that mapping are compared with a
 * plain rendition of the rules (`referenceText`), character by character; how the text is cut
 * into pieces is free.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import {
  BLOCK_ELEMENTS,
  domText,
  SKIPPED_ELEMENTS,
  type TextPiece,
} from "../../lib/text/dom-text.ts";

/** What one character of the reader's text came from: a node and a stretch of its data. */
interface Source {
  node: Node | null;
  from: number;
  to: number;
}

/**
 * The reader's text by the rules, one character at a time: each run of white space (as `\s`
 * reads it) is one space unless the text is empty or already ends in a space or a line break;
 * a block starts and ends a line (no space before a line break, no line break first).
 */
function referenceText(root: Node): { text: string; sources: Source[] } {
  let text = "";
  const sources: Source[] = [];
  let pendingBreak = false;
  const push = (char: string, source: Source) => {
    if (pendingBreak) {
      while (text.endsWith(" ")) {
        text = text.slice(0, -1);
        sources.pop();
      }
      text += "\n";
      sources.push({ node: null, from: 0, to: 0 });
      pendingBreak = false;
    }
    text += char;
    sources.push(source);
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      for (let i = 0; i < data.length; ) {
        if (/\s/.test(data[i] as string)) {
          let end = i + 1;
          while (end < data.length && /\s/.test(data[end] as string)) end++;
          if (text.length > 0 && !pendingBreak && !text.endsWith(" ") && !text.endsWith("\n"))
            push(" ", { node, from: i, to: end });
          i = end;
        } else {
          push(data[i] as string, { node, from: i, to: i + 1 });
          i++;
        }
      }
      return;
    }
    if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED_ELEMENTS.has(tag) || element.hasAttribute("hidden")) return;
      const block = BLOCK_ELEMENTS.has(tag);
      if (block && text.length > 0) pendingBreak = true;
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
      if (block && text.length > 0) pendingBreak = true;
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  while (text.endsWith(" ")) {
    text = text.slice(0, -1);
    sources.pop();
  }
  return { text, sources };
}

/** Where each character of `text` came from, by the pieces (line breaks come from no node). */
function sourcesOf(text: string, pieces: readonly TextPiece[]): Source[] {
  const sources: Source[] = Array.from(text, () => ({ node: null, from: 0, to: 0 }));
  let last = 0;
  for (const piece of pieces) {
    assert.ok(piece.start >= last && piece.end > piece.start, "pieces in order, none empty");
    assert.ok(piece.end <= text.length, "no piece past the text's end");
    last = piece.end;
    const collapsed = piece.end - piece.start !== piece.nodeEnd - piece.nodeOffset;
    if (collapsed) {
      assert.equal(text.slice(piece.start, piece.end), " ", "a collapsed run is one space");
      sources[piece.start] = { node: piece.node, from: piece.nodeOffset, to: piece.nodeEnd };
      continue;
    }
    for (let k = piece.start; k < piece.end; k++) {
      const at = piece.nodeOffset + (k - piece.start);
      // A space copied as it is stands for a run of one.
      sources[k] = { node: piece.node, from: at, to: at + 1 };
    }
  }
  return sources;
}

const WORDS = ["Phấn", "đấu", "95%", "tỷ", "lệ", "hộ", "nghèo", "2025,", "x"];
const SPACES = [" ", " ", " ", "  ", "\n", "\t", " \n ", "\u00a0", "\u2003", "\r\n"];
const INLINE = ["b", "span", "a", "em"];
const BLOCKS = ["p", "div", "li", "td", "br"];

/** HTML of words and white space in inline, block, skipped and hidden elements. */
const fragment: fc.Arbitrary<string> = fc.letrec((tie) => ({
  text: fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...SPACES)), { maxLength: 12 })
    .map((parts) => parts.join("")),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("text"),
    fc
      .tuple(fc.constantFrom(...INLINE, ...BLOCKS), tie("children"))
      .map(([tag, inner]) => (tag === "br" ? "<br>" : `<${tag}>${inner}</${tag}>`)),
    tie("children").map((inner) => `<script>${inner}</script><span hidden>${inner}</span>`),
  ),
  children: fc.array(tie("node"), { maxLength: 4 }).map((nodes) => nodes.join("")),
})).children as fc.Arbitrary<string>;

describe("domText", () => {
  test("words, collapsed white space and line breaks, each character mapped to the page", () => {
    const { document } = parseHTML(
      "<html><body><p>  Phấn đấu\n   đến năm <b>2025</b>,\u00a0tỷ lệ </p><div>hộ  nghèo </div></body></html>",
    );
    const read = domText(document.body);
    assert.equal(read.text, "Phấn đấu đến năm 2025, tỷ lệ\nhộ nghèo");
    assert.deepEqual(sourcesOf(read.text, read.pieces), referenceText(document.body).sources);
  });

  test("any page: the text and where each character came from follow the rules", () => {
    fc.assert(
      fc.property(fragment, (html) => {
        const { document } = parseHTML(`<html><body>${html}</body></html>`);
        const read = domText(document.body);
        const reference = referenceText(document.body);
        assert.equal(read.text, reference.text);
        assert.deepEqual(sourcesOf(read.text, read.pieces), reference.sources);
      }),
      { numRuns: 400 },
    );
  });
});
