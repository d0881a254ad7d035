/**
 * The collection table's logic (lib/collection/table.ts) and its column definitions
 * (components/collection/table/columns.ts): sorting (stable, values missing last either way,
 * Vietnamese text order), the header's sort cycle, grouping into collapsible lines, range
 * selection, the remembered settings read back from anything, and what the cells show.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  COLUMN_IDS,
  columnById,
  dueState,
  groupOf,
  HIDDEN_BY_DEFAULT,
} from "../../components/collection/table/columns.ts";
import {
  compareSortValues,
  groupRows,
  idRange,
  joinEntries,
  type ListedEntry,
  nextSort,
  parseTablePrefs,
  sortRows,
  tableLines,
  withIds,
} from "../../lib/collection/index.ts";
import { article, snippet } from "./helpers/records.ts";

describe("sortRows", () => {
  const rows = [
    { id: "a", v: 3 as number | string | null },
    { id: "b", v: null },
    { id: "c", v: 1 },
    { id: "d", v: 3 },
    { id: "e", v: null },
  ];
  const ids = (list: typeof rows) => list.map((r) => r.id).join("");

  test("ascending and descending, ties in their given order, missing values last both ways", () => {
    assert.equal(ids(sortRows(rows, (r) => r.v, "asc")), "cadbe");
    assert.equal(ids(sortRows(rows, (r) => r.v, "desc")), "adcbe");
  });

  test("text sorts the Vietnamese way: diacritics and case do not split words apart", () => {
    const names = ["Trà Vinh", "Cẩm Giàng", "Đắk Rông", "an Bình", "Bạc Liêu"];
    const sorted = sortRows(names, (n) => n, "asc");
    assert.deepEqual(sorted, ["an Bình", "Bạc Liêu", "Cẩm Giàng", "Đắk Rông", "Trà Vinh"]);
    assert.ok(compareSortValues("10", "9") > 0, "numbers inside text compare as numbers");
  });

  test("reads each row's value once", () => {
    let reads = 0;
    const many = Array.from({ length: 1000 }, (_, i) => ({ v: (i * 7919) % 1000 }));
    sortRows(
      many,
      (r) => {
        reads++;
        return r.v;
      },
      "asc",
    );
    assert.equal(reads, 1000);
  });

  test("a header cycles ascending → descending → unsorted; another header starts ascending", () => {
    let sort = nextSort(null, "value");
    assert.deepEqual(sort, { column: "value", direction: "asc" });
    sort = nextSort(sort, "value");
    assert.deepEqual(sort, { column: "value", direction: "desc" });
    assert.equal(nextSort(sort, "value"), null);
    assert.deepEqual(nextSort(sort, "date"), { column: "date", direction: "asc" });
  });
});

describe("groupRows and tableLines", () => {
  const rows = ["Trà Vinh:1", "Cẩm Giàng:2", ":3", "Trà Vinh:4", "Cẩm Giàng:5"];
  const groups = groupRows(rows, (r) => {
    const key = r.split(":")[0] ?? "";
    return { key, label: key };
  });

  test("groups keep their rows' order; groups by label, the unlabelled last", () => {
    assert.deepEqual(
      groups.map((g) => [g.key, g.rows]),
      [
        ["Cẩm Giàng", ["Cẩm Giàng:2", "Cẩm Giàng:5"]],
        ["Trà Vinh", ["Trà Vinh:1", "Trà Vinh:4"]],
        ["", [":3"]],
      ],
    );
  });

  test("lines: each group's header with its count, then its rows unless collapsed", () => {
    const lines = tableLines(rows, groups, new Set(["Trà Vinh"]));
    assert.deepEqual(
      lines.map((l) =>
        l.type === "group" ? `[${l.key} ${l.count}${l.collapsed ? " +" : ""}]` : l.row,
      ),
      ["[Cẩm Giàng 2]", "Cẩm Giàng:2", "Cẩm Giàng:5", "[Trà Vinh 2 +]", "[ 1]", ":3"],
    );
    const plain = tableLines(rows, null, new Set());
    assert.deepEqual(
      plain.map((l) => (l.type === "row" ? l.row : "")),
      rows,
    );
  });
});

describe("selection", () => {
  const order = ["a", "b", "c", "d", "e"];

  test("a range runs from the anchor to the target either way, inclusive", () => {
    assert.deepEqual(idRange(order, "b", "d"), ["b", "c", "d"]);
    assert.deepEqual(idRange(order, "d", "b"), ["b", "c", "d"]);
    assert.deepEqual(idRange(order, null, "c"), ["c"]);
    assert.deepEqual(idRange(order, "gone", "c"), ["c"], "an anchor no longer shown");
    assert.deepEqual(idRange(order, "a", "gone"), []);
  });

  test("withIds adds or removes, leaving the given set as it was", () => {
    const start = new Set(["a"]);
    const more = withIds(start, ["b", "c"], true);
    assert.deepEqual([...more], ["a", "b", "c"]);
    assert.deepEqual([...withIds(more, ["a", "c"], false)], ["b"]);
    assert.deepEqual([...start], ["a"]);
  });
});

describe("parseTablePrefs", () => {
  const defaults = { hidden: ["quote"], groupBy: "none" as const };

  test("reads back what was stored", () => {
    assert.deepEqual(
      parseTablePrefs({ hidden: ["category", "date"], groupBy: "locality" }, COLUMN_IDS, defaults),
      { hidden: ["category", "date"], groupBy: "locality" },
    );
  });

  test("anything malformed falls back field by field; unknown columns are dropped", () => {
    assert.deepEqual(parseTablePrefs(null, COLUMN_IDS, defaults), defaults);
    assert.deepEqual(parseTablePrefs("x", COLUMN_IDS, defaults), defaults);
    assert.deepEqual(
      parseTablePrefs(
        { hidden: ["nope", 3, "date", "date"], groupBy: "planet" },
        COLUMN_IDS,
        defaults,
      ),
      { hidden: ["date"], groupBy: "none" },
    );
    assert.deepEqual(parseTablePrefs({ groupBy: "article" }, COLUMN_IDS, defaults), {
      hidden: ["quote"],
      groupBy: "article",
    });
  });
});

describe("the table's columns", () => {
  const A = article("https://tracu.travinh.gov.vn/tin/a.html", {
    title: "Đại hội Đảng bộ huyện",
    locality: "Trà Cú",
    level: "huyện",
    publishedAt: "2020-10-15",
    snapshot: "giảm 2,35% hộ nghèo. đạt 08/21 chỉ tiêu. trước ngày 30/6/2021. không số",
  });
  const poverty = snippet(A, "giảm 2,35% hộ nghèo", {
    indicator: "tỷ lệ hộ nghèo",
    value: { min: 2.35, max: 2.35 },
    unit: "%",
    direction: "decrease",
    horizon: { type: "year", year: 2025 },
  });
  const ratio = snippet(A, "đạt 08/21 chỉ tiêu", {
    kind: "result",
    value: { min: 8, max: 8, numerator: 8, denominator: 21 },
    unit: "chỉ tiêu",
  });
  const due = snippet(A, "trước ngày 30/6/2021", {
    kind: "deadline",
    deadline: { date: "2021-06-30", precision: "day" },
  });
  const entries = joinEntries([A], [poverty, ratio, due]);
  const entryOf = (id: string) => entries.find((e) => e.snippet.id === id) as ListedEntry;
  const [p, r, d] = [entryOf(poverty.id), entryOf(ratio.id), entryOf(due.id)];
  const text = (column: string, entry: ListedEntry) => columnById(column)?.text(entry);

  test("the value reads the Vietnamese way, with its direction; a ratio keeps its denominator", () => {
    assert.equal(text("value", p), "giảm 2,35%");
    assert.equal(text("value", r), "8/21 chỉ tiêu");
    assert.equal(text("value", d), "");
    assert.equal(columnById("value")?.sortValue(r), 8);
    assert.equal(columnById("value")?.sortValue(d), null);
  });

  test("locality with its level, the date dd/mm/yyyy, horizon or deadline", () => {
    assert.equal(text("locality", p), "Trà Cú (huyện)");
    assert.equal(text("date", p), "15/10/2020");
    assert.equal(columnById("date")?.sortValue(p), "2020-10-15");
    assert.equal(text("horizon", p), "đến năm 2025");
    assert.equal(text("horizon", d), "ngày 30/06/2021");
    assert.equal(columnById("horizon")?.sortValue(d), "2021-06-30");
    assert.equal(columnById("horizon")?.sortValue(p), "2025-12-31");
  });

  test("status: a deadline overdue, due soon or open; a horizon passed", () => {
    assert.equal(dueState(due, "2021-07-01"), "overdue");
    assert.equal(dueState(due, "2021-06-10"), "dueSoon");
    assert.equal(dueState(due, "2021-01-01"), "open");
    assert.equal(dueState(poverty, "2026-01-02"), "horizonPassed");
    assert.equal(dueState(poverty, "2025-06-01"), "open");
    assert.equal(dueState(ratio, "2025-06-01"), null);
  });

  test("grouping keys: article, locality, category (no category: the unlabelled group)", () => {
    assert.deepEqual(groupOf("article")(p), { key: A.id, label: A.title });
    assert.deepEqual(groupOf("locality")(p), { key: "Trà Cú", label: "Trà Cú" });
    assert.deepEqual(groupOf("category")(p), { key: "", label: "" });
  });

  test("the quote and tags columns are hidden until chosen; every id is unique", () => {
    assert.deepEqual([...HIDDEN_BY_DEFAULT].sort(), ["quote", "tags"]);
    assert.equal(new Set(COLUMN_IDS).size, COLUMN_IDS.length);
  });
});
