/**
 * Offsets in the article text ↔ points on the page: spans become Ranges over
 * the page's own text nodes (also across inline elements and collapsed white
 * space), selection points become offsets, and a node the page changed since
 * it was read yields no range.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHTML } from "linkedom";
import { createTextMap } from "../../lib/dom/text-map.ts";
import { domText } from "../../lib/text/dom-text.ts";

/** A boundary-point range with the DOM's `toString()`: the text of the text nodes between. */
class PointRange {
  start: [Node, number] | null = null;
  end: [Node, number] | null = null;
  constructor(private readonly root: Node) {}
  setStart(node: Node, offset: number) {
    this.start = [node, offset];
  }
  setEnd(node: Node, offset: number) {
    this.end = [node, offset];
  }
  get collapsed() {
    return this.start?.[0] === this.end?.[0] && this.start?.[1] === this.end?.[1];
  }
  toString(): string {
    const texts: Text[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === 3) texts.push(node as Text);
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    };
    walk(this.root);
    const [startNode, startOffset] = this.start ?? [null, 0];
    const [endNode, endOffset] = this.end ?? [null, 0];
    const from = texts.indexOf(startNode as Text);
    const to = texts.indexOf(endNode as Text);
    if (from < 0 || to < 0) return "";
    if (from === to) return texts[from]?.data.slice(startOffset, endOffset) ?? "";
    let out = texts[from]?.data.slice(startOffset) ?? "";
    for (let i = from + 1; i < to; i++) out += texts[i]?.data ?? "";
    return out + (texts[to]?.data.slice(0, endOffset) ?? "");
  }
}

function page(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const read = domText(document.body);
  const map = createTextMap(read.pieces, { createRange: () => new PointRange(document.body) });
  return { document, text: read.text, map };
}

function rangeText(range: PointRange | null): string | null {
  return range ? range.toString() : null;
}

describe("createTextMap", () => {
  const html = `<p>Phấn đấu   đến năm 2025, tỷ lệ <b>bao phủ bảo hiểm y tế</b> đạt 95%.</p>
    <p>Thu nhập bình quân đầu người đạt trên 90 triệu đồng.</p>`;

  test("a span inside one text node maps to exactly its text", () => {
    const { text, map } = page(html);
    const start = text.indexOf("đạt 95%");
    assert.equal(rangeText(map.rangeFor(start, start + "đạt 95%".length)), "đạt 95%");
  });

  test("a span across an inline element covers both text nodes", () => {
    const { text, map } = page(html);
    const quote = "tỷ lệ bao phủ bảo hiểm y tế đạt 95%";
    const start = text.indexOf(quote);
    assert.ok(start >= 0);
    assert.equal(rangeText(map.rangeFor(start, start + quote.length)), quote);
  });

  test("collapsed white space maps back to the page's own run", () => {
    const { text, map } = page(html);
    const quote = "Phấn đấu đến năm 2025";
    const start = text.indexOf(quote);
    assert.equal(rangeText(map.rangeFor(start, start + quote.length)), "Phấn đấu   đến năm 2025");
  });

  test("a span in the second paragraph lands there", () => {
    const { text, map } = page(html);
    const quote = "trên 90 triệu đồng";
    const start = text.indexOf(quote);
    const range = map.rangeFor(start, start + quote.length);
    assert.equal(rangeText(range), quote);
    assert.match(
      (range?.start?.[0] as Text | undefined)?.parentNode?.textContent ?? "",
      /^Thu nhập/,
    );
  });

  test("empty or reversed spans give no range", () => {
    const { map } = page(html);
    assert.equal(map.rangeFor(5, 5), null);
    assert.equal(map.rangeFor(9, 3), null);
  });

  test("a node the page changed after reading gives no range instead of a wrong one", () => {
    const { document, text, map } = page(html);
    const start = text.indexOf("đạt 95%");
    const node = document.querySelector("b")?.nextSibling as Text;
    node.data = " đạt 99%.";
    assert.equal(map.rangeFor(start, start + 7), null);
  });

  test("points on the page become offsets in the text", () => {
    const { document, text, map } = page(html);
    const bold = document.querySelector("b")?.firstChild as Text;
    const offset = map.offsetOf(bold, 4);
    assert.equal(offset, text.indexOf("bao phủ") + 4);
    const other = document.createTextNode("not read");
    assert.equal(map.offsetOf(other, 0), null);
  });
});
