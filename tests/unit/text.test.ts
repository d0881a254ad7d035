/**
 * The text layer: canonicalisation with its offset map, diacritic folding,
 * Unicode word boundaries and sentence splitting.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { phraseAlternation, WORD_END, WORD_START, wholeWords } from "../../lib/text/boundaries.ts";
import { foldDiacritics, foldSameLength } from "../../lib/text/fold.ts";
import { canonical, normalizeText, toOriginalSpan } from "../../lib/text/normalize.ts";
import { splitSentences } from "../../lib/text/sentences.ts";

/** `[input, its canonical form]` cases, by the rule they show (one test a rule). */
const CANONICAL_CASES: Array<[rule: string, cases: Array<[input: string, expected: string]>]> = [
  [
    "moves the tone of open oa/oe/uy syllables to the first vowel",
    [
      ["hoà", "hòa"],
      ["Tỉnh uỷ", "Tỉnh ủy"],
      ["BAN THƯỜNG VỤ TỈNH UỶ", "BAN THƯỜNG VỤ TỈNH ỦY"],
      ["UỶ", "ỦY"],
      ["Hoà bình", "Hòa bình"],
      ["khoẻ mạnh", "khỏe mạnh"],
    ],
  ],
  [
    "tone placement also applies to NFD input",
    [
      ["hoà".normalize("NFD"), "hòa"],
      ["Tỉnh uỷ".normalize("NFD"), "Tỉnh ủy"],
    ],
  ],
  [
    "old and new tone placements canonicalise to the same word",
    [
      ["Tỉnh uỷ", canonical("Tỉnh ủy")],
      ["hoà", canonical("hòa")],
    ],
  ],
  [
    "leaves closed syllables and `qu` + vowel unchanged",
    [
      ["hoàng", "hoàng"],
      ["Hoàng Văn Thụ", "Hoàng Văn Thụ"],
      ["quý", "quý"],
      ["quý I/2021", "quý I/2021"],
      ["QUÝ", "QUÝ"],
    ],
  ],
  [
    "maps every dash variant to -",
    [
      ["10 – 11%", "10 - 11%"],
      ["2020 — 2025", "2020 - 2025"],
      ["quốc phòng‑an ninh", "quốc phòng-an ninh"],
      ["5 − 3", "5 - 3"],
      ["a–b—c‑d−e-f", "a-b-c-d-e-f"],
    ],
  ],
  [
    "maps no-break and thin spaces to a space and collapses runs",
    [
      ["100\u00A0triệu", "100 triệu"],
      ["100\u2009triệu", "100 triệu"],
      ["100\u202Ftriệu", "100 triệu"],
      ["đạt   100 \u00A0 triệu\tđồng", "đạt 100 triệu đồng"],
    ],
  ],
  [
    "drops zero-width and other invisible characters",
    [
      ["Đảng\u200B bộ", "Đảng bộ"],
      ["\uFEFFnông\u200Cthôn\u200Dmới\u2060", "nôngthônmới"],
      ["nhiệm\u00ADvụ", "nhiệmvụ"],
    ],
  ],
  [
    "turns \\r\\n into \\n and folds a space before a line break",
    [
      ["dòng một\r\ndòng hai", "dòng một\ndòng hai"],
      ["dòng một \r\n  dòng hai", "dòng một\ndòng hai"],
      ["a\r\n\r\nb", "a\n\nb"],
    ],
  ],
];

describe("normalizeText / canonical", () => {
  test("composes NFD input to NFC", () => {
    const nfd = "Nghị quyết Đại hội Đảng bộ".normalize("NFD");
    assert.notEqual(nfd, nfd.normalize("NFC"));
    assert.equal(canonical(nfd), "Nghị quyết Đại hội Đảng bộ".normalize("NFC"));
    assert.equal(canonical(nfd).length, "Nghị quyết Đại hội Đảng bộ".normalize("NFC").length);
  });

  for (const [rule, cases] of CANONICAL_CASES) {
    test(rule, () => {
      for (const [input, expected] of cases) assert.equal(canonical(input), expected);
    });
  }

  test("keeps the original text and one offset pair per canonical code unit", () => {
    const input = "Tỉnh  uỷ\u00A0Trà Vinh";
    const n = normalizeText(input);
    assert.equal(n.original, input);
    assert.equal(n.text, "Tỉnh ủy Trà Vinh");
    assert.equal(n.starts.length, n.text.length);
    assert.equal(n.ends.length, n.text.length);
  });
});

describe("toOriginalSpan", () => {
  /** For every canonical span, the original slice it maps to canonicalises to the canonical slice. */
  function assertEverySpanMapsBack(input: string): number {
    const n = normalizeText(input);
    let checked = 0;
    for (let start = 0; start < n.text.length; start++) {
      for (let end = start + 1; end <= n.text.length; end++) {
        const span = toOriginalSpan(n, start, end);
        assert.ok(
          0 <= span.start && span.start <= span.end && span.end <= input.length,
          `span ${start}-${end} out of bounds`,
        );
        const original = input.slice(span.start, span.end);
        assert.equal(
          canonical(original),
          n.text.slice(start, end),
          `canonical span ${start}-${end} of ${JSON.stringify(input)}`,
        );
        checked++;
      }
    }
    return checked;
  }

  const inputs: Array<[string, string]> = [
    ["NFD text", "Đến năm 2025, GRDP bình quân đầu người đạt 100 triệu đồng.".normalize("NFD")],
    ["no-break spaces", "đạt\u00A0100\u00A0triệu đồng"],
    ["double spaces", "Đảng  bộ   tỉnh  Trà Vinh"],
    ["mixed", "  Tăng trưởng\u2009đạt 10 –\u00A011%\r\n\u200Bnăm  2025 \n  tiếp"],
  ];
  for (const [name, input] of inputs) {
    test(`every canonical span maps back: ${name}`, () => {
      const n = normalizeText(input);
      const checked = assertEverySpanMapsBack(input);
      assert.equal(checked, (n.text.length * (n.text.length + 1)) / 2);
    });
  }

  test("maps a word span in NFD text to the decomposed original", () => {
    const input = "Nghị quyết Đại hội".normalize("NFD");
    const n = normalizeText(input);
    const at = n.text.indexOf("Đại");
    const span = toOriginalSpan(n, at, at + "Đại".length);
    assert.equal(input.slice(span.start, span.end), "Đại".normalize("NFD"));
    assert.equal(span.end - span.start, "Đại".normalize("NFD").length);
  });

  test("maps a collapsed space to the whole run of spaces", () => {
    const input = "a \u00A0 b";
    const n = normalizeText(input);
    assert.equal(n.text, "a b");
    assert.deepEqual(toOriginalSpan(n, 1, 2), { start: 1, end: 4 });
    assert.deepEqual(toOriginalSpan(n, 2, 3), { start: 4, end: 5 });
  });

  test("whole words with a moved tone map back to the original spelling", () => {
    const input = "Ban Thường vụ Tỉnh uỷ và Ủy ban hoà giải";
    const n = normalizeText(input);
    for (const word of ["ủy", "Ủy", "hòa", "giải"]) {
      const at = n.text.indexOf(word);
      assert.ok(at >= 0, word);
      const span = toOriginalSpan(n, at, at + word.length);
      assert.equal(canonical(input.slice(span.start, span.end)), word);
    }
    const at = n.text.indexOf("ủy");
    const span = toOriginalSpan(n, at, at + 2);
    assert.equal(input.slice(span.start, span.end), "uỷ");
  });

  test("an empty span maps to an empty span at its position", () => {
    const n = normalizeText("a  b");
    assert.deepEqual(toOriginalSpan(n, 2, 2), { start: 3, end: 3 });
    assert.deepEqual(toOriginalSpan(n, 3, 3), { start: 4, end: 4 });
  });
});

describe("fold", () => {
  test("foldDiacritics strips marks, folds đ and lower-cases", () => {
    const cases: Array<[string, string]> = [
      ["Nông thôn mới Đảng", "nong thon moi dang"],
      ["đạt chuẩn", "dat chuan"],
      ["Tỉnh ủy".normalize("NFD"), "tinh uy"],
    ];
    for (const [text, folded] of cases) assert.equal(foldDiacritics(text), folded, text);
  });

  test("foldSameLength keeps the length and folds character by character", () => {
    const input = canonical("Đảng bộ huyện Trà Cú đạt 100% chỉ tiêu");
    const folded = foldSameLength(input);
    assert.equal(folded.length, input.length);
    assert.equal(folded, "dang bo huyen tra cu dat 100% chi tieu");
    const at = folded.indexOf("tra cu");
    assert.equal(input.slice(at, at + "tra cu".length), "Trà Cú");
  });
});

describe("boundaries", () => {
  const den = new RegExp(`${WORD_START}đến${WORD_END}`, "u");

  test("WORD_START/WORD_END match a whole word with diacritics", () => {
    const match = den.exec("đến năm 2025");
    assert.ok(match);
    assert.equal(match.index, 0);
    assert.equal(den.exec("Phấn đấu đến năm 2025")?.index, 9);
  });

  test("WORD_START/WORD_END do not match inside a longer word", () => {
    assert.equal(den.test("điđến"), false);
    assert.equal(den.test("đếnx"), false);
    assert.equal(den.test("đến2025"), false);
  });

  test("WORD_START/WORD_END are right where ASCII \\b is wrong (words with diacritics)", () => {
    // `/\bđến/u` misses "đến" at the start and `/năm\b/u` finds "năm" inside "nămđ".
    assert.equal(den.exec("đến")?.index, 0);
    assert.equal(den.exec("Hoàn thành đến năm")?.index, 11);
    const nam = new RegExp(`${WORD_START}năm${WORD_END}`, "u");
    assert.equal(nam.test("nămđ"), false);
    assert.equal(nam.test("đnăm"), false);
    assert.equal(nam.exec("đến năm, 2025")?.index, 4);
    const uy = new RegExp(`${WORD_START}ủy${WORD_END}`, "u");
    assert.equal(uy.exec("Tỉnh ủy Trà Vinh")?.index, 5);
    assert.equal(uy.test("Tỉnh ủyđ"), false);
  });

  test("wholeWords and phraseAlternation build whole-word, longest-first patterns", () => {
    const re = new RegExp(wholeWords(phraseAlternation(["đến", "đến hết"])), "gu");
    assert.deepEqual(
      [..."đến  hết năm, điđến".matchAll(re)].map((m) => [m.index, m[0]]),
      [[0, "đến  hết"]],
    );
  });
});

describe("splitSentences", () => {
  test("splits at a full stop followed by a capital and keeps offsets", () => {
    const text = "Huyện đạt 28.864 tỷ đồng. Tăng bình quân 1,5%/năm. Đến năm 2025 đạt 100%.";
    const sentences = splitSentences(text);
    assert.deepEqual(
      sentences.map((s) => s.text),
      ["Huyện đạt 28.864 tỷ đồng.", "Tăng bình quân 1,5%/năm.", "Đến năm 2025 đạt 100%."],
    );
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
    assert.deepEqual(
      sentences.map((s) => s.paragraph),
      [0, 0, 0],
    );
  });

  test("never splits inside 28.864 or 1,5", () => {
    const text = "Giá trị đạt 28.864 tỷ đồng, tăng 1,5 lần";
    const sentences = splitSentences(text);
    assert.equal(sentences.length, 1);
    assert.equal(sentences[0]?.text, text);
  });

  test("does not split at a full stop followed by a lower-case word", () => {
    const sentences = splitSentences("Ông A. tiếp tục phát biểu. Sau đó bế mạc.");
    assert.deepEqual(
      sentences.map((s) => s.text),
      ["Ông A. tiếp tục phát biểu.", "Sau đó bế mạc."],
    );
  });

  test("splits at line breaks and counts paragraphs", () => {
    const text = "Tiêu đề bài viết\nĐoạn một. Câu hai.\n\nĐoạn hai có 1.107ha";
    const sentences = splitSentences(text);
    assert.deepEqual(
      sentences.map((s) => [s.text, s.paragraph]),
      [
        ["Tiêu đề bài viết", 0],
        ["Đoạn một.", 1],
        ["Câu hai.", 1],
        ["Đoạn hai có 1.107ha", 2],
      ],
    );
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  });

  test("trims spaces around sentences and skips empty ones", () => {
    const text = "  Câu một!  Câu hai?\n   \n";
    const sentences = splitSentences(text);
    assert.deepEqual(
      sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
      [
        { start: 2, end: 10, text: "Câu một!" },
        { start: 12, end: 20, text: "Câu hai?" },
      ],
    );
  });
});
