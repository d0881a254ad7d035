/**
 * Positions on the live page and in the article text: whether a highlight's boxes hold a point,
 * and where a selection starts and ends in the article text.
 */
import type { TextMap } from "@/lib/dom/text-map.ts";

/** Whether one of `range`'s boxes holds the point (1 px of slack on each side). */
export function containsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) {
      return true;
    }
  }
  return false;
}

/**
 * The span of the selection `range` in the article text `text` (mapped by `map`), white space at
 * its ends left out; null when it lies outside the article.
 */
export function selectionSpan(
  map: TextMap,
  text: string,
  range: Range,
): { start: number; end: number } | null {
  const start = pointOffset(map, range.startContainer, range.startOffset, "start");
  const end = pointOffset(map, range.endContainer, range.endOffset, "end");
  if (start === null || end === null || end <= start) return null;
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** A selection end inside an element: the nearest text position of the article at or after it. */
function pointOffset(
  map: TextMap,
  container: Node,
  offset: number,
  side: "start" | "end",
): number | null {
  if (container.nodeType === Node.TEXT_NODE) return map.offsetOf(container, offset);
  const doc = container.ownerDocument ?? (container as Document);
  const walker = doc.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const children = container.childNodes;
  if (side === "start") {
    // First mapped text node at or after the boundary.
    const boundary = children[offset] ?? null;
    let node = boundary ? firstTextFrom(walker, boundary) : null;
    while (node) {
      const at = map.offsetOf(node, 0);
      if (at !== null) return at;
      node = walker.nextNode();
    }
    return null;
  }
  // Last mapped text node before the boundary.
  let last: number | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const boundary = children[offset];
    if (boundary && (boundary === node || boundary.compareDocumentPosition(node) & 4)) break;
    const at = map.offsetOf(node, (node as Text).data.length);
    if (at !== null) last = at;
  }
  return last;
}

function firstTextFrom(walker: TreeWalker, from: Node): Node | null {
  if (from.nodeType === Node.TEXT_NODE) {
    walker.currentNode = from;
    return from;
  }
  walker.currentNode = from;
  return walker.nextNode();
}
