/**
 * One article, many portals: the content fingerprint (lib/article/fingerprint.ts) on texts written
 * for these tests, and the collection merging a republication into the article already saved
 * (lib/storage/republished.ts, on fake-indexeddb): one article, its snippets counted once, every
 * address listed, a wrong merge split off again.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import {
  SAME_ARTICLE_SIMILARITY,
  signatureSimilarity,
  textSignature,
} from "../../lib/article/fingerprint.ts";
import { readCollection, toJson } from "../../lib/export/json.ts";
import { NO_FIELDS } from "../../lib/extract/types.ts";
import { importCollection } from "../../lib/import/index.ts";
import type { ArticleInput, SnippetInput } from "../../lib/snippets/types.ts";
import {
  articleCopies,
  type CollectionDb,
  clearCollection,
  findArticle,
  openCollectionDb,
  saveSnippets,
  snippetsForArticle,
  splitCopy,
} from "../../lib/storage/index.ts";
import { anchorIn } from "./helpers/records.ts";
import { countStored } from "./helpers/stored.ts";

const PARAGRAPHS = [
  "Sáng ngày 12/3, Ban Thường vụ Huyện ủy Sông Mây tổ chức hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XX, nhiệm kỳ 2020-2025.",
  "Hội nghị đánh giá, sau hai năm rưỡi, cả hệ thống chính trị của huyện đã đoàn kết, nỗ lực vượt qua khó khăn do thiên tai và dịch bệnh gây ra.",
  "Đến nay, tổng giá trị sản xuất tăng bình quân 8,2%/năm; thu nhập bình quân đầu người đạt 61 triệu đồng; toàn huyện có 14 xã đạt chuẩn nông thôn mới.",
  "Hội nghị chỉ ra một số hạn chế như chuyển dịch cơ cấu kinh tế còn chậm, thu hút đầu tư chưa tương xứng với tiềm năng, lợi thế của địa phương.",
  "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm xuống dưới 2%, tỷ lệ trường đạt chuẩn quốc gia đạt 90%, hoàn thành xây dựng huyện nông thôn mới.",
];
const ORIGINAL = PARAGRAPHS.join("\n");
/** The same article on the provincial portal: a caption, a source line, one figure retyped. */
const REPUBLISHED = [
  "Ảnh: Quang cảnh hội nghị.",
  ...PARAGRAPHS.slice(0, 2),
  (PARAGRAPHS[2] ?? "").replace("14 xã", "15 xã"),
  ...PARAGRAPHS.slice(3),
  "Nguồn: Trung tâm Văn hóa - Thông tin huyện Sông Mây.",
].join("\n");
/** Another article of the same kind, with the same habits of language. */
const OTHER = [
  "Chiều ngày 20/4, Đảng ủy xã Bình Lâm tổ chức hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ XV, nhiệm kỳ 2020-2025.",
  "Qua hai năm rưỡi thực hiện, xã đã hoàn thành 12/18 chỉ tiêu, trong đó thu ngân sách đạt 135% dự toán, tỷ lệ tham gia bảo hiểm y tế đạt 93%.",
  "Bên cạnh kết quả đạt được, công tác quản lý đất đai, trật tự xây dựng còn bất cập; một số chi bộ sinh hoạt chưa thường xuyên.",
  "Thời gian tới, xã tập trung xây dựng xã nông thôn mới nâng cao, phấn đấu đến năm 2025 có 100% thôn đạt chuẩn khu dân cư văn hóa.",
].join("\n");

describe("content fingerprint", () => {
  test("a republication with a caption, a source line and a retyped figure is the same article", () => {
    const a = textSignature(ORIGINAL);
    const b = textSignature(REPUBLISHED);
    assert.ok(a && b);
    const similarity = signatureSimilarity(a, b);
    assert.ok(similarity >= SAME_ARTICLE_SIMILARITY, `similarity ${similarity}`);
  });

  test("another article in the same language of reviews is not", () => {
    const a = textSignature(ORIGINAL);
    const b = textSignature(OTHER);
    assert.ok(a && b);
    const similarity = signatureSimilarity(a, b);
    assert.ok(similarity < SAME_ARTICLE_SIMILARITY / 2, `similarity ${similarity}`);
  });

  test("diacritics written another way, case, punctuation and spacing do not change it", () => {
    const variant = ORIGINAL.normalize("NFD")
      .replaceAll("hòa", "hoà")
      .replaceAll(",", " ,")
      .toUpperCase()
      .replaceAll("\n", "\n\n");
    assert.deepEqual(textSignature(variant), textSignature(ORIGINAL));
  });

  test("a text too short to tell articles apart has none", () => {
    assert.equal(textSignature("Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm xuống dưới 2%."), null);
  });
});

const ORIGINAL_URL = "https://songmay.vidu.gov.vn/tin-tuc/so-ket-giua-nhiem-ky.html";
const PROVINCE_URL = "https://vidu.gov.vn/chinh-tri/huyen-song-may-so-ket-giua-nhiem-ky.html";
const PAPER_URL = "https://baovidu.gov.vn/thoi-su/song-may-so-ket.html";
const OTHER_URL = "https://binhlam.songmay.vidu.gov.vn/tin/so-ket.html";

function page(
  url: string,
  snapshot: string,
  title = "Sông Mây sơ kết giữa nhiệm kỳ",
): ArticleInput {
  return {
    url,
    canonicalUrl: null,
    title,
    siteName: null,
    site: new URL(url).hostname,
    organization: "Đảng bộ huyện Sông Mây",
    level: "huyện",
    locality: "Sông Mây",
    congress: 20,
    term: "2020-2025",
    publishedAt: "2023-03-12",
    snapshot,
  };
}

function item(
  snapshot: string,
  quote: string,
  kind: SnippetInput["kind"] = "result",
): SnippetInput {
  const sentence = snapshot.split("\n").find((line) => line.includes(quote)) ?? quote;
  return {
    kind,
    manual: false,
    text: quote,
    sentence,
    ...NO_FIELDS,
    anchor: anchorIn(snapshot, quote),
  };
}

const INCOME = "thu nhập bình quân đầu người đạt 61 triệu đồng";
const POVERTY = "tỷ lệ hộ nghèo giảm xuống dưới 2%";
const COMMUNES = "15 xã đạt chuẩn nông thôn mới";

let db: CollectionDb;
beforeEach(() => {
  db = openCollectionDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

describe("a republished article in the collection", () => {
  test("saved from a second portal it joins the article: items saved once, the address listed", async () => {
    const first = await saveSnippets(db, page(ORIGINAL_URL, ORIGINAL), [
      item(ORIGINAL, INCOME),
      item(ORIGINAL, POVERTY, "target"),
    ]);
    const second = await saveSnippets(
      db,
      page(PROVINCE_URL, REPUBLISHED, "Huyện Sông Mây sơ kết giữa nhiệm kỳ"),
      [
        item(REPUBLISHED, INCOME),
        item(REPUBLISHED, POVERTY, "target"),
        item(REPUBLISHED, COMMUNES),
      ],
    );
    assert.equal(second.articleId, first.articleId);
    assert.equal(second.republicationOf, ORIGINAL_URL);
    assert.equal(second.created, 1);
    assert.equal(second.alreadySaved, 2);
    assert.deepEqual(second.saved.slice(0, 2), first.saved);
    assert.equal(await db.articles.count(), 1);
    const snippets = await snippetsForArticle(db, first.articleId);
    assert.deepEqual(snippets.map((s) => s.text).sort(), [COMMUNES, INCOME, POVERTY].sort());
    const copies = await articleCopies(db, first.articleId);
    assert.deepEqual(
      copies.map((c) => [c.url, c.site, c.title]),
      [[PROVINCE_URL, "vidu.gov.vn", "Huyện Sông Mây sơ kết giữa nhiệm kỳ"]],
    );
    assert.equal(copies[0]?.snapshot, REPUBLISHED);
    // The article keeps its own address and text.
    const stored = await db.articles.get(first.articleId);
    assert.equal(stored?.url, ORIGINAL_URL);
    assert.equal(stored?.snapshot, ORIGINAL);
    // Saving from the copy again adds nothing.
    const again = await saveSnippets(db, page(PROVINCE_URL, REPUBLISHED), [
      item(REPUBLISHED, COMMUNES),
    ]);
    assert.equal(again.created, 0);
    assert.equal(await countStored(db), 3);
  });

  test("the same words in another sentence of the copy are another item, saved", async () => {
    const added = "Huyện phấn đấu đến năm 2025 có 100% thôn đạt chuẩn khu dân cư văn hóa.";
    const copy = `${REPUBLISHED}\n${added}`;
    const deadline = (text: string, sentence: string): SnippetInput => {
      const start = text.indexOf(sentence) + sentence.indexOf("đến năm 2025");
      return {
        ...item(text, "đến năm 2025", "deadline"),
        sentence,
        anchor: {
          quote: "đến năm 2025",
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(start + 12, start + 44),
          start,
          end: start + 12,
        },
      };
    };
    const last = PARAGRAPHS[4] ?? "";
    await saveSnippets(db, page(ORIGINAL_URL, ORIGINAL), [deadline(ORIGINAL, last)]);
    const saved = await saveSnippets(db, page(PAPER_URL, copy), [
      deadline(copy, last),
      deadline(copy, added),
    ]);
    assert.deepEqual([saved.alreadySaved, saved.created], [1, 1]);
    assert.equal(await countStored(db), 2);
  });

  test("a page finds the article by a copy's address, or by its text's fingerprint before any save", async () => {
    const first = await saveSnippets(db, page(ORIGINAL_URL, ORIGINAL), [item(ORIGINAL, INCOME)]);
    assert.equal(await findArticle(db, PAPER_URL, null), undefined);
    const signature = textSignature(REPUBLISHED);
    assert.equal((await findArticle(db, PAPER_URL, null, signature))?.id, first.articleId);
    assert.equal(await findArticle(db, OTHER_URL, null, textSignature(OTHER)), undefined);
    await saveSnippets(db, page(PAPER_URL, REPUBLISHED), [item(REPUBLISHED, COMMUNES)]);
    assert.equal((await findArticle(db, PAPER_URL, null))?.id, first.articleId);
  });

  test("another article of the same kind stays an article of its own", async () => {
    await saveSnippets(db, page(ORIGINAL_URL, ORIGINAL), [item(ORIGINAL, INCOME)]);
    const other = await saveSnippets(db, page(OTHER_URL, OTHER), [
      item(OTHER, "tỷ lệ tham gia bảo hiểm y tế đạt 93%"),
    ]);
    assert.equal(other.republicationOf, undefined);
    assert.equal(await db.articles.count(), 2);
  });

  test("a wrong merge is split off: the copy becomes an article with the snippets first saved from it", async () => {
    const first = await saveSnippets(db, page(ORIGINAL_URL, ORIGINAL), [item(ORIGINAL, INCOME)]);
    await saveSnippets(db, page(PROVINCE_URL, REPUBLISHED, "Tin tỉnh"), [
      item(REPUBLISHED, INCOME),
      item(REPUBLISHED, COMMUNES),
    ]);
    const split = await splitCopy(db, PROVINCE_URL, Date.UTC(2024, 5, 1));
    assert.ok(split);
    assert.notEqual(split, first.articleId);
    const own = await db.articles.get(split);
    assert.equal(own?.url, PROVINCE_URL);
    assert.equal(own?.title, "Tin tỉnh");
    assert.equal(own?.snapshot, REPUBLISHED);
    assert.equal(own?.locality, "Sông Mây");
    assert.deepEqual(
      (await snippetsForArticle(db, split)).map((s) => s.text),
      [COMMUNES],
    );
    assert.deepEqual(
      (await snippetsForArticle(db, first.articleId)).map((s) => s.text),
      [INCOME],
    );
    assert.deepEqual(await articleCopies(db, first.articleId), []);
    // Saved from that address again, it is its own article now.
    const again = await saveSnippets(db, page(PROVINCE_URL, REPUBLISHED), [
      item(REPUBLISHED, INCOME),
    ]);
    assert.equal(again.articleId, split);
    assert.equal(await splitCopy(db, PROVINCE_URL), null, "no copy left to split");
  });

  test("articles imported without fingerprints are found by the next save", async () => {
    const source = openCollectionDb({ name: "source", indexedDB: new IDBFactory(), IDBKeyRange });
    const first = await saveSnippets(source, page(ORIGINAL_URL, ORIGINAL), [
      item(ORIGINAL, INCOME),
    ]);
    const file = toJson(await readCollection(source), new Date(Date.UTC(2024, 0, 1)));
    source.close();
    await importCollection(db, file);
    assert.equal(await db.fingerprints.count(), 0);
    const saved = await saveSnippets(db, page(PAPER_URL, REPUBLISHED), [
      item(REPUBLISHED, COMMUNES),
    ]);
    assert.equal(saved.articleId, first.articleId);
    assert.equal(await db.articles.count(), 1);
  });

  test("emptying the collection empties its fingerprints and copies", async () => {
    await saveSnippets(db, page(ORIGINAL_URL, ORIGINAL), [item(ORIGINAL, INCOME)]);
    await saveSnippets(db, page(PAPER_URL, REPUBLISHED), [item(REPUBLISHED, COMMUNES)]);
    await clearCollection(db);
    assert.deepEqual([await db.fingerprints.count(), await db.copies.count()], [0, 0]);
  });
});
