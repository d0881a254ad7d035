/**
 * Numbers as Vietnamese portals write them: `.` groups thousands and `,` is the
 * decimal mark (`28.864` = 28864, `58,5` = 58.5), leading zeros (`05`), and Roman
 * numerals (`XXVI`). Ranges, ratios, scale words and units around a number are the
 * engine's quantity rules (`lib/extract/quantities.ts`).
 */

/** A numeric literal: digits with `.`/`,` separators. No sign: minus signs are dashes here. */
export const NUMBER_SOURCE = "\\d+(?:[.,]\\d+)*";

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
