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

const foldedChars = new Map<string, string>();

/**
 * Folds canonical (NFC) text character by character, so that offsets in the
 * folded string are offsets in the input. Characters that do not fold to a
 * single code unit are kept as they are.
 */
export function foldSameLength(canonicalText: string): string {
  let out = "";
  for (const ch of canonicalText) {
    let folded = foldedChars.get(ch);
    if (folded === undefined) {
      const candidate = foldDiacritics(ch);
      folded = candidate.length === ch.length ? candidate : ch;
      foldedChars.set(ch, folded);
    }
    out += folded;
  }
  return out;
}
