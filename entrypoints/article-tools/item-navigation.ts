/**
 * Which item the reader reaches: the next or previous shown item (the panel's arrows and the
 * keyboard), and the item under the pointer (the smallest shown one whose range holds the point).
 */
import type { PageItem, PageView } from "./page-view.ts";
import { containsPoint } from "./positions.ts";

/** Whether the item is highlighted now: the tools are on, it is on the page and its kind shown. */
export function isShown(view: PageView, pageItem: PageItem): boolean {
  return view.enabled && pageItem.range !== null && !view.hiddenKinds.includes(pageItem.item.kind);
}

/**
 * The index of the shown item `step` away from the focused one, in document order and round
 * the ends; from no focus, the first (forward) or the last (back). Undefined when none is shown.
 */
export function nextFocus(view: PageView, step: 1 | -1): number | undefined {
  const order = view.items.filter((p) => isShown(view, p)).map((p) => p.index);
  if (order.length === 0) return undefined;
  const at = view.focus === null ? -1 : order.indexOf(view.focus);
  return at === -1
    ? step === 1
      ? order[0]
      : order[order.length - 1]
    : order[(at + step + order.length) % order.length];
}

/** The smallest shown item whose range holds the point (`node`, `offset` at `x`, `y`), or null. */
export function itemAtPoint(
  view: PageView,
  node: Node,
  offset: number,
  x: number,
  y: number,
): number | null {
  let best: PageItem | null = null;
  for (const p of view.items) {
    if (!isShown(view, p) || !p.range) continue;
    let inside = false;
    try {
      inside = p.range.isPointInRange(node, offset);
    } catch {
      inside = false;
    }
    if (!inside || !containsPoint(p.range, x, y)) continue;
    if (!best || p.item.end - p.item.start < best.item.end - best.item.start) best = p;
  }
  return best ? best.index : null;
}
