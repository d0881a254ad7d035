/**
 * A figure's indicator category (its row in the comparison): the indicator's own phrasing, else
 * the words around the figure, else — for a list or an elided subject — the phrasing nearest to it
 * in its sentence. Categories come from the taxonomy (`lib/taxonomy/indicators.json`).
 */
import { categorize, findCategoryPhrases } from "../taxonomy/taxonomy.ts";
import { foldSameLength } from "../text/fold.ts";
import { registerPatterns } from "../text/patterns.ts";

/** What the category rules look at, in canonical-text offsets. */
export interface CategoryInput {
  text: string;
  /** The indicator phrase the figure carries. */
  indicator: string;
  valueStart: number;
  /** End of the value with its unit. */
  valueEnd: number;
  unit: string | null;
  unitKind: string | null;
  /** The figure's span (indicator words included). */
  spanStart: number;
  spanEnd: number;
  clauseStart: number;
  clauseEnd: number;
  sentenceStart: number;
  sentenceEnd: number;
  /** The figure before it in the same sentence, when it is a list item after it. */
  listPrevious: { category: string | null } | null;
}

const ELIDED_SUBJECT = /^(?:hoàn thành|xếp loại|được|đạt|có)(?![\p{L}\p{M}])/iu;

const folded = (text: string, start: number, end: number) =>
  end > start ? foldSameLength(text.slice(start, end)) : "";

/** The longest category phrasing in `[start, end)`. */
function longestCategory(text: string, start: number, end: number): string | null {
  let best: { category: string; length: number } | null = null;
  for (const m of findCategoryPhrases(folded(text, start, end))) {
    const length = m.end - m.start;
    if (!best || length > best.length) best = { category: m.category, length };
  }
  return best?.category ?? null;
}

/** The category phrasing in `[from, to)` nearest to `to` (backward) or to `from` (forward). */
function nearestCategory(
  text: string,
  from: number,
  to: number,
  direction: "backward" | "forward",
): string | null {
  const found = findCategoryPhrases(folded(text, from, to));
  return (direction === "backward" ? found[found.length - 1] : found[0])?.category ?? null;
}

/** The category named by the figure's own words: its indicator, its span, or after its unit. */
export function ownCategory(input: CategoryInput): string | null {
  return (
    categorize(input.indicator) ??
    longestCategory(input.text, Math.min(input.spanStart, input.valueStart), input.spanEnd) ??
    // What a measure measures may follow its unit: `trồng mới 5.000 ha rừng tập trung`.
    (input.unitKind === "measure"
      ? longestCategory(input.text, input.valueEnd, Math.min(input.clauseEnd, input.valueEnd + 40))
      : null)
  );
}

/** The category when the figure's own words name none: a list's, or the sentence's nearest. */
export function contextCategory(input: CategoryInput): string | null {
  // A list continues the previous figure's indicator (`100% cấp tiểu học và 99% cấp trung học cơ sở`).
  if (input.listPrevious?.category) return input.listPrevious.category;
  // An elided subject (`có 80% trở lên hoàn thành tốt nhiệm vụ`): the nearest phrasing before it
  // in the sentence, otherwise the nearest after.
  const elided = !input.indicator || ELIDED_SUBJECT.test(input.indicator);
  const backward = nearestCategory(input.text, input.sentenceStart, input.valueStart, "backward");
  const forward = nearestCategory(input.text, input.spanEnd, input.sentenceEnd, "forward");
  return elided ? (backward ?? forward) : (forward ?? backward);
}

/** Refines a category by the figure's unit: a share of poor households is the poverty rate. */
export function refineCategory(category: string | null, unit: string | null): string | null {
  if (category === "poor_households" && unit?.startsWith("%")) return "poverty_rate";
  return category;
}

registerPatterns(ELIDED_SUBJECT);
