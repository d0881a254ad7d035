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
// How the plan's figures fared: `12/20 chỉ tiêu đạt và vượt`, `3 chỉ tiêu không đạt`. A report.
const TARGETS_STATUS = new RegExp(
  `${WORD_START}(?:chỉ tiêu|mục tiêu)(?:\\s+chủ yếu)?(?:\\s+(?:đều|đã))?\\s+(?:đạt và vượt|vượt|không đạt|chưa đạt)(?:\\s+(?:các\\s+)?(?:kế hoạch|mục tiêu|chỉ tiêu|nghị quyết)(?:\\s+(?:đề ra|giao|năm|nghị quyết|đại hội))*)?${WORD_END}`,
  "giu",
);
// A figure measured against the plan: `vượt 17,5% mục tiêu Nghị quyết`, `bằng 81,7% kế hoạch`,
// `chưa đạt chỉ tiêu`, `vượt 2,2% so với Nghị quyết`. The plan's words in it (mục tiêu, kế hoạch,
// đề ra) do not make the figure a target; exceeding, missing or a share of the plan reports one.
const PLAN_COMPARISON = new RegExp(
  `${WORD_START}(vượt|đạt và vượt|hoàn thành và vượt|chưa đạt|không đạt|bằng|đạt)\\s+(?:(?:khoảng|gần|trên|hơn)\\s+)?(\\d[\\d.,]*\\s*%\\s+)?(?:so với\\s+)?(?:(?:các|những)\\s+)?(?:mục tiêu|chỉ tiêu|kế hoạch|nghị quyết)(?:\\s+(?:chủ yếu|của|nghị quyết|đại hội|đề ra|đã đề ra|giao|năm))*${WORD_END}`,
  "giu",
);
const RETROSPECTIVE_VERB = /^(?:vượt|chưa đạt|không đạt|bằng)$/iu;
/** Clauses of a sentence that may speak in different modes (`… đạt 45 triệu; phấn đấu …`). */
const CLAUSE_BREAK = /;/g;

/** The mode a whole article defaults to, from its title and lead. */
export function articleDefaultMode(titleAndLead: string): FigureKind {
  REVIEW.lastIndex = 0;
  return REVIEW.test(canonical(titleAndLead)) ? "result" : "target";
}

/** Signal balance of one stretch of text: > 0 result, < 0 target, 0 undecided. */
export function signalBalance(text: string, referenceYear: number | null): number {
  let balance = 0;
  const cleaned = text
    .replace(PLAN_PAST, " ")
    .replace(TARGETS_STATUS, () => {
      balance += 1;
      return " ";
    })
    .replace(PLAN_COMPARISON, (_whole, verb: string, share: string | undefined) => {
      if (share || RETROSPECTIVE_VERB.test(verb)) balance += 1;
      return " ";
    });
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
      // A period that ended before the article, or ends in its year having begun years before
      // (`giai đoạn 2016 - 2020` in a 2020 article: the term under review).
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (to < referenceYear || (to === referenceYear && from < referenceYear)) balance += 1;
    }
  }
  return balance;
}

export interface ModeTracker {
  /**
   * The mode for a figure in a sentence: its clause's signals (clauses are cut at `;`), else the
   * clause before it in the sentence, else the whole sentence's, else the mode carried from the
   * paragraph's sentences before, else the article's default. `offset` is where the figure
   * stands in `sentenceText`.
   */
  modeFor(
    sentenceIndex: number,
    paragraph: number,
    sentenceText: string,
    offset?: number,
  ): FigureKind;
}

interface SentenceModes {
  /** Where each clause ends in the sentence. */
  clauseEnds: number[];
  modes: FigureKind[];
}

/** Tracks the mode across sentences, carrying it within a paragraph. */
export function createModeTracker(
  defaultMode: FigureKind,
  referenceYear: number | null,
): ModeTracker {
  let lastParagraph = -1;
  let carried: FigureKind | null = null;
  const decided = new Map<number, SentenceModes>();
  const sign = (balance: number): FigureKind | null =>
    balance > 0 ? "result" : balance < 0 ? "target" : null;

  const decide = (sentenceText: string): SentenceModes => {
    const clauseEnds: number[] = [];
    for (const m of sentenceText.matchAll(CLAUSE_BREAK)) clauseEnds.push(m.index as number);
    clauseEnds.push(sentenceText.length);
    const balances = clauseEnds.map((end, i) =>
      signalBalance(
        sentenceText.slice(i === 0 ? 0 : (clauseEnds[i - 1] as number) + 1, end),
        referenceYear,
      ),
    );
    const whole = sign(balances.reduce((sum, b) => sum + b, 0));
    const modes: FigureKind[] = [];
    let previous: FigureKind | null = null;
    for (const balance of balances) {
      const own = sign(balance);
      modes.push(own ?? previous ?? whole ?? carried ?? defaultMode);
      if (own) previous = own;
    }
    if (previous) carried = previous;
    return { clauseEnds, modes };
  };

  return {
    modeFor(sentenceIndex, paragraph, sentenceText, offset = 0) {
      let sentence = decided.get(sentenceIndex);
      if (!sentence) {
        if (paragraph !== lastParagraph) {
          carried = null;
          lastParagraph = paragraph;
        }
        sentence = decide(sentenceText);
        decided.set(sentenceIndex, sentence);
      }
      const clause = sentence.clauseEnds.findIndex((end) => offset <= end);
      return sentence.modes[clause < 0 ? sentence.modes.length - 1 : clause] as FigureKind;
    },
  };
}

registerPatterns(
  YEAR_AFTER_UNTIL,
  BARE_YEAR,
  PAST_PERIOD,
  TARGETS_STATUS,
  PLAN_COMPARISON,
  RESULT,
  TARGET,
  PLAN_PAST,
  REVIEW,
);
