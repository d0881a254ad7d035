/**
 * `write-excel-file`'s XML text and attributes, written faster.
 *
 * The library passes every attribute of every cell (`r="A12" t="s" s="1"`) and every text it
 * writes (shared strings, inline strings) through its sanitizers: two Unicode patterns that remove
 * the characters XML cannot hold or discourages, then two more patterns for an attribute's name,
 * or three to five replacements that escape `&`, `<`, `>` (and quotes in attribute values). A
 * workbook of 10,000 snippets has about 230,000 cells. Almost every name, value and text is plain
 * (Vietnamese letters included), and those steps give a plain one back as it is: plain ones are
 * taken as they are, and the rest still go through the library's own sanitizers. The output is the
 * library's, character for character (tests/unit/xlsx-plain-xml.test.ts compares the two on
 * generated input).
 *
 * The extension's build (`scripts/lib/xlsx-plain-xml.ts`) makes the library's
 * `xml/getAttributesString.js` and `xml/sanitizeTextContent.js` call these with its own sanitizers.
 */

/** A name the library's `sanitizeAttributeName` gives back unchanged: no character it removes. */
const PLAIN_NAME = /^[a-zA-Z_][a-zA-Z_0-9.:-]*$/;

/**
 * Whether the library's sanitizers give `text` back unchanged: no control character, none of the
 * characters XML cannot hold or discourages, no surrogate, nothing to escape (`&`, `<`, `>`, and
 * for an attribute's value `'` and `"`).
 */
function isPlain(text: string, quoted: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x26 || code === 0x3c || code === 0x3e) return false;
    if (quoted && (code === 0x27 || code === 0x22)) return false;
    if (code >= 0x7f && code <= 0x9f) return false;
    if (code >= 0xd800 && (code <= 0xdfff || (code >= 0xfdd0 && code <= 0xfdef) || code >= 0xfffd))
      return false;
  }
  return true;
}

/**
 * `attributes` as ` name="value"` pairs, as the library's `getAttributesString` writes them: names
 * and values that are not plain go through `sanitizeName` and `sanitizeValue` (the library's).
 */
export function attributesString(
  attributes: Record<string, unknown>,
  sanitizeName: (name: string) => string,
  sanitizeValue: (value: string) => string,
): string {
  let out = "";
  for (const name of Object.keys(attributes)) {
    const value = String(attributes[name]);
    out += ` ${PLAIN_NAME.test(name) ? name : sanitizeName(name)}="${isPlain(value, true) ? value : sanitizeValue(value)}"`;
  }
  return out;
}

/** `text` as the library's `sanitizeTextContent` (`sanitize`) writes an element's text. */
export function textContent(text: unknown, sanitize: (text: unknown) => string): string {
  return typeof text === "string" && isPlain(text, false) ? text : sanitize(text);
}
