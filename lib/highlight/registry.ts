/**
 * The page's highlights, through the CSS Custom Highlight API: ranges are
 * registered in `CSS.highlights` and painted by `::highlight()` rules from a
 * constructed style sheet. Nothing is added to the page's DOM and its text is
 * never touched. This module is the only one that touches those globals.
 */
import { HIGHLIGHT_CSS, HIGHLIGHT_NAMES, type HighlightName } from "./styles.ts";

/** Whether this browser paints custom highlights. */
export function highlightsSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
}

/** Paint order when highlights overlap: the focused item over saved over kinds. */
const PRIORITY: Record<HighlightName, number> = {
  "gvn-target": 1,
  "gvn-result": 1,
  "gvn-deadline": 2,
  "gvn-saved": 3,
  "gvn-focus": 4,
};

export interface HighlightRegistry {
  /**
   * Replace the ranges painted under `name` (an empty list removes the highlight). Given the same
   * ranges again (a repaint after a change elsewhere in the view), a highlight still registered is
   * left as it is.
   */
  set(name: HighlightName, ranges: readonly Range[]): void;
  /** Remove every highlight and the style sheet. */
  dispose(): void;
}

export function createHighlightRegistry(doc: Document): HighlightRegistry {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const names = Object.values(HIGHLIGHT_NAMES);
  /** What was last registered under each name, with the ranges it was made of. */
  const shown = new Map<HighlightName, { highlight: Highlight; ranges: readonly Range[] }>();
  const unchanged = (name: HighlightName, ranges: readonly Range[]) => {
    const last = shown.get(name);
    return (
      last !== undefined &&
      CSS.highlights.get(name) === last.highlight &&
      last.ranges.length === ranges.length &&
      last.ranges.every((range, i) => range === ranges[i])
    );
  };

  return {
    set(name, ranges) {
      if (ranges.length === 0) {
        shown.delete(name);
        CSS.highlights.delete(name);
        return;
      }
      if (unchanged(name, ranges)) return;
      const highlight = new Highlight(...ranges);
      highlight.priority = PRIORITY[name];
      shown.set(name, { highlight, ranges: [...ranges] });
      CSS.highlights.set(name, highlight);
    },
    dispose() {
      shown.clear();
      for (const name of names) CSS.highlights.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
