/**
 * Moving through the page's items (entrypoints/article-tools/item-navigation.ts): only the shown
 * items are reached (the tools on, the item placed on the page, its kind not hidden), in document
 * order, round the ends; from no focus, forward starts at the first and back at the last.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isShown, nextFocus } from "../../entrypoints/article-tools/item-navigation.ts";
import {
  EMPTY_VIEW,
  type PageItem,
  type PageView,
} from "../../entrypoints/article-tools/page-view.ts";
import { extract } from "../../lib/extract/index.ts";

const TEXT =
  "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn dưới 1%. Năm 2024, toàn tỉnh kết nạp 120 đảng viên mới. Tỷ lệ bao phủ bảo hiểm y tế đạt 95%.";
const FOUND = extract(TEXT);

/** Stands for a placed item's range: navigation only asks whether there is one. */
const PLACED = {} as Range;

function view(patch: Partial<PageView>, placed: (index: number) => boolean = () => true): PageView {
  const items: PageItem[] = FOUND.map((item, index) => ({
    index,
    item,
    range: placed(index) ? PLACED : null,
    snippetId: `s${index}`,
    saved: false,
  }));
  return { ...EMPTY_VIEW, recognised: true, items, ...patch };
}

describe("moving through the page's items", () => {
  test("the sentences give items of more than one kind", () => {
    assert.ok(FOUND.length >= 3, FOUND.map((i) => i.text).join(" | "));
    assert.ok(new Set(FOUND.map((i) => i.kind)).size >= 2);
  });

  test("from no focus: forward to the first, back to the last", () => {
    assert.equal(nextFocus(view({ focus: null }), 1), 0);
    assert.equal(nextFocus(view({ focus: null }), -1), FOUND.length - 1);
  });

  test("in document order, round the ends", () => {
    const last = FOUND.length - 1;
    assert.equal(nextFocus(view({ focus: 0 }), 1), 1);
    assert.equal(nextFocus(view({ focus: 1 }), -1), 0);
    assert.equal(nextFocus(view({ focus: last }), 1), 0);
    assert.equal(nextFocus(view({ focus: 0 }), -1), last);
  });

  test("hidden kinds, unplaced items and the tools off are skipped", () => {
    const hiddenKind = FOUND[1]?.kind;
    assert.ok(hiddenKind);
    const hidden = view({ focus: 0, hiddenKinds: [hiddenKind] });
    const shown = hidden.items.filter((p) => isShown(hidden, p)).map((p) => p.index);
    assert.ok(!shown.includes(1));
    assert.equal(nextFocus(hidden, 1), shown.find((i) => i > 0) ?? shown[0]);

    const unplaced = view({ focus: 0 }, (index) => index !== 1);
    assert.equal(isShown(unplaced, unplaced.items[1] as PageItem), false);
    assert.equal(nextFocus(unplaced, 1), 2);

    assert.equal(nextFocus(view({ focus: 0, enabled: false }), 1), undefined);
  });
});
