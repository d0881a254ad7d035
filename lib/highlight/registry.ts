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
  /** Replace the ranges painted under `name` (an empty list removes the highlight). */
  set(name: HighlightName, ranges: readonly Range[]): void;
  /** Remove every highlight and the style sheet. */
  dispose(): void;
}

export function createHighlightRegistry(doc: Document): HighlightRegistry {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const names = Object.values(HIGHLIGHT_NAMES);

  return {
    set(name, ranges) {
      if (ranges.length === 0) {
        CSS.highlights.delete(name);
        return;
      }
      const highlight = new Highlight(...ranges);
      highlight.priority = PRIORITY[name];
      CSS.highlights.set(name, highlight);
    },
    dispose() {
      for (const name of names) CSS.highlights.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
