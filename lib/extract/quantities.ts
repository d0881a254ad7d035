/**
 * Finds quantity mentions in canonical text: a number, range or ratio with the
 * unit that follows it. Whether a mention is a target or result is decided
 * later (`items.ts`); this module only decides whether it is a figure at all.
 */

import type { Steps } from "../steps.ts";
import { phraseAlternation, WORD_END } from "../text/boundaries.ts";
import { allMatches } from "../text/matches.ts";
import { NUMBER_SOURCE, parseNumber } from "../text/numbers.ts";
import type { ItemValue } from "./types.ts";
import {
  COMPARATOR_AFTER,
  COUNT_NOUNS,
  COUNT_NOUNS_NEEDING_ACHIEVEMENT,
  LABEL_WORDS_BEFORE,
  MEASURE_UNITS,
  PEOPLE_NOUNS,
  RATIO_NOUNS,
  SCALE_WORDS,
} from "./vocabulary.ts";

/** Why a unit makes a number a figure. */
export type UnitKind = "percent" | "measure" | "count" | "locality-count" | "ratio-noun" | "people";

export interface QuantityMention {
  /** Offsets of the number(s). */
  valueStart: number;
  valueEnd: number;
  /** End of the unit and of a trailing `trở lên` / `trở xuống`. */
  end: number;
  value: ItemValue;
  isRange: boolean;
  isRatio: boolean;
  unit: string | null;
  unitKind: UnitKind | null;
  /** The count noun the unit starts with (`xã` in `xã`, `bác sĩ` in `bác sĩ/1 vạn dân`). */
  unitNoun: string | null;
  /** `>=` / `<=` from `trở lên` / `trở xuống` after the value. */
  comparatorAfter: ">=" | "<=" | null;
}

const NUM = NUMBER_SOURCE;
// A number not glued to letters or to a date/ratio on its left.
const QUANTITY = new RegExp(
  `(?<![\\p{L}\\p{M}\\d/.,])(${NUM})(\\s*%)?(?:(\\s*-\\s*|\\s+đến\\s+)(${NUM})|\\/(${NUM}))?`,
  "gu",
);
// `153 tỷ 900 triệu đồng`: a sum in two scales.
const OF_TOTAL = /^\s+(?:trong|trên)\s+(?:tổng số\s+|số\s+)?(\d+)(?![\d.,])/iu;
const SECOND_SCALE = /^\s*tỷ\s+(\d{1,3})\s+triệu(?=\s+đồng)/iu;
// Words before a number that make it a date or an ordinal only when it is a whole number without a
// unit: `năm 2020`, `tháng 9`; but `tăng bình quân hằng năm 15,6%`, `hằng năm: 12%` are figures.
const TIME_LABEL_BEFORE = /(?:năm|tháng|ngày|quý)\s*[:.]?\s*$/iu;

const PER = String.raw`(?:\s*\/\s*(?:(?:1|01|một)\s+)?(?:vạn dân|nghìn dân|ngàn dân|1\.000 dân|10\.000 dân|dân|người dân|người|năm|tháng|ha|hộ|lao động|km2|km²|xã|huyện|thôn|trường)(?:\s*\/\s*(?:năm|tháng))?)`;
const PERCENT = new RegExp(`^\\s*%${PER}?`, "iu");
const SCALED = new RegExp(
  `^\\s*(?:${phraseAlternation(SCALE_WORDS)})(?:\\s+(?:${phraseAlternation(MEASURE_UNITS.filter((u) => u !== "%"))}))?${WORD_END}${PER}?`,
  "iu",
);
const MEASURE = new RegExp(
  `^\\s*(?:${phraseAlternation(MEASURE_UNITS.filter((u) => u !== "%"))})${WORD_END}${PER}?`,
  "iu",
);
const nounPattern = (nouns: readonly string[]) =>
  new RegExp(`^\\s*(${phraseAlternation(nouns)})${WORD_END}${PER}?`, "iu");
const COUNT = nounPattern(COUNT_NOUNS);
const LOCALITY_COUNT = nounPattern(COUNT_NOUNS_NEEDING_ACHIEVEMENT);
const RATIO_NOUN = nounPattern(RATIO_NOUNS);
const PEOPLE = nounPattern(PEOPLE_NOUNS);
const AFTER_COMPARATOR = new RegExp(
  `^\\s*(${COMPARATOR_AFTER.map(([w]) => w).join("|")})${WORD_END}`,
  "iu",
);
const LABEL_BEFORE = new RegExp(`(?:${phraseAlternation(LABEL_WORDS_BEFORE)})\\s*[:.]?\\s*$`, "iu");
const WORD_BEFORE = /[\p{L}\p{M}]$/u;
// `bình quân 01 ha`, `trên một ha`: a unit of reference, not a figure.
const PER_UNIT_BEFORE = /(?:bình quân|trên|mỗi|cho|\/)\s*$/iu;

// `151 đồng chí`: `đồng` here is no currency.
const NOT_CURRENCY =
  /^\s*(?:chí|bào|thời|hương|lòng|bằng|ruộng|hành|nghiệp|minh|tâm|ý|đội)(?![\p{L}\p{M}])/iu;

function unitAfter(
  text: string,
  from: number,
): { end: number; unit: string; kind: UnitKind; noun: string | null } | null {
  const rest = text.slice(from, from + 80);
  const tries: Array<[RegExp, UnitKind]> = [
    [PERCENT, "percent"],
    [SCALED, "measure"],
    [RATIO_NOUN, "ratio-noun"],
    [COUNT, "count"],
    [LOCALITY_COUNT, "locality-count"],
    [PEOPLE, "people"],
    [MEASURE, "measure"],
  ];
  for (const [pattern, kind] of tries) {
    const match = pattern.exec(rest);
    if (!match) continue;
    if (kind === "measure" && NOT_CURRENCY.test(rest.slice(match[0].length))) return null;
    const unit = match[0]
      .trim()
      .replace(/\s*\/\s*/g, "/")
      .replace(/\s+/g, " ");
    return { end: from + match[0].length, unit, kind, noun: match[1] ?? null };
  }
  return null;
}

/** Matches looked at between two pauses of `findQuantitySteps`. */
const MATCHES_PER_STEP = 64;

/** Finds every quantity mention with a unit (or none) in canonical text, a few matches a step (see lib/steps.ts). */
export function* findQuantitySteps(text: string): Steps<QuantityMention[]> {
  const mentions: QuantityMention[] = [];
  let seen = 0;
  let previousEnd = 0;
  for (const match of allMatches(QUANTITY, text)) {
    if (++seen % MATCHES_PER_STEP === 0) yield;
    const start = match.index as number;
    // Inside the previous mention (`900` of `153 tỷ 900 triệu đồng`).
    if (start < previousEnd) continue;
    const [whole, first, firstPercent, rangeSeparator, second, denominator] = match;
    let valueEnd = start + whole.length;
    // Dates and document numbers: `15/01/2021`, `1306/QĐ-UBND`.
    if (!whole.endsWith("%") && text[valueEnd] === "/") continue;
    const before = text.slice(Math.max(0, start - 24), start);
    if (LABEL_BEFORE.test(before)) {
      const figureAfterTime =
        TIME_LABEL_BEFORE.test(before) &&
        (/[.,]/.test(first as string) ||
          /^\s*%/.test(text.slice(start + (first as string).length)));
      if (!figureAfterTime) continue;
    }
    if (rangeSeparator?.includes("đến") && !/từ\s*$/iu.test(before)) continue;

    const min = parseNumber(first as string);
    if (min === null) continue;
    let value: ItemValue;
    let isRange = false;
    let isRatio = false;
    let achievedOfPlanned = false;
    // `14 trong tổng số 16 chỉ tiêu`: a ratio in words.
    const ofTotal =
      denominator === undefined && second === undefined && !firstPercent
        ? OF_TOTAL.exec(text.slice(valueEnd, valueEnd + 30))
        : null;
    const totalOf = ofTotal ? parseNumber(ofTotal[1] as string) : null;
    if (
      ofTotal &&
      totalOf !== null &&
      totalOf >= min &&
      totalOf > 0 &&
      unitAfter(text, valueEnd + ofTotal[0].length)
    ) {
      valueEnd += ofTotal[0].length;
      value = { min, max: min, numerator: min, denominator: totalOf };
      isRatio = true;
    } else if (denominator !== undefined) {
      const den = parseNumber(denominator);
      if (den === null || den === 0) continue;
      const unitAfterRatio = unitAfter(text, valueEnd);
      // Achieved of planned: `9.481/9.440ha`, `99,2/151,7 tỷ đồng`, `146/145 đảng viên`: the
      // value is the achieved figure. A measure, a decimal or an achieved figure above the plan
      // with a count after it says so; otherwise a ratio (`08/21 chỉ tiêu`), and `21/12` with
      // nothing after it is a date.
      const measured =
        unitAfterRatio !== null &&
        (unitAfterRatio.kind === "measure" ||
          /[.,]/.test(`${first}${denominator}`) ||
          (min > den && unitAfterRatio.kind !== "ratio-noun"));
      if (measured) {
        value = { min, max: min };
        achievedOfPlanned = true;
      } else {
        if (min > den || !Number.isInteger(den) || /[.,]/.test(denominator)) continue;
        value = { min, max: min, numerator: min, denominator: den };
        isRatio = true;
      }
    } else if (second !== undefined) {
      const max = parseNumber(second);
      if (max === null) continue;
      // `2020 - 2025` is a period (years are written without separators); a range runs upwards.
      const years =
        !/[.,]/.test(`${first}${second}`) &&
        min >= 1900 &&
        min <= 2100 &&
        max >= 1900 &&
        max <= 2100;
      if (max < min || years) {
        valueEnd = start + (first as string).length + (firstPercent?.length ?? 0);
        value = { min, max: min };
      } else {
        value = { min, max };
        isRange = true;
      }
    } else {
      value = { min, max: min };
    }

    // `71,4%/60%`: the achieved share against the planned one keeps both in its span.
    let unitInfo =
      firstPercent && !isRange && !achievedOfPlanned
        ? unitAfter(text, start + (first as string).length)
        : null;
    if (unitInfo) valueEnd = start + (first as string).length;
    unitInfo ??= unitAfter(text, valueEnd);
    if (isRange && firstPercent && !unitInfo) {
      unitInfo = { end: valueEnd, unit: "%", kind: "percent", noun: null };
    }
    if (!unitInfo && WORD_BEFORE.test(text.slice(valueEnd, valueEnd + 1))) continue;
    if (unitInfo?.kind === "measure" && value.min === 1 && PER_UNIT_BEFORE.test(before)) continue;
    // `gấp 1,5 lần` is a figure; `2 lần` of anything else (`họp 2 lần`) is not.
    if (
      unitInfo?.unit === "lần" &&
      !/(?:gấp|cao hơn|lớn hơn|tăng|bằng)\s*(?:khoảng|hơn|trên|gần)?\s*$/iu.test(before)
    )
      continue;

    // `153 tỷ 900 triệu đồng` = 153,9 tỷ đồng.
    const secondScale =
      !unitInfo || unitInfo.unit.toLowerCase() === "tỷ"
        ? SECOND_SCALE.exec(text.slice(valueEnd, valueEnd + 24))
        : null;
    if (secondScale && !isRange && !isRatio && !achievedOfPlanned) {
      const millions = Number(secondScale[1]);
      value = { min: min + millions / 1000, max: min + millions / 1000 };
      const currency = unitAfter(text, valueEnd + secondScale[0].length);
      unitInfo = {
        end: currency?.end ?? valueEnd + secondScale[0].length,
        unit: "tỷ đồng",
        kind: "measure",
        noun: null,
      };
    }
    let end = unitInfo?.end ?? valueEnd;
    let comparatorAfter: ">=" | "<=" | null = null;
    const trailing = AFTER_COMPARATOR.exec(text.slice(end, end + 20));
    if (trailing) {
      comparatorAfter =
        COMPARATOR_AFTER.find(([w]) => w === trailing[1]?.toLowerCase())?.[1] ?? null;
      end += trailing[0].length;
    }
    previousEnd = end;
    mentions.push({
      valueStart: start,
      valueEnd,
      end,
      value,
      isRange,
      isRatio,
      unit: unitInfo?.unit ?? null,
      unitKind: unitInfo?.kind ?? null,
      unitNoun: unitInfo?.noun ?? null,
      comparatorAfter,
    });
  }
  return mentions;
}
