/**
 * Whether a quantity mention is a figure (a target or result) in its clause:
 * units that are figures by themselves, count nouns that need an achievement in
 * their clause, ratio nouns that need a ratio, people that need recruitment or
 * jobs around them, and bare numbers whose unit the clause names before them.
 */

import { phraseAlternation, WORD_END, WORD_START } from "../text/boundaries.ts";
import { registerPatterns } from "../text/patterns.ts";
import type { QuantityMention } from "./quantities.ts";
import {
  ACHIEVEMENT_WORDS,
  COUNT_NOUNS,
  COUNT_NOUNS_NEEDING_ACHIEVEMENT,
  PEOPLE_CONTEXT,
  PEOPLE_NOUNS,
} from "./vocabulary.ts";

const ACHIEVEMENT = new RegExp(
  `${WORD_START}(?:${phraseAlternation(ACHIEVEMENT_WORDS)})${WORD_END}`,
  "iu",
);
const PEOPLE_WORDS = new RegExp(
  `${WORD_START}(?:${phraseAlternation(PEOPLE_CONTEXT)})${WORD_END}`,
  "iu",
);
const VERB_BEFORE_RATIO_NOUN =
  /(?:đạt|vượt|vượt mức|hoàn thành|đạt và vượt|thực hiện được|có)\s+(?:từ\s+|trên\s+|dưới\s+)?$/iu;
// `35 chỉ tiêu đạt`, `9 chỉ tiêu vượt`: how many of the plan's figures fared how.
const VERB_AFTER_RATIO_NOUN =
  /^\s*(?:đều\s+)?(?:đạt|vượt|không đạt|chưa đạt|hoàn thành)(?![\p{L}\p{M}])/iu;
const IMPLIED_UNIT = new RegExp(
  `${WORD_START}(${phraseAlternation([...PEOPLE_NOUNS, ...COUNT_NOUNS, ...COUNT_NOUNS_NEEDING_ACHIEVEMENT])})${WORD_END}`,
  "giu",
);
const BARE_VALUE_FRAME = /(?:từ|là|đạt|được|khoảng|trên|ít nhất)\s*$/iu;
const AFTER_BARE_VALUE = /^\s*(?:[(),;.]|$|và\s)/u;

export interface FigureDecision {
  accepted: boolean;
  /** A unit named earlier in the clause, for bare numbers (`kết nạp đảng viên … từ 450-500`). */
  impliedUnit?: string;
}

export function decideFigure(
  text: string,
  mention: QuantityMention,
  clause: { start: number; end: number },
  sentence: string,
  sentenceStart = clause.start,
): FigureDecision {
  const before = text.slice(clause.start, mention.valueStart);
  const after = text.slice(mention.end, clause.end);
  switch (mention.unitKind) {
    case "percent":
    case "measure":
    case "count":
      return { accepted: true };
    case "locality-count":
      return {
        accepted:
          mention.isRatio ||
          ACHIEVEMENT.test(before) ||
          ACHIEVEMENT.test(after) ||
          ACHIEVEMENT.test(
            text.slice(Math.max(sentenceStart, mention.valueStart - 80), mention.valueStart),
          ),
      };
    case "ratio-noun":
      return {
        accepted:
          mention.isRatio ||
          // `13,45 tiêu chí/xã`: an average per unit.
          (mention.unit?.includes("/") ?? false) ||
          VERB_BEFORE_RATIO_NOUN.test(before) ||
          VERB_AFTER_RATIO_NOUN.test(after),
      };
    case "people":
      return { accepted: PEOPLE_WORDS.test(sentence) };
    default: {
      if (!BARE_VALUE_FRAME.test(before)) return { accepted: false };
      if (!AFTER_BARE_VALUE.test(text.slice(mention.end, mention.end + 5)))
        return { accepted: false };
      if (mention.value.min >= 1900 && mention.value.max <= 2100) return { accepted: false };
      const nouns = [...before.matchAll(IMPLIED_UNIT)];
      const noun = nouns[nouns.length - 1]?.[1];
      if (!noun) return { accepted: false };
      const people = PEOPLE_NOUNS.includes(noun.toLowerCase());
      if (people && !PEOPLE_WORDS.test(sentence)) return { accepted: false };
      return { accepted: true, impliedUnit: noun };
    }
  }
}

registerPatterns(
  ACHIEVEMENT,
  PEOPLE_WORDS,
  VERB_BEFORE_RATIO_NOUN,
  VERB_AFTER_RATIO_NOUN,
  IMPLIED_UNIT,
  BARE_VALUE_FRAME,
  AFTER_BARE_VALUE,
);
