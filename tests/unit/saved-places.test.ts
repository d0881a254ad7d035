/**
 * Where the article's saved snippets stand on the page (entrypoints/article-tools/saved-places.ts):
 * with nothing saved the page's items stay as they are; a saved item is marked saved with its
 * record's id and review status; the mark of a changed figure goes once its snippet is no longer
 * saved. On a server-side DOM, each item placed by the text map.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHTML } from "linkedom";
import type { PageItem } from "../../entrypoints/article-tools/page-view.ts";
import { placeSnippets } from "../../entrypoints/article-tools/saved-places.ts";
import { createTextMap, type TextMap } from "../../lib/dom/text-map.ts";
import { extract } from "../../lib/extract/index.ts";
import { itemSnippetId } from "../../lib/snippets/item-ids.ts";
import { domText } from "../../lib/text/dom-text.ts";
import { article, snippet } from "./helpers/records.ts";

const URL = "https://camgiang.haiduong.gov.vn/tin-tuc/nghi-quyet.html";
const { document } = parseHTML(`<!doctype html><html><body>
  <p>Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn dưới 1%.</p>
  <p>Năm 2024, toàn huyện kết nạp 120 đảng viên mới. Tỷ lệ bao phủ bảo hiểm y tế đạt 95%.</p>
</body></html>`);
const read = domText(document.body);
const TEXT = read.text;
const SOURCE = article(URL, { snapshot: TEXT });

/** A range of the server-side DOM: the map only sets its ends. */
class PointRange {
  startOffset = -1;
  endOffset = -1;
  setStart(_node: Node, offset: number) {
    this.startOffset = offset;
  }
  setEnd(_node: Node, offset: number) {
    this.endOffset = offset;
  }
  get collapsed() {
    return false;
  }
}
const MAP = createTextMap(read.pieces, { createRange: () => new PointRange() }) as TextMap;

function pageItems(): PageItem[] {
  return extract(TEXT).map((item, index) => ({
    index,
    item,
    range: MAP.rangeFor(item.start, item.end),
    snippetId: itemSnippetId(SOURCE.id, TEXT, item),
    saved: false,
  }));
}

describe("placing the article's saved snippets", () => {
  test("the sample page has several items, a target among them, each placed", () => {
    const items = pageItems();
    assert.ok(items.length >= 3 && items.some((p) => p.item.kind === "target"));
    assert.ok(items.every((p) => p.range !== null));
  });

  test("nothing saved: the items stay as they were, no ranges, no orphans, no changes", () => {
    const items = pageItems();
    const placed = placeSnippets(TEXT, MAP, [], items);
    assert.deepEqual(placed, { ranges: [], items, orphans: [], changes: [] });
  });

  test("a saved item is marked saved, with its record's id and review status", () => {
    const items = pageItems();
    const target = items.find((p) => p.item.kind === "target") as PageItem;
    const record = snippet(SOURCE, target.item.text, { review: "accepted" });
    assert.equal(record.id, target.snippetId, "the record is the item's snippet");
    const orphan = snippet(SOURCE, target.item.text, { kind: "result" });
    const lost = { ...orphan, id: "s-lost", anchor: { ...orphan.anchor, quote: "không có" } };
    const placed = placeSnippets(TEXT, MAP, [record, lost], items);
    assert.equal(placed.ranges.length, 1);
    assert.deepEqual(placed.orphans, [lost]);
    assert.deepEqual(
      placed.items.map((p) => [p.saved, p.savedId, p.review]),
      items.map((p) =>
        p === target ? [true, record.id, "accepted"] : [false, undefined, undefined],
      ),
    );
  });

  test("an item marked as a changed figure loses the mark once nothing saved is there", () => {
    const items = pageItems().map((p, i) => (i === 0 ? { ...p, changed: "s-old" } : p));
    const placed = placeSnippets(TEXT, MAP, [], items);
    assert.deepEqual(
      placed.items.map((p) => p.changed),
      items.map(() => undefined),
    );
    assert.ok(!("changed" in (placed.items[0] as PageItem)));
    assert.deepEqual(
      placed.items.map(({ changed: _c, ...p }) => p),
      items.map(({ changed: _c, ...p }) => p),
    );
  });
});
