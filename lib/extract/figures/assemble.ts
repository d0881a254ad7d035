/**
 * Targets and results from quantity mentions (chrono-style): for each mention in order, the merge
 * refiners may fold it into the figure before it; otherwise its clause is found, the acceptance
 * rule for its unit decides whether it is a figure, and its indicator, category, comparator,
 * direction, horizon and kind are filled in by one small module each. Deadlines come from
 * `../deadlines/`.
 */
import type { Steps } from "../../steps.ts";
import { type Sentence, sentenceIndexAt } from "../../text/sentences.ts";
import { overlapsAny } from "../exclusions.ts";
import {
  type CategoryInput,
  contextCategory,
  ownCategory,
  refineCategory,
} from "../figure-category.ts";
import type { QuantityMention } from "../quantities.ts";
import { decideFigure } from "./acceptance.ts";
import { figureClause } from "./clause.ts";
import { figureComparator, figureDirection, figureHorizon } from "./fields.ts";
import { isBareMeasure, resolutionShare } from "./filters.ts";
import { figureIndicator } from "./indicator.ts";
import { mergeIntoPrevious } from "./merges.ts";
import type { CanonicalFigure, FigureContext, FigureDraft, PreviousFigure } from "./types.ts";

export type { CanonicalFigure, FigureContext } from "./types.ts";

/** Mentions looked at between two pauses (see lib/steps.ts). */
const MENTIONS_PER_STEP = 4;
/** Between a list item and the figure before it: a comma, `và`, `hoặc`, no clause break. */
const LIST_SEPARATOR = /^[^;:.\n]{0,40}(?:,|\svà|\shoặc)\s*$/u;

/** The figures among `mentions`, a few mentions a step. */
export function* assembleFigureSteps(
  mentions: readonly QuantityMention[],
  ctx: FigureContext,
): Steps<CanonicalFigure[]> {
  const { text } = ctx;
  const figures: CanonicalFigure[] = [];
  let last: PreviousFigure | null = null;

  for (let index = 0; index < mentions.length; index++) {
    if (index > 0 && index % MENTIONS_PER_STEP === 0) yield;
    const mention = mentions[index] as QuantityMention;
    const sentenceIndex = sentenceIndexAt(ctx.sentences, mention.valueStart);
    if (sentenceIndex < 0) continue;
    if (overlapsAny(ctx.excluded, mention.valueStart, mention.end)) continue;
    const draft: FigureDraft = {
      mention,
      next: mentions[index + 1],
      sentenceIndex,
      sentence: ctx.sentences[sentenceIndex] as Sentence,
      previous: last && last.figure.sentenceIndex === sentenceIndex ? last : null,
    };
    if (mergeIntoPrevious(text, draft)) continue;
    const figure = makeFigure(ctx, draft);
    if (!figure) continue;
    figures.push(figure);
    last = { figure, mention };
  }
  return figures;
}

/** The figure a mention makes, or null when it is none. */
function makeFigure(ctx: FigureContext, draft: FigureDraft): CanonicalFigure | null {
  const { text } = ctx;
  const { mention, sentence, previous } = draft;
  const clause = figureClause(text, draft, ctx.deadlineSpans);
  const decision = decideFigure(text, mention, clause, sentence);
  if (!decision.accepted) return null;

  const found = figureIndicator(text, draft, clause);
  let { indicator, spanEnd } = found;
  const categoryInput: CategoryInput = {
    text,
    indicator,
    valueStart: mention.valueStart,
    valueEnd: mention.end,
    unit: mention.unit,
    unitKind: mention.unitKind,
    spanStart: found.spanStart,
    spanEnd,
    clauseStart: clause.start,
    clauseEnd: clause.end,
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
    listPrevious:
      previous && LIST_SEPARATOR.test(text.slice(previous.mention.end, clause.start))
        ? previous.figure
        : null,
  };
  let category = ownCategory(categoryInput);
  if (isBareMeasure(text, mention, clause, category)) return null;
  const share = resolutionShare(text, mention);
  if (share !== null) {
    category = "resolution_completion";
    spanEnd = Math.max(spanEnd, mention.end + share.length);
    if (!found.precedingText && previous) indicator = previous.figure.indicator;
  }
  category = refineCategory(
    category ?? contextCategory({ ...categoryInput, spanEnd }),
    mention.unit,
  );
  const unit = mention.unit ?? decision.impliedUnit ?? null;
  const mode = ctx.modes.modeFor(draft.sentenceIndex, mention.valueStart - sentence.start);
  return {
    kind: mode.kind,
    start: Math.min(found.spanStart, mention.valueStart),
    end: Math.max(spanEnd, mention.end),
    sentenceIndex: draft.sentenceIndex,
    indicator: indicator.slice(0, 160),
    category,
    value: mention.value,
    unit,
    comparator: figureComparator(mention, found.comparatorWord),
    direction: figureDirection(text, mention, clause),
    horizon: figureHorizon(text, ctx.horizons, sentence, mention, clause, unit),
    rule: `figure.${mention.unitKind ?? "implied"}${mention.isRatio ? ".ratio" : ""}${mention.isRange ? ".range" : ""}`,
    modeWords: mode.words,
  };
}
