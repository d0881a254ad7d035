/**
 * Where the item card goes: near its item, never over a highlight the reader can still click
 * (nor over the item itself). In a dense paragraph the line below an item is full of other
 * highlights, so the card goes past the paragraph (below or above it), beside it, or into any
 * free band of the viewport, the nearest free place winning. Only when no place is free does it
 * cover highlights, as few as it can. Pure geometry on viewport rectangles (CSS pixels).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementInput {
  /** The item's line boxes (`Range.getClientRects()`); the first is where the card points. */
  item: readonly Box[];
  /** The item's block (its paragraph), when known. */
  block: Box | null;
  /** Line boxes of every highlight the reader can click, the item's own included. */
  obstacles: readonly Box[];
  /** The card's size. */
  size: { width: number; height: number };
  viewport: { width: number; height: number };
}

/** Space kept between the card and the viewport's edges, and between it and the text. */
const MARGIN = 8;
/** Steps of the scan over the viewport when no place next to the item or paragraph is free. */
const SCAN_STEP = 8;

function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

function union(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => ({
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  }));
}

/** Distance between two boxes (0 when they touch or overlap). */
function distance(a: Box, b: Box): number {
  const dx = Math.max(0, a.left - b.right, b.left - a.right);
  const dy = Math.max(0, a.top - b.bottom, b.top - a.bottom);
  return Math.hypot(dx, dy);
}

/** The card's top-left corner (viewport coordinates). */
export function placeCard(input: PlacementInput): { top: number; left: number } {
  const { size, viewport } = input;
  const anchor = union(input.item);
  if (!anchor) return { top: 16, left: 16 };
  const maxLeft = Math.max(MARGIN, viewport.width - size.width - MARGIN);
  const maxTop = Math.max(MARGIN, viewport.height - size.height - MARGIN);
  const clampLeft = (left: number) => Math.min(Math.max(MARGIN, left), maxLeft);
  const clampTop = (top: number) => Math.min(Math.max(MARGIN, top), maxTop);
  const first = input.item[0] ?? anchor;
  const block = input.block ? (union([input.block, anchor]) as Box) : anchor;

  // The places a reader expects first, in order: under the item's line, above it, past its
  // paragraph (below, above), beside the paragraph (right, left).
  const preferred: Array<{ top: number; left: number }> = [
    { top: anchor.bottom + MARGIN, left: clampLeft(first.left) },
    { top: anchor.top - MARGIN - size.height, left: clampLeft(first.left) },
    { top: block.bottom + MARGIN, left: clampLeft(first.left) },
    { top: block.top - MARGIN - size.height, left: clampLeft(first.left) },
    { top: clampTop(first.top), left: block.right + MARGIN },
    { top: clampTop(first.top), left: block.left - MARGIN - size.width },
  ];
  // Then any place in the viewport, in three columns: under the item, at the left, at the right.
  const scan: Array<{ top: number; left: number }> = [];
  for (const left of new Set([clampLeft(first.left), MARGIN, maxLeft])) {
    for (let top = MARGIN; top <= maxTop; top += SCAN_STEP) scan.push({ top, left });
    scan.push({ top: maxTop, left });
  }

  const fits = (p: { top: number; left: number }) =>
    p.left >= MARGIN - 0.5 &&
    p.top >= MARGIN - 0.5 &&
    p.left + size.width <= viewport.width - MARGIN + 0.5 &&
    p.top + size.height <= viewport.height - MARGIN + 0.5;
  const boxOf = (p: { top: number; left: number }): Box => ({
    left: p.left,
    top: p.top,
    right: p.left + size.width,
    bottom: p.top + size.height,
  });
  const covered = (box: Box) => {
    let area = 0;
    for (const obstacle of input.obstacles) area += overlapArea(box, obstacle);
    for (const line of input.item) area += overlapArea(box, line) * 4; // never the item itself
    return area;
  };

  for (const p of preferred) {
    if (fits(p) && covered(boxOf(p)) === 0) return p;
  }
  let best: { top: number; left: number } | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const p of scan) {
    const box = boxOf(p);
    const area = covered(box);
    // Free places first (nearest wins); else the least covered.
    const score = area === 0 ? distance(box, anchor) : 1e9 + area;
    if (score < bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best ?? { top: clampTop(anchor.bottom + MARGIN), left: clampLeft(first.left) };
}
