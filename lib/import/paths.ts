/**
 * Paths of values in an import file as messages show them:
 * `snippets[3].anchor.quote`, `articles[0]["tên lạ"]`, `(gốc)` for the file itself.
 */

/** The path of the file's top-level value. */
export const ROOT = "(gốc)";

/** Characters of a key shown in a path before it is cut (a hostile key may be megabytes long). */
const KEY_SHOWN = 60;

/** The key as a JSON string, cut with "…" when long: `"kind"`. */
export function quotedKey(key: string): string {
  return JSON.stringify(key.length > KEY_SHOWN ? `${key.slice(0, KEY_SHOWN - 3)}…` : key);
}

/** `.name` for a plain identifier, else `["quoted key"]` (long keys cut with "…"). */
export function keySegment(key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key) && key.length <= KEY_SHOWN) return `.${key}`;
  return `[${quotedKey(key)}]`;
}

/** `snippets[3].kind` from segments (`.snippets`, `[3]`, `.kind`); the root when there are none. */
export function joinPath(segments: readonly string[]): string {
  const path = segments.join("");
  return (path.startsWith(".") ? path.slice(1) : path) || ROOT;
}

/** Line and column (both from 1) of the character at offset `at`. */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf("\n"); k !== -1 && k < at; k = text.indexOf("\n", k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: at - lineStart + 1 };
}
