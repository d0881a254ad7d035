/**
 * The article tools ask the background to analyse the article they read and to read a saved
 * selection: the background gets text and facts (never the page's nodes) and its answer is used
 * as it is; without an answer the article is left alone and a selection is a plain excerpt.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHTML } from "linkedom";
import { analyzeArticle, findInSelection } from "../../lib/in-page/analyze-article.ts";
import type { AnalyzeRequest } from "../../lib/messaging/protocol.ts";
import { analyzeReadArticle } from "../../lib/page.ts";
import { readArticle } from "../../lib/recognition/readable.ts";
import { withSnippetIds } from "../../lib/snippets/item-ids.ts";
import { type SelectionRequest, selectionItems } from "../../lib/snippets/selection.ts";

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

const unreachable = () => Promise.reject(new Error("Could not establish connection"));

async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

describe("the engine's answers for the article tools", () => {
  test("the background gets the text without the page's nodes, and its answer is used", async () => {
    const read = reading();
    const sent: AnalyzeRequest[] = [];
    const answer = withSnippetIds(analyzeReadArticle(read, { url: URL }), URL);
    assert.ok(answer.items.length >= 3, "the sample article has items");
    const analysis = await analyzeArticle(read, {
      url: URL,
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

  test("without an answer the article is left alone", async () => {
    const analysis = await quietly(() =>
      analyzeArticle(reading(), { url: URL, send: unreachable }),
    );
    assert.equal(analysis, null);
  });

  test("a selection's items come from the background; without an answer, none", async () => {
    const request: SelectionRequest = {
      quote: "phấn đấu đến năm 2030 tốc độ tăng trưởng kinh tế bình quân đạt 8,5%/năm",
      referenceDate: "2025-10-20",
      titleAndLead: "Nghị quyết Đại hội Đảng bộ huyện Sông Mây",
    };
    const asked: SelectionRequest[] = [];
    const found = await findInSelection(request, async (r) => {
      asked.push(r);
      return selectionItems(r);
    });
    assert.deepEqual(asked, [request]);
    assert.ok(found.some((item) => item.kind === "target" && item.value?.min === 8.5));
    assert.deepEqual(await quietly(() => findInSelection(request, unreachable)), []);
  });
});
