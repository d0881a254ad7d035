/**
 * Marking a search's words in the texts the collection shows: found without case or diacritics,
 * marked on the text as written, at word starts; the hidden sentence excerpted around them.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  excerptAround,
  foldForSearch,
  foldWithOffsets,
  matchSpans,
  queryWords,
  type Span,
  wordsMissingFrom,
  wordsStartingNowhere,
} from "../../lib/collection/index.ts";

const marked = (text: string, spans: readonly Span[]) =>
  spans.map((s) => text.slice(s.start, s.end));

describe("search marks", () => {
  test("folding with offsets folds as search does", () => {
    for (const text of [
      "  Tỷ lệ  người dân tham gia\tBẢO HIỂM Y TẾ đạt 95%  ",
      "Đảng bộ xã Đông Hòa",
      "bảo hiểm".normalize("NFD"),
      "",
    ]) {
      assert.equal(foldWithOffsets(text).folded, foldForSearch(text), JSON.stringify(text));
    }
  });

  test("bao hiem y te marks «bảo hiểm y tế» as written, whole words only", () => {
    const text = "Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%, quy mô tăng.";
    const spans = matchSpans(text, queryWords("bao hiem y te"));
    assert.deepEqual(marked(text, spans), ["bảo", "hiểm", "y", "tế"]);
    // `y` is not marked inside `quy`, `te` not inside `tế`'s neighbours.
    assert.ok(spans.every((s) => s.start >= text.indexOf("bảo") && s.end <= text.indexOf(" đạt")));
  });

  test("decomposed diacritics: the marks keep their combining marks", () => {
    const text = "Tham gia BẢO HIỂM Y TẾ".normalize("NFD");
    const spans = matchSpans(text, queryWords("bảo hiểm"));
    assert.deepEqual(
      marked(text, spans).map((m) => m.normalize("NFC")),
      ["BẢO", "HIỂM"],
    );
  });

  test("a word found only inside words is marked there when asked", () => {
    const text = "Kinh tế tăng trưởng";
    assert.deepEqual(matchSpans(text, ["ruong"]), [], "not at a word start");
    assert.deepEqual(wordsStartingNowhere([text, "Nhóm: Kinh tế"], ["ruong", "te"]), ["ruong"]);
    assert.deepEqual(marked(text, matchSpans(text, ["ruong"], ["ruong"])), ["rưởng"]);
    assert.deepEqual(matchSpans(text, ["xyz"], ["xyz"]), []);
  });

  test("overlapping words merge into one mark", () => {
    const text = "nông thôn mới";
    assert.deepEqual(marked(text, matchSpans(text, queryWords("nong thon thon moi"))), [
      "nông",
      "thôn",
      "mới",
    ]);
    assert.deepEqual(marked(text, matchSpans(text, ["nong thon", "thon moi"])), ["nông thôn mới"]);
  });

  test("which words no shown text has", () => {
    assert.deepEqual(
      wordsMissingFrom(["Tỷ lệ tham gia", "Nhóm: Y tế"], queryWords("bao hiem y te")),
      ["bao", "hiem"],
    );
  });

  test("the hidden sentence is cut around the words, on word boundaries", () => {
    const sentence = `${"Phát triển kinh tế xã hội, ".repeat(8)}tỷ lệ tham gia bảo hiểm y tế đạt 95%; ${"giữ vững quốc phòng an ninh, ".repeat(8)}`;
    const words = queryWords("bao hiem");
    const spans = matchSpans(sentence, words);
    const excerpt = excerptAround(sentence, spans, spans);
    assert.ok(excerpt.cutStart && excerpt.cutEnd, "cut at both ends");
    assert.ok(excerpt.text.length < sentence.length);
    assert.deepEqual(marked(excerpt.text, excerpt.spans), ["bảo", "hiểm"]);
    assert.ok(sentence.includes(excerpt.text));
    const at = sentence.indexOf(excerpt.text);
    assert.ok(at === 0 || /\s/.test(sentence[at - 1] ?? ""), `starts on a word: ${excerpt.text}`);
  });
});
