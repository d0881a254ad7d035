/**
 * Whether a saved snippet's figure changed on the page: once the snippet is anchored again, the
 * text at its place is compared with what was saved. Only a different figure counts (another
 * value, unit or deadline date in the item the engine finds there, or other digits in the text
 * when it finds none); spacing or a word changed elsewhere re-anchors silently.
 */
import { describeSpan } from "../anchoring/index.ts";
import { type ExtractedItem, type ItemFields, itemFields } from "../extract/types.ts";
import type { ListedSnippet, PageChange } from "./types.ts";

/** A change as found on the page (the store stamps `seenAt`). */
export type FoundChange = Omit<PageChange, "seenAt">;

/** The numbers a text writes (`28.864`, `10–11%` → `10`, `11`), in order. */
export function digitsOf(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*/g) ?? [];
}

/** What a figure is, as a comparable key: its value and unit, and its deadline's date. */
export function figureKey(fields: ItemFields): string {
  const value = fields.value;
  return JSON.stringify([
    value ? [value.min, value.max, value.numerator ?? null, value.denominator ?? null] : null,
    fields.unit,
    fields.deadline?.date ?? null,
  ]);
}

/** The item of the snippet's kind that overlaps the span most, if any. */
function itemAt(
  items: readonly ExtractedItem[],
  kind: ListedSnippet["kind"],
  start: number,
  end: number,
): ExtractedItem | undefined {
  let best: ExtractedItem | undefined;
  let bestOverlap = 0;
  for (const item of items) {
    if (item.kind !== kind) continue;
    const overlap = Math.min(end, item.end) - Math.max(start, item.start);
    if (overlap > bestOverlap) {
      best = item;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** The sentence around `text.slice(start, end)` (up to the nearest full stop or line break). */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1;
  const stops = [text.indexOf(". ", end), text.indexOf("\n", end)].filter((at) => at !== -1);
  const to = stops.length > 0 ? Math.min(...stops) + 1 : text.length;
  return text.slice(from, to).trim();
}

/**
 * The change at a re-anchored snippet's place `[start, end)` of `text` (the article text as the
 * page has it now, which `items` index), or null when the figure is the same, or when the reader
 * already kept the saved figure over this text.
 */
export function findPageChange(
  snippet: ListedSnippet,
  text: string,
  span: { start: number; end: number },
  items: readonly ExtractedItem[],
): FoundChange | null {
  const quote = text.slice(span.start, span.end);
  if (quote === snippet.anchor.quote) return null;
  const item =
    snippet.kind === "excerpt" ? undefined : itemAt(items, snippet.kind, span.start, span.end);
  let change: FoundChange | null = null;
  if (item) {
    if (figureKey(item) !== figureKey(snippet)) {
      change = {
        anchor: describeSpan(text, item.start, item.end),
        text: item.text,
        sentence: item.sentence,
        fields: itemFields(item),
      };
    }
  } else if (digitsOf(quote).join(" ") !== digitsOf(snippet.anchor.quote).join(" ")) {
    change = {
      anchor: describeSpan(text, span.start, span.end),
      text: quote,
      sentence: sentenceAround(text, span.start, span.end),
      fields: null,
    };
  }
  if (change && snippet.keptOver?.includes(change.text)) return null;
  return change;
}
