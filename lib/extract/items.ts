/**
 * Assembles targets and results from quantity mentions: indicator phrase,
 * category, comparator, direction, horizon and kind, with the item's span in
 * canonical text. Deadlines come from `deadlines/`.
 */

import { runSteps, type Steps } from "../steps.ts";
import { registerPatterns } from "../text/patterns.ts";
import { type Sentence, sentenceIndexAt } from "../text/sentences.ts";
import { clauseEnd, clauseStart, comparatorBefore, trimIndicator } from "./clauses.ts";
import { overlapsAny, type Span } from "./exclusions.ts";
import {
  type CategoryInput,
  contextCategory,
  ownCategory,
  refineCategory,
} from "./figure-category.ts";
import { decideFigure } from "./figures.ts";
import type { HorizonMarker } from "./horizons.ts";
import type { ModeTracker } from "./mode.ts";
import type { QuantityMention } from "./quantities.ts";
import type { Comparator, Direction, Horizon, ItemKind } from "./types.ts";

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

// A change from one value to another is one figure with the value reached:
// `tăng từ 82% lên 91,5%`, `giảm từ 12,6% (năm 2015) xuống còn 3,8%`.
const FROM_BEFORE = /(?:^|\s)từ\s*$/iu;
const CHANGE_TO_BETWEEN = /^\s*(?:\([^()]{0,40}\)\s*)?(?:lên|xuống)(?:\s+(?:còn|mức|đến))?\s*$/iu;
const QUALIFIER_BETWEEN = /^\s*(?:đều\s+)?(?:đạt|được|đạt được)\s*(?:từ|trên|dưới|hơn)?\s*$/iu;
const RESOLUTION_SHARE =
  /^\s*(?:so với\s+)?(?:Nghị quyết|kế hoạch|chỉ tiêu|mục tiêu|dự toán)(?:\s+(?:đề ra|giao|Đại hội))?/iu;
const FOLLOWING_STOP = /^\s*(?:so với|trở lên|dân số|Nghị quyết|kế hoạch|mỗi năm|hằng năm|\/)/iu;
const DIRECTION = /(tăng|giảm)(?![\p{L}\p{M}])/giu;
const AVERAGE = /bình quân/iu;
const MEASURED_BEFORE =
  /(?:diện tích|sản lượng|tổng đàn|tổng số|tổng|gieo trồng|trồng mới|trồng rừng|khai thác|xuất khẩu|đạt)(?![\p{L}\p{M}])/iu;
const PHYSICAL_UNIT = /^(?:ha|héc-ta|hecta|km|m2|m²|m3|tấn|tạ|kg|lít|MW|kWh)$/iu;
const HEAD_HORIZON =
  /^\s*(?:(?:và|trong)\s+)?(?:giai đoạn\s+\d{4}\s*-\s*\d{4}|(?:đến|năm)\s+(?:năm\s+)?\d{4})[\s,:]*/iu;
const LIST_SEPARATOR = /^[^;:.\n]{0,40}(?:,|\svà|\shoặc)\s*$/u;
const COUNTED_UNITS = new Set(["count", "locality-count", "ratio-noun"]);
const MAX_INDICATOR = 90;

/** Cuts `[start, end)` to at most MAX_INDICATOR characters, at a word boundary. */
function wordLimit(text: string, start: number, end: number): number {
  if (end - start <= MAX_INDICATOR) return end;
  const cut = text.lastIndexOf(" ", start + MAX_INDICATOR);
  return cut > start ? cut : start + MAX_INDICATOR;
}

function horizonFor(
  markers: readonly HorizonMarker[],
  sentence: Sentence,
  valueStart: number,
  clauseEndAt: number,
): Horizon | null {
  // Markers are sorted by start: find the first one in the sentence, then walk.
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((markers[mid] as HorizonMarker).start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let best: HorizonMarker | null = null;
  for (let i = lo; i < markers.length; i++) {
    const m = markers[i] as HorizonMarker;
    if (m.start >= sentence.end) break;
    if (m.end <= valueStart) best = m;
    else if (!best && m.start >= valueStart && m.end <= clauseEndAt) return m.horizon;
  }
  return best?.horizon ?? null;
}

export function assembleFigures(
  mentions: readonly QuantityMention[],
  ctx: FigureContext,
): CanonicalFigure[] {
  return runSteps(assembleFigureSteps(mentions, ctx));
}

/** Mentions looked at between two pauses of `assembleFigureSteps`. */
const MENTIONS_PER_STEP = 4;

/** `assembleFigures` a few mentions at a time (see lib/steps.ts). */
export function* assembleFigureSteps(
  mentions: readonly QuantityMention[],
  ctx: FigureContext,
): Steps<CanonicalFigure[]> {
  const { text } = ctx;
  const figures: CanonicalFigure[] = [];
  let previous: { figure: CanonicalFigure; mention: QuantityMention } | null = null;

  for (let index = 0; index < mentions.length; index++) {
    if (index > 0 && index % MENTIONS_PER_STEP === 0) yield;
    const mention = mentions[index] as QuantityMention;
    const sentenceIndex = sentenceIndexAt(ctx.sentences, mention.valueStart);
    if (sentenceIndex < 0) continue;
    const sentence = ctx.sentences[sentenceIndex] as Sentence;
    if (overlapsAny(ctx.excluded, mention.valueStart, mention.end)) continue;
    const samePrevious =
      previous && previous.figure.sentenceIndex === sentenceIndex ? previous : null;

    // `07/21 chỉ tiêu đạt trên 80%`, `03 xã đạt 19 tiêu chí`: the second figure qualifies the first.
    if (
      samePrevious?.mention.unitKind &&
      (COUNTED_UNITS.has(samePrevious.mention.unitKind) || samePrevious.mention.isRatio) &&
      QUALIFIER_BETWEEN.test(text.slice(samePrevious.mention.end, mention.valueStart))
    ) {
      samePrevious.figure.end = Math.max(samePrevious.figure.end, mention.end);
      continue;
    }

    if (
      samePrevious &&
      samePrevious.mention.unit === mention.unit &&
      FROM_BEFORE.test(
        text.slice(
          Math.max(sentence.start, samePrevious.mention.valueStart - 8),
          samePrevious.mention.valueStart,
        ),
      ) &&
      CHANGE_TO_BETWEEN.test(text.slice(samePrevious.mention.end, mention.valueStart))
    ) {
      samePrevious.figure.end = Math.max(samePrevious.figure.end, mention.end);
      samePrevious.figure.value = mention.value;
      continue;
    }

    let floor = samePrevious ? Math.max(sentence.start, samePrevious.mention.end) : sentence.start;
    for (const d of ctx.deadlineSpans) {
      if (d.end <= mention.valueStart && d.end > floor && d.start >= sentence.start) floor = d.end;
    }
    let cStart = clauseStart(text, mention.valueStart, floor);
    // `Tổng sản lượng lương thực bình quân hằng năm: 25.000 tấn`: a label before a colon names the figure.
    if (
      cStart > floor &&
      text[cStart - 1] === ":" &&
      text.slice(cStart, mention.valueStart).trim() === ""
    )
      cStart = clauseStart(text, cStart - 1, floor);
    const cEnd = clauseEnd(text, mention.end, sentence.end);
    const decision = decideFigure(
      text,
      mention,
      { start: cStart, end: cEnd },
      sentence.text,
      sentence.start,
    );
    if (!decision.accepted) continue;

    // The following noun phrase, when a value comes first (`100% xã đạt chuẩn nông thôn mới`).
    let nextValue = cEnd;
    const nextMention = mentions[index + 1];
    if (nextMention && nextMention.valueStart < nextValue) nextValue = nextMention.valueStart;
    const following = FOLLOWING_STOP.test(text.slice(mention.end, mention.end + 20))
      ? { start: mention.end, end: mention.end }
      : trimIndicator(text, mention.end, wordLimit(text, mention.end, nextValue), "after");
    let precedingStart = cStart;
    // A horizon at the head of the clause (`giai đoạn 2026 - 2030 là 13-14%`) is no indicator.
    const headHorizon = HEAD_HORIZON.exec(text.slice(cStart, mention.valueStart));
    if (headHorizon) precedingStart += headHorizon[0].length;
    const preceding = trimIndicator(text, precedingStart, mention.valueStart);
    const precedingText = text.slice(preceding.start, Math.max(preceding.start, preceding.end));
    const followingText = text.slice(following.start, Math.max(following.start, following.end));
    const precedingWords = precedingText ? precedingText.split(/\s+/).length : 0;

    const comparatorWord = comparatorBefore(text, mention.valueStart);
    const valueLead =
      comparatorWord && comparatorWord.start >= cStart ? comparatorWord.start : mention.valueStart;
    const counted = COUNTED_UNITS.has(mention.unitKind ?? "") || mention.unitKind === "people";
    let indicator: string;
    let spanStart = precedingText ? preceding.start : valueLead;
    let spanEnd = mention.end;
    if (counted) {
      // `Kết nạp` + `đảng viên` + `mới`; `xã` + `đạt chuẩn nông thôn mới kiểu mẫu`.
      indicator = [
        precedingWords > 0 ? precedingText : "",
        mention.unitNoun ?? "",
        followingText,
      ].join(" ");
      if (followingText) spanEnd = following.end;
    } else if (mention.unitKind === "percent" && followingText && precedingWords <= 2) {
      indicator = followingText;
      spanStart = valueLead;
      spanEnd = following.end;
    } else if (precedingText) {
      indicator = precedingText;
    } else {
      indicator = samePrevious?.figure.indicator ?? "";
    }
    indicator = indicator.replace(/\s+/g, " ").trim();

    const categoryInput: CategoryInput = {
      text,
      indicator,
      valueStart: mention.valueStart,
      valueEnd: mention.end,
      unit: mention.unit,
      unitKind: mention.unitKind,
      spanStart,
      spanEnd,
      clauseStart: cStart,
      clauseEnd: cEnd,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      listPrevious:
        samePrevious && LIST_SEPARATOR.test(text.slice(samePrevious.mention.end, cStart))
          ? samePrevious.figure
          : null,
    };
    let category = ownCategory(categoryInput);
    // A physical measure with nothing measured around it (`đã tặng 500 m² đất`) is a news fact, not
    // a figure — unless the clause measures something (`diện tích … đạt 1.900 ha`, `sản lượng: …`).
    if (
      !category &&
      mention.unitKind === "measure" &&
      mention.unit &&
      PHYSICAL_UNIT.test(mention.unit) &&
      !MEASURED_BEFORE.test(text.slice(cStart, mention.valueStart))
    )
      continue;
    const share = RESOLUTION_SHARE.exec(text.slice(mention.end, mention.end + 40));
    if (mention.unit?.startsWith("%") && share) {
      category = "resolution_completion";
      spanEnd = Math.max(spanEnd, mention.end + share[0].length);
      if (!precedingText && samePrevious) indicator = samePrevious.figure.indicator;
    }
    category = refineCategory(
      category ?? contextCategory({ ...categoryInput, spanEnd }),
      mention.unit,
    );

    const comparator: Comparator = mention.isRange
      ? "range"
      : (mention.comparatorAfter ??
        (comparatorWord && comparatorWord.start >= cStart ? comparatorWord.comparator : "="));

    let direction: Direction | null = null;
    for (const m of text
      .slice(Math.max(cStart, mention.valueStart - 40), mention.valueStart)
      .matchAll(DIRECTION)) {
      direction = (m[1] as string).toLowerCase() === "tăng" ? "increase" : "decrease";
    }

    let horizon = horizonFor(ctx.horizons, sentence, mention.valueStart, cEnd);
    const unit = mention.unit ?? decision.impliedUnit ?? null;
    if (!horizon && unit && /\/\s*năm$/.test(unit)) horizon = { type: "annual" };
    if (!horizon && unit?.startsWith("%") && AVERAGE.test(text.slice(cStart, mention.valueStart))) {
      horizon = { type: "annual" };
    }

    const kind = ctx.modes.modeFor(sentenceIndex, mention.valueStart - sentence.start).kind;
    const figure: CanonicalFigure = {
      kind,
      start: Math.min(spanStart, mention.valueStart),
      end: Math.max(spanEnd, mention.end),
      sentenceIndex,
      indicator: indicator.slice(0, 160),
      category,
      value: mention.value,
      unit,
      comparator,
      direction,
      horizon,
      rule: `figure.${mention.unitKind ?? "implied"}${mention.isRatio ? ".ratio" : ""}${mention.isRange ? ".range" : ""}`,
    };
    figures.push(figure);
    previous = { figure, mention };
  }
  return figures;
}

registerPatterns(
  QUALIFIER_BETWEEN,
  RESOLUTION_SHARE,
  FOLLOWING_STOP,
  DIRECTION,
  AVERAGE,
  PHYSICAL_UNIT,
  MEASURED_BEFORE,
  HEAD_HORIZON,
  LIST_SEPARATOR,
);
