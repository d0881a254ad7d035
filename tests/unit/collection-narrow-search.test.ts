/**
 * Search as the reader types (components/collection/narrow-search.ts): a filter that narrows the
 * last one scans only the last results; whatever the sequence of keystrokes (characters added,
 * deleted, words added, facets changed), the results are exactly a full search's.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NarrowingSearch, narrows } from "../../components/collection/narrow-search.ts";
import {
  createSearchIndex,
  joinEntries,
  type SnippetFilter,
  searchEntries,
} from "../../lib/collection/index.ts";
import type { SnippetKind } from "../../lib/snippets/types.ts";
import { article, snippet } from "./helpers/records.ts";

const PLACES = ["Trà Vinh", "Cẩm Giàng", "Đắk Lắk", "Tây Ninh"];
const TEXTS = [
  "100% xã đạt chuẩn nông thôn mới",
  "tỷ lệ bao phủ bảo hiểm y tế đạt 95%",
  "tỷ lệ hộ nghèo giảm còn dưới 1%",
  "kết nạp 120 đảng viên mới",
  "hoàn thành trước năm 2025",
];
const KINDS: SnippetKind[] = ["target", "result", "deadline", "excerpt"];

const articles = PLACES.flatMap((locality, a) =>
  [0, 1, 2].map((n) =>
    article(`https://vi-du-${a}.gov.vn/tin-${n}.html`, {
      title: `Đại hội Đảng bộ ${locality} lần ${n}`,
      locality,
      snapshot: TEXTS.join("\n"),
    }),
  ),
);
const snippets = articles.flatMap((source, a) =>
  TEXTS.map((text, k) =>
    snippet(source, text, {
      kind: KINDS[(a + k) % KINDS.length] ?? "target",
      createdAt: a * 10 + k,
    }),
  ),
);
const index = createSearchIndex(joinEntries(articles, snippets));

describe("search as the reader types", () => {
  test("narrows: same facets and each old word inside a new word", () => {
    assert.equal(narrows({ query: "nong" }, { query: "nong " }), true);
    assert.equal(narrows({ query: "nong th" }, { query: "nong tho" }), true);
    assert.equal(narrows({ query: "thon" }, { query: "nong thon" }), true);
    assert.equal(narrows({}, { query: "a" }), true);
    assert.equal(narrows({ query: "nong" }, { query: "non" }), false, "a deleted character");
    assert.equal(narrows({ query: "nong" }, { query: "thon" }), false);
    assert.equal(narrows({ query: "a" }, { query: "ab", kinds: ["target"] }), false);
    assert.equal(narrows({ query: "a", kinds: ["target"] }, { query: "ab" }), false);
    assert.equal(
      narrows({ query: "a", kinds: ["target"] }, { query: "ab", kinds: ["target"], tags: [] }),
      true,
      "an empty facet does not restrict",
    );
    assert.equal(narrows({ reviewedOnly: true }, {}), false, "the reviewed-only switch turned off");
    assert.equal(narrows({}, { reviewedOnly: true }), false);
    assert.equal(narrows({ reviewedOnly: true }, { reviewedOnly: true, query: "a" }), true);
    assert.equal(narrows({ reviews: ["accepted"] }, {}), false);
  });

  test("every keystroke gives exactly what a full search gives", () => {
    const typed = (phrase: string, facets: SnippetFilter = {}) =>
      [...phrase].map((_, k) => ({ ...facets, query: phrase.slice(0, k + 1) }));
    const sequence: SnippetFilter[] = [
      ...typed("nong thon moi"),
      ...typed("nong thon moi").reverse(),
      ...typed("dang vien", { kinds: ["target"] }),
      { query: "dang vien", kinds: ["result"] },
      { query: "dang vien" },
      ...typed("tra vinh bao"),
      { query: "tra vinh bao", localities: ["Tra Vinh"] },
      { query: "bao", localities: ["Tra Vinh"] },
      {},
      ...typed("đắk lắk"),
    ];
    const search = new NarrowingSearch(index);
    let narrowed = 0;
    let previous: SnippetFilter | null = null;
    for (const filter of sequence) {
      if (previous && narrows(previous, filter)) narrowed++;
      assert.deepEqual(search.search(filter), searchEntries(index, filter), JSON.stringify(filter));
      previous = filter;
    }
    assert.ok(narrowed > 20, `most keystrokes narrow (${narrowed})`);
  });
});
