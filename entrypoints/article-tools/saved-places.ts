/**
 * Where the article's saved snippets stand on the live page: each is anchored in the article text
 * (position, exact quote, then a fuzzy search) and mapped to a range; the page's items they are
 * get marked saved (with the review status of their record); the ones that cannot be placed are
 * orphans. A placed snippet whose figure the page now gives differently is a change for the reader
 * to decide on (never moved silently).
 */
import { anchorInText } from "@/lib/anchoring/index.ts";
import type { TextMap } from "@/lib/dom/text-map.ts";
import { findPageChange } from "@/lib/snippets/page-change.ts";
import { reviewOf } from "@/lib/snippets/review.ts";
import type { SnippetRecord } from "@/lib/snippets/types.ts";
import type { ChangedSnippet, PageItem } from "./page-view.ts";

export interface PlacedSnippets {
  /** The ranges of the snippets placed on the page. */
  ranges: Range[];
  /** The page's items, those saved marked so (by id, or by kind and span). */
  items: PageItem[];
  /** Saved snippets that could not be placed. */
  orphans: SnippetRecord[];
  /** Placed snippets whose figure changed on the page. */
  changes: ChangedSnippet[];
}

export function placeSnippets(
  text: string,
  map: TextMap,
  saved: readonly SnippetRecord[],
  items: readonly PageItem[],
): PlacedSnippets {
  // Nothing saved from this article (the usual first visit) and no item marked changed: the items
  // stay as they are (an item once saved stays saved until the page is read again).
  if (saved.length === 0 && !items.some((p) => p.changed !== undefined)) {
    return { ranges: [], items: [...items], orphans: [], changes: [] };
  }
  const savedIds = new Map<string, SnippetRecord>();
  const savedSpans = new Map<string, SnippetRecord>();
  const ranges: Range[] = [];
  const orphans: SnippetRecord[] = [];
  const changes: ChangedSnippet[] = [];
  /** The snippet whose changed figure an item is, by the item's kind and span. */
  const changedAt = new Map<string, string>();
  const found = items.map((p) => p.item);
  for (const snippet of saved) {
    const match = anchorInText(text, snippet.anchor);
    const range = match ? map.rangeFor(match.start, match.end) : null;
    if (!match || !range) {
      orphans.push(snippet);
      continue;
    }
    ranges.push(range);
    savedIds.set(snippet.id, snippet);
    savedSpans.set(`${snippet.kind}:${match.start}:${match.end}`, snippet);
    const change = findPageChange(snippet, text, match, found);
    if (change) {
      changes.push({ snippet, change });
      const { start, end } = change.anchor;
      changedAt.set(`${snippet.kind}:${start}:${end}`, snippet.id);
      savedSpans.set(`${snippet.kind}:${start}:${end}`, snippet);
    }
  }
  return {
    ranges,
    orphans,
    changes,
    items: items.map(({ changed: _before, ...p }) => {
      const span = `${p.item.kind}:${p.item.start}:${p.item.end}`;
      const changed = changedAt.get(span);
      const record = savedIds.get(p.snippetId) ?? savedSpans.get(span);
      const saved = p.saved || record !== undefined;
      return {
        ...p,
        saved,
        ...(record ? { review: reviewOf(record), savedId: record.id } : {}),
        ...(changed ? { changed } : {}),
      };
    }),
  };
}

/**
 * Whether a highlight still stands on text of the page. A range whose text was removed moves to
 * where the text was (an element) and collapses; an item whose text changed while it was being
 * read has no range at all.
 */
export function standsOnText(range: Range): boolean {
  return (
    range.startContainer.nodeType === Node.TEXT_NODE &&
    range.endContainer.nodeType === Node.TEXT_NODE &&
    range.startContainer.isConnected
  );
}
