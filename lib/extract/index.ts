/**
 * The extraction engine: targets, results and deadlines in Vietnamese text.
 *
 * Pipeline (chrono-style): canonicalise the text (with an offset map back),
 * cut sentences, run the deadline rules, find quantity mentions, decide which
 * are figures and whether each is a target or a result, then refine (no items
 * in document references or chrome lines, no overlaps) and map every span back
 * to the input so that `item.text === input.slice(item.start, item.end)`.
 */
import { runSteps, type Steps } from "../steps.ts";
import { normalizeTextSteps, toOriginalSpan } from "../text/normalize.ts";
import { sentenceIndexAt, splitSentences } from "../text/sentences.ts";
import { findDeadlineSteps } from "./deadlines/index.ts";
import { findExcludedSpans, overlapsAny } from "./exclusions.ts";
import { assembleFigureSteps } from "./figures/assemble.ts";
import { findHorizonMarkers } from "./horizons.ts";
import { type ModeDecision, modeTracker } from "./mode.ts";
import { findQuantitySteps } from "./quantities.ts";
import { inferReferenceDate } from "./reference-date.ts";
import { type ExtractedItem, NO_FIELDS } from "./types.ts";

export interface ExtractOptions {
  /**
   * The article's date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only the month or year is known):
   * dates without a year take its year; past dates are no deadlines. A month or year alone counts
   * from its first day, so that a deadline later in that month or year still counts.
   */
  referenceDate?: string | null;
  /** Title and lead, which decide whether the article is a review (results) or a plan (targets). Defaults to the first 400 characters. */
  titleAndLead?: string;
}

export function parseReference(date: string | null | undefined) {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) : null;
  return m ? { year: Number(m[1]), month: Number(m[2] ?? 1), day: Number(m[3] ?? 1) } : null;
}

const LIMIT_TRIGGER =
  /^(?:trước|chậm nhất|muộn nhất|hạn chót|hạn cuối|xong trước|hoàn thành trước)/iu;
// `Đến ngày 20/8/2020, toàn tỉnh có …`: a date that opens a sentence with a comma says "as of".
const AS_OF_HEAD =
  /^(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?[\d/.-]+(?:\s+(?:tháng|năm)\s+\d+)*\s*,/iu;

/**
 * A time in a clause whose own words report what happened (`Trong năm 2023, huyện đã thực hiện
 * đạt …`, `sắp xếp được 13 khu dân cư trong năm 2017`) dates a result, it sets no limit; so does
 * an "as of" date heading a sentence unless the sentence sets a target.
 */
function reportsWhatHappened(
  text: string,
  deadline: { start: number; end: number },
  modeAt: (index: number) => ModeDecision | null,
): boolean {
  const decision = modeAt(deadline.start);
  if (!decision) return false;
  // `trước ngày …`, `chậm nhất …`: a limit whatever the clause reports.
  if (LIMIT_TRIGGER.test(text.slice(deadline.start, deadline.end))) return false;
  const ownWords = decision.source === "clause" || decision.source === "sentence";
  if (ownWords && decision.kind === "result") return true;
  // A sentence's head: after a full stop or a line break, or a capital after a headline left
  // without one (`… 5 năm Đến ngày 29/10/2020, …`).
  const atSentenceStart =
    /(?:^|[.!?\n]\s*)$/u.test(text.slice(Math.max(0, deadline.start - 3), deadline.start)) ||
    /^\p{Lu}/u.test(text[deadline.start] ?? "");

  if (atSentenceStart && AS_OF_HEAD.test(text.slice(deadline.start, deadline.end + 2)))
    return !(ownWords && decision.kind === "target");
  return false;
}

/** The deciding words as a reader reads them: each once, in lower case, at most five. */
function distinctWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const word of words) {
    const shown = word.trim().replace(/\s+/g, " ").toLowerCase();
    if (shown) seen.add(shown);
  }
  return [...seen].slice(0, 5);
}

/** Extracts every target, result and deadline from `input`, in document order. */
export function extract(input: string, options: ExtractOptions = {}): ExtractedItem[] {
  return runSteps(extractSteps(input, options));
}

/**
 * `extract`, one stage at a time: the generator pauses between stages so that a caller on a
 * page's main thread can let the page run in between. Same result as `extract`. Each pattern is
 * compiled the first time a rule runs it: an article compiles only the patterns its text asks for
 * (the background runs the engine straight through, off the pages' main threads).
 */
export function* extractSteps(input: string, options: ExtractOptions = {}): Steps<ExtractedItem[]> {
  const normalized = yield* normalizeTextSteps(input);
  const text = normalized.text;
  const titleAndLead = options.titleAndLead ?? text.slice(0, 400);
  const reference =
    parseReference(options.referenceDate) ?? inferReferenceDate(`${titleAndLead}\n${text}`);
  const sentences = splitSentences(text);
  yield;
  const excluded = findExcludedSpans(text);
  const modes = modeTracker(sentences, titleAndLead, reference?.year ?? null);
  const modeDecisionAt = (index: number) => {
    const sentenceIndex = sentenceIndexAt(sentences, index);
    const sentence = sentences[sentenceIndex];
    return sentence ? modes.modeFor(sentenceIndex, index - sentence.start) : null;
  };
  yield;
  const deadlines = (yield* findDeadlineSteps({
    text,
    reference,
    modeAt: (index) => modeDecisionAt(index)?.kind ?? null,
  })).filter(
    (d) => !overlapsAny(excluded, d.start, d.end) && !reportsWhatHappened(text, d, modeDecisionAt),
  );
  yield;
  const horizons = findHorizonMarkers(text, deadlines).filter(
    (h) => !overlapsAny(excluded, h.start, h.end),
  );
  yield;
  const quantities = yield* findQuantitySteps(text);
  yield;
  const figures = yield* assembleFigureSteps(quantities, {
    text,
    sentences,
    excluded,
    deadlineSpans: deadlines,
    horizons,
    modes,
  });

  const items: ExtractedItem[] = [];
  const sentenceAt = (index: number) => sentences[sentenceIndexAt(sentences, index)];
  const originalSentence = (index: number) => {
    const s = sentenceAt(index);
    if (!s) return "";
    const span = toOriginalSpan(normalized, s.start, s.end);
    return input.slice(span.start, span.end).trim();
  };

  for (const d of deadlines) {
    const span = toOriginalSpan(normalized, d.start, d.end);
    items.push({
      kind: "deadline",
      start: span.start,
      end: span.end,
      text: input.slice(span.start, span.end),
      sentence: originalSentence(d.start),
      ...NO_FIELDS,
      deadline: d.deadline,
      rule: d.rule,
    });
  }
  for (const [index, f] of figures.entries()) {
    if (index > 0 && index % 64 === 0) yield;
    // A figure never swallows a deadline: trim its span to stop before one.
    let start = f.start;
    for (const d of deadlines) {
      if (d.start <= start && d.end > start) start = d.end;
    }
    while (start < f.end && /[\s,:]/.test(text[start] as string)) start++;
    const span = toOriginalSpan(normalized, start, f.end);
    items.push({
      kind: f.kind,
      start: span.start,
      end: span.end,
      text: input.slice(span.start, span.end),
      sentence: originalSentence(f.start),
      indicator: f.indicator,
      category: f.category,
      value: f.value,
      unit: f.unit,
      comparator: f.comparator,
      direction: f.direction,
      horizon: f.horizon,
      deadline: null,
      rule: f.rule,
      ...(f.modeWords.length > 0 ? { modeWords: distinctWords(f.modeWords) } : {}),
    });
  }
  return items.sort((a, b) => a.start - b.start || a.end - b.end);
}

export type { ExtractedItem } from "./types.ts";
