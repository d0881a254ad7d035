/**
 * From engine output to collection records: snippets carry their fields and an
 * anchor that finds them again; a selection gets fields when it holds a figure
 * or deadline, and is a plain excerpt otherwise; keys are stable.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { anchorInText } from "../../lib/anchoring/index.ts";
import { extract } from "../../lib/extract/index.ts";
import { analyzeText } from "../../lib/page.ts";
import { articleInput, itemSnippet, selectionSnippet } from "../../lib/snippets/build.ts";
import { articleKey, normalizeUrl, snippetId, stableHash } from "../../lib/snippets/keys.ts";
import { selectionItems } from "../../lib/snippets/selection.ts";

const TEXT = [
  "Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025",
  "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%; thu nhập bình quân đầu người đạt trên 90 triệu đồng/người/năm.",
  "Hội nghị được tổ chức trang trọng tại hội trường Huyện ủy.",
].join("\n");

describe("snippet builders", () => {
  const context = { referenceDate: "2020-10-15", titleAndLead: TEXT.slice(0, 400) };

  test("an item's snippet keeps its fields and an anchor that finds it again", () => {
    const item = extract(TEXT, context).find((i) => i.text.includes("95%"));
    assert.ok(item, "engine finds the 95% target");
    const snippet = itemSnippet(TEXT, item);
    assert.equal(snippet.kind, "target");
    assert.equal(snippet.manual, false);
    assert.deepEqual(snippet.value, { min: 95, max: 95 });
    assert.equal(snippet.anchor.quote, item.text);
    const moved = `Trang chủ | Tin tức\n${TEXT}`;
    const found = anchorInText(moved, snippet.anchor);
    assert.equal(found && moved.slice(found.start, found.end), item.text);
  });

  test("a selection with a figure in it gets that figure's fields", () => {
    const start = TEXT.indexOf("tỷ lệ bao phủ");
    const end = TEXT.indexOf(";", start);
    const found = selectionItems({ quote: TEXT.slice(start, end), ...context });
    const snippet = selectionSnippet(TEXT, start, end, found);
    assert.equal(snippet.manual, true);
    assert.equal(snippet.kind, "target");
    assert.equal(snippet.text, "tỷ lệ bao phủ bảo hiểm y tế đạt 95%");
    assert.equal(snippet.unit, "%");
    assert.equal(snippet.value?.min, 95);
  });

  test("a selection without a figure is a plain excerpt", () => {
    const start = TEXT.indexOf("Hội nghị");
    const found = selectionItems({ quote: TEXT.slice(start), ...context });
    assert.deepEqual(found, []);
    const snippet = selectionSnippet(TEXT, start, TEXT.length, found);
    assert.equal(snippet.kind, "excerpt");
    assert.equal(snippet.value, null);
    assert.equal(snippet.text, "Hội nghị được tổ chức trang trọng tại hội trường Huyện ủy.");
  });

  test("the article record carries the facts and the text snapshot", () => {
    const analysis = analyzeText(TEXT, {
      url: "https://camgiang.haiduong.gov.vn/a.html",
      always: true,
    });
    const article = articleInput(analysis, "https://camgiang.haiduong.gov.vn/a.html");
    assert.equal(article.site, "camgiang.haiduong.gov.vn");
    assert.equal(article.snapshot, TEXT);
    assert.equal(article.locality, "Cẩm Giàng");
    assert.equal(article.term, "2020-2025");
  });
});

describe("keys", () => {
  test("an article reached with tracking parameters or a fragment is the same article", () => {
    const plain = "https://tuyengiao.travinh.gov.vn/tin/nghi-quyet.html";
    assert.equal(articleKey(`${plain}?utm_source=zalo#top`, null), plain);
    assert.equal(
      articleKey("https://x.gov.vn/a?id=1", "/tin/nghi-quyet.html"),
      "https://x.gov.vn/tin/nghi-quyet.html",
    );
    assert.equal(normalizeUrl("not a url "), "not a url");
  });

  test("snippet ids are stable and differ by kind, quote and context", () => {
    const anchor = {
      quote: "đạt 95%",
      prefix: "bảo hiểm y tế ",
      suffix: "; thu nhập",
      start: 10,
      end: 17,
    };
    const id = snippetId("a", "target", anchor);
    assert.equal(id, snippetId("a", "target", { ...anchor, start: 99, end: 106 }));
    assert.notEqual(id, snippetId("a", "result", anchor));
    assert.notEqual(id, snippetId("a", "target", { ...anchor, quote: "đạt 96%" }));
    assert.notEqual(id, snippetId("a", "target", { ...anchor, prefix: "hộ nghèo " }));
    // Saved records keep these ids: the hash must not change between versions or browsers.
    assert.equal(id, "s-14zvdvsmiz6");
    assert.equal(stableHash(""), "000m45a1xhh");
    assert.equal(stableHash("Nghị quyết"), "0ohv94gjrjp");
    assert.equal(stableHash("nghị quyết"), "1eavfkh9zv9", "case counts");
    assert.equal(stableHash("Nghi quyet"), "1gq77h2y0ct", "diacritics count");
    assert.equal(stableHash("Nghị quyết."), "1btx8f3jrep", "one more character counts");
  });

  test("the hash is the unsigned FNV-1a pair it was first written as, on any text", () => {
    /** The first formulation, kept here as the reference: both halves unsigned at every step. */
    const unsignedHash = (input: string) => {
      let h1 = 0x811c9dc5;
      let h2 = 0x01000193;
      for (let i = 0; i < input.length; i++) {
        const c = input.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
        h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
      }
      return ((h2 & 0x1fffff) * 0x100000000 + h1).toString(36).padStart(11, "0");
    };
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (input) => {
        assert.equal(stableHash(input), unsignedHash(input));
      }),
      { numRuns: 2000 },
    );
  });
});
