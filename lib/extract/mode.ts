/**
 * Target or result: does a sentence set a figure to reach, or report one reached?
 * Signals are counted per sentence; a sentence without signals takes the mode of
 * the sentence before it in the same paragraph, then the article's default
 * (a review article — `sơ kết`, `tổng kết` — reports results).
 */

import { phraseAlternation, WORD_END, WORD_START } from "../text/boundaries.ts";
import { canonical } from "../text/normalize.ts";
import { registerPatterns } from "../text/patterns.ts";
import type { ItemKind } from "./types.ts";
import {
  PLAN_PAST_PHRASES,
  RESULT_SIGNALS,
  REVIEW_ARTICLE_SIGNALS,
  TARGET_SIGNALS,
} from "./vocabulary.ts";

type FigureKind = Exclude<ItemKind, "deadline">;

const words = (list: readonly string[]) =>
  new RegExp(`${WORD_START}(?:${phraseAlternation(list)})${WORD_END}`, "giu");
const RESULT = words(RESULT_SIGNALS);
const TARGET = words(TARGET_SIGNALS);
const PLAN_PAST = words(PLAN_PAST_PHRASES);
const REVIEW = words(REVIEW_ARTICLE_SIGNALS);
const YEAR_AFTER_UNTIL = /(?:đến|tới|trước|trong|vào)\s+(?:cuối\s+|hết\s+)?(?:năm\s+)?(\d{4})/giu;
// `năm 2022 đạt`: a past year named on its own reports what happened then.
const BARE_YEAR = /(?<!(?:đến|tới|trước|trong|vào|cuối|hết|so với|từ)\s+)năm\s+(\d{4})(?!\s*-)/giu;
const PAST_PERIOD = /(?:giai đoạn|nhiệm kỳ)\s+(\d{4})\s*-\s*(\d{4})/giu;

/** The mode a whole article defaults to, from its title and lead. */
export function articleDefaultMode(titleAndLead: string): FigureKind {
  REVIEW.lastIndex = 0;
  return REVIEW.test(canonical(titleAndLead)) ? "result" : "target";
}

/** Signal balance of one stretch of text: > 0 result, < 0 target, 0 undecided. */
export function signalBalance(text: string, referenceYear: number | null): number {
  const cleaned = text.replace(PLAN_PAST, " ");
  let balance = 0;
  balance += (cleaned.match(RESULT) ?? []).length;
  balance -= (cleaned.match(TARGET) ?? []).length;
  if (referenceYear !== null) {
    for (const m of text.matchAll(YEAR_AFTER_UNTIL)) {
      const year = Number(m[1]);
      if (year > referenceYear) balance -= 2;
      else if (year < referenceYear) balance += 2;
    }
    for (const m of text.matchAll(BARE_YEAR)) {
      const year = Number(m[1]);
      if (year < referenceYear) balance += 1;
    }
    for (const m of text.matchAll(PAST_PERIOD)) {
      if (Number(m[2]) < referenceYear) balance += 1;
    }
  }
  return balance;
}

export interface ModeTracker {
  /** The mode for a figure in a sentence, given the text of the sentence up to the figure's clause. */
  modeFor(sentenceIndex: number, paragraph: number, sentenceText: string): FigureKind;
}

/** Tracks the mode across sentences, carrying it within a paragraph. */
export function createModeTracker(
  defaultMode: FigureKind,
  referenceYear: number | null,
): ModeTracker {
  let lastParagraph = -1;
  let carried: FigureKind | null = null;
  const decided = new Map<number, FigureKind>();
  return {
    modeFor(sentenceIndex, paragraph, sentenceText) {
      const known = decided.get(sentenceIndex);
      if (known) return known;
      if (paragraph !== lastParagraph) {
        carried = null;
        lastParagraph = paragraph;
      }
      const balance = signalBalance(sentenceText, referenceYear);
      let mode: FigureKind;
      if (balance > 0) mode = "result";
      else if (balance < 0) mode = "target";
      else mode = carried ?? defaultMode;
      if (balance !== 0) carried = mode;
      decided.set(sentenceIndex, mode);
      return mode;
    },
  };
}

registerPatterns(YEAR_AFTER_UNTIL, BARE_YEAR, PAST_PERIOD, RESULT, TARGET, PLAN_PAST, REVIEW);
