/**
 * Units as the comparison reads them: a normalised key, the scale of a money or area prefix
 * (`tỷ đồng` is 1 000 `triệu đồng`), and whether two units can be set against each other.
 *
 * Decisions:
 * - `%` compares with `%` only (never with a count such as `xã`); `%/năm` is `%` per year: the
 *   same unit, the per-year part is the figure's span (see `figure-span.ts`);
 * - a scale prefix (`nghìn`, `triệu`, `tỷ`, `nghìn tỷ`) converts: `tỷ đồng` and `triệu đồng` compare,
 *   values multiplied by their scale; `USD` never meets `đồng`;
 * - spelling variants are one unit (`tỉ`/`tỷ`, `ngàn`/`nghìn`, `héc-ta`/`ha`, `đảng viên mới`/
 *   `đảng viên`, ` / ` or `trên` for a slash);
 * - no unit compares only with no unit.
 */

/** A unit taken apart: the key it compares by and the factor of its scale prefix. */
export interface UnitReading {
  /** NFC, lower case, single spaces, variants unified, scale prefix removed; "" for no unit. */
  readonly key: string;
  /** 1 without a prefix; 1e3 `nghìn`, 1e6 `triệu`, 1e9 `tỷ`, 1e12 `nghìn tỷ`. */
  readonly scale: number;
  /** The unit ends in `/năm` (an amount or rate per year). */
  readonly perYear: boolean;
  /** The unit measures per something other than the year (`/người`, `/ha`, `/1 vạn dân`). */
  readonly perOther: boolean;
}

const SCALES: ReadonlyArray<[prefix: string, factor: number]> = [
  ["nghìn tỷ", 1e12],
  ["triệu", 1e6],
  ["nghìn", 1e3],
  ["tỷ", 1e9],
];

const VARIANTS: ReadonlyArray<[RegExp, string]> = [
  [/(^|\s)tỉ(?=\s|$)/gu, "$1tỷ"],
  [/ngàn/gu, "nghìn"],
  [/\s*\/\s*/gu, "/"],
  [/\s+trên\s+/gu, "/"],
  [/^phần trăm$/u, "%"],
  [/^(?:héc-ta|hec-ta|hecta|héc ta)(?=$|\/)/u, "ha"],
  [/\s+mới$/u, ""],
  [/^vnđ$|^vnd$/u, "đồng"],
];

/**
 * Readings by the unit's text: a collection has a few dozen distinct units, read again for every
 * pair a comparison or a progress series weighs. Bounded: page text could hold any number.
 */
const readings = new Map<string, UnitReading>();
const MAX_READINGS = 2000;

/** Reads `unit` (null or blank: no unit). */
export function readUnit(unit: string | null | undefined): UnitReading {
  const text = unit ?? "";
  const known = readings.get(text);
  if (known) return known;
  const reading = readUnitText(text);
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(text, reading);
  return reading;
}

function readUnitText(unit: string): UnitReading {
  let key = unit.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  for (const [pattern, replacement] of VARIANTS) key = key.replace(pattern, replacement);
  let scale = 1;
  for (const [prefix, factor] of SCALES) {
    if (key.startsWith(`${prefix} `) && key.length > prefix.length + 1) {
      scale = factor;
      key = key.slice(prefix.length + 1);
      break;
    }
  }
  const perYear = /\/năm$/u.test(key);
  const base = perYear ? key.slice(0, -"/năm".length) : key;
  const perOther = base.includes("/");
  // A per-capita or per-hectare measure stated per year is one measure (`triệu đồng/người/năm`
  // is the yearly income per person): the year is part of the unit, not a rate.
  if (perYear && perOther) return { key: base, scale, perYear: false, perOther };
  return { key: base, scale, perYear, perOther };
}

/** The key two units compare by ("" for no unit). */
export function unitCompareKey(unit: string | null | undefined): string {
  return readUnit(unit).key;
}

/** Whether figures in units `a` and `b` can be set against each other (see the decisions above). */
export function comparableUnits(
  a: string | null | undefined,
  b: string | null | undefined,
): boolean {
  return readUnit(a).key === readUnit(b).key;
}
