/**
 * Text-quote anchoring: describing a span, finding it again by position, by
 * exact quote (disambiguated by context), in canonical form (NFD page, other
 * whitespace, other tone placement) and fuzzily after edits; null when the
 * quote is gone.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type AnchorMatch,
  type AnchorMethod,
  anchorInText,
  describeSpan,
} from "../../lib/anchoring/index.ts";
import type { TextAnchor } from "../../lib/snippets/types.ts";

const ARTICLE = [
  "NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XVII, NHIỆM KỲ 2020 - 2025",
  "Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII đã thảo luận, thống nhất mục tiêu tổng quát: xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh toàn diện; phát huy sức mạnh khối đại đoàn kết toàn dân tộc; đẩy mạnh công nghiệp hóa, hiện đại hóa, phát triển kinh tế nhanh và bền vững.",
  "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%; tỷ lệ hộ nghèo giảm bình quân 1,5%/năm; tốc độ tăng trưởng kinh tế (GRDP) bình quân 5 năm đạt 7,5 - 8%/năm; thu nhập bình quân đầu người đến năm 2025 đạt 85 triệu đồng.",
  "Về xây dựng nông thôn mới, đến năm 2025 có 100% số xã đạt chuẩn nông thôn mới, trong đó 30% số xã đạt chuẩn nông thôn mới nâng cao. Tỷ lệ trường học đạt chuẩn quốc gia ở cấp tiểu học đạt 100%; tỷ lệ dân số nông thôn được sử dụng nước sạch đạt 100%; tỷ lệ thôn, tổ dân phố có nhà văn hoá đạt 100% vào năm 2023.",
  "Về quốc phòng – an ninh, giữ vững ổn định chính trị, trật tự an toàn xã hội; hằng năm có trên 90% cơ sở đảng đạt hoàn thành tốt nhiệm vụ trở lên. Ban Thường vụ Tỉnh uỷ chỉ đạo hoàn thành việc sáp nhập các thôn, tổ dân phố trước ngày 31/12/2023.",
  "Đại hội giao Ban Chấp hành Đảng bộ tỉnh khoá XVII căn cứ Nghị quyết Đại hội, xây dựng chương trình hành động, lãnh đạo, chỉ đạo tổ chức thực hiện thắng lợi Nghị quyết; phấn đấu đưa tỉnh trở thành tỉnh phát triển khá của khu vực vào năm 2030.",
].join("\n\n");

/** Site chrome that Readability sometimes keeps before the article. */
const CHROME = "Trang chủ | Thời sự | Xây dựng Đảng\nCập nhật 08:15, 12/10/2020\n\n";

/** The anchor of the `nth` occurrence (0-based) of `quote` in `text`. */
function anchorOf(text: string, quote: string, nth = 0): TextAnchor {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(quote, at + 1);
    assert.notEqual(at, -1, `${quote} occurs ${nth + 1} times`);
  }
  return describeSpan(text, at, at + quote.length);
}

function found(match: AnchorMatch | null): AnchorMatch {
  assert.ok(match, "anchor found");
  return match;
}

/** `anchor` found in `page` by `method`, on exactly `text`. */
function foundAs(
  page: string,
  anchor: TextAnchor,
  method: AnchorMethod,
  text: string,
): AnchorMatch {
  const match = found(anchorInText(page, anchor));
  assert.equal(match.method, method);
  assert.equal(page.slice(match.start, match.end), text);
  return match;
}

/** Deterministic pseudo-random integers in [0, bound). */
function generator(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * bound);
  };
}

describe("describeSpan", () => {
  test("quote, 32 characters of context each side, offsets", () => {
    const start = ARTICLE.indexOf("tỷ lệ hộ nghèo");
    const end = start + "tỷ lệ hộ nghèo giảm bình quân 1,5%/năm".length;
    const anchor = describeSpan(ARTICLE, start, end);
    assert.equal(anchor.quote, "tỷ lệ hộ nghèo giảm bình quân 1,5%/năm");
    assert.equal(anchor.prefix, ARTICLE.slice(start - 32, start));
    assert.equal(anchor.prefix.length, 32);
    assert.ok(anchor.prefix.endsWith("bảo hiểm y tế đạt 95%; "));
    assert.equal(anchor.suffix, ARTICLE.slice(end, end + 32));
    assert.ok(anchor.suffix.startsWith("; tốc độ tăng trưởng"));
    assert.equal(anchor.start, start);
    assert.equal(anchor.end, end);
  });

  test("context is clipped at the edges of the text and can be resized", () => {
    const first = describeSpan(ARTICLE, 0, 10);
    assert.equal(first.prefix, "");
    assert.equal(first.quote, "NGHỊ QUYẾT");
    const last = describeSpan(ARTICLE, ARTICLE.length - 5, ARTICLE.length);
    assert.equal(last.suffix, "");
    assert.equal(last.quote, "2030.");
    const short = describeSpan(ARTICLE, 20, 30, 4);
    assert.equal(short.prefix, ARTICLE.slice(16, 20));
    assert.equal(short.suffix, ARTICLE.slice(30, 34));
    const empty = describeSpan(ARTICLE, 40, 40);
    assert.equal(empty.quote, "");
    assert.equal(empty.prefix.length, 32);
  });

  test("context does not split a surrogate pair", () => {
    const text = "ab😀cdefgh😀ij";
    const anchor = describeSpan(text, 5, 9, 2); // quote "defg"; 2 back would cut 😀
    assert.equal(anchor.quote, "defg");
    assert.equal(anchor.prefix, "c");
    const tail = describeSpan(text, 4, 8, 3); // 3 forward would cut 😀
    assert.equal(tail.quote, "cdef");
    assert.equal(tail.suffix, "gh");
  });

  test("throws a RangeError on spans outside the text or non-integer offsets", () => {
    assert.throws(() => describeSpan(ARTICLE, 10, 5), RangeError);
    assert.throws(() => describeSpan(ARTICLE, -1, 5), RangeError);
    assert.throws(() => describeSpan(ARTICLE, 0, ARTICLE.length + 1), RangeError);
    assert.throws(() => describeSpan(ARTICLE, 1.5, 5), RangeError);
    assert.throws(() => describeSpan(ARTICLE, 0, Number.NaN), RangeError);
    assert.throws(() => describeSpan(ARTICLE, 0, Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => describeSpan("", 0, 1), RangeError);
    assert.throws(() => describeSpan(ARTICLE, 0, 5, -1), RangeError);
    assert.throws(() => describeSpan(ARTICLE, 0, 5, 2.5), RangeError);
    assert.throws(() => describeSpan(ARTICLE, 10, 5), /\[10, 5\)/);
    assert.deepEqual(describeSpan("", 0, 0), {
      quote: "",
      prefix: "",
      suffix: "",
      start: 0,
      end: 0,
    });
  });
});

describe("anchorInText: position and exact quote", () => {
  test("finds the quote at its stored position in an unchanged text", () => {
    const anchor = anchorOf(ARTICLE, "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%");
    const match = found(anchorInText(ARTICLE, anchor));
    assert.deepEqual(match, { start: anchor.start, end: anchor.end, method: "position", score: 1 });
  });

  test("the stored position tells repeated quotes apart", () => {
    for (let nth = 0; nth < 3; nth++) {
      const anchor = anchorOf(ARTICLE, "đạt 100%", nth);
      const match = found(anchorInText(ARTICLE, anchor));
      assert.equal(match.method, "position");
      assert.equal(match.start, anchor.start);
    }
  });

  test("finds the quote exactly when chrome before the article moved it", () => {
    const anchor = anchorOf(ARTICLE, "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%");
    const page = CHROME + ARTICLE;
    const match = found(anchorInText(page, anchor));
    assert.equal(match.method, "exact");
    assert.equal(match.start, anchor.start + CHROME.length);
    assert.equal(match.end, anchor.end + CHROME.length);
    assert.ok(match.score > 0.95, `score ${match.score}`);
  });

  test("finds the quote when chrome before the article was removed", () => {
    const saved = CHROME + ARTICLE;
    const anchor = anchorOf(saved, "thu nhập bình quân đầu người");
    const match = foundAs(ARTICLE, anchor, "exact", "thu nhập bình quân đầu người");
    assert.equal(match.start, anchor.start - CHROME.length);
  });

  test("a repeated quote is told apart by its prefix and suffix when the text moved", () => {
    const page = CHROME + ARTICLE;
    const expected: number[] = [];
    for (let at = page.indexOf("đạt 100%"); at !== -1; at = page.indexOf("đạt 100%", at + 1)) {
      expected.push(at);
    }
    assert.equal(expected.length, 3);
    for (let nth = 0; nth < 3; nth++) {
      const anchor = anchorOf(ARTICLE, "đạt 100%", nth);
      const match = found(anchorInText(page, anchor));
      assert.equal(match.method, "exact");
      assert.equal(match.start, expected[nth], `occurrence ${nth}`);
      // A stale position pointing at another occurrence does not win over the context.
      const misleading = { ...anchor, start: expected[(nth + 1) % 3] as number };
      assert.equal(found(anchorInText(page, misleading)).start, expected[nth]);
    }
  });

  test("without context, the occurrence nearest the stored position wins", () => {
    const page = CHROME + ARTICLE;
    const second = page.indexOf("đạt 100%", page.indexOf("đạt 100%") + 1);
    const bare = { quote: "đạt 100%", prefix: "", suffix: "", start: second - 3, end: second + 5 };
    const match = found(anchorInText(page, bare));
    assert.equal(match.start, second);
  });

  test("a position hit whose context disagrees on both sides is not trusted", () => {
    // After the text moved, a one-letter quote can sit at its old offset by chance.
    const at = ARTICLE.indexOf("năm 2030") + 1;
    const anchor = describeSpan(ARTICLE, at, at + 1);
    assert.equal(anchor.quote, "ă");
    const page = `${"x".repeat(40)}${ARTICLE.slice(0, anchor.start - 40)}ă${ARTICLE.slice(anchor.start - 40)}`;
    assert.equal(page.slice(anchor.start, anchor.end), "ă");
    const match = found(anchorInText(page, anchor));
    assert.notEqual(match.method, "position");
    assert.equal(match.start, page.indexOf("năm 2030") + 1);
  });
});

describe("anchorInText: canonical and fuzzy", () => {
  test("a changed word: fuzzy match covering the edited text", () => {
    const quote = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%";
    const anchor = anchorOf(ARTICLE, quote);
    const edited = "tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%";
    const page = CHROME + ARTICLE.replace(quote, edited);
    const match = foundAs(page, anchor, "fuzzy", edited);
    assert.ok(match.score >= 0.8 && match.score < 1, `score ${match.score}`);
  });

  test("a changed figure inside a longer quote", () => {
    const quote = "tốc độ tăng trưởng kinh tế (GRDP) bình quân 5 năm đạt 7,5 - 8%/năm";
    const anchor = anchorOf(ARTICLE, quote);
    const edited = quote.replace("7,5 - 8%", "7 - 7,5%");
    const page = ARTICLE.replace(quote, edited);
    const match = foundAs(page, anchor, "fuzzy", edited);
    assert.ok(match.score < 0.99, `score ${match.score}`);
  });

  test("changed punctuation", () => {
    const quote = "bảo hiểm y tế đạt 95%; tỷ lệ hộ nghèo giảm";
    const anchor = anchorOf(ARTICLE, quote);
    const page = ARTICLE.replace("đạt 95%; tỷ lệ hộ nghèo", "đạt 95%, tỷ lệ hộ nghèo");
    foundAs(page, anchor, "fuzzy", "bảo hiểm y tế đạt 95%, tỷ lệ hộ nghèo giảm");
  });

  test("a paragraph break that became a space, and spaces that became a line break", () => {
    const quote = "85 triệu đồng.\n\nVề xây dựng nông thôn mới";
    const anchor = anchorOf(ARTICLE, quote);
    const merged = ARTICLE.replace("đồng.\n\nVề xây", "đồng. Về xây");
    foundAs(merged, anchor, "exact", "85 triệu đồng. Về xây dựng nông thôn mới");

    const spaced = anchorOf(ARTICLE, "Ban Thường vụ Tỉnh uỷ chỉ đạo");
    const broken = ARTICLE.replace("Thường vụ Tỉnh uỷ", "Thường vụ\n  Tỉnh\u00A0uỷ");
    foundAs(broken, spaced, "exact", "Ban Thường vụ\n  Tỉnh\u00A0uỷ chỉ đạo");
  });

  test("an NFD page and an NFC quote: offsets index the NFD text", () => {
    const page = ARTICLE.normalize("NFD");
    assert.notEqual(page.length, ARTICLE.length);
    const anchor = anchorOf(ARTICLE, "thu nhập bình quân đầu người đến năm 2025 đạt 85 triệu đồng");
    const match = found(anchorInText(page, anchor));
    assert.equal(match.method, "exact");
    assert.equal(match.start, ARTICLE.slice(0, anchor.start).normalize("NFD").length);
    assert.equal(page.slice(match.start, match.end), anchor.quote.normalize("NFD"));
  });

  test("an NFD page with an edit still matches fuzzily", () => {
    const quote = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%";
    const anchor = anchorOf(ARTICLE, quote);
    const edited = "tỷ lệ dân cư tham gia bảo hiểm y tế đạt 95%";
    const page = ARTICLE.replace(quote, edited).normalize("NFD");
    foundAs(page, anchor, "fuzzy", edited.normalize("NFD"));
  });

  test("old and new tone placement (uỷ / ủy, hoá / hóa) match", () => {
    const anchor = anchorOf(ARTICLE, "Ban Thường vụ Tỉnh uỷ chỉ đạo");
    const page = ARTICLE.replace("Tỉnh uỷ", "Tỉnh ủy").replace("văn hoá", "văn hóa");
    const match = found(anchorInText(page, anchor));
    assert.equal(page.slice(match.start, match.end), "Ban Thường vụ Tỉnh ủy chỉ đạo");
    const culture = found(anchorInText(page, anchorOf(ARTICLE, "có nhà văn hoá đạt 100%")));
    assert.equal(page.slice(culture.start, culture.end), "có nhà văn hóa đạt 100%");
  });

  test("an edited quote beats the same words verbatim in another sentence", () => {
    // "xã đạt chuẩn nông" occurs twice; one of them lost a diacritic in place.
    for (let nth = 0; nth < 2; nth++) {
      const anchor = anchorOf(ARTICLE, "xã đạt chuẩn nông", nth);
      const page = `${ARTICLE.slice(0, anchor.start)}xã đat chuẩn nông${ARTICLE.slice(anchor.end)}`;
      assert.equal(page.split("xã đạt chuẩn nông").length, 2, "the other one is still verbatim");
      const match = found(anchorInText(page, anchor));
      assert.equal(match.method, "fuzzy");
      assert.deepEqual([match.start, match.end], [anchor.start, anchor.end]);
    }
  });
  test("the place of a one-error edit is found although the quote is verbatim elsewhere", () => {
    // The whole-text search only reports the fewest-error matches (the verbatim
    // one); the edited place is found by searching where the context says.
    const anchor = anchorOf(ARTICLE, "Đảng bộ tỉnh", 0);
    const page = `${ARTICLE.slice(0, anchor.start)}Đang bộ tỉnh${ARTICLE.slice(anchor.end)}`;
    assert.ok(page.includes("Đảng bộ tỉnh"));
    const match = found(anchorInText(CHROME + page, anchor));
    assert.equal(match.method, "fuzzy");
    assert.equal(match.start, anchor.start + CHROME.length);
  });

  test("an edited quote with edited surroundings, far from its old place", () => {
    const quote = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%";
    const anchor = anchorOf(ARTICLE, quote);
    const edited = "tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%";
    const page =
      CHROME.repeat(5) +
      ARTICLE.replace(
        `Phấn đấu đến năm 2025, ${quote}; tỷ lệ hộ nghèo`,
        `Phấn đấu đến hết năm 2025: ${edited}, tỷ lệ hộ nghèo`,
      );
    assert.ok(page.includes(edited));
    foundAs(page, anchor, "fuzzy", edited);
  });
});

describe("anchorInText: no match, odd input", () => {
  test("returns null when the sentence is gone or rewritten", () => {
    const quote = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%";
    const anchor = anchorOf(ARTICLE, quote);
    assert.equal(anchorInText(ARTICLE.replace(`${quote}; `, ""), anchor), null);
    const rewritten = ARTICLE.replace(quote, "công tác giáo dục và đào tạo có nhiều chuyển biến");
    assert.equal(anchorInText(rewritten, anchor), null);
    assert.equal(anchorInText(CHROME, anchor), null);
  });

  test("a deleted clause is not matched to a similar clause nearby", () => {
    const anchor = anchorOf(ARTICLE, "có 100% số xã đạt chuẩn");
    const page = ARTICLE.slice(0, anchor.start) + ARTICLE.slice(anchor.end);
    assert.equal(anchorInText(page, anchor), null);
    // Only the score threshold keeps "đó 30% số xã đạt chuẩn" out.
    const loose = found(anchorInText(page, anchor, { minScore: 0 }));
    assert.equal(page.slice(loose.start, loose.end), "đó 30% số xã đạt chuẩn");
    assert.ok(loose.score < 0.8, `score ${loose.score}`);
  });

  test("maxErrors: 0 turns fuzzy matching off", () => {
    const quote = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%";
    const anchor = anchorOf(ARTICLE, quote);
    const page = ARTICLE.replace(quote, "tỷ lệ dân cư tham gia bảo hiểm y tế đạt 95%");
    assert.ok(anchorInText(page, anchor));
    assert.equal(anchorInText(page, anchor, { maxErrors: 0 }), null);
  });

  test("a huge quote is only searched exactly (unless the limit is raised)", () => {
    const page = Array.from({ length: 8 }, (_, i) => `Mục ${i + 1}. ${ARTICLE}`).join("\n\n");
    const start = 100;
    const end = 100 + 2500;
    const anchor = describeSpan(page, start, end);
    const moved = CHROME + page;
    assert.equal(found(anchorInText(moved, anchor)).start, start + CHROME.length);
    const edited = `${moved.slice(0, start + CHROME.length + 1000)}XYZ${moved.slice(start + CHROME.length + 1003)}`;
    assert.equal(anchorInText(edited, anchor), null);
    const fuzzy = found(anchorInText(edited, anchor, { maxFuzzyQuoteLength: 5000 }));
    assert.equal(fuzzy.method, "fuzzy");
    assert.equal(fuzzy.start, start + CHROME.length);
    assert.equal(fuzzy.end, end + CHROME.length);
  });

  test("never throws, whatever the strings and offsets", () => {
    const odd: Array<[string, TextAnchor]> = [
      [ARTICLE, { quote: "", prefix: "", suffix: "", start: 0, end: 0 }],
      ["", { quote: "đạt 95%", prefix: "", suffix: "", start: 0, end: 7 }],
      ["", { quote: "", prefix: "", suffix: "", start: 0, end: 0 }],
      [ARTICLE, { quote: "đạt 95%", prefix: "x", suffix: "y", start: Number.NaN, end: -3 }],
      [ARTICLE, { quote: "đạt 95%", prefix: "", suffix: "", start: -5, end: 2 }],
      [ARTICLE, { quote: "đạt 95%", prefix: "", suffix: "", start: 1e12, end: 1e12 + 7 }],
      [ARTICLE, { quote: "đạt 95%", prefix: "", suffix: "", start: 1.5, end: 8.5 }],
      ["\uD800\uDC00\uDFFF", { quote: "\uDFFF", prefix: "\uD800", suffix: "", start: 9, end: 3 }],
      [
        "\uD800abc\u0301\u0301",
        { quote: "\u0301\u0301x", prefix: "\uDC00", suffix: "\uD800", start: 0, end: 2 },
      ],
      ["\n\n\n", { quote: "\n \n", prefix: "", suffix: "", start: 0, end: 3 }],
      [ARTICLE, { quote: "\u200B\u00AD", prefix: "a", suffix: "b", start: 0, end: 2 }],
      [ARTICLE, {} as TextAnchor],
      [ARTICLE, { quote: "đạt 95%" } as TextAnchor],
      [ARTICLE, { quote: "x".repeat(5000), prefix: "", suffix: "", start: 0, end: 5000 }],
    ];
    for (const [text, anchor] of odd) {
      assert.doesNotThrow(() => anchorInText(text, anchor), JSON.stringify(anchor).slice(0, 80));
    }
    assert.equal(
      anchorInText(ARTICLE, { quote: "", prefix: "", suffix: "", start: 0, end: 0 }),
      null,
    );
    assert.equal(anchorInText(ARTICLE, {} as TextAnchor), null);
    assert.equal(
      anchorInText("", { quote: "đạt 95%", prefix: "", suffix: "", start: 0, end: 7 }),
      null,
    );
    const loose = found(anchorInText(ARTICLE, { quote: "đạt 95%" } as TextAnchor));
    assert.equal(ARTICLE.slice(loose.start, loose.end), "đạt 95%");
  });
});

describe("anchorInText: round trips", () => {
  const random = generator(20201012);
  const spans: Array<[number, number]> = [];
  for (let k = 0; k < 400; k++) {
    const start = random(ARTICLE.length);
    spans.push([start, Math.min(ARTICLE.length, start + 1 + random(150))]);
  }

  test("describe then anchor gives the same span, in place and after the text moved", () => {
    const page = CHROME + ARTICLE;
    for (const [start, end] of spans) {
      const anchor = describeSpan(ARTICLE, start, end);
      const same = found(anchorInText(ARTICLE, anchor));
      assert.deepEqual([same.start, same.end, same.method], [start, end, "position"]);
      const moved = found(anchorInText(page, anchor));
      assert.deepEqual(
        [moved.start, moved.end],
        [start + CHROME.length, end + CHROME.length],
        JSON.stringify(anchor.quote),
      );
    }
  });

  test("describe on NFC, anchor in NFD: the same span in NFD offsets", () => {
    const page = ARTICLE.normalize("NFD");
    for (const [start, end] of spans) {
      const anchor = describeSpan(ARTICLE, start, end);
      const match = found(anchorInText(page, anchor));
      assert.deepEqual(
        [match.start, match.end],
        [
          ARTICLE.slice(0, start).normalize("NFD").length,
          ARTICLE.slice(0, end).normalize("NFD").length,
        ],
        JSON.stringify(anchor.quote),
      );
    }
  });

  test("word-aligned spans survive a one-letter edit in the middle of the quote", () => {
    const words = [...ARTICLE.matchAll(/\S+/g)].map((m) => m.index);
    for (let k = 0; k < 150; k++) {
      const first = random(words.length - 12);
      const start = words[first] as number;
      let end = words[first + 4 + random(8)] as number;
      while (/\s/.test(ARTICLE[end - 1] as string)) end--;
      const anchor = describeSpan(ARTICLE, start, end);
      const middle = start + Math.floor((end - start) / 2);
      const page = `${ARTICLE.slice(0, middle)}x${ARTICLE.slice(middle + 1)}`;
      const match = found(anchorInText(page, anchor));
      assert.deepEqual([match.start, match.end], [start, end], JSON.stringify(anchor.quote));
    }
  });
});

describe("anchorInText: a large page (its timing is npm run bench's anchor.* figures)", () => {
  // ~100 KB: the article repeated with different figures, so that every quote
  // recurs ~75 times and only the context tells the occurrences apart.
  const sections: string[] = [];
  for (let i = 0; sections.join("\n\n").length < 100_000; i++) {
    sections.push(
      `Mục ${i + 1}. ${ARTICLE.replaceAll("95%", `${60 + (i % 40)}%`).replaceAll("2025", String(2000 + i))}`,
    );
  }
  const big = sections.join("\n\n");
  const random = generator(7);
  const anchors = Array.from({ length: 100 }, () => {
    const start = random(big.length - 200);
    return describeSpan(big, start, start + 10 + random(120));
  });

  test("100 snippets into a 100 KB text, in place and after it moved", () => {
    const page = CHROME + big;
    for (const anchor of anchors) {
      assert.equal(found(anchorInText(big, anchor)).start, anchor.start);
      const match = found(anchorInText(page, anchor));
      assert.equal(match.start, anchor.start + CHROME.length);
      assert.equal(match.end, anchor.end + CHROME.length);
    }
  });

  test("a fuzzy match in a 100 KB text", () => {
    const sentence = "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 35% vào cuối nhiệm kỳ";
    const saved = `${big.slice(0, 50_000)} ${sentence} ${big.slice(50_000)}`;
    const anchor = anchorOf(saved, sentence);
    const edited = sentence.replace("đạt 35%", "đạt 38,5%");
    const page = CHROME + saved.replace(sentence, edited);
    const result = found(anchorInText(page, anchor));
    assert.equal(result.method, "fuzzy");
    assert.equal(page.slice(result.start, result.end), edited);
  });
});
