/**
 * The shapes the figure rules share: the context of one extraction, a figure in canonical-text
 * offsets, and the draft a rule looks at while a mention becomes a figure.
 */
import type { Sentence } from "../../text/sentences.ts";
import type { Span } from "../exclusions.ts";
import type { HorizonMarker } from "../horizons.ts";
import type { ModeTracker } from "../mode.ts";
import type { QuantityMention } from "../quantities.ts";
import type { Comparator, Direction, Horizon, ItemKind } from "../types.ts";

/** A target or result in canonical-text offsets, before mapping back to the input. */
export interface CanonicalFigure {
  kind: Exclude<ItemKind, "deadline">;
  start: number;
  end: number;
  sentenceIndex: number;
  indicator: string;
  category: string | null;
  value: QuantityMention["value"];
  unit: string | null;
  comparator: Comparator;
  direction: Direction | null;
  horizon: Horizon | null;
  rule: string;
  /** The signal words that decided `kind` (see `ModeDecision.words`). */
  modeWords: string[];
}

export interface FigureContext {
  text: string;
  sentences: readonly Sentence[];
  excluded: readonly Span[];
  /** Year deadlines: a clause starts after them (`Đến năm 2025, GRDP …`). */
  deadlineSpans: readonly Span[];
  horizons: readonly HorizonMarker[];
  modes: ModeTracker;
}

/** The figure made last in the same sentence, with the mention it came from. */
export interface PreviousFigure {
  figure: CanonicalFigure;
  mention: QuantityMention;
}

/** A mention on its way to becoming a figure. */
export interface FigureDraft {
  mention: QuantityMention;
  /** The mention after it, if any (an indicator that follows its value stops there). */
  next: QuantityMention | undefined;
  sentenceIndex: number;
  sentence: Sentence;
  /** The figure made last in the same sentence, if any. */
  previous: PreviousFigure | null;
}

/** Where a figure's clause starts and ends. */
export interface ClauseSpan {
  start: number;
  end: number;
}
