import { allMatches } from "./matches.ts";

/** A sentence with its offsets in the text it was cut from. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (line-break separated block) the sentence belongs to. */
  paragraph: number;
}

// A sentence ends at `.`, `!`, `?`, `…` followed by a space and an upper-case
// letter, a digit or an opening quote, or at a line break. A `.` between digits
// is a thousands separator and never ends a sentence.
const BOUNDARY = /([.!?…]+)(?=\s+["“(]?[\p{Lu}\d])|\n+/gu;

/** Splits text into sentences and paragraphs, keeping offsets. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let from = 0;
  const emit = (end: number) => {
    let s = from;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) sentences.push({ start: s, end: e, text: text.slice(s, e), paragraph });
  };
  for (const match of allMatches(BOUNDARY, text)) {
    const at = match.index as number;
    if (match[0].startsWith("\n")) {
      emit(at);
      paragraph++;
      from = at + match[0].length;
    } else {
      emit(at + match[0].length);
      from = at + match[0].length;
    }
  }
  emit(text.length);
  return sentences;
}

/** Index of the sentence containing `index` (binary search), or -1 when it falls between sentences. */
export function sentenceIndexAt(sentences: readonly Sentence[], index: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (index < s.start) hi = mid - 1;
    else if (index >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
