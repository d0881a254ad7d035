/**
 * Numbers as Vietnamese portals write them: `.` groups thousands and `,` is the
 * decimal mark (`28.864` = 28864, `58,5` = 58.5), leading zeros (`05`), ranges
 * with any dash (`10 – 11`), ratios (`08/21`), scale words (`100 triệu`,
 * `1 vạn`), units glued to the digits (`1.107ha`) and Roman numerals (`XXVI`).
 */

/** A numeric literal: digits with `.`/`,` separators. No sign: minus signs are dashes here. */
export const NUMBER_SOURCE = "\\d+(?:[.,]\\d+)*";

/** Scale words and their factors. */
export const SCALES: Readonly<Record<string, number>> = {
  nghìn: 1e3,
  ngàn: 1e3,
  vạn: 1e4,
  triệu: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
};

/**
 * Parses one numeric literal. Returns `null` when the text is not a number.
 *
 * Decisions: several groups of exactly three digits after `.` → thousands
 * (`27.503.517`); one `.` followed by three digits → thousands (`6.700`);
 * `,` → decimal mark, except when several `,` groups of three appear
 * (`5,782,157`, an English-style counter); a `.` followed by other than three
 * digits → decimal point (`2.35`).
 */
export function parseNumber(literal: string): number | null {
  const n = parseNumberAnySize(literal);
  return n !== null && Number.isFinite(n) ? n : null;
}

function parseNumberAnySize(literal: string): number | null {
  const text = literal.trim();
  if (!/^\d+(?:[.,]\d+)*$/.test(text)) return null;
  const dots = text.split(".").length - 1;
  const commas = text.split(",").length - 1;

  if (dots === 0 && commas === 0) return Number(text);

  if (dots > 0 && commas === 0) {
    const groups = text.split(".");
    const grouped = groups.slice(1).every((g) => g.length === 3);
    return grouped ? Number(groups.join("")) : dots === 1 ? Number(text) : null;
  }

  if (commas > 0 && dots === 0) {
    const groups = text.split(",");
    if (commas === 1) return Number(text.replace(",", "."));
    const grouped = groups.slice(1).every((g) => g.length === 3);
    return grouped ? Number(groups.join("")) : null;
  }

  // Both: the last separator is the decimal mark.
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  const decimalMark = lastComma > lastDot ? "," : ".";
  const thousandsMark = decimalMark === "," ? "." : ",";
  const [integerPart, fraction] = [
    text.slice(0, Math.max(lastDot, lastComma)),
    text.slice(Math.max(lastDot, lastComma) + 1),
  ];
  if (integerPart.includes(decimalMark)) return null;
  const groups = integerPart.split(thousandsMark);
  if (!groups.slice(1).every((g) => g.length === 3)) return null;
  return Number(`${groups.join("")}.${fraction}`);
}

const ROMAN: Readonly<Record<string, number>> = {
  I: 1,
  V: 5,
  X: 10,
  L: 50,
  C: 100,
  D: 500,
  M: 1000,
};

/** Parses a Roman numeral (`XI` = 11, `XXVI` = 26); `null` when not well formed. */
export function parseRoman(numeral: string): number | null {
  const text = numeral.trim().toUpperCase();
  if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(text) || text === "") {
    return null;
  }
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i] as string] as number;
    const next = ROMAN[text[i + 1] as string] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Parses an ordinal written in digits or Roman numerals (`lần thứ XI`, `lần thứ 14`). */
export function parseOrdinal(token: string): number | null {
  return /^\d+$/.test(token.trim()) ? parseNumber(token.trim()) : parseRoman(token);
}

export interface ParsedQuantity {
  /** Lower bound (or the single value). */
  min: number;
  /** Upper bound (equals `min` for a single value). */
  max: number;
  /** Set for ratios like `08/21`. */
  numerator?: number;
  denominator?: number;
  /** Factor of a scale word after the number (`triệu` = 1e6), 1 when none. */
  scale: number;
  /** What follows the number(s) and the scale, trimmed: `ha`, `%`, `xã` … */
  rest: string;
}

const DASH = "\\s*[-–—]\\s*";
const SCALE_WORDS = Object.keys(SCALES).join("|");
const QUANTITY = new RegExp(
  `^(${NUMBER_SOURCE})(?:\\s*(%))?(?:(?:${DASH})(${NUMBER_SOURCE})|\\/(\\d+))?\\s*(?:(${SCALE_WORDS})(?![\\p{L}\\p{M}]))?\\s*(.*)$`,
  "u",
);

/**
 * Parses a quantity phrase: a number, a range or a ratio, an optional scale word
 * and whatever unit follows (`10 – 11%`, `08/21 chỉ tiêu`, `100 triệu đồng`,
 * `1.107ha`, `1 vạn dân`). Returns `null` when the text does not start with one.
 */
export function parseQuantity(phrase: string): ParsedQuantity | null {
  const match = QUANTITY.exec(phrase.normalize("NFC").trim());
  if (!match) return null;
  const [, first, firstPercent, second, denominator, scaleWord, rest] = match;
  const min = parseNumber(first as string);
  if (min === null) return null;
  const scale = scaleWord ? (SCALES[scaleWord] as number) : 1;
  const tail = `${firstPercent && !second ? "%" : ""}${rest ?? ""}`.trim();
  if (denominator !== undefined) {
    if (!Number.isFinite(Number(denominator))) return null;
    return {
      min,
      max: min,
      numerator: min,
      denominator: Number(denominator),
      scale,
      rest: tail,
    };
  }
  if (second !== undefined) {
    const max = parseNumber(second);
    if (max === null) return null;
    return { min: Math.min(min, max), max: Math.max(min, max), scale, rest: tail };
  }
  return { min, max: min, scale, rest: tail };
}
