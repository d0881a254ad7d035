/**
 * Refiners that fold a mention into the figure before it instead of making a figure of its own.
 * Each is tried in order; the first that matches changes the previous figure.
 */
import type { FigureDraft, PreviousFigure } from "./types.ts";

interface MergeRule {
  name: string;
  /** Whether the draft's mention belongs to `previous` (the figure before it in its sentence). */
  matches(text: string, draft: FigureDraft, previous: PreviousFigure): boolean;
  /** Folds the mention into `previous`. */
  merge(draft: FigureDraft, previous: PreviousFigure): void;
}

const COUNTED_UNITS = new Set(["count", "locality-count", "ratio-noun"]);
const QUALIFIER_BETWEEN = /^\s*(?:đều\s+)?(?:đạt|được|đạt được)\s*(?:từ|trên|dưới|hơn)?\s*$/iu;
const FROM_BEFORE = /(?:^|\s)từ\s*$/iu;
const CHANGE_TO_BETWEEN = /^\s*(?:\([^()]{0,40}\)\s*)?(?:lên|xuống)(?:\s+(?:còn|mức|đến))?\s*$/iu;

export const MERGE_RULES: readonly MergeRule[] = [
  {
    // `07/21 chỉ tiêu đạt trên 80%`, `03 xã đạt 19 tiêu chí`: the second figure qualifies the first.
    name: "qualifier",
    matches: (text, { mention }, previous) =>
      previous.mention.unitKind !== null &&
      (COUNTED_UNITS.has(previous.mention.unitKind) || previous.mention.isRatio) &&
      QUALIFIER_BETWEEN.test(text.slice(previous.mention.end, mention.valueStart)),
    merge({ mention }, previous) {
      previous.figure.end = Math.max(previous.figure.end, mention.end);
    },
  },
  {
    // A change from one value to another is one figure with the value reached:
    // `tăng từ 82% lên 91,5%`, `giảm từ 12,6% (năm 2015) xuống còn 3,8%`.
    name: "change-to",
    matches: (text, { mention, sentence }, previous) =>
      previous.mention.unit === mention.unit &&
      FROM_BEFORE.test(
        text.slice(
          Math.max(sentence.start, previous.mention.valueStart - 8),
          previous.mention.valueStart,
        ),
      ) &&
      CHANGE_TO_BETWEEN.test(text.slice(previous.mention.end, mention.valueStart)),
    merge({ mention }, previous) {
      previous.figure.end = Math.max(previous.figure.end, mention.end);
      previous.figure.value = mention.value;
    },
  },
];

/** Folds the draft into the figure before it when a merge rule says so; true when it did. */
export function mergeIntoPrevious(text: string, draft: FigureDraft): boolean {
  const previous = draft.previous;
  if (!previous) return false;
  const rule = MERGE_RULES.find((r) => r.matches(text, draft, previous));
  rule?.merge(draft, previous);
  return rule !== undefined;
}
