/**
 * The background answers a page's request for its article's analysis with the article's key and
 * each item's snippet id, so the page does not work them out on its main thread: each id is the
 * one the collection gives that item's snippet when the reader saves it from that page.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { analyzeText } from "../../lib/page.ts";
import { articleInput, itemSnippet } from "../../lib/snippets/build.ts";
import { withSnippetIds } from "../../lib/snippets/item-ids.ts";
import { type CollectionDb, openCollectionDb, saveSnippets } from "../../lib/storage/index.ts";

const TEXT = [
  "Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025",
  "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%; thu nhập bình quân đầu người đạt trên 90 triệu đồng/người/năm.",
  "Nhiệm kỳ qua, huyện đã có 12 xã đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm còn 1,2%.",
  "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95% ở mọi xã.",
].join("\n");
/** The page's address, with a tracking parameter and a fragment the article's key leaves out. */
const PAGE_URL = "https://camgiang.haiduong.gov.vn/tin-tuc/nghi-quyet.html?utm_source=zalo#top";

let db: CollectionDb;

beforeEach(() => {
  db = openCollectionDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});

afterEach(() => {
  db.close();
});

describe("the items' snippet ids in the background's answer", () => {
  for (const canonicalUrl of [null, "/bai-viet/nghi-quyet-dai-hoi.html"]) {
    test(`each is the id its snippet gets when saved (canonical URL: ${canonicalUrl})`, async () => {
      const analysis = analyzeText(TEXT, { url: PAGE_URL, canonicalUrl, always: true });
      assert.ok(analysis.items.length >= 4, "the sample text has items, two of them alike");
      const answer = withSnippetIds(analysis, PAGE_URL);
      assert.equal(answer.snippetIds.length, analysis.items.length);
      const snippets = analysis.items.map((item) => itemSnippet(analysis.article.text, item));
      const saved = await saveSnippets(db, articleInput(analysis, PAGE_URL), snippets);
      const key = canonicalUrl ? "/bai-viet/nghi-quyet-dai-hoi.html" : "/tin-tuc/nghi-quyet.html";
      assert.equal(answer.articleId, `https://camgiang.haiduong.gov.vn${key}`);
      assert.equal(answer.articleId, saved.articleId);
      assert.deepEqual(answer.snippetIds, saved.saved);
      // The same figure in other words around it is another snippet.
      assert.equal(new Set(answer.snippetIds).size, answer.snippetIds.length);
      // The analysis itself is the engine's, untouched.
      const { articleId: _id, snippetIds: _ids, ...rest } = answer;
      assert.deepEqual(rest, analysis);
    });
  }
});
