/**
 * Describing a span of an article's text as a `TextAnchor`: the quote, a little
 * context on each side, and the offsets. The context is what lets `anchorInText`
 * pick the right occurrence of a repeated quote ("đạt 100%") and recognise the
 * place again after the page has changed.
 *
 * The context edges never split a UTF-16 surrogate pair (the context is one code
 * unit shorter instead), so a stored prefix or suffix is always well-formed.
 */
import type { TextAnchor } from "../snippets/types.ts";

/** Context length on each side, in UTF-16 code units (what `TextAnchor` promises). */
export const DEFAULT_CONTEXT = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The anchor of `text.slice(start, end)`, with up to `context` code units of
 * text before and after it. Throws a RangeError unless `start` and `end` are
 * integers with `0 <= start <= end <= text.length` and `context` is a
 * non-negative integer.
 */
export function describeSpan(
  text: string,
  start: number,
  end: number,
  context: number = DEFAULT_CONTEXT,
): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`describeSpan: start and end must be integers (got ${start}, ${end})`);
  }
  if (start < 0 || start > end || end > text.length) {
    throw new RangeError(
      `describeSpan: span [${start}, ${end}) is not within the text (0 <= start <= end <= ${text.length})`,
    );
  }
  if (!Number.isInteger(context) || context < 0) {
    throw new RangeError(`describeSpan: context must be a non-negative integer (got ${context})`);
  }

  let prefixStart = Math.max(0, start - context);
  if (
    prefixStart > 0 &&
    prefixStart < start &&
    isLowSurrogate(text.charCodeAt(prefixStart)) &&
    isHighSurrogate(text.charCodeAt(prefixStart - 1))
  ) {
    prefixStart++;
  }
  let suffixEnd = Math.min(text.length, end + context);
  if (
    suffixEnd < text.length &&
    suffixEnd > end &&
    isHighSurrogate(text.charCodeAt(suffixEnd - 1)) &&
    isLowSurrogate(text.charCodeAt(suffixEnd))
  ) {
    suffixEnd--;
  }

  return {
    quote: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}
