/**
 * Folding for search and loose comparison: no diacritics, `đ` → `d`, lower case.
 * `nong thon moi` finds `nông thôn mới`; `d` finds `đ`.
 */
export function foldDiacritics(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** The one code unit `char` folds to, or `char` itself when its folding is longer or shorter. */
function foldOne(char: string): string {
  const candidate = foldDiacritics(char);
  return candidate.length === char.length ? candidate : char;
}

/** Code units below this fold through a table (Latin, Vietnamese, punctuation); the rest through a map. */
const TABLE_SIZE = 0x2100;
/** The folded code of each code unit below `TABLE_SIZE` folded so far, plus one (0: not yet). */
const FOLDED_CODES = new Uint16Array(TABLE_SIZE);
/** The folded code of other BMP code units folded so far. */
const foldedRare = new Map<number, number>();
/** Folded astral characters (a surrogate pair each). */
const foldedAstral = new Map<string, string>();

/** The code unit a BMP code unit (no surrogate pair) folds to. */
function foldedCode(code: number): number {
  if (code < TABLE_SIZE) {
    const known = FOLDED_CODES[code] as number;
    if (known !== 0) return known - 1;
    const folded = foldOne(String.fromCharCode(code)).charCodeAt(0);
    // Stored plus one (0 means not yet): U+FFFF has no room for that and is folded again each time.
    if (folded < 0xffff) FOLDED_CODES[code] = folded + 1;
    return folded;
  }
  let folded = foldedRare.get(code);
  if (folded === undefined) {
    folded = foldOne(String.fromCharCode(code)).charCodeAt(0);
    foldedRare.set(code, folded);
  }
  return folded;
}

/** Folded code units waiting to become a string, reused between calls up to this length. */
const REUSED_UNITS = 1 << 14;
const reusedUnits = new Uint16Array(REUSED_UNITS);
/** Code units turned into a string per `String.fromCharCode` call (its argument count is bounded). */
const CHUNK = 4096;

/**
 * Folds canonical (NFC) text character by character, so that offsets in the
 * folded string are offsets in the input. Characters that do not fold to a
 * single code unit are kept as they are. Codes go through a table into one
 * buffer, and the buffer becomes a string in a few calls: no string per character.
 */
export function foldSameLength(canonicalText: string): string {
  const length = canonicalText.length;
  const units = length <= REUSED_UNITS ? reusedUnits : new Uint16Array(length);
  for (let i = 0; i < length; i++) {
    const code = canonicalText.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = canonicalText.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // An astral character: folded whole, as two code units.
        const char = canonicalText.slice(i, i + 2);
        let folded = foldedAstral.get(char);
        if (folded === undefined) {
          folded = foldOne(char);
          foldedAstral.set(char, folded);
        }
        units[i] = folded.charCodeAt(0);
        units[i + 1] = folded.charCodeAt(1);
        i++;
        continue;
      }
    }
    units[i] = foldedCode(code);
  }
  let out = "";
  for (let at = 0; at < length; at += CHUNK)
    out += String.fromCharCode.apply(
      null,
      units.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[],
    );
  return out;
}
