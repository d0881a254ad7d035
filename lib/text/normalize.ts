/**
 * The text layer: canonical text for matching, with an offset map back to the
 * original so that every span found in the canonical text can be placed on the
 * page text it came from.
 *
 * Canonicalisation: Unicode NFC, one tone placement for `oa`/`oe`/`uy`
 * (`hoà` → `hòa`, `uỷ` → `ủy`), every dash variant → `-`, every space variant
 * → one ASCII space (runs collapsed), invisible format characters dropped,
 * `\r\n` → `\n`.
 */

import { runSteps, type Steps } from "../steps.ts";

export interface NormalizedText {
  /** The canonical text. */
  readonly text: string;
  /** The original text. */
  readonly original: string;
  /** Original offset of the first code unit behind canonical code unit `i`. */
  readonly starts: Int32Array;
  /** Original offset just past the last code unit behind canonical code unit `i`. */
  readonly ends: Int32Array;
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\r]/;

// Tone marks on the second vowel of open `oa`, `oe`, `uy` syllables move to the
// first vowel: both placements are in use (`Tỉnh uỷ` and `Tỉnh ủy` on one site).
const TONED_A = "àáảãạ";
const TONED_E = "èéẻẽẹ";
const TONED_Y = "ỳýỷỹỵ";
const TONED_O = "òóỏõọ";
const TONED_U = "ùúủũụ";
const TONE_SHIFT = new Map<string, string>();
for (let tone = 0; tone < 5; tone++) {
  const pairs: Array<[string, string, string, string]> = [
    ["o", TONED_A[tone] as string, TONED_O[tone] as string, "a"],
    ["o", TONED_E[tone] as string, TONED_O[tone] as string, "e"],
    ["u", TONED_Y[tone] as string, TONED_U[tone] as string, "y"],
  ];
  for (const [first, toned, shiftedFirst, plain] of pairs) {
    TONE_SHIFT.set(first + toned, shiftedFirst + plain);
    TONE_SHIFT.set(
      first.toUpperCase() + toned.toUpperCase(),
      shiftedFirst.toUpperCase() + plain.toUpperCase(),
    );
    TONE_SHIFT.set(first.toUpperCase() + toned, shiftedFirst.toUpperCase() + plain);
  }
}
const MARK = /^[\p{M}\u1160-\u11FF]$/u;
const ANY_MARK = /[\p{M}\u1160-\u11FF]/u;
function isCombining(code: number): boolean {
  if (code < 0x300) return false;
  if (code <= 0x36f) return true;
  // Latin Extended Additional: the precomposed Vietnamese letters.
  if (code >= 0x1e00 && code <= 0x1eff) return false;
  return MARK.test(String.fromCodePoint(code));
}

/**
 * Whether a code unit may need more than copying: white space and controls, the characters the
 * slow path rewrites or drops, surrogates, anything outside the common Latin ranges. Letters of
 * Vietnamese text (ASCII, Latin-1, Latin Extended, Latin Extended Additional) are copied as is.
 */
function mayNeedWork(code: number): boolean {
  if (code <= 0x20) return true;
  if (code < 0x7f) return false;
  if (code < 0xa0) return true;
  if (code === 0xa0 || code === 0xad) return true;
  if (code < 0x300) return false;
  return !(code >= 0x1e00 && code <= 0x1eff);
}
/**
 * Whether `input` has a combining mark (or a conjoining jamo). Letters below U+0300, the
 * precomposed Vietnamese letters and punctuation are passed over by code, the rest tested one by one.
 */
function hasCombiningMark(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code < 0x300 || (code >= 0x1e00 && code <= 0x1eff)) continue;
    // General punctuation, super- and subscripts, currency signs (quotes, dashes, `…`): no marks.
    if (code >= 0x2000 && code <= 0x20cf) continue;
    if (ANY_MARK.test(input.slice(i, i + 2))) return true;
  }
  return false;
}

/** Canonicalises `input`, keeping a map from canonical offsets to original ones. */
export function normalizeText(input: string): NormalizedText {
  return runSteps(normalizeTextSteps(input));
}

/** Code units of input canonicalised between two pauses of `normalizeTextSteps`. */
const UNITS_PER_STEP = 16_384;

/**
 * An open `oa`/`oe`/`uy` syllable with its tone on the second vowel: the pair and what follows
 * (a letter or mark after it means a longer syllable, `hoàng`, left alone).
 */
const OPEN_SYLLABLE_TONE = new RegExp(
  `[oOuU][${TONED_A}${TONED_E}${TONED_Y}${TONED_A.toUpperCase()}${TONED_E.toUpperCase()}${TONED_Y.toUpperCase()}](?![\\p{L}\\p{M}])`,
  "gu",
);

/**
 * Where the run of characters that are copied as they are, from `from`, ends (at `limit` at most):
 * letters, digits and punctuation marks not followed by a combining mark.
 */
function plainRunEnd(input: string, from: number, limit: number, hasMarks: boolean): number {
  let i = from;
  while (i < limit) {
    const code = input.charCodeAt(i);
    if (mayNeedWork(code)) {
      // A single ASCII space between two plain characters is copied as it is too (the one before
      // it copied in this run, so no space or line break comes before it).
      if (code !== 32 || i === from || i + 1 >= limit || mayNeedWork(input.charCodeAt(i + 1)))
        return i;
    }
    if (hasMarks && i + 1 < input.length && isCombining(input.codePointAt(i + 1) as number))
      return i;
    i++;
  }
  return i;
}

/** `normalizeText` a stretch of text at a time (see lib/steps.ts). */
export function* normalizeTextSteps(input: string): Steps<NormalizedText> {
  const length = input.length;
  // The canonical text in pieces: runs copied as they are, and what the slow path makes.
  const parts: string[] = [];
  // One canonical code unit per original one at most, but for the rare cluster whose NFC form is
  // longer: the maps grow then.
  let starts = new Int32Array(length + 16);
  let ends = new Int32Array(length + 16);
  let n = 0;
  let last = "";
  const makeRoom = (units: number) => {
    if (n + units <= starts.length) return;
    const size = 2 * (n + units);
    const grownStarts = new Int32Array(size);
    const grownEnds = new Int32Array(size);
    grownStarts.set(starts);
    grownEnds.set(ends);
    starts = grownStarts;
    ends = grownEnds;
  };
  const push = (chars: string, from: number, to: number) => {
    makeRoom(chars.length);
    for (let k = 0; k < chars.length; k++) {
      starts[n] = from;
      ends[n] = to;
      n++;
    }
    parts.push(chars);
    last = chars[chars.length - 1] as string;
  };

  // Text without a single combining mark (NFC text, the usual case) needs no look-ahead.
  const hasMarks = hasCombiningMark(input);
  let i = 0;
  let pauseAt = UNITS_PER_STEP;
  while (i < length) {
    if (i >= pauseAt) {
      yield;
      pauseAt = i + UNITS_PER_STEP;
    }
    // Fast path: a run of letters, digits and punctuation marks not followed by a combining mark,
    // copied as one piece.
    const runStart = i;
    i = plainRunEnd(input, i, Math.min(length, pauseAt), hasMarks);
    makeRoom(i - runStart);
    for (let k = runStart; k < i; k++) {
      starts[n] = k;
      ends[n] = k + 1;
      n++;
    }
    if (i > runStart) {
      parts.push(input.slice(runStart, i));
      last = input[i - 1] as string;
      continue;
    }
    const code = input.charCodeAt(i);
    // A cluster: one code point and the combining marks after it.
    const pair = code >= 0xd800 && code <= 0xdbff && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    let j = i + (pair ? 2 : 1);
    while (j < length && isCombining(input.codePointAt(j) as number))
      j += (input.codePointAt(j) as number) > 0xffff ? 2 : 1;
    const cluster = input.slice(i, j);

    if (INVISIBLE.test(cluster)) {
      // dropped
    } else if (cluster === " " || SPACES.test(cluster)) {
      if (last === " ") {
        ends[n - 1] = j;
      } else if (last !== "\n") {
        push(" ", i, j);
      }
    } else if (cluster === "\n") {
      // A space before a line break carries no meaning: fold it into the break (the space was
      // pushed as a piece of its own).
      if (last === " ") {
        parts[parts.length - 1] = "\n";
        ends[n - 1] = j;
        last = "\n";
      } else {
        push("\n", i, j);
      }
    } else if (DASHES.test(cluster)) {
      push("-", i, j);
    } else {
      push(j - i > 1 ? cluster.normalize("NFC") : cluster, i, j);
    }
    i = j;
  }
  yield;

  // Tone placement, on whole open syllables only (`hoà`, not `hoàng`; `quý` is `qu` + `ý`).
  const text = parts
    .join("")
    .replace(OPEN_SYLLABLE_TONE, (pair: string, at: number, whole: string) => {
      const first = pair[0] as string;
      const before = whole[at - 1];
      if ((before === "q" || before === "Q") && (first === "u" || first === "U")) return pair;
      return TONE_SHIFT.get(pair) ?? pair;
    });

  return {
    text,
    original: input,
    starts: starts.subarray(0, n),
    ends: ends.subarray(0, n),
  };
}

/** Maps a canonical span `[start, end)` back to the original text. */
export function toOriginalSpan(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const at =
      start < normalized.starts.length
        ? (normalized.starts[start] as number)
        : normalized.original.length;
    return { start: at, end: at };
  }
  return {
    start: normalized.starts[start] as number,
    end: normalized.ends[end - 1] as number,
  };
}

/** Canonical form of a short string (no offset map): for dictionaries and comparisons. */
export function canonical(input: string): string {
  return normalizeText(input).text;
}
