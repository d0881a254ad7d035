/**
 * The collection's one-value filters (components/collection/facet-fields.ts): each select lists
 * its facet's values with their counts and labels, shows the value the filter holds, and a choice
 * sets the filter's list to that one value, parsed as the filter keeps it (a year is a number);
 * "all" clears it.
 */
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { facetFields } from "../../components/collection/facet-fields.ts";
import {
  createSearchIndex,
  facets,
  joinEntries,
  searchEntries,
} from "../../lib/collection/index.ts";
import { setLanguage } from "../../lib/i18n/index.ts";
import { article, snippet } from "./helpers/records.ts";

const TEXT =
  "Phấn đấu đến năm 2025 tỷ lệ bao phủ bảo hiểm y tế đạt 95%.\nKết nạp 120 đảng viên mới.";
const TRAVINH = article("https://travinh.gov.vn/a.html", {
  title: "Đại hội Đảng bộ tỉnh Trà Vinh",
  locality: "Trà Vinh",
  level: "tỉnh",
  snapshot: TEXT,
});
const INSURANCE = snippet(TRAVINH, "bảo hiểm y tế đạt 95%", {
  kind: "target",
  deadline: { date: "2025-12-31", precision: "year" },
  tags: ["y tế"],
});
const MEMBERS = snippet(TRAVINH, "Kết nạp 120 đảng viên mới", { kind: "result" });
const ENTRIES = joinEntries([TRAVINH], [INSURANCE, MEMBERS]);

function fieldById(id: string) {
  const found = facetFields(facets(ENTRIES)).find((field) => field.id === id);
  assert.ok(found, `a select #${id}`);
  return found;
}

describe("the collection's filter selects", () => {
  afterEach(() => setLanguage("vi"));

  test("one select a facet, in the order shown, each with a label", () => {
    const fields = facetFields(facets(ENTRIES));
    assert.deepEqual(
      fields.map((field) => field.id),
      ["f-kind", "f-category", "f-locality", "f-level", "f-year", "f-tag", "f-article", "f-review"],
    );
    for (const field of fields) assert.notEqual(field.label.trim(), "", field.id);
  });

  test("options carry the facet's values, counts and labels in Vietnamese", () => {
    setLanguage("vi");
    const kinds = fieldById("f-kind").options;
    assert.deepEqual(kinds.map((o) => [o.value, o.count]).sort(), [
      ["result", 1],
      ["target", 1],
    ]);
    assert.ok(
      kinds.every((o) => o.label !== o.value),
      "kinds are shown by their labels",
    );
    assert.deepEqual(fieldById("f-locality").options, [
      { value: "Trà Vinh", label: "Trà Vinh", count: 2 },
    ]);
    assert.deepEqual(fieldById("f-article").options, [
      { value: TRAVINH.id, label: "Đại hội Đảng bộ tỉnh Trà Vinh", count: 2 },
    ]);
  });

  test("a choice sets the filter's list to one value, parsed; all clears it", () => {
    const year = fieldById("f-year");
    assert.deepEqual(year.choose("2025"), { years: [2025] });
    assert.deepEqual(year.choose(""), { years: undefined });
    assert.deepEqual(fieldById("f-kind").choose("target"), { kinds: ["target"] });
    assert.deepEqual(fieldById("f-article").choose(TRAVINH.id), { articleIds: [TRAVINH.id] });
  });

  test("the select shows the value the filter holds, or all", () => {
    const year = fieldById("f-year");
    assert.equal(year.chosen({ years: [2025] }), "2025");
    assert.equal(year.chosen({}), "");
    assert.equal(fieldById("f-tag").chosen({ tags: ["y tế"] }), "y tế");
  });

  test("a choice filters the collection as the select promises", () => {
    const index = createSearchIndex(ENTRIES);
    const filter = {
      ...fieldById("f-year").choose("2025"),
      ...fieldById("f-kind").choose("target"),
    };
    assert.deepEqual(
      searchEntries(index, filter).map((entry) => entry.snippet.id),
      [INSURANCE.id],
    );
  });
});
