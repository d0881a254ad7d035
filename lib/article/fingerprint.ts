/**
 * A content fingerprint of an article's text, to recognise the same article republished on
 * another portal (another address, another page chrome, small edits): MinHash over word shingles.
 *
 * - Canonical words: the text folded (no diacritics, `đ` → `d`, lower case, so `hoà` and `hòa`
 *   agree), cut into runs of letters or digits; punctuation and spacing do not count.
 * - Shingles: every run of `SHINGLE_WORDS` consecutive words, hashed to 32 bits (each word hashed
 *   once, the words' hashes combined).
 * - Signature: for each of `SIGNATURE_SIZE` seeded hash functions, the least hash of any shingle.
 *   Two signatures agree at a position with the probability that equals the Jaccard similarity of
 *   the two texts' shingle sets, so the share of agreeing positions estimates it.
 * - Bands: the signature cut into `BANDS` bands of `ROWS_PER_BAND` rows, each band hashed to one
 *   key; articles sharing a key are the candidates compared (locality-sensitive hashing), so a
 *   save looks at a few articles, not the whole collection.
 *
 * `SAME_ARTICLE_SIMILARITY` is the threshold measured on the corpus (`npm run eval --
 * --republished`, README "One article, many portals").
 */
import { foldDiacritics } from "../text/fold.ts";

export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 128;
export const BANDS = 64;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;
/** Estimated Jaccard similarity at and above which two texts are one article (measured). */
export const SAME_ARTICLE_SIMILARITY = 0.3;
/** Texts with fewer words than this get no fingerprint: too little to tell articles apart. */
export const MIN_WORDS = 40;

const WORD = /[\p{L}\p{N}]+/gu;

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The finaliser of MurmurHash3: a 32-bit value mixed so that every input bit moves every output bit. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The text's canonical words. */
export function canonicalWords(text: string): string[] {
  return foldDiacritics(text.normalize("NFC")).match(WORD) ?? [];
}

/** The hashes of the words' shingles (distinct): each word hashed once, then combined. */
function shinglesOf(words: readonly string[]): Uint32Array {
  const wordHashes = words.map(fnv1a);
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= wordHashes.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = mix(h ^ (wordHashes[i + k] as number)) + k;
    hashes.add(h >>> 0);
  }
  return Uint32Array.from(hashes);
}

/** The hashes of the text's word shingles (distinct). */
export function shingleHashes(text: string): Uint32Array {
  return shinglesOf(canonicalWords(text));
}

/** One seed per hash function, fixed for every build (stored signatures depend on them). */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i));

/**
 * The text's MinHash signature (for each seeded hash function, the least hash of any shingle), or
 * null when the text is too short to tell articles apart.
 */
export function textSignature(text: string): number[] | null {
  const words = canonicalWords(text);
  if (words.length < MIN_WORDS) return null;
  const shingles = shinglesOf(words);
  const least = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s] as number;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(shingle ^ (SEEDS[i] as number));
      if (h < (least[i] as number)) least[i] = h;
    }
  }
  return Array.from(least);
}

/** The estimated Jaccard similarity of two signatures: the share of positions where they agree. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  const size = Math.min(a.length, b.length);
  if (size === 0) return 0;
  let same = 0;
  for (let i = 0; i < size; i++) if (a[i] === b[i]) same++;
  return same / size;
}

/** The signature's band keys (`<band>:<hash>`), the index under which candidates are found. */
export function signatureBands(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = signature.slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND);
    keys.push(`${band}:${fnv1a(rows.join(",")).toString(36)}`);
  }
  return keys;
}

/** Whether two signatures are of one article (similarity at or above the measured threshold). */
export function sameArticle(a: readonly number[], b: readonly number[]): boolean {
  return signatureSimilarity(a, b) >= SAME_ARTICLE_SIMILARITY;
}
