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

/** The folded form of every BMP code unit folded so far, as a one-unit string. */
const FOLDED_UNITS: string[] = [];
/** Folded astral characters (a surrogate pair each). */
const foldedAstral = new Map<string, string>();

/** The one code unit `char` folds to, or `char` itself when its folding is longer or shorter. */
function foldOne(char: string): string {
  const candidate = foldDiacritics(char);
  return candidate.length === char.length ? candidate : char;
}

/**
 * Folds canonical (NFC) text character by character, so that offsets in the
 * folded string are offsets in the input. Characters that do not fold to a
 * single code unit are kept as they are.
 */
export function foldSameLength(canonicalText: string): string {
  const length = canonicalText.length;
  let out = "";
  for (let i = 0; i < length; i++) {
    const code = canonicalText.charCodeAt(i);
    const next = canonicalText.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // An astral character: folded whole, as two code units.
      const char = canonicalText.slice(i, i + 2);
      let folded = foldedAstral.get(char);
      if (folded === undefined) {
        folded = foldOne(char);
        foldedAstral.set(char, folded);
      }
      out += folded;
      i++;
      continue;
    }
    let folded = FOLDED_UNITS[code];
    if (folded === undefined) {
      folded = foldOne(String.fromCharCode(code));
      FOLDED_UNITS[code] = folded;
    }
    out += folded;
  }
  return out;
}
