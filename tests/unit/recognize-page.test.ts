/**
 * The content script asks the background to recognise what it read and uses its answer; without
 * an answer the page is left alone (null), never guessed at.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHTML } from "linkedom";
import { type PageReading, recognitionInput } from "../../lib/in-page/page-reading.ts";
import { recognizePage } from "../../lib/in-page/recognize-page.ts";
import { readArticle } from "../../lib/recognition/readable.ts";
import { type RecognitionInput, recognize } from "../../lib/recognition/recognize.ts";

const URL = "https://ubnd-songmay.gov.vn/tin-tuc/so-ket-nghi-quyet";

function reading(): PageReading {
  const { document } =
    parseHTML(`<!doctype html><html><head><title>Sơ kết giữa nhiệm kỳ Nghị quyết Đại hội Đảng bộ huyện</title></head><body>
    <article><h1>Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện Sông Mây nhiệm kỳ 2025-2030</h1>
    <p>Sau hai năm rưỡi, huyện đã hoàn thành 14/20 chỉ tiêu Nghị quyết; tốc độ tăng trưởng bình quân đạt 7,9%/năm.</p>
    <p>Phấn đấu đến năm 2030 có 100% xã đạt chuẩn nông thôn mới nâng cao.</p></article>
  </body></html>`);
  return { kind: "article", read: readArticle(document as unknown as Document) };
}

describe("recognising a page off its main thread", () => {
  test("the background gets the reading's text and facts, and its answer is used", async () => {
    const page = reading();
    const asked: RecognitionInput[] = [];
    const recognition = await recognizePage(page, URL, async (input) => {
      asked.push(input);
      return recognize(input);
    });
    assert.equal(recognition?.recognised, true);
    assert.equal(asked.length, 1);
    assert.equal(asked[0]?.url, URL);
    assert.equal(asked[0]?.text, page.kind === "article" ? page.read.text : "");
    assert.deepEqual(JSON.parse(JSON.stringify(asked[0])), asked[0], "plain data crosses");
  });

  test("an oversized page is recognised from its title and lead", () => {
    const input = recognitionInput(
      {
        kind: "oversized",
        page: { limit: "elements", elements: 9000, chars: 1, title: "Tiêu đề", lead: "Mở đầu" },
      },
      URL,
    );
    assert.deepEqual(input, { url: URL, title: "Tiêu đề", text: "Mở đầu", readable: true });
  });

  test("without an answer the page is left alone", async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const recognition = await recognizePage(reading(), URL, () =>
        Promise.reject(new Error("Could not establish connection")),
      );
      assert.equal(recognition, null);
    } finally {
      console.warn = warn;
    }
  });
});
