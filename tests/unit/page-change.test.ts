/**
 * Change detection on made-up sentences: a saved snippet anchored again in an edited article is
 * flagged only when its figure changed (another value, unit or deadline date in the item found at
 * its place, or other digits when no item is there); wording, spacing and text elsewhere do not
 * flag it; a text the reader kept the saved figure over is not flagged again.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { anchorInText, describeSpan } from "../../lib/anchoring/index.ts";
import { extract } from "../../lib/extract/index.ts";
import { type ExtractedItem, itemFields, NO_FIELDS } from "../../lib/extract/types.ts";
import { digitsOf, figureKey, findPageChange } from "../../lib/snippets/page-change.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";

const OPTIONS = { referenceDate: "2020-10-15" };

const BEFORE = [
  "Nghị quyết Đại hội Đảng bộ huyện lần thứ XXVI, nhiệm kỳ 2020-2025.",
  "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%; tỷ lệ hộ nghèo giảm xuống dưới 1%.",
  "Hoàn thành đề án sáp nhập các thôn, khu dân cư trước ngày 30/6/2021.",
  "Năm 2020, thu nhập bình quân đầu người đạt 52 triệu đồng.",
].join("\n");

/** A snippet saved from `BEFORE` for the item whose text is `quote`. */
function savedItem(quote: string): SnippetRecord {
  const item = extract(BEFORE, OPTIONS).find((i) => i.text === quote);
  assert.ok(item, `the engine finds «${quote}»`);
  return {
    id: `s:${quote}`,
    articleId: "a",
    kind: item.kind,
    manual: false,
    text: item.text,
    sentence: item.sentence,
    ...itemFields(item),
    anchor: describeSpan(BEFORE, item.start, item.end),
    note: "ghi chú",
    tags: ["y tế"],
    createdAt: 1,
    updatedAt: 1,
  };
}

/** Anchors the snippet in `after` and looks for a change there. */
function changeIn(snippet: SnippetRecord, after: string, items?: ExtractedItem[]) {
  const match = anchorInText(after, snippet.anchor);
  assert.ok(match, `«${snippet.text}» is anchored in the edited text`);
  return findPageChange(snippet, after, match, items ?? extract(after, OPTIONS));
}

describe("findPageChange", () => {
  const insurance = savedItem("tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%");

  test("the same text at the same place is no change", () => {
    assert.equal(changeIn(insurance, BEFORE), null);
  });

  test("another number at the re-anchored place is flagged with the new item's fields", () => {
    const after = BEFORE.replace("đạt 95%", "đạt 97%");
    const change = changeIn(insurance, after);
    assert.ok(change, "flagged");
    assert.equal(change.text, "tỷ lệ dân số tham gia bảo hiểm y tế đạt 97%");
    assert.deepEqual(change.fields?.value, { min: 97, max: 97 });
    assert.equal(change.fields?.unit, "%");
    assert.equal(after.slice(change.anchor.start, change.anchor.end), change.text);
    assert.equal(change.anchor.quote, change.text);
  });

  test("another unit is a change too", () => {
    const snippet = savedItem("thu nhập bình quân đầu người đạt 52 triệu đồng");
    const change = changeIn(snippet, BEFORE.replace("52 triệu đồng", "52 nghìn đồng"));
    assert.ok(change, "flagged");
    assert.notEqual(change.fields?.unit, snippet.unit);
  });

  test("a deadline whose date changed is flagged with the new date", () => {
    const merger = savedItem("trước ngày 30/6/2021");
    const change = changeIn(merger, BEFORE.replace("30/6/2021", "31/12/2021"));
    assert.ok(change, "flagged");
    assert.equal(change.fields?.deadline?.date, "2021-12-31");
    assert.equal(change.text, "trước ngày 31/12/2021");
  });

  test("wording and spacing that leave the figure alone re-anchor silently", () => {
    const income = savedItem("thu nhập bình quân đầu người đạt 52 triệu đồng");
    const reworded = BEFORE.replace(
      "thu nhập bình quân đầu người đạt 52",
      "thu nhập bình quân đầu  người đã đạt 52",
    );
    const match = anchorInText(reworded, income.anchor);
    assert.ok(match && reworded.slice(match.start, match.end) !== income.anchor.quote);
    assert.equal(changeIn(income, reworded), null);
    // A sentence elsewhere changed: the saved figure is found as it was.
    assert.equal(changeIn(insurance, BEFORE.replace("lần thứ XXVI", "lần thứ XXVII")), null);
  });

  test("with no item at the place, only other digits count", () => {
    const excerpt: SnippetRecord = {
      ...insurance,
      kind: "excerpt",
      ...NO_FIELDS,
      id: "excerpt",
      anchor: describeSpan(BEFORE, BEFORE.indexOf("Hoàn thành"), BEFORE.indexOf(".\nNăm")),
    };
    const changed = changeIn(excerpt, BEFORE.replace("30/6/2021", "30/9/2021"), []);
    assert.ok(changed, "other digits are flagged");
    assert.equal(changed.fields, null);
    assert.match(changed.text, /30\/9\/2021$/);
    assert.match(changed.sentence, /^Hoàn thành đề án/);
    const reworded = BEFORE.replace("sáp nhập các thôn", "sáp nhập những thôn");
    assert.equal(changeIn(excerpt, reworded, []), null, "the same digits are not");
  });

  test("a text the reader kept the saved figure over is not flagged again", () => {
    const after = BEFORE.replace("đạt 95%", "đạt 97%");
    const change = changeIn(insurance, after);
    assert.ok(change);
    assert.equal(changeIn({ ...insurance, keptOver: [change.text] }, after), null);
    // A third figure is news again.
    assert.ok(changeIn({ ...insurance, keptOver: [change.text] }, after.replace("97%", "98%")));
  });
});

describe("figure keys and digits", () => {
  test("digitsOf reads Vietnamese numbers whole", () => {
    assert.deepEqual(digitsOf("đạt 28.864 tỷ đồng, tăng 10–11%, 7,5%/năm"), [
      "28.864",
      "10",
      "11",
      "7,5",
    ]);
  });

  test("figureKey tells values, units and dates apart and ignores the rest", () => {
    const base = { ...NO_FIELDS, value: { min: 95, max: 95 }, unit: "%" };
    assert.equal(figureKey(base), figureKey({ ...base, indicator: "khác", category: "x" }));
    assert.notEqual(figureKey(base), figureKey({ ...base, value: { min: 95, max: 96 } }));
    assert.notEqual(figureKey(base), figureKey({ ...base, unit: "‰" }));
    assert.notEqual(
      figureKey({ ...NO_FIELDS, deadline: { date: "2021-06-30", precision: "day" } }),
      figureKey({ ...NO_FIELDS, deadline: { date: "2021-12-31", precision: "day" } }),
    );
  });
});
