/**
 * What the view shows outside the panel: the highlights registered for each kind (and the saved
 * and focused ones), and the facts the toolbar badge and the popup get from the background.
 */
import type { HighlightRegistry } from "@/lib/highlight/registry.ts";
import { HIGHLIGHT_NAMES } from "@/lib/highlight/styles.ts";
import type { PageReport } from "@/lib/messaging/protocol.ts";
import { KINDS, type PageView } from "./page-view.ts";

/** Registers the view's highlights: each kind unless hidden, the saved ones, the focused one. */
export function paintHighlights(
  registry: HighlightRegistry,
  view: PageView,
  savedRanges: readonly Range[],
): void {
  for (const kind of KINDS) {
    const ranges =
      view.enabled && !view.hiddenKinds.includes(kind)
        ? view.items.filter((p) => p.item.kind === kind && p.range).map((p) => p.range as Range)
        : [];
    registry.set(HIGHLIGHT_NAMES[kind], ranges);
  }
  registry.set(HIGHLIGHT_NAMES.saved, view.enabled ? savedRanges : []);
  const focused = view.focus !== null ? view.items[view.focus]?.range : null;
  registry.set(HIGHLIGHT_NAMES.focus, view.enabled && focused ? [focused] : []);
}

/** The page's counts per kind and its orphans, for the badge and the popup. */
export function pageReport(view: PageView): PageReport {
  const counts = { target: 0, result: 0, deadline: 0 };
  for (const p of view.items) counts[p.item.kind]++;
  return {
    recognised: view.recognised,
    counts,
    orphans: view.orphans.map(({ id, kind, text }) => ({ id, kind, text })),
  };
}
