/**
 * Virtualised rows for Preact with @tanstack/virtual-core: only the rows in (and near) the
 * scrolling box's view are rendered, each `rowHeight` pixels tall, so 10,000 rows cost what
 * forty do. Follows the library's own React adapter: one Virtualizer per component, its options
 * set on every render, mounted and updated in layout effects, a re-render on its change.
 */
import {
  defaultRangeExtractor,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualItem,
  Virtualizer,
} from "@tanstack/virtual-core";
import { useLayoutEffect, useReducer, useState } from "preact/hooks";

export interface VirtualRows {
  items: VirtualItem[];
  totalSize: number;
  scrollToIndex(index: number): void;
}

export function useVirtualRows(options: {
  count: number;
  rowHeight: number;
  getScrollElement(): HTMLElement | null;
  /** Rows rendered beyond the view on each side. */
  overscan?: number;
  /** A row rendered even out of view (the focused one: scrolled away, it keeps the focus). */
  keep?: number;
  /**
   * The box's height before it is measured (default: the window's). Right, the first render
   * already shows the rows the measured box shows, and measuring it renders nothing again.
   */
  initialHeight?: number;
}): VirtualRows {
  const keep = options.keep;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved = {
    count: options.count,
    getScrollElement: options.getScrollElement,
    estimateSize: () => options.rowHeight,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    overscan: options.overscan ?? 8,
    // Before the box is measured (the first render), assume its expected height.
    initialRect: {
      width: 0,
      height: options.initialHeight ?? (typeof window === "undefined" ? 800 : window.innerHeight),
    },
    onChange: () => rerender(undefined),
    rangeExtractor: (range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = defaultRangeExtractor(range);
      if (keep === undefined || keep >= range.count || indexes.includes(keep)) return indexes;
      return [...indexes, keep].sort((a, b) => a - b);
    },
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return {
    items: virtualizer.getVirtualItems(),
    totalSize: virtualizer.getTotalSize(),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: "auto" }),
  };
}
