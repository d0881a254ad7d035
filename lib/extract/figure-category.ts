/**
 * A figure's indicator category (its row in the comparison): the indicator's own phrasing, else
 * the words around the figure, else — for a list or an elided subject — the phrasing nearest to it
 * in its sentence. Categories come from the taxonomy (`lib/taxonomy/indicators.json`).
 *
 * What a figure measures also decides between neighbouring rows (figure-measure.ts).
 */
import { findCategoryPhrases } from "../taxonomy/taxonomy.ts";
import { foldSameLength } from "../text/fold.ts";
import {
  byMeasure,
  type CategoryInput,
  COMPLETION,
  type Found,
  isCompletionBand,
  isPercent,
  isPlanShare,
  wholeAfter,
} from "./figure-measure.ts";

export type { CategoryInput } from "./figure-measure.ts";

const ELIDED_SUBJECT = /^(?:hoàn thành|xếp loại|được|đạt|có)(?![\p{L}\p{M}])/iu;
const CHECK_WORDS = /\s+/u;
/** A word of two letters or more, nothing else. */
const LETTERS_ONLY = /^[\p{L}\p{M}]{2,}$/u;

const folded = (text: string, start: number, end: number) =>
  end > start ? foldSameLength(text.slice(start, end)) : "";

/** Which phrasings may name a figure's category (`accept(phrase)`, folded). */
type Accept = (phrase: string) => boolean;
const ANY: Accept = () => true;

/**
 * Bare `đảng viên` names the party-member rating only for a share (`90% đảng viên trở lên hoàn
 * thành tốt nhiệm vụ`); a count of party members is an admission or a membership total, told by
 * the words around it (`kết nạp 200 đảng viên mới, tăng 5 đảng viên so với năm 2017`).
 */
function acceptFor(input: CategoryInput): Accept {
  return input.unit?.startsWith("%") ? ANY : (phrase) => phrase !== "dang vien";
}

/** The longest category phrasing in `foldedText`, only among those ending after `after`. */
function longestIn(foldedText: string, after = 0): Found | null {
  let best: Found | null = null;
  for (const m of findCategoryPhrases(foldedText)) {
    if (m.end <= after) continue;
    if (!best || m.end - m.start > best.phrase.length)
      best = { category: m.category, phrase: foldedText.slice(m.start, m.end) };
  }
  return best;
}

/** Blanks every parenthesised stretch that closes inside `s` (same length), so a search skips it. */
function withoutClosedParentheses(s: string): string {
  let out = s;
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") stack.push(i);
    else if (s[i] === ")" && stack.length > 0) {
      const open = stack.pop() as number;
      out = out.slice(0, open) + " ".repeat(i - open + 1) + out.slice(i + 1);
    }
  }
  return out;
}

// A figure that qualifies the one before it (`03 xã đạt 19 tiêu chí`): not where a forward search stops.
const QUALIFIER_NUMBER =
  /^\s*(?:đều\s+)?(?:đạt|được|đạt được)\s*(?:từ|trên|dưới|hơn)?\s*\d[\d.,]*(?:\s*-\s*\d[\d.,]*)?/iu;

/** Where a forward search from `from` stops: the next number that is not a qualifier, or `to`. */
function forwardStop(text: string, from: number, to: number): number {
  let at = from;
  const qualifier = QUALIFIER_NUMBER.exec(text.slice(at, to));
  if (qualifier) at += qualifier[0].length;
  const digit = text.slice(at, to).search(/\d/);
  return digit >= 0 ? at + digit : to;
}

/**
 * The category phrasing in `[from, to)` nearest to `to` (backward: the one that ends last, the
 * longest on a tie; closed parentheses skipped) or to `from` (forward: the first, up to the next
 * number). A share of the plan names no indicator, so it is passed over.
 */
function nearestCategory(
  text: string,
  from: number,
  to: number,
  direction: "backward" | "forward",
  accept: Accept = ANY,
): Found | null {
  if (to <= from) return null;
  if (direction === "forward") {
    const window = folded(text, from, forwardStop(text, from, to));
    const m = findCategoryPhrases(window).find(
      (x) => x.category !== COMPLETION && accept(window.slice(x.start, x.end)),
    );
    return m ? { category: m.category, phrase: window.slice(m.start, m.end) } : null;
  }
  const window = withoutClosedParentheses(folded(text, from, to));
  const found = findCategoryPhrases(window);
  // Words inside a share of the plan (`142,36% chỉ tiêu Nghị quyết`) name no indicator either.
  const shares = found.filter((m) => m.category === COMPLETION);
  let best: (Found & { end: number }) | null = null;
  for (const m of found) {
    if (m.category === COMPLETION || shares.some((c) => c.start < m.end && m.start < c.end))
      continue;
    const phrase = window.slice(m.start, m.end);
    if (!accept(phrase)) continue;
    if (!best || m.end > best.end || (m.end === best.end && phrase.length > best.phrase.length))
      best = { category: m.category, phrase, end: m.end };
  }
  return best;
}

/**
 * Whether the figure's indicator comes from an earlier figure: none of its first words is in the
 * figure's clause.
 */
function inheritedIndicator(input: CategoryInput): boolean {
  // A counted noun is the figure's own (`12 bác sĩ`), wherever the indicator has it.
  const unitWords = new Set((input.unit ?? "").toLowerCase().split(/[\s/]+/u));
  // The first three words of letters only that are not the unit's (the rest never counts).
  const words: string[] = [];
  for (const w of input.indicator.toLowerCase().split(CHECK_WORDS)) {
    if (!LETTERS_ONLY.test(w) || unitWords.has(w)) continue;
    words.push(w);
    if (words.length === 3) break;
  }
  if (words.length === 0) return false;
  // The clause without the value and its unit (`tỷ đồng` is no indicator word).
  const before = input.text.slice(Math.min(input.clauseStart, input.spanStart), input.valueStart);
  const rest = input.text.slice(input.valueEnd, Math.max(input.clauseEnd, input.spanEnd));
  const lowerBefore = before.toLowerCase();
  const lowerRest = rest.toLowerCase();
  return !words.some((w) => hasWord(lowerBefore, w) || hasWord(lowerRest, w));
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** Whether `word` (letters only) is a whole word of `text`: no letter or mark right beside it. */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at > 0 ? text.slice(Math.max(0, at - 2), at) : "";
    const after = text.slice(at + word.length, at + word.length + 2);
    if (!endsInLetter(before) && !startsWithLetter(after)) return true;
  }
  return false;
}
/** A letter or mark is the last code point of `s`. */
const endsInLetter = (s: string) =>
  s !== "" && LETTER_OR_MARK.test(String.fromCodePoint(lastCodePoint(s)));
/** A letter or mark is the first code point of `s`. */
const startsWithLetter = (s: string) =>
  s !== "" && LETTER_OR_MARK.test(String.fromCodePoint(s.codePointAt(0) as number));
function lastCodePoint(s: string): number {
  const low = s.charCodeAt(s.length - 1);
  if (s.length >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = s.charCodeAt(s.length - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.codePointAt(s.length - 2) as number;
  }
  return low;
}

/** The phrasing of the figure's own words: its indicator, or one that covers its span's start. */
function ownPhrase(input: CategoryInput): Found | null {
  const accept = acceptFor(input);
  const start = Math.min(input.spanStart, input.valueStart);
  if (wholeAfter(input) > 0) {
    // Only the words before the value: `GDP` after it is what the share is taken of.
    return longestIn(folded(input.text, input.clauseStart, input.valueStart));
  }
  // An indicator carried over from an earlier figure (`…; thu ngân sách đến cuối năm 2025 ước đạt
  // 27.000 tỷ đồng`) is not this figure's own: the words around it decide (`contextCategory`).
  if (inheritedIndicator(input)) return null;
  const fromIndicator = longestIn(foldSameLength(input.indicator));
  // A name cut at a comma (`Tổng doanh thu thương mại, dịch vụ`): phrasings in the span, or that
  // begin up to 40 characters before it and reach into it.
  const lead = Math.max(input.sentenceStart, start - 40);
  const fromSpan = longestIn(folded(input.text, lead, input.spanEnd), start - lead);
  let own = fromIndicator;
  if (fromSpan && (!own || fromSpan.phrase.length > own.phrase.length)) own = fromSpan;
  if (own && !accept(own.phrase)) return null;
  if (own) return { ...own, scope: `${own.phrase} ${foldSameLength(input.indicator)}` };
  // What a measure measures may follow its unit: `trồng mới 5.000 ha rừng tập trung`.
  return input.unitKind === "measure"
    ? longestIn(folded(input.text, input.valueEnd, Math.min(input.clauseEnd, input.valueEnd + 40)))
    : null;
}

/** The category named by the figure's own words: its indicator, its span, or after its unit. */
export function ownCategory(input: CategoryInput): string | null {
  if (isPlanShare(input)) return COMPLETION;
  if (isCompletionBand(input)) return null;
  const own = ownPhrase(input);
  return own?.category === COMPLETION ? COMPLETION : byMeasure(own, input);
}

/** Whether a closing parenthesis stands between the previous figure and this one. */
function closedSince(input: CategoryInput, at: number | undefined): boolean {
  return at !== undefined && input.text.slice(at, input.valueStart).includes(")");
}

/** Whether folded `phrase` begins with the whole word(s) `noun`. */
const startsWithWord = (phrase: string, noun: string) =>
  phrase.startsWith(noun) && !/[a-z0-9]/.test(phrase[noun.length] ?? "");

/**
 * Coordinated figures with one predicate (`thị trấn A đạt 51/52 nội dung và thị trấn B đạt 50/52
 * nội dung đô thị văn minh`, `có thêm 25 xã; năm 2025 có 50% số xã đạt chuẩn nông thôn mới`): the
 * first phrasing later in the sentence that begins with the figure's own counted noun.
 */
function sharedPredicate(input: CategoryInput): Found | null {
  const unit = input.unit;
  if (!unit || isPercent(input.unit) || input.unitKind === "measure") return null;
  const noun = foldSameLength(unit).trim();
  if (!/^[a-z]/.test(noun)) return null;
  const window = withoutClosedParentheses(folded(input.text, input.spanEnd, input.sentenceEnd));
  for (const m of findCategoryPhrases(window)) {
    const phrase = window.slice(m.start, m.end);
    if (m.category !== COMPLETION && startsWithWord(phrase, noun))
      return { category: m.category, phrase };
  }
  return null;
}

/**
 * The category when the figure's own words name none: the words after it in its clause, a list's,
 * a predicate shared with the figures after it, or the sentence's nearest phrasing.
 */
export function contextCategory(input: CategoryInput): string | null {
  if (isCompletionBand(input)) return null;
  return byMeasure(contextPhrase(input), input);
}

function contextPhrase(input: CategoryInput): Found | null {
  const accept = acceptFor(input);
  // Forward searches start after the whole a share is taken of (`% dân số`).
  const forwardFrom = Math.max(input.spanEnd, input.valueEnd + wholeAfter(input));
  const elided = !input.indicator || ELIDED_SUBJECT.test(input.indicator);
  // What follows the value in its own clause, up to the next number (`94% dân số tham gia BHYT`).
  const following = elided
    ? null
    : nearestCategory(input.text, forwardFrom, input.clauseEnd, "forward", accept);
  if (following) return following;
  // A list continues the previous figure's indicator (`100% cấp tiểu học và 99% cấp trung học cơ
  // sở`), unless that figure was a share of the plan or sat in a parenthesis that has closed.
  const previous = input.listPrevious;
  if (previous?.category && previous.category !== COMPLETION && !closedSince(input, previous.end))
    return { category: previous.category, phrase: foldSameLength(previous.indicator ?? "") };
  // Otherwise a shared predicate, the nearest phrasing before it in the sentence (an elided subject:
  // `có 80% trở lên hoàn thành tốt nhiệm vụ`), then the nearest after it in its clause.
  return (
    sharedPredicate(input) ??
    nearestCategory(input.text, input.sentenceStart, input.valueStart, "backward", accept) ??
    nearestCategory(input.text, forwardFrom, input.clauseEnd, "forward", accept)
  );
}

/** Refines a category by the figure's unit: a share of poor households is the poverty rate. */
export function refineCategory(category: string | null, unit: string | null): string | null {
  if (category === "poor_households" && unit?.startsWith("%")) return "poverty_rate";
  return category;
}
