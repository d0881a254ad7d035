/** Text an XML 1.0 document can hold (XLSX and DOCX parts are XML). */

const MAX_LENGTH = 32_767;

/**
 * `value` without what XML 1.0 cannot hold (C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
 * lone surrogates), NFC-normalised, cut with an ellipsis at `max` characters (Excel's limit a
 * cell by default).
 */
export function xmlText(value: string, max = MAX_LENGTH): string {
  const clean = value
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
