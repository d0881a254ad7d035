/**
 * Clause helpers: where the clause around a figure starts and ends, and the
 * words that frame a figure inside it.
 */

import { phraseAlternation, WORD_END, WORD_START } from "../text/boundaries.ts";
import { allMatches } from "../text/matches.ts";
import {
  ADMINISTRATIVE_LIST_NOUNS,
  COMPARATOR_BEFORE,
  COUNT_NOUNS_NEEDING_ACHIEVEMENT,
  LEADING_FUNCTION_WORDS,
  LINKING_WORDS,
} from "./vocabulary.ts";

// A comma between digits (`58,5`) or a full stop inside a number is not a boundary.
const BOUNDARY_BACK =
  /[;:()\n…]|,(?!\d)|\.(?!\d)|\s(?:trong đó|nhất là)\s|\svà\s(?=(?:[\p{L}\p{M}]+\s+){0,2}\d)/giu;
const LIST_NOUN_ALTERNATION = phraseAlternation([
  ...COUNT_NOUNS_NEEDING_ACHIEVEMENT,
  ...ADMINISTRATIVE_LIST_NOUNS,
]);
const ADMIN_LIST = new RegExp(`^,\\s*(?:${LIST_NOUN_ALTERNATION})${WORD_END}`, "iu");
const ADMIN_BEFORE = new RegExp(`(?:${LIST_NOUN_ALTERNATION})$`, "iu");

/** A comma inside a list of administrative nouns (`xã, phường, thị trấn`). */
function isListComma(text: string, at: number): boolean {
  return (
    ADMIN_BEFORE.test(text.slice(Math.max(0, at - 30), at)) &&
    ADMIN_LIST.test(text.slice(at, at + 30))
  );
}

const BOUNDARY_FORWARD = /[;:()\n…]|,(?!\d)|\.(?!\d)|\s(?:và|hoặc)\s/gu;

/** Start of the clause that ends at `index`, not before `floor`. */
export function clauseStart(text: string, index: number, floor: number): number {
  // A little past `index`, so that look-aheads (`và 99%`) can see the number.
  const slice = text.slice(floor, index + 4);
  let start = floor;
  for (const m of allMatches(BOUNDARY_BACK, slice)) {
    const at = floor + m.index;
    if (at >= index) break;
    // `xã, phường, thị trấn` is one noun phrase, not three clauses.
    if (m[0] === "," && isListComma(text, at)) continue;
    start = at + m[0].length;
  }
  return start;
}

/** End of the clause that starts at `index`, not after `ceiling`. */
export function clauseEnd(text: string, index: number, ceiling: number): number {
  const slice = text.slice(index, ceiling);
  // The first boundary ends the search: `exec` step by step, no list of every match.
  BOUNDARY_FORWARD.lastIndex = 0;
  for (let m = BOUNDARY_FORWARD.exec(slice); m !== null; m = BOUNDARY_FORWARD.exec(slice)) {
    const at = index + m.index;
    if (m[0] === "," && isListComma(text, at)) continue;
    BOUNDARY_FORWARD.lastIndex = 0;
    return at;
  }
  return ceiling;
}

const LEADING = new RegExp(
  `^(?:\\s*(?:${phraseAlternation(LEADING_FUNCTION_WORDS)})${WORD_END}[\\s,]*)+`,
  "iu",
);
const FOLLOWING_LEADING = /^(?:\s*(?:số|các|những|tổng số)(?![\p{L}\p{M}])[\s,]*)+/iu;
const TRAILING = new RegExp(
  `(?:${WORD_START}(?:${phraseAlternation([...LINKING_WORDS, ...COMPARATOR_BEFORE.map(([w]) => w)])})\\s*)+$`,
  "iu",
);

/** Trims function words from both ends of an indicator phrase; returns the kept offsets. */
export function trimIndicator(
  text: string,
  start: number,
  end: number,
  position: "before" | "after" = "before",
): { start: number; end: number } {
  let slice = text.slice(start, end);
  const lead = (position === "before" ? LEADING : FOLLOWING_LEADING).exec(slice);
  if (lead) {
    start += lead[0].length;
    slice = slice.slice(lead[0].length);
  }
  const trail = TRAILING.exec(slice);
  if (trail) {
    end -= trail[0].length;
    slice = slice.slice(0, slice.length - trail[0].length);
  }
  while (start < end && /[\s,-]/.test(text[start] as string)) start++;
  while (end > start && /[\s,-]/.test(text[end - 1] as string)) end--;
  return { start, end };
}

const COMPARATOR_TAIL = new RegExp(
  `${WORD_START}(${COMPARATOR_BEFORE.map(([w]) => w).join("|")})(?:\\s+(?:mức|từ))?\\s*$`,
  "iu",
);

/** The comparator written right before a value (`trên`, `ít nhất`, `dưới` …) and where its word starts. */
export function comparatorBefore(
  text: string,
  valueStart: number,
): { comparator: ">=" | ">" | "<" | "<="; start: number } | null {
  const window = text.slice(Math.max(0, valueStart - 30), valueStart);
  const m = COMPARATOR_TAIL.exec(window);
  if (!m) return null;
  const word = (m[1] as string).toLowerCase();
  const entry = COMPARATOR_BEFORE.find(([w]) => w === word);
  if (!entry) return null;
  return { comparator: entry[1], start: valueStart - window.length + (m.index as number) };
}
