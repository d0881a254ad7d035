/**
 * What a figure measures, which decides between neighbouring rows of the comparison: a share of
 * the plan is the plan's completion, a percentage of a production value is growth, a money amount
 * for an economic sector is its production value, a money amount per hectare is land
 * productivity. Also what the category rules look at (`CategoryInput`).
 */

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
  listPrevious: { category: string | null; indicator?: string; end?: number } | null;
}

export const COMPLETION = "resolution_completion";

/** A category phrasing found, with its folded words. */
export interface Found {
  category: string;
  phrase: string;
  /** Folded words that say which part of the economy is meant (the phrasing when not given). */
  scope?: string;
}

// `… đạt 109,2% so Nghị quyết`, `bằng 86,1% KH`, `đạt 98% so dự toán`: a share of what was planned.
const PLAN_AFTER =
  /^\s*(?:so\s+(?:với\s+)?)?(?:NQ|KH|Nghị quyết|kế hoạch|chỉ tiêu|mục tiêu|dự toán)(?![\p{L}\p{M}])/iu;
// `hoàn thành 100% diện tích gieo trồng … so với nghị quyết`: the comparison closes the clause.
const PLAN_IN_CLAUSE =
  /(?:^|\s)so\s+(?:với\s+)?(?:NQ|KH|Nghị quyết|kế hoạch|chỉ tiêu|mục tiêu|dự toán)(?![\p{L}\p{M}])/iu;
// `bằng 221,03% so với cùng kỳ`: a comparison with the past, not with the plan.
const PAST_AFTER = /^\s*so\s+(?:với\s+)?(?:cùng kỳ|năm|kỳ|đầu)/iu;
// `kết nạp 105 đảng viên, đạt 107%`, `ước đạt 10.951 tỷ đồng, vượt 1,8%`: a bare share right after
// a figure is that figure's share of its plan.
const BARE_SHARE_BEFORE =
  /^[\s,(]*(?:ước\s+)?(?:đạt|bằng|vượt)(?:\s+(?:được|hơn|gần|trên|khoảng|xấp xỉ))?\s*$/iu;
// `07/21 chỉ tiêu đạt trên 80%`: indicators in a completion band, not indicators met.
const COMPLETION_BAND_AFTER = /^\s*đạt\s+(?:từ\s+|trên\s+|dưới\s+|hơn\s+)?\d[\d.,]*\s*%/iu;
// `kinh tế số chiếm 20% GDP`, `94% dân số tham gia BHYT`: what a share is taken of, not what it
// measures.
const OF_WHOLE_AFTER = /^\s*(?:GDP|GRDP|dân số|tổng số)(?![\p{L}\p{M}])/iu;
// `Nông, lâm, thủy sản tăng 6%`: a sector's share grows — the sector's growth.
const GROWS = /(?:^|\s)tăng(?!\s+trưởng)(?![\p{L}\p{M}])/iu;
const SHARE_WORDS = /tỷ trọng|cơ cấu|chiếm/iu;
// Folded: the phrasing of a production value names an economic sector.
const SECTOR_WORDS =
  /cong nghiep|nong nghiep|lam nghiep|thuy san|ngu nghiep|dich vu|thuong mai|xay dung|ttcn|khu vuc/u;
// Folded: a growth phrasing that names a rate, not an amount.
const RATE_WORDS = /tang truong|toc do|(?:^|\s)tang(?:\s|$)/u;
const MONEY_UNIT = /đồng|USD|tỷ|triệu|nghìn|ngàn/iu;
const PER_PERSON = /\/\s*(?:người|ng)(?![\p{L}\p{M}])/iu;
const PER_HECTARE = /\/\s*ha(?![\p{L}\p{M}])/iu;

export const isPercent = (unit: string | null) => unit?.startsWith("%") === true;
const isYearlyRate = (unit: string | null) => /^%\s*\/\s*năm/iu.test(unit ?? "");
const after = (input: CategoryInput, length: number) =>
  input.text.slice(input.valueEnd, input.valueEnd + length);

/** A share of what was planned: `đạt 106% Nghị quyết`, or a bare `đạt 107%` after a figure. */
export function isPlanShare(input: CategoryInput): boolean {
  if (!isPercent(input.unit) || isYearlyRate(input.unit)) return false;
  if (PLAN_AFTER.test(after(input, 40))) return true;
  if (PAST_AFTER.test(after(input, 30))) return false;
  if (PLAN_IN_CLAUSE.test(input.text.slice(input.valueEnd, input.clauseEnd))) return true;
  return (
    input.listPrevious !== null &&
    BARE_SHARE_BEFORE.test(input.text.slice(input.clauseStart, input.valueStart))
  );
}

export function isCompletionBand(input: CategoryInput): boolean {
  return input.unit === "chỉ tiêu" && COMPLETION_BAND_AFTER.test(after(input, 30));
}

/** Length of the whole a share is taken of, right after the value (`% GDP`, `% dân số`), or 0. */
export const wholeAfter = (input: CategoryInput) =>
  isPercent(input.unit) ? (OF_WHOLE_AFTER.exec(after(input, 12))?.[0].length ?? 0) : 0;

/** Decides between neighbouring rows by what the figure measures (see the module comment). */
export function byMeasure(found: Found | null, input: CategoryInput): string | null {
  if (!found) return null;
  const { category, phrase } = found;
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
      if (!money) return category;
      if (PER_PERSON.test(unit ?? "")) return "grdp_per_capita";
      // An amount after a growth rate is the value that grew (`các ngành sản xuất tăng 8%, ước đạt
      // 29.193 tỷ đồng`); after the economy's name it is the economy's size.
      return RATE_WORDS.test(phrase) ? "production_value" : "grdp_size";
    case "production_value":
      if (!isPercent(unit)) return category;
      return SECTOR_WORDS.test(found.scope ?? phrase) ? "sector_growth" : "growth";
    case "economic_structure":
      if (money) return "production_value";
      if (isPercent(unit) && GROWS.test(words) && !SHARE_WORDS.test(words)) return "sector_growth";
      return category;
    default:
      return category;
  }
}
