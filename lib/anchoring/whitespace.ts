/** Fitting a span found in the canonical form back onto the original text's whitespace. */
const SPACE = /\s/;

function leadingSpaces(text: string, from: number, to: number): number {
  let k = 0;
  while (from + k < to && SPACE.test(text[from + k] as string)) k++;
  return k;
}

function trailingSpaces(text: string, from: number, to: number): number {
  let k = 0;
  while (to - k > from && SPACE.test(text[to - k - 1] as string)) k++;
  return k;
}

/**
 * A whitespace run is one canonical space, so a span mapped back may hold more
 * (or less) of a run at its edges than the quote did: give each edge as much
 * whitespace as the quote has there, as far as the run allows.
 */
export function fitWhitespace(
  text: string,
  quote: string,
  span: { start: number; end: number },
): { start: number; end: number } {
  let { start, end } = span;
  const quoteLeading = leadingSpaces(quote, 0, quote.length);
  if (quoteLeading === quote.length) return span;
  const quoteTrailing = trailingSpaces(quote, 0, quote.length);
  const leading = leadingSpaces(text, start, end);
  if (leading === end - start) return span;
  if (leading > quoteLeading) start += leading - quoteLeading;
  for (let extra = quoteLeading - leading; extra > 0 && start > 0; extra--) {
    if (!SPACE.test(text[start - 1] as string)) break;
    start--;
  }
  const trailing = trailingSpaces(text, start, end);
  if (trailing > quoteTrailing) end -= trailing - quoteTrailing;
  for (let extra = quoteTrailing - trailing; extra > 0 && end < text.length; extra--) {
    if (!SPACE.test(text[end] as string)) break;
    end++;
  }
  return { start, end };
}
