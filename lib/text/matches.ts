/**
 * Every match of a global pattern, found with `exec` on the pattern itself. `text.matchAll(pattern)`
 * clones the pattern (a new RegExp object per call) and steps through an iterator: on the short
 * stretches the engine searches thousands of times per article, that costs more than the search.
 */

/** Where the search goes on after an empty match at `index`: past one character (code point with `u`). */
function afterEmptyMatch(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return index + (pair ? 2 : 1);
}

/**
 * The matches of global `pattern` in `text` from the start, as `[...text.matchAll(pattern)]` gives
 * them (for a pattern whose `lastIndex` is 0 between searches, which this leaves it at).
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    matches.push(m);
    if (m[0] === "") pattern.lastIndex = afterEmptyMatch(text, pattern.lastIndex, pattern.unicode);
  }
  return matches;
}
