/**
 * The clause a figure stands in: from the previous figure, a year deadline heading the sentence or
 * the last clause boundary, to the next boundary; a label before a colon belongs to its figure.
 */
import { clauseEnd, clauseStart } from "../clauses.ts";
import type { Span } from "../exclusions.ts";
import type { ClauseSpan, FigureDraft } from "./types.ts";

export function figureClause(
  text: string,
  draft: FigureDraft,
  deadlineSpans: readonly Span[],
): ClauseSpan {
  const { mention, sentence, previous } = draft;
  let floor = previous ? Math.max(sentence.start, previous.mention.end) : sentence.start;
  // `Đến năm 2025, GRDP …`: a clause starts after a year deadline.
  for (const d of deadlineSpans) {
    if (d.end <= mention.valueStart && d.end > floor && d.start >= sentence.start) floor = d.end;
  }
  let start = clauseStart(text, mention.valueStart, floor);
  // `Tổng sản lượng lương thực bình quân hằng năm: 25.000 tấn`: a label before a colon names the figure.
  if (
    start > floor &&
    text[start - 1] === ":" &&
    text.slice(start, mention.valueStart).trim() === ""
  )
    start = clauseStart(text, start - 1, floor);
  return { start, end: clauseEnd(text, mention.end, sentence.end) };
}
