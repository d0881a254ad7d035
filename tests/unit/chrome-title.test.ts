/**
 * `isChromeTitle` (lib/reading/chrome.ts) turns a long paragraph down before folding it: the
 * shortcut never changes its answer, whatever the letters, marks, spaces and punctuation.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { isChromeTitle, surelyFoldsLonger } from "../../lib/reading/chrome.ts";
import { foldDiacritics } from "../../lib/text/fold.ts";

/** A text folded and trimmed as `isChromeTitle` reads it. */
function foldedTitle(text: string): string {
  return foldDiacritics(text)
    .replace(/[\s:»>›|.…-]+$/u, "")
    .replace(/^[\s«<‹|.-]+/u, "")
    .replace(/\s+/g, " ");
}

const PIECES = [
  "Tin liên quan",
  "Xem thêm",
  "TIN LIÊN QUAN",
  "a",
  "Đ",
  "ệ",
  "e\u0302\u0301",
  "\u0301",
  "\u0303\u0323",
  "7",
  " ",
  "\u00a0",
  "\n",
  ":",
  "»",
  "…",
  ".",
  "-",
  "«",
  "‹",
  "|",
  "×",
  "≮",
  "≯",
  "한",
  "İ",
  "ǅ",
  "ﬀ",
  "😀",
];

test("a text the shortcut turns down folds longer than a title, whatever it holds", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 90 }),
      fc.integer({ min: 0, max: 60 }),
      (pieces, limit) => {
        const text = pieces.join("");
        if (surelyFoldsLonger(text, limit)) {
          assert.ok(foldedTitle(text).length > limit, JSON.stringify(text));
        }
        if (
          /^(?:tin lien quan|xem them)\b/.test(foldedTitle(text)) &&
          foldedTitle(text).length <= 48
        )
          assert.equal(isChromeTitle(text), true, JSON.stringify(text));
      },
    ),
    { numRuns: 4000, seed: 15 },
  );
});

test("titles and paragraphs", () => {
  assert.equal(isChromeTitle("Tin liên quan:"), true);
  assert.equal(isChromeTitle("  « Xem thêm »  "), true);
  assert.equal(isChromeTitle(`Tin liên quan ${"x".repeat(40)}`), false);
  assert.equal(isChromeTitle(`Tin liên quan ${"\u0301".repeat(200)}`), true);
  assert.equal(isChromeTitle(`Tin liên quan${" .".repeat(200)}`), true);
});
