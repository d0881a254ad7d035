/**
 * Folding for the collection's search: no diacritics, lower case, single spaces, one code unit at
 * a time through a table (with the offsets back into the text for marking matches).
 */
import { foldDiacritics } from "../text/fold.ts";

// Folding one UTF-16 code unit at a time through a table: building the index folds megabytes of
// text, and writing code units into a buffer is several times faster than normalising and
// matching regexes per string, or than growing a string one character at a time.
const UNKNOWN = -1;
const DROP = -2;
const SPACE = -3;
const SEVERAL = -4;

/** What each code unit folds to: a code unit, or UNKNOWN / DROP / SPACE / SEVERAL. */
let foldTable: Int32Array | null = null;
/** Code units that fold to more than one code unit. */
const severalUnits = new Map<number, string>();
let scratch = new Uint16Array(1024);

function foldedCode(table: Int32Array, code: number): number {
  let folded = table[code] ?? UNKNOWN;
  if (folded === UNKNOWN) {
    const unit = String.fromCharCode(code);
    const text = /\s/.test(unit) ? " " : foldDiacritics(unit.toLowerCase());
    if (text === " ") folded = SPACE;
    else if (text === "") folded = DROP;
    else if (text.length === 1) folded = text.charCodeAt(0);
    else {
      folded = SEVERAL;
      severalUnits.set(code, text);
    }
    table[code] = folded;
  }
  return folded;
}

/**
 * Text as search compares it: lower case, no diacritics (`đ`/`Đ` → `d`; composed or decomposed
 * input alike), runs of white space as one space, trimmed. `nông thôn mới` → `nong thon moi`.
 * The same as `foldDiacritics` (after NFC and lower case) with white space collapsed, computed
 * one code unit at a time (a combining mark folds to nothing).
 */
export function foldForSearch(text: string): string {
  if (foldTable === null) foldTable = new Int32Array(0x10000).fill(UNKNOWN);
  const table = foldTable;
  if (scratch.length < text.length + 1) scratch = new Uint16Array(text.length * 2 + 16);
  let buffer = scratch;
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldedCode(table, code);
    if (folded === SPACE) {
      space = n > 0;
      continue;
    }
    if (folded === DROP) continue;
    if (space) {
      buffer[n++] = 0x20;
      space = false;
    }
    if (folded !== SEVERAL) {
      // Without expansions the output is never longer than the input: no bounds check needed.
      buffer[n++] = folded;
      continue;
    }
    const several = severalUnits.get(code) ?? "";
    if (n + several.length + (text.length - i) > buffer.length) {
      const bigger = new Uint16Array((n + several.length + text.length) * 2);
      bigger.set(buffer.subarray(0, n));
      buffer = bigger;
      scratch = bigger;
    }
    for (let k = 0; k < several.length; k++) buffer[n++] = several.charCodeAt(k);
  }
  let out = "";
  for (let from = 0; from < n; from += 4096) {
    const chunk = buffer.subarray(from, Math.min(n, from + 4096));
    out += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return out;
}

/**
 * `foldForSearch` with, for each folded code unit, the index of the code unit of `text` it comes
 * from (a collapsed run of white space points at its first unit; an expansion at its source), so
 * that a match in the folded text can be marked in the original.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  if (foldTable === null) foldTable = new Int32Array(0x10000).fill(UNKNOWN);
  const table = foldTable;
  const units: number[] = [];
  const offsets: number[] = [];
  let spaceAt = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldedCode(table, code);
    if (folded === SPACE) {
      if (units.length > 0 && spaceAt < 0) spaceAt = i;
      continue;
    }
    if (folded === DROP) continue;
    if (spaceAt >= 0) {
      units.push(0x20);
      offsets.push(spaceAt);
      spaceAt = -1;
    }
    if (folded !== SEVERAL) {
      units.push(folded);
      offsets.push(i);
      continue;
    }
    const several = severalUnits.get(code) ?? "";
    for (let k = 0; k < several.length; k++) {
      units.push(several.charCodeAt(k));
      offsets.push(i);
    }
  }
  let folded = "";
  for (let from = 0; from < units.length; from += 4096) {
    folded += String.fromCharCode(...units.slice(from, from + 4096));
  }
  return { folded, offsets };
}

/** Whether a code unit folds to nothing (a combining mark, say). */
export function foldsToNothing(code: number): boolean {
  if (foldTable === null) foldTable = new Int32Array(0x10000).fill(UNKNOWN);
  return foldedCode(foldTable, code) === DROP;
}
