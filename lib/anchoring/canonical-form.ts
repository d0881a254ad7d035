/**
 * The canonical form anchoring compares in: `normalizeText` (NFC, one tone placement, one kind of
 * dash and space) with line breaks as spaces, and a map back to the original offsets. The form of
 * the article text is cached (one entry): normalising 100 KB takes milliseconds and a page anchors
 * all its snippets in one text.
 */
import { type NormalizedText, normalizeText } from "../text/normalize.ts";

/** `normalizeText`, then line breaks as spaces with runs collapsed (same offset-map shape). */
export function anchoringForm(input: string): NormalizedText {
  const norm = normalizeText(input);
  const source = norm.text;
  if (!source.includes("\n")) return norm;
  const length = source.length;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  let text = "";
  let copyFrom = 0;
  let n = 0;
  let previousSpace = false;
  for (let i = 0; i < length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x20 || code === 0x0a) {
      if (previousSpace) {
        text += source.slice(copyFrom, i);
        copyFrom = i + 1;
        ends[n - 1] = norm.ends[i] as number;
        continue;
      }
      if (code === 0x0a) {
        text += `${source.slice(copyFrom, i)} `;
        copyFrom = i + 1;
      }
      previousSpace = true;
    } else {
      previousSpace = false;
    }
    starts[n] = norm.starts[i] as number;
    ends[n] = norm.ends[i] as number;
    n++;
  }
  text += source.slice(copyFrom);
  return { text, original: input, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

let cachedInput: string | null = null;
let cachedForm: NormalizedText | null = null;

export function textForm(text: string): NormalizedText {
  if (cachedForm === null || cachedInput !== text) {
    cachedForm = anchoringForm(text);
    cachedInput = text;
  }
  return cachedForm;
}

/** First index whose value is >= `value` (values non-decreasing). */
export function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Canonical prefix, quote and suffix, normalised together so that what depends
 * on neighbours (tone placement, space runs) comes out as in the page.
 */
export function canonicalPieces(
  prefix: string,
  quote: string,
  suffix: string,
): { prefix: string; quote: string; suffix: string } {
  const form = anchoringForm(prefix + quote + suffix);
  const quoteStart = lowerBound(form.starts, prefix.length);
  const quoteEnd = lowerBound(form.starts, prefix.length + quote.length);
  return {
    prefix: form.text.slice(0, quoteStart),
    quote: form.text.slice(quoteStart, quoteEnd),
    suffix: form.text.slice(quoteEnd),
  };
}
