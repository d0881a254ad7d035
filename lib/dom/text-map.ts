/**
 * Between offsets in an article's text and points in the live page: a span of
 * the text becomes a DOM Range over the page's own text nodes, and a point on
 * the page (a selection end) becomes an offset in the text. Built on the pieces
 * `domText` records; a piece whose node no longer holds the text it held when
 * read (the page changed it since) yields no range rather than a wrong one.
 *
 * Pure DOM (no window globals): ranges come from the node's own document.
 */
import type { TextPiece } from "../text/dom-text.ts";

export interface TextMap {
  /** Range over the page for `text.slice(start, end)`, or null when it cannot be placed. */
  rangeFor(start: number, end: number): Range | null;
  /** Offset in the text of a point on the page (inside a mapped text node), or null. */
  offsetOf(node: Node, offset: number): number | null;
}

/** Index of the last piece with `start <= position` (pieces are sorted and disjoint). */
function pieceAtOrBefore(pieces: readonly TextPiece[], position: number): number {
  let low = 0;
  let high = pieces.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((pieces[middle] as TextPiece).start <= position) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Where in its node a text offset inside `piece` falls; a collapsed space maps to its run's ends. */
function nodeOffsetIn(piece: TextPiece, position: number, side: "start" | "end"): number {
  const collapsed = piece.end - piece.start !== piece.nodeEnd - piece.nodeOffset;
  if (collapsed)
    return side === "start" && position <= piece.start ? piece.nodeOffset : piece.nodeEnd;
  return piece.nodeOffset + (position - piece.start);
}

/** The part of the DOM Range interface the map uses (lets tests on a server-side DOM supply one). */
export type RangeLike = Pick<Range, "setStart" | "setEnd" | "collapsed">;

export interface TextMapOptions<R extends RangeLike> {
  /** Makes an empty range; default: the node's document's `createRange()`. */
  createRange?: (node: Text) => R;
}

/**
 * @param pieces from `domText` (or `readArticle(..., { mapToPage: true })`): their nodes are live.
 * Each node's text is remembered as read, so a later edit by the page is noticed.
 */
export function createTextMap(pieces: readonly TextPiece[]): TextMap;
export function createTextMap<R extends RangeLike>(
  pieces: readonly TextPiece[],
  options: TextMapOptions<R>,
): Omit<TextMap, "rangeFor"> & { rangeFor(start: number, end: number): R | null };
export function createTextMap(
  pieces: readonly TextPiece[],
  options: TextMapOptions<RangeLike> = {},
) {
  const makeRange = options.createRange ?? ((node: Text) => node.ownerDocument.createRange());
  // A node's pieces follow each other (a stretch of words or a collapsed run of white space each):
  // only a new node is looked up, so making the map stays cheap.
  const snapshot = new Map<Text, string>();
  let previous: Text | undefined;
  for (const piece of pieces) {
    const node = piece.node;
    if (!node || node === previous) continue;
    previous = node;
    if (!snapshot.has(node)) snapshot.set(node, node.data);
  }
  /** Each node's pieces, in order; made when a point is first asked for (a selection saved). */
  let piecesOfNode: Map<Text, TextPiece[]> | null = null;
  const piecesOf = (node: Text): TextPiece[] | undefined => {
    if (!piecesOfNode) {
      piecesOfNode = new Map();
      for (const piece of pieces) {
        if (!piece.node) continue;
        const list = piecesOfNode.get(piece.node);
        if (list) list.push(piece);
        else piecesOfNode.set(piece.node, [piece]);
      }
    }
    return piecesOfNode.get(node);
  };
  const unchanged = (node: Text) => node.isConnected && node.data === snapshot.get(node);

  const rangeFor = (start: number, end: number): RangeLike | null => {
    if (!(start < end)) return null;
    // First piece that ends after `start` (start may sit in a line break between pieces).
    let first = pieceAtOrBefore(pieces, start);
    if (first < 0 || (pieces[first] as TextPiece).end <= start) first++;
    // Last piece that starts before `end`.
    const last = pieceAtOrBefore(pieces, end - 1);
    const from = pieces[first];
    const to = pieces[last];
    if (!from?.node || !to?.node || first > last) return null;
    if (!unchanged(from.node) || !unchanged(to.node)) return null;
    const range = makeRange(from.node);
    range.setStart(from.node, nodeOffsetIn(from, Math.max(start, from.start), "start"));
    range.setEnd(to.node, nodeOffsetIn(to, Math.min(end, to.end), "end"));
    return range.collapsed ? null : range;
  };

  const offsetOf = (node: Node, offset: number): number | null => {
    const list = piecesOf(node as Text);
    if (!list) return null;
    let best: TextPiece | undefined;
    for (const piece of list) {
      if (piece.nodeOffset <= offset) best = piece;
      else break;
    }
    if (!best) return (list[0] as TextPiece).start;
    const length = best.end - best.start;
    const within = Math.min(offset - best.nodeOffset, length);
    const collapsed = length !== best.nodeEnd - best.nodeOffset;
    return best.start + (collapsed ? Math.min(within, 1) : within);
  };

  return { rangeFor, offsetOf };
}
