/** Text an XML 1.0 document can hold (XLSX and DOCX parts are XML). */

const MAX_LENGTH = 32_767;

/**
 * `value` without what XML 1.0 cannot hold (C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
 * lone surrogates), NFC-normalised, cut with an ellipsis at `max` characters (Excel's limit a
 * cell by default).
 */
export function xmlText(value: string, max = MAX_LENGTH): string {
  const normalized = value.normalize("NFC");
  // Most page text is clean: two quick tests spare the two replacements.
  const clean =
    !FORBIDDEN.test(normalized) && isWellFormed(normalized)
      ? normalized
      : withoutForbidden(normalized);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** No lone surrogate (`String.prototype.isWellFormed` where the engine has it). */
function isWellFormed(value: string): boolean {
  const native = (value as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(value) : !LONE_SURROGATE.test(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function withoutForbidden(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
  );
}
