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
const COMBINING = /\p{M}/u;

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
const LETTER = /[\p{L}\p{M}]/u;

/** Canonicalises `input`, keeping a map from canonical offsets to original ones. */
export function normalizeText(input: string): NormalizedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (chars: string, from: number, to: number) => {
    for (let k = 0; k < chars.length; k++) {
      out.push(chars[k] as string);
      starts.push(from);
      ends.push(to);
    }
  };

  let i = 0;
  while (i < input.length) {
    // A cluster: one code point and the combining marks after it.
    const first = input.codePointAt(i) as number;
    let j = i + (first > 0xffff ? 2 : 1);
    while (j < input.length && COMBINING.test(input[j] as string)) j++;
    const cluster = input.slice(i, j);

    if (INVISIBLE.test(cluster)) {
      // dropped
    } else if (SPACES.test(cluster) || cluster === " ") {
      const last = out[out.length - 1];
      if (last === " ") {
        ends[ends.length - 1] = j;
      } else if (last !== "\n") {
        push(" ", i, j);
      }
    } else if (cluster === "\n") {
      // A space before a line break carries no meaning: fold it into the break.
      if (out[out.length - 1] === " ") {
        out[out.length - 1] = "\n";
        ends[ends.length - 1] = j;
      } else {
        push("\n", i, j);
      }
    } else if (DASHES.test(cluster)) {
      push("-", i, j);
    } else {
      push(cluster.normalize("NFC"), i, j);
    }
    i = j;
  }

  // Tone placement, on whole open syllables only (`hoà`, not `hoàng`).
  for (let k = 0; k + 1 < out.length; k++) {
    const shifted = TONE_SHIFT.get((out[k] as string) + (out[k + 1] as string));
    if (!shifted) continue;
    const before = out[k - 1] ?? "";
    const after = out[k + 2] ?? "";
    if (LETTER.test(after)) continue;
    if (/[qQ]/.test(before) && (out[k] === "u" || out[k] === "U")) continue; // `quý` is `qu` + `ý`
    out[k] = shifted[0] as string;
    out[k + 1] = shifted[1] as string;
  }

  return {
    text: out.join(""),
    original: input,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
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
