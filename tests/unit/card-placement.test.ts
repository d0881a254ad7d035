/**
 * The card's placement, as geometry: in a dense paragraph (highlights on every line) the card
 * leaves every highlight uncovered — past the paragraph, beside it, or in any free band — and
 * never covers its own item.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Box, placeCard } from "../../entrypoints/article-tools/card-placement.ts";

const VIEWPORT = { width: 1280, height: 900 };
const SIZE = { width: 340, height: 240 };

/** A paragraph from x 50 to 920, seven lines of 25 px from `top`, a highlight on every line. */
function denseParagraph(top: number): { block: Box; lines: Box[] } {
  const lines: Box[] = [];
  for (let i = 0; i < 7; i++) {
    const y = top + i * 25;
    lines.push({ left: 60 + (i % 3) * 200, top: y, right: 260 + (i % 3) * 200, bottom: y + 20 });
  }
  return { block: { left: 50, top, right: 920, bottom: top + 7 * 25 }, lines };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function cardBox(p: { top: number; left: number }): Box {
  return { left: p.left, top: p.top, right: p.left + SIZE.width, bottom: p.top + SIZE.height };
}

describe("card placement", () => {
  test("a lone highlight: the card goes right under its line", () => {
    const item = [{ left: 100, top: 300, right: 300, bottom: 320 }];
    const p = placeCard({ item, block: null, obstacles: item, size: SIZE, viewport: VIEWPORT });
    assert.deepEqual(p, { top: 328, left: 100 });
  });

  for (const top of [60, 340, 600]) {
    test(`a dense paragraph at y ${top}: no highlight under the card, inside the viewport`, () => {
      const { block, lines } = denseParagraph(top);
      for (const item of lines) {
        const p = placeCard({
          item: [item],
          block,
          obstacles: lines,
          size: SIZE,
          viewport: VIEWPORT,
        });
        const box = cardBox(p);
        for (const line of lines) assert.ok(!overlaps(box, line), `covers ${JSON.stringify(line)}`);
        assert.ok(box.left >= 8 && box.top >= 8, "inside the viewport");
        assert.ok(box.right <= VIEWPORT.width - 8 && box.bottom <= VIEWPORT.height - 8);
      }
    });
  }

  test("no free place at all: the item itself stays uncovered, other highlights as few as can be", () => {
    // Highlights on every 25 px band of the whole viewport, in three columns.
    const lines: Box[] = [];
    for (let y = 0; y < VIEWPORT.height; y += 25) {
      for (const x of [0, 430, 860])
        lines.push({ left: x, top: y, right: x + 420, bottom: y + 20 });
    }
    const item = lines[40] as Box;
    const p = placeCard({
      item: [item],
      block: null,
      obstacles: lines,
      size: SIZE,
      viewport: VIEWPORT,
    });
    assert.ok(!overlaps(cardBox(p), item), "the item stays visible");
  });
});
