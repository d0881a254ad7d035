/**
 * The signals that say whether a clause reports a figure (result) or sets one (target), as an
 * ordered list of small rules (chrono-style): each finds its words and weighs them, positive for a
 * result, negative for a target. A rule that `consumes` its words hides them from the rules after
 * it (`vượt 17,5% mục tiêu Nghị quyết` is a report, and its `mục tiêu` is no target signal).
 * Dictionaries live in `vocabulary.ts`.
 */

import { matchAllAtWordStart, phraseAlternation, WORD_END } from "../text/boundaries.ts";
import { allMatches } from "../text/matches.ts";
import {
  MEASURE_UNITS,
  MODE_NEUTRAL_PHRASES,
  PASSIVE_REPORT_VERBS,
  PLAN_ARTICLE_SIGNALS,
  PLAN_PAST_PHRASES,
  RESULT_SIGNALS,
  REVIEW_ARTICLE_SIGNALS,
  SCALE_WORDS,
  TARGET_SIGNALS,
} from "./vocabulary.ts";

export interface ModeEvidence {
  /** > 0 result, < 0 target, 0 undecided. */
  balance: number;
  /** The words that weighed, in order. */
  words: string[];
}

interface ModeSignal {
  name: string;
  pattern: RegExp;
  /** The weight of one match (0: the match says nothing, but may still consume its words). */
  weigh(match: RegExpMatchArray, referenceYear: number | null): number;
  /** Hide the matched words from the rules after this one. */
  consumes?: boolean;
  /** A match must begin at a word start (checked in code: see `matchAllAtWordStart`). */
  wordStart?: boolean;
  /** Every match holds a digit: a clause without one is not searched. */
  needsDigit?: boolean;
}

/** Whole words of a list, to be matched at word starts (`wordStart`). */
const words = (list: readonly string[]) =>
  new RegExp(`(?:${phraseAlternation(list)})${WORD_END}`, "giu");

const NUMBER_WORD = "(?:\\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)";

const yearWeight = (year: number, referenceYear: number | null, past: number, future: number) =>
  referenceYear === null ? 0 : year < referenceYear ? past : year > referenceYear ? future : 0;

/** The mode signals, in the order they are applied. */
export const MODE_SIGNALS: readonly ModeSignal[] = [
  {
    // `đã đề ra`, `đã thông qua`: the plan's past, not a result; `kế hoạch hóa gia đình`: no plan.
    name: "plan-past",
    pattern: words([...PLAN_PAST_PHRASES, ...MODE_NEUTRAL_PHRASES]),
    wordStart: true,
    consumes: true,
    weigh: () => 0,
  },
  {
    // `đảm bảo theo kế hoạch đề ra`, `hoàn thành đúng tiến độ đề ra`, `, đạt chỉ tiêu đề ra` after a
    // figure: how the work fared
    // against the plan, a report (`phấn đấu đạt chỉ tiêu đề ra` has no comma: a plan).
    name: "met-the-plan",
    pattern:
      /(?:(?<![\p{L}\p{M}])(?:đảm bảo|bảo đảm)\s+(?:theo\s+|so với\s+)?|(?<![\p{L}\p{M}])(?:hoàn thành|đạt)\s+(?:đúng|trước|vượt)\s+|[,(]\s*(?:đều\s+)?đạt\s+(?:so với\s+)?)(?:(?:các|những)\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu|nghị quyết|dự toán|tiến độ|thời hạn)(?:\s+(?:đề ra|đã đề ra|giao|được giao|năm|nghị quyết|đại hội))*(?![\p{L}\p{M}])/giu,
    consumes: true,
    weigh: () => 1,
  },
  {
    // How the plan's figures fared: `12/20 chỉ tiêu đạt và vượt`, `3 chỉ tiêu không đạt`, `các chỉ
    // tiêu, nhiệm vụ về kinh tế đều đạt và vượt`.
    name: "targets-status",
    pattern: new RegExp(
      `(?:chỉ tiêu|mục tiêu)(?:\\s+chủ yếu)?(?:[^.;:]{0,40}?\\s(?:đều|đã)|(?:\\s+(?:đều|đã))?)\\s+(?:đạt và vượt|vượt|không đạt|chưa đạt)(?:\\s+(?:so với\\s+)?(?:các\\s+)?(?:kế hoạch|mục tiêu|chỉ tiêu|nghị quyết)(?:\\s+(?:đề ra|giao|năm|nghị quyết|đại hội))*)?${WORD_END}`,
      "giu",
    ),
    wordStart: true,
    consumes: true,
    weigh: () => 1,
  },
  {
    // A figure measured against the plan: `vượt 17,5% mục tiêu`, `bằng 81,7% kế hoạch`, `chưa đạt
    // chỉ tiêu`, `đạt 108,5% dự toán`. Exceeding, missing or a share of the plan reports a result;
    // `đạt 100% chỉ tiêu` may be a plan's quota as well as a report, and says nothing.
    name: "plan-comparison",
    pattern: new RegExp(
      `(vượt|đạt và vượt|hoàn thành và vượt|chưa đạt|không đạt|bằng|đạt|cao hơn|thấp hơn)\\s+(?:(?:khoảng|gần|trên|hơn)\\s+)?(?:(\\d[\\d.,]*)\\s*%\\s+)?(?:so với\\s+|so\\s+)?(?:(?:các|những)\\s+)?(?:mục tiêu|chỉ tiêu|kế hoạch|nghị quyết|dự toán)(?:\\s+(?:chủ yếu|của|nghị quyết|đại hội|đề ra|đã đề ra|giao|năm))*${WORD_END}`,
      "giu",
    ),
    wordStart: true,
    consumes: true,
    weigh(match) {
      const verb = (match[1] as string).toLowerCase();
      const share = match[2];
      if (verb !== "đạt") return 1;
      if (!share) return 0;
      return share === "100" ? 0 : 1;
    },
  },
  {
    // `đạt 12/20 chỉ tiêu`, `hoàn thành 38/43 tiêu chí`: part of the plan met is a report.
    name: "part-of-plan-met",
    pattern: /(\d+)\s*\/\s*(\d+)\s+(?:chỉ tiêu|tiêu chí|nội dung|nhiệm vụ)(?![\p{L}\p{M}])/giu,
    needsDigit: true,
    weigh: (match) => (Number(match[1]) < Number(match[2]) ? 1 : 0),
  },
  {
    // `an ninh được giữ vững`, `đời sống được cải thiện`: a passive reports a state reached.
    name: "passive-report",
    pattern: new RegExp(`được\\s+(?:${phraseAlternation(PASSIVE_REPORT_VERBS)})${WORD_END}`, "giu"),
    wordStart: true,
    consumes: true,
    weigh: () => 1,
  },
  {
    // Achieved of planned: `71,4%/60%`, `12.350/11.000 tỷ đồng`, `673/550 ha` — a report.
    name: "achieved-of-planned",
    pattern: new RegExp(
      `(?<![\\d/.,])\\d[\\d.,]*\\s*(?:%\\s*\\/\\s*\\d[\\d.,]*\\s*%|\\/\\s*\\d[\\d.,]*\\s*(?:${phraseAlternation([...SCALE_WORDS, ...MEASURE_UNITS.filter((u) => u !== "%")])})${WORD_END})`,
      "giu",
    ),
    needsDigit: true,
    weigh: () => 1,
  },
  {
    // `Sáu tháng đầu năm`, `9 tháng đầu năm 2023`: a review period, unless a later year.
    name: "review-period",
    pattern: new RegExp(
      `${NUMBER_WORD}\\s+tháng\\s+(?:đầu\\s+)?năm(?:\\s+(\\d{4}))?${WORD_END}`,
      "giu",
    ),
    wordStart: true,
    consumes: true,
    weigh: (match, referenceYear) =>
      match[1] && referenceYear !== null && Number(match[1]) > referenceYear
        ? 0
        : /đầu/iu.test(match[0])
          ? 1
          : 0,
  },
  {
    // `sau 5 năm thực hiện`, `qua 03 năm`, `5 năm qua`: the span under review.
    name: "span-under-review",
    pattern: new RegExp(
      `(?:(?:sau|qua)\\s+(?:hơn\\s+|gần\\s+)?${NUMBER_WORD}\\s+năm${WORD_END}|${NUMBER_WORD}\\s+năm\\s+qua${WORD_END})`,
      "giu",
    ),
    wordStart: true,
    consumes: true,
    weigh: () => 1,
  },
  {
    // `trồng rừng được 673 ha`, `kết nạp được 21 đảng viên`: a count already achieved.
    name: "achieved-count",
    pattern: /(?<![\p{L}\p{M}])được\s+(?:(?:gần|hơn|trên|khoảng)\s+)?\d/giu,
    needsDigit: true,
    weigh: () => 1,
  },
  {
    name: "result-words",
    pattern: words(RESULT_SIGNALS),
    wordStart: true,
    weigh: () => 1,
  },
  {
    name: "target-words",
    pattern: words(TARGET_SIGNALS),
    wordStart: true,
    weigh: () => -1,
  },
  {
    // `đến năm 2025` in a 2021 article sets a horizon; `đến năm 2020` in it reports.
    name: "year-until",
    pattern: /(?:đến|tới|trước|trong|vào)\s+(?:cuối\s+|hết\s+)?(?:năm\s+)?(\d{4})(?![\d/])/giu,
    needsDigit: true,
    weigh: (match, referenceYear) => yearWeight(Number(match[1]), referenceYear, 2, -2),
  },
  {
    // `năm 2022 đạt`: a past year named on its own reports what happened then; a later one plans.
    // Not a comparison's base (`so với năm 2020`, `giá so sánh năm 2010`) nor a span's start.
    name: "bare-year",
    pattern:
      /(?<!(?:đến|tới|trước|trong|vào|cuối|hết|so với|so sánh|từ|giá|gốc)\s+)năm\s+(\d{4})(?!\s*-)/giu,
    needsDigit: true,
    weigh: (match, referenceYear) => yearWeight(Number(match[1]), referenceYear, 1, -1),
  },
  {
    // Compared with an earlier year than the article's: a report (`tăng 5% so với năm 2022`).
    name: "compared-year",
    pattern: /so với\s+(?:cùng kỳ\s+)?năm\s+(\d{4})/giu,
    needsDigit: true,
    weigh: (match, referenceYear) =>
      referenceYear !== null && Number(match[1]) < referenceYear ? 1 : 0,
  },
  {
    // A period that ended before the article, or ends in its year having begun years before
    // (`giai đoạn 2016 - 2020` in a 2020 article: the term under review).
    name: "past-period",
    pattern: /(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+(\d{4})\s*-\s*(\d{4})/giu,
    needsDigit: true,
    weigh(match, referenceYear) {
      if (referenceYear === null) return 0;
      const from = Number(match[1]);
      const to = Number(match[2]);
      return to < referenceYear || (to === referenceYear && from < referenceYear) ? 1 : 0;
    },
  },
];

/** Whether `text` holds an ASCII digit (what `\d` matches). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** `text` with every match's stretch turned to spaces (same length). */
function blanked(text: string, matches: readonly RegExpExecArray[]): string {
  let out = text;
  for (const match of matches) {
    const start = match.index;
    const end = start + match[0].length;
    out = out.slice(0, start) + " ".repeat(end - start) + out.slice(end);
  }
  return out;
}

/** Weighs one clause with every mode signal in order. */
export function weighClause(clause: string, referenceYear: number | null): ModeEvidence {
  let text = clause;
  let balance = 0;
  const found: Array<{ at: number; word: string }> = [];
  // Consumed words are blanked, never added: a clause without a digit keeps none.
  const digits = hasDigit(clause);
  for (const signal of MODE_SIGNALS) {
    if (signal.needsDigit && !digits) continue;
    signal.pattern.lastIndex = 0;
    const matches = signal.wordStart
      ? matchAllAtWordStart(signal.pattern, text)
      : allMatches(signal.pattern, text);
    if (matches.length === 0) continue;
    for (const match of matches) {
      const weight = signal.weigh(match, referenceYear);
      if (weight !== 0) {
        balance += weight;
        found.push({ at: match.index, word: match[0].trim() });
      }
    }
    // Blanked after the search: the matches were found in the text as it was before.
    if (signal.consumes) text = blanked(text, matches);
  }
  return { balance, words: found.sort((a, b) => a.at - b.at).map((f) => f.word) };
}

const REVIEW_TITLE = words(REVIEW_ARTICLE_SIGNALS);
const PLAN_TITLE = words(PLAN_ARTICLE_SIGNALS);
const SPAN_UNDER_REVIEW = MODE_SIGNALS.find((s) => s.name === "span-under-review")
  ?.pattern as RegExp;

/**
 * The frame a title and lead give an article: > 0 a review (its unmarked figures are results),
 * < 0 a plan, 0 neither or both.
 */
export function weighTitle(titleAndLead: string): number {
  const count = (pattern: RegExp) => matchAllAtWordStart(pattern, titleAndLead).length;
  // A review that also sets the next period's tasks (`sơ kết 6 tháng đầu năm, triển khai nhiệm vụ
  // 6 tháng cuối năm`) reports most of its figures: any review word frames it as a review.
  if (count(REVIEW_TITLE) + count(SPAN_UNDER_REVIEW) > 0) return 1;
  return count(PLAN_TITLE) > 0 ? -1 : 0;
}
