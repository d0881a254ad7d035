/**
 * The article tools ask the background to analyse the article they read; the background gets the
 * text and facts (never the page's nodes) and its answer is used as it is. When the background
 * cannot answer, the page analyses the article itself and gets the same items.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHTML } from "linkedom";
import { analyzeArticle } from "../../entrypoints/article-tools/analyze.ts";
import { startRunTimer } from "../../entrypoints/content/timing.ts";
import type { AnalyzeRequest } from "../../lib/messaging/protocol.ts";
import { analyzeReadArticle, type PageAnalysis } from "../../lib/page.ts";
import { readArticle } from "../../lib/recognition/readable.ts";

const URL = "https://example-district.gov.vn/tin-tuc/nghi-quyet-dai-hoi";

function reading() {
  const { document } =
    parseHTML(`<!doctype html><html><head><title>Nghị quyết Đại hội Đảng bộ huyện Sông Mây nhiệm kỳ 2025-2030</title></head><body>
    <article><h1>Nghị quyết Đại hội Đảng bộ huyện Sông Mây lần thứ XX, nhiệm kỳ 2025-2030</h1>
    <p>Đại hội xác định các chỉ tiêu chủ yếu: phấn đấu đến năm 2030 tốc độ tăng trưởng kinh tế bình quân đạt 8,5%/năm; thu nhập bình quân đầu người đạt 95 triệu đồng.</p>
    <p>Nhiệm kỳ qua, huyện đã có 12 xã đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm còn 1,2%.</p>
    <p>Phấn đấu đến năm 2027 hoàn thành xây dựng 3 trường học đạt chuẩn quốc gia.</p></article>
  </body></html>`);
  return readArticle(document as unknown as Document);
}

describe("analysing the article read in the page", () => {
  test("the background gets the text without the page's nodes, and its answer is used", async () => {
    const read = reading();
    const sent: AnalyzeRequest[] = [];
    const answer = analyzeReadArticle(read, { url: URL });
    const analysis = await analyzeArticle(read, {
      url: URL,
      timer: startRunTimer(),
      cancelled: () => false,
      send: async (request) => {
        sent.push(request);
        return answer;
      },
    });
    assert.equal(analysis, answer);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.read.text, read.text);
    assert.ok(!("pieces" in (sent[0]?.read ?? {})), "no nodes cross to the background");
    // What crosses is plain data (a structured clone or JSON keeps it whole).
    assert.deepEqual(JSON.parse(JSON.stringify(sent[0])), sent[0]);
  });

  test("when the background cannot answer, the page finds the same items itself", async () => {
    const read = reading();
    const expected: PageAnalysis = analyzeReadArticle(read, { url: URL });
    assert.ok(expected.items.length >= 3, "the sample article has items");
    const warn = console.warn;
    console.warn = () => {};
    try {
      const analysis = await analyzeArticle(read, {
        url: URL,
        timer: startRunTimer(),
        cancelled: () => false,
        send: () => Promise.reject(new Error("Could not establish connection")),
      });
      assert.deepEqual(analysis?.items, expected.items);
      assert.equal(analysis?.recognised, expected.recognised);
    } finally {
      console.warn = warn;
    }
  });

  test("a reading cancelled meanwhile gives nothing", async () => {
    const analysis = await analyzeArticle(reading(), {
      url: URL,
      timer: startRunTimer(),
      cancelled: () => true,
      send: () => Promise.reject(new Error("Could not establish connection")),
    });
    assert.equal(analysis, undefined);
  });
});
