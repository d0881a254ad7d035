/**
 * A figure's indicator category (its row in the comparison): the indicator's own phrasing, else
 * the words around the figure, else — for a list or an elided subject — the phrasing nearest to it
 * in its sentence. Categories come from the taxonomy (`lib/taxonomy/indicators.json`).
 *
 * What a figure measures also decides between neighbouring rows (`byMeasure`): a share of the plan
 * is the plan's completion, a percentage of a production value is growth, a money amount for an
 * economic sector is its production value, a money amount per hectare is land productivity.
 */
import { categorize, findCategoryPhrases } from "../taxonomy/taxonomy.ts";
import { foldSameLength } from "../text/fold.ts";
import { registerPatterns } from "../text/patterns.ts";

/** What the category rules look at, in canonical-text offsets. */
export interface CategoryInput {
  text: string;
  /** The indicator phrase the figure carries. */
  indicator: string;
  valueStart: number;
  /** End of the value with its unit. */
  valueEnd: number;
  unit: string | null;
  unitKind: string | null;
  /** The figure's span (indicator words included). */
  spanStart: number;
  spanEnd: number;
  clauseStart: number;
  clauseEnd: number;
  sentenceStart: number;
  sentenceEnd: number;
  /** The figure before it in the same sentence, when it is a list item after it. */
  listPrevious: { category: string | null; start?: number; end?: number } | null;
}

const COMPLETION = "resolution_completion";

const ELIDED_SUBJECT = /^(?:hoàn thành|xếp loại|được|đạt|có)(?![\p{L}\p{M}])/iu;
// `… đạt 109,2% so Nghị quyết`, `bằng 86,1% KH`, `đạt 98% so dự toán`: a share of what was planned.
const PLAN_AFTER =
  /^\s*(?:so\s+(?:với\s+)?)?(?:NQ|KH|Nghị quyết|kế hoạch|chỉ tiêu|mục tiêu|dự toán)(?![\p{L}\p{M}])/iu;
// `kết nạp 105 đảng viên, đạt 107%`, `ước đạt 10.951 tỷ đồng, vượt 1,8%`: a bare share right after
// a figure is that figure's share of its plan.
const BARE_SHARE_BEFORE =
  /^[\s,(]*(?:ước\s+)?(?:đạt|bằng|vượt)(?:\s+(?:được|hơn|gần|trên|khoảng|xấp xỉ))?\s*$/iu;
// `07/21 chỉ tiêu đạt trên 80%`: indicators in a completion band, not indicators met.
const COMPLETION_BAND_AFTER = /^\s*đạt\s+(?:từ\s+|trên\s+|dưới\s+|hơn\s+)?\d[\d.,]*\s*%/iu;
// `Nông, lâm, thủy sản tăng 6%`: a sector's share grows — the sector's growth.
const GROWS = /(?:^|\s)tăng(?!\s+trưởng)(?![\p{L}\p{M}])/iu;
const SHARE_WORDS = /tỷ trọng|cơ cấu|chiếm/iu;
const SECTOR_WORDS =
  /công nghiệp|nông nghiệp|lâm nghiệp|thủy sản|thuỷ sản|ngư nghiệp|dịch vụ|thương mại|xây dựng|TTCN|khu vực/iu;
const MONEY_UNIT = /đồng|USD|tỷ|triệu|nghìn|ngàn/iu;
const PER_PERSON = /\/\s*(?:người|ng)(?![\p{L}\p{M}])/iu;
const PER_HECTARE = /\/\s*ha(?![\p{L}\p{M}])/iu;

const folded = (text: string, start: number, end: number) =>
  end > start ? foldSameLength(text.slice(start, end)) : "";

/** The longest category phrasing in `[start, end)`. */
function longestCategory(text: string, start: number, end: number): string | null {
  let best: { category: string; length: number } | null = null;
  for (const m of findCategoryPhrases(folded(text, start, end))) {
    const length = m.end - m.start;
    if (!best || length > best.length) best = { category: m.category, length };
  }
  return best?.category ?? null;
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
): string | null {
  if (to <= from) return null;
  if (direction === "forward") {
    const digit = text.slice(from, to).search(/\d/);
    const end = digit >= 0 ? from + digit : to;
    return (
      findCategoryPhrases(folded(text, from, end)).find((m) => m.category !== COMPLETION)
        ?.category ?? null
    );
  }
  const window = withoutClosedParentheses(folded(text, from, to));
  let best: { category: string; end: number; length: number } | null = null;
  for (const m of findCategoryPhrases(window)) {
    if (m.category === COMPLETION) continue;
    const length = m.end - m.start;
    if (!best || m.end > best.end || (m.end === best.end && length > best.length))
      best = { category: m.category, end: m.end, length };
  }
  return best?.category ?? null;
}

const isPercent = (unit: string | null) => unit?.startsWith("%") === true;
const isYearlyRate = (unit: string | null) => /^%\s*\/\s*năm/iu.test(unit ?? "");

/** A share of what was planned: `đạt 106% Nghị quyết`, or a bare `đạt 107%` after a figure. */
function isPlanShare(input: CategoryInput): boolean {
  if (!isPercent(input.unit) || isYearlyRate(input.unit)) return false;
  if (PLAN_AFTER.test(input.text.slice(input.valueEnd, input.valueEnd + 40))) return true;
  return (
    input.listPrevious !== null &&
    BARE_SHARE_BEFORE.test(input.text.slice(input.clauseStart, input.valueStart))
  );
}

function isCompletionBand(input: CategoryInput): boolean {
  return COMPLETION_BAND_AFTER.test(input.text.slice(input.valueEnd, input.valueEnd + 30));
}

/** Decides between neighbouring rows by what the figure measures (see the module comment). */
function byMeasure(category: string, input: CategoryInput): string {
  const { unit } = input;
  const words = input.text.slice(input.clauseStart, input.valueStart);
  const money = unit !== null && !isPercent(unit) && MONEY_UNIT.test(unit);
  if (money && PER_HECTARE.test(unit ?? "")) {
    if (
      ["production_value", "economic_structure", "agriculture_output", "growth"].includes(category)
    )
      return "land_productivity";
  }
  switch (category) {
    case "growth":
      if (money) return PER_PERSON.test(unit ?? "") ? "grdp_per_capita" : "grdp_size";
      return category;
    case "production_value":
      if (!isPercent(unit)) return category;
      return SECTOR_WORDS.test(`${input.indicator} ${words}`) ? "sector_growth" : "growth";
    case "economic_structure":
      if (money) return "production_value";
      if (isPercent(unit) && GROWS.test(words) && !SHARE_WORDS.test(words)) return "sector_growth";
      return category;
    default:
      return category;
  }
}

/** The category named by the figure's own words: its indicator, its span, or after its unit. */
export function ownCategory(input: CategoryInput): string | null {
  if (isPlanShare(input)) return COMPLETION;
  if (isCompletionBand(input)) return null;
  const own =
    categorize(input.indicator) ??
    longestCategory(input.text, Math.min(input.spanStart, input.valueStart), input.spanEnd) ??
    // What a measure measures may follow its unit: `trồng mới 5.000 ha rừng tập trung`.
    (input.unitKind === "measure"
      ? longestCategory(input.text, input.valueEnd, Math.min(input.clauseEnd, input.valueEnd + 40))
      : null);
  return own && own !== COMPLETION ? byMeasure(own, input) : own;
}

/** Whether a closing parenthesis stands between the previous figure and this one. */
function closedSince(input: CategoryInput, at: number | undefined): boolean {
  return at !== undefined && input.text.slice(at, input.valueStart).includes(")");
}

/**
 * The category when the figure's own words name none: the words after it in its clause, a list's,
 * or the sentence's nearest phrasing.
 */
export function contextCategory(input: CategoryInput): string | null {
  if (isCompletionBand(input)) return null;
  const found = contextPhrase(input);
  return found && found !== COMPLETION ? byMeasure(found, input) : found;
}

function contextPhrase(input: CategoryInput): string | null {
  const elided = !input.indicator || ELIDED_SUBJECT.test(input.indicator);
  // What follows the value in its own clause, up to the next number (`94% dân số tham gia BHYT`).
  const after = elided
    ? null
    : nearestCategory(input.text, input.spanEnd, input.clauseEnd, "forward");
  if (after) return after;
  // A list continues the previous figure's indicator (`100% cấp tiểu học và 99% cấp trung học cơ
  // sở`), unless that figure was a share of the plan or sat in a parenthesis that has closed.
  const previous = input.listPrevious;
  if (previous?.category && previous.category !== COMPLETION && !closedSince(input, previous.end))
    return previous.category;
  // Otherwise the nearest phrasing before it in the sentence (an elided subject: `có 80% trở lên
  // hoàn thành tốt nhiệm vụ`), then the nearest after it in its clause.
  return (
    nearestCategory(input.text, input.sentenceStart, input.valueStart, "backward") ??
    nearestCategory(input.text, input.spanEnd, input.clauseEnd, "forward")
  );
}

/** Refines a category by the figure's unit: a share of poor households is the poverty rate. */
export function refineCategory(category: string | null, unit: string | null): string | null {
  if (category === "poor_households" && unit?.startsWith("%")) return "poverty_rate";
  return category;
}

registerPatterns(
  ELIDED_SUBJECT,
  PLAN_AFTER,
  BARE_SHARE_BEFORE,
  COMPLETION_BAND_AFTER,
  GROWS,
  SHARE_WORDS,
  SECTOR_WORDS,
  MONEY_UNIT,
  PER_PERSON,
  PER_HECTARE,
);
