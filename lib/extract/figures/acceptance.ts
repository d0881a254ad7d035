/**
 * Whether a quantity mention is a figure (a target or result) in its clause, one rule per kind of
 * unit: units that are figures by themselves, count nouns that need an achievement in their clause,
 * ratio nouns that need a ratio or a verb, people that need recruitment or jobs around them, and
 * bare numbers whose unit the clause names before them.
 */

import { phraseAlternation, WORD_END, WORD_START } from "../../text/boundaries.ts";
import { allMatches } from "../../text/matches.ts";
import type { QuantityMention, UnitKind } from "../quantities.ts";
import {
  ACHIEVEMENT_WORDS,
  COUNT_NOUNS,
  COUNT_NOUNS_NEEDING_ACHIEVEMENT,
  PEOPLE_CONTEXT,
  PEOPLE_NOUNS,
} from "../vocabulary.ts";
import type { ClauseSpan } from "./types.ts";

export interface FigureDecision {
  accepted: boolean;
  /** A unit named earlier in the clause, for bare numbers (`kết nạp đảng viên … từ 450-500`). */
  impliedUnit?: string;
}

/** What an acceptance rule sees of a mention's surroundings. */
interface AcceptanceInput {
  text: string;
  mention: QuantityMention;
  clause: ClauseSpan;
  /** The clause's text before the value and after the unit. */
  before: string;
  after: string;
  sentence: { start: number; text: string };
}

interface AcceptanceRule {
  name: string;
  /** The unit kinds the rule decides (`null`: a number without a unit). */
  unitKinds: ReadonlyArray<UnitKind | null>;
  accept(input: AcceptanceInput): FigureDecision;
}

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
const COUNT_ACHIEVED_BEFORE = /(?<![\p{L}\p{M}])được\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$/iu;
const BARE_VALUE_FRAME = /(?:từ|là|đạt|được|khoảng|trên|ít nhất)\s*$/iu;
const AFTER_BARE_VALUE = /^\s*(?:[(),;.]|$|và\s)/u;

const accepted = { accepted: true } as const;
const rejected = { accepted: false } as const;

export const ACCEPTANCE_RULES: readonly AcceptanceRule[] = [
  {
    name: "figure-unit",
    unitKinds: ["percent", "measure", "count"],
    accept: () => accepted,
  },
  {
    // `07 xã đạt chuẩn nông thôn mới`, `có thêm 25 xã`: localities count when they achieved something.
    name: "locality-count",
    unitKinds: ["locality-count"],
    accept: ({ text, mention, before, after, sentence }) => ({
      accepted:
        mention.isRatio ||
        // `sắp xếp được 13 khu dân cư`: a count achieved.
        COUNT_ACHIEVED_BEFORE.test(before) ||
        ACHIEVEMENT.test(before) ||
        ACHIEVEMENT.test(after) ||
        ACHIEVEMENT.test(
          text.slice(Math.max(sentence.start, mention.valueStart - 80), mention.valueStart),
        ),
    }),
  },
  {
    // `08/21 chỉ tiêu`, `đạt 17 tiêu chí`, `35 chỉ tiêu đạt`, `13,45 tiêu chí/xã`.
    name: "ratio-noun",
    unitKinds: ["ratio-noun"],
    accept: ({ mention, before, after }) => ({
      accepted:
        mention.isRatio ||
        (mention.unit?.includes("/") ?? false) ||
        VERB_BEFORE_RATIO_NOUN.test(before) ||
        VERB_AFTER_RATIO_NOUN.test(after),
    }),
  },
  {
    // `kết nạp 120 đảng viên mới`, `giải quyết việc làm cho 2.000 người`.
    name: "people",
    unitKinds: ["people"],
    accept: ({ sentence }) => ({ accepted: PEOPLE_WORDS.test(sentence.text) }),
  },
  {
    // `kết nạp đảng viên mới trong nhiệm kỳ từ 450-500`: the unit named earlier in the clause.
    name: "bare-value",
    unitKinds: [null],
    accept({ text, mention, before, sentence }) {
      if (!BARE_VALUE_FRAME.test(before)) return rejected;
      if (!AFTER_BARE_VALUE.test(text.slice(mention.end, mention.end + 5))) return rejected;
      if (mention.value.min >= 1900 && mention.value.max <= 2100) return rejected;
      const nouns = allMatches(IMPLIED_UNIT, before);
      const noun = nouns[nouns.length - 1]?.[1];
      if (!noun) return rejected;
      const people = PEOPLE_NOUNS.includes(noun.toLowerCase());
      if (people && !PEOPLE_WORDS.test(sentence.text)) return rejected;
      return { accepted: true, impliedUnit: noun };
    },
  },
];

/** The decision of the rule for the mention's kind of unit. */
export function decideFigure(
  text: string,
  mention: QuantityMention,
  clause: ClauseSpan,
  sentence: { start: number; text: string },
): FigureDecision {
  const rule = ACCEPTANCE_RULES.find((r) => r.unitKinds.includes(mention.unitKind));
  if (!rule) return rejected;
  return rule.accept({
    text,
    mention,
    clause,
    before: text.slice(clause.start, mention.valueStart),
    after: text.slice(mention.end, clause.end),
    sentence,
  });
}
