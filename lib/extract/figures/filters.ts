/**
 * Refiners on a figure's own words: a physical measure with nothing measured is a news fact, not a
 * figure; a percentage of the plan measures the resolution's completion.
 */
import { phraseAlternation, WORD_END, WORD_START } from "../../text/boundaries.ts";
import type { QuantityMention } from "../quantities.ts";
import { MEASURED_WORDS, PHYSICAL_UNITS } from "../vocabulary.ts";
import type { ClauseSpan } from "./types.ts";

const PHYSICAL_UNIT = new RegExp(`^(?:${phraseAlternation(PHYSICAL_UNITS)})$`, "iu");
const MEASURED_BEFORE = new RegExp(
  `${WORD_START}(?:${phraseAlternation(MEASURED_WORDS)})${WORD_END}`,
  "iu",
);
const RESOLUTION_SHARE =
  /^\s*(?:so với\s+)?(?:Nghị quyết|kế hoạch|chỉ tiêu|mục tiêu|dự toán)(?:\s+(?:đề ra|giao|Đại hội))?/iu;

/**
 * A physical measure with no category and nothing measured before it in its clause (`đã tặng
 * 500 m² đất`) is a news fact; `diện tích … đạt 1.900 ha`, `sản lượng: 25.000 tấn` are figures.
 */
export function isBareMeasure(
  text: string,
  mention: QuantityMention,
  clause: ClauseSpan,
  category: string | null,
): boolean {
  return (
    !category &&
    mention.unitKind === "measure" &&
    mention.unit !== null &&
    PHYSICAL_UNIT.test(mention.unit) &&
    !MEASURED_BEFORE.test(text.slice(clause.start, mention.valueStart))
  );
}

/**
 * `đạt 108,5% kế hoạch`: the words naming the plan after a percentage, or null. A yearly rate
 * against the plan (`tăng bình quân 10%/năm trở lên so với kế hoạch`) is a rate, not a share.
 */
export function resolutionShare(text: string, mention: QuantityMention): string | null {
  if (mention.unit !== "%") return null;
  return RESOLUTION_SHARE.exec(text.slice(mention.end, mention.end + 40))?.[0] ?? null;
}
