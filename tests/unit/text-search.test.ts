/**
 * The engine's faster searches give what the plain ones give: `allMatches` what `matchAll` does,
 * `matcher` what a pattern with its `WORD_START` look-behind does (also when it is tried only where
 * an opening word begins a word), and the flat phrase trie what the category search found before.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { categorize } from "../../lib/taxonomy/taxonomy.ts";
import { isWordStart, matcher, WORD_END, WORD_START } from "../../lib/text/boundaries.ts";
import { foldSameLength } from "../../lib/text/fold.ts";
import { allMatches } from "../../lib/text/matches.ts";

const SENTENCES = [
  "Phấn đấu trong 6 tháng cuối năm 2031, xã Tân Lập hoàn thành 12 km đường giao thông nông thôn.",
  "ĐẾN HẾT năm 2032 toàn huyện có 95% hộ dùng nước sạch; chậm nhất là ngày 15/9/2031 bàn giao.",
  "Thị trấn đếnhết kỳ hạn, xtrong 3 tháng đầu năm, trong  3   tháng đầu năm 2033 đạt 40 tỷ đồng.",
  "",
  "😀 trong 9 tháng đầu năm 2034 😀",
];

const key = (matches: readonly RegExpExecArray[]) =>
  JSON.stringify(matches.map((m) => [m.index, ...m]));

describe("allMatches", () => {
  test("finds what matchAll finds and leaves the pattern at the start", () => {
    const pattern = /(\d+)\s*(?:tỷ|km|%)|(?:)/gu;
    for (const sentence of SENTENCES) {
      assert.equal(key(allMatches(pattern, sentence)), key([...sentence.matchAll(pattern)]));
      assert.equal(pattern.lastIndex, 0);
    }
  });
});

describe("matcher", () => {
  const opening = new RegExp(
    `${WORD_START}(trong|đến hết|chậm nhất là)\\s+(\\d{1,2})\\s+tháng\\s+(đầu|cuối)\\s+năm${WORD_END}`,
    "giu",
  );
  const literal = new RegExp(`${WORD_START}năm\\s+(\\d{4})`, "giu");
  for (const [name, pattern] of [
    ["a group of opening words", opening],
    ["a leading word", literal],
  ] as const) {
    test(`gives the look-behind's matches for ${name}`, () => {
      const find = matcher(pattern);
      for (const sentence of SENTENCES) {
        pattern.lastIndex = 0;
        assert.equal(key(find(sentence)), key([...sentence.matchAll(pattern)]));
      }
    });
  }

  test("isWordStart reads letters, digits and marks before the index", () => {
    const text = "a 1b đc\u0301x";
    const starts = Array.from({ length: text.length }, (_, i) => isWordStart(text, i));
    // a · ␠ · 1 · b · ␠ · đ · c · (acute) · x
    assert.deepEqual(starts, [true, false, true, false, false, true, false, false, false]);
  });
});

describe("the category search over the flat trie", () => {
  test("finds phrasings across runs of spaces, in upper case and glued to a dash", () => {
    assert.equal(categorize("Tỷ lệ   hộ nghèo giảm"), categorize("tỷ lệ hộ nghèo giảm"));
    assert.equal(categorize("TỶ LỆ HỘ NGHÈO"), categorize("tỷ lệ hộ nghèo"));
    assert.notEqual(categorize("tỷ lệ hộ nghèo"), null);
  });

  test("foldSameLength keeps every offset of a mixed text", () => {
    const text = "Đạt 95,5% — 😀 “Nông thôn mới” Ǆ";
    const folded = foldSameLength(text);
    assert.equal(folded.length, text.length);
    assert.equal(folded.slice(0, 3), "dat");
  });
});
