/**
 * A snippet as the pages' copy holds it (lib/storage/copy-snippets.ts: a row of values) and back:
 * every field of the listed snippet comes back, in the same order for every snippet; what goes
 * without saying is an empty cell.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ListedArticle, ListedSnippet, SnippetRecord } from "../../lib/snippets/types.ts";
import { asciiJson, decodeCopy, encodeCopy } from "../../lib/storage/copy-format.ts";
import { rowSnippet, snippetRow } from "../../lib/storage/copy-snippets.ts";
import { article, listedSnippet as listed, listedArticle, snippet } from "./helpers/records.ts";

const TEXT = [
  "Đến năm 2030, thu nhập bình quân đầu người đạt 120 triệu đồng/năm.",
  "Tỷ lệ che phủ rừng duy trì ổn định 55%; hoàn thành trước ngày 31/12/2026.",
].join("\n");
const SOURCE = article("https://quangtri.gov.vn/tin-tuc/nghi-quyet.html", {
  title: "Nghị quyết Đại hội Đảng bộ tỉnh",
  snapshot: TEXT,
});
const INCOME = listed(
  snippet(SOURCE, "thu nhập bình quân đầu người đạt 120 triệu đồng/năm", {
    indicator: "thu nhập bình quân đầu người",
    category: "income_per_capita",
    value: { min: 120, max: 120 },
    unit: "triệu đồng/năm",
    comparator: ">=",
    horizon: { type: "year", year: 2030 },
  }),
);
const FOREST = listed(snippet(SOURCE, "che phủ rừng duy trì ổn định 55%", { kind: "result" }));
const DUE = listed(snippet(SOURCE, "trước ngày 31/12/2026", { kind: "deadline" }));
const places = new Map([[SOURCE.id, 0]]);
const ARTICLES: ListedArticle[] = [listedArticle(SOURCE)];

const roundTrip = (s: ListedSnippet) =>
  rowSnippet(JSON.parse(JSON.stringify(snippetRow(s, places))), ARTICLES);

describe("a snippet in the pages' copy", () => {
  test("every field comes back, whatever the copy left out", () => {
    const edited: ListedSnippet = {
      ...FOREST,
      manual: true,
      note: "số liệu của Sở",
      tags: ["môi trường", "rừng"],
      direction: "increase",
    };
    const shortened: ListedSnippet = { ...INCOME, text: "120 triệu đồng/năm" };
    const elsewhere: ListedSnippet = { ...DUE, sentence: "Một câu khác hẳn." };
    const bare: ListedSnippet = { ...DUE, text: "", sentence: "" };
    for (const original of [INCOME, FOREST, DUE, edited, shortened, elsewhere, bare]) {
      assert.deepEqual(roundTrip(original), original);
    }
  });

  test("each snippet comes back with its fields in one order", () => {
    const keys = [INCOME, FOREST, DUE].map((s) => Object.keys(roundTrip(s) ?? {}).join());
    assert.equal(new Set(keys).size, 1);
    assert.equal(keys[0], Object.keys(FOREST).join());
  });

  test("what goes without saying is an empty cell; the sentence keeps only what is around the text", () => {
    const row = snippetRow(FOREST, places);
    assert.equal(row[1], 0, "the article's place in the copy");
    assert.deepEqual([row[5], row[6]], ["Tỷ lệ ", "; hoàn thành trước ngày 31/12/2026."]);
    assert.equal(row[17], 0, "the quote is the text");
    const empty = [3, 7, 8, 9, 10, 11, 12, 13, 14, 18, 19, 22].map((i) => row[i]);
    assert.deepEqual(empty, Array(empty.length).fill(0), "manual, fields, note, tags, more");
    assert.deepEqual([row[15], row[16]], [FOREST.anchor.start, FOREST.anchor.end]);
  });

  test("fields beyond the listed ones (a review, corrections) are kept as they are", () => {
    const reviewed = {
      ...INCOME,
      review: "confirmed",
      corrections: { value: { min: 125, max: 125 } },
      keptOver: ["s-old"],
    } as unknown as ListedSnippet;
    const more = snippetRow(reviewed, places)[22];
    assert.deepEqual(Object.keys(more || {}).sort(), ["corrections", "keptOver", "review"]);
    assert.deepEqual(roundTrip(reviewed), reviewed);
  });

  test("an article that is not in the copy: its id stays; a place with no article is no copy", () => {
    const orphan: ListedSnippet = { ...DUE, articleId: "https://example.gov.vn/da-xoa.html" };
    assert.deepEqual(roundTrip(orphan), orphan);
    const lost = snippetRow(DUE, places);
    lost[1] = 3;
    assert.equal(rowSnippet(lost, ARTICLES), undefined);
    assert.equal(rowSnippet([] as unknown as typeof lost, ARTICLES), undefined, "no row");
  });

  test("the whole copy: a third fewer bytes than the listed records as JSON, and the same records back", () => {
    const many: SnippetRecord[] = Array.from({ length: 50 }, (_, i) => ({
      ...snippet(SOURCE, "che phủ rừng duy trì ổn định 55%", { kind: "result" }),
      id: `s-${i}`,
    }));
    const records = { articles: ARTICLES, snippets: [INCOME, DUE, ...many.map(listed)] };
    const json = encodeCopy(records);
    const plain = asciiJson(
      JSON.stringify({ articles: records.articles, snippets: records.snippets }),
    );
    assert.ok(json.length < plain.length * 0.67, `${json.length} against ${plain.length}`);
    assert.deepEqual(decodeCopy(json), records);
  });
});
