/**
 * The W3C Web Annotation export: the collection validates against a JSON
 * Schema of the model's requirements (`tests/fixtures/web-annotation.schema.json`,
 * which also rejects broken annotations); every selector slices back to its
 * quote in the saved snapshot; motivation, bodies, ids and times; stale
 * positions and missing articles; page text stays data; the async variant.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, describe, test } from "node:test";
import { Ajv, type ValidateFunction } from "ajv";
import {
  ANNOTATION_CONTEXT,
  type Annotation,
  type AnnotationCollection,
  EXPORT_MIME_TYPES,
  exportFileName,
  type StoredEntry,
  toWebAnnotation,
  toWebAnnotationAsync,
  webAnnotationJson,
} from "../../lib/export/index.ts";
import { setLanguage } from "../../lib/i18n/index.ts";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { POVERTY_DOWN_1_5_TO_2_YEARLY } from "./helpers/readings.ts";
import { article, snippet, T0 } from "./helpers/records.ts";

// ---------------------------------------------------------------------------
// Fixtures: a district resolution article written for this test, five snippets

const URL_TV =
  "https://travinh.gov.vn/tin-tuc/nghi-quyet-dai-hoi-dang-bo-huyen-cau-ngang-lan-thu-xii-4321.html";

const SNAPSHOT = [
  "Nghị quyết Đại hội đại biểu Đảng bộ huyện Cầu Ngang lần thứ XII, nhiệm kỳ 2020-2025.",
  "Nhiệm kỳ qua, tỷ lệ hộ nghèo giảm còn 3,2%; 100% xã đạt chuẩn nông thôn mới.",
  "Mục tiêu: tỷ lệ hộ nghèo giảm bình quân từ 1,5 đến 2%/năm; thu nhập bình quân đầu người đến năm 2025 đạt 75 triệu đồng.",
  "Hoàn thành sắp xếp các ấp trước ngày 30/6/2021.",
  'Ý kiến bạn đọc: "Chỉ tiêu" </script><script>alert(1)</script> & {"json": true}',
].join("\n");

const TV: ArticleRecord = article(URL_TV, {
  title: "Nghị quyết Đại hội Đảng bộ huyện Cầu Ngang lần thứ XII",
  locality: "Cầu Ngang",
  level: "huyện",
  term: "2020-2025",
  snapshot: SNAPSHOT,
  updatedAt: T0 + 3_600_000,
});

const POVERTY = snippet(TV, "tỷ lệ hộ nghèo giảm bình quân từ 1,5 đến 2%/năm", {
  ...POVERTY_DOWN_1_5_TO_2_YEARLY,
  note: "So với chỉ tiêu tỉnh: cao hơn.\nCần theo dõi.",
  tags: ["giảm nghèo", " ưu tiên ", "", "giảm nghèo"],
  createdAt: T0 + 1000,
  updatedAt: T0 + 86_400_000,
});

const INCOME = snippet(TV, "thu nhập bình quân đầu người đến năm 2025 đạt 75 triệu đồng", {
  indicator: "thu nhập bình quân đầu người",
  category: null,
  value: { min: 75, max: 75 },
  unit: "triệu đồng",
  comparator: "=",
  horizon: { type: "year", year: 2025 },
});

const RESULT = snippet(TV, "100% xã đạt chuẩn nông thôn mới", {
  kind: "result",
  indicator: "xã đạt chuẩn nông thôn mới",
  value: { min: 100, max: 100 },
  unit: "%",
});

const DEADLINE = snippet(TV, "trước ngày 30/6/2021", {
  kind: "deadline",
  deadline: { date: "2021-06-30", precision: "day" },
});

const HOSTILE = snippet(TV, '"Chỉ tiêu" </script><script>alert(1)</script> & {"json": true}', {
  kind: "excerpt",
  manual: true,
});

const ENTRIES: StoredEntry[] = [HOSTILE, DEADLINE, POVERTY, RESULT, INCOME].map((s) => ({
  snippet: s,
  article: TV,
}));

const NOW = new Date(Date.UTC(2026, 10, 21, 9, 30, 0));

// ---------------------------------------------------------------------------
// The schema

const SCHEMA = JSON.parse(
  readFileSync(new URL("../fixtures/web-annotation.schema.json", import.meta.url), "utf8"),
) as { $id: string };

// Strict, except that `required` inside `anyOf` names properties defined beside it (TimeState).
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(SCHEMA);

function validator(ref: string): ValidateFunction {
  const validate = ajv.getSchema(`${SCHEMA.$id}${ref}`);
  assert.ok(validate, `no schema at ${ref}`);
  return validate;
}

const validateCollection = validator("");
const validateAnnotation = validator("#/definitions/annotation");

function assertValid(validate: ValidateFunction, value: unknown): void {
  assert.ok(validate(value), JSON.stringify(validate.errors, null, 2));
}

/** An exported annotation as it reads on its own: with the collection's context. */
function standalone(annotation: Annotation): Record<string, unknown> {
  return { "@context": ANNOTATION_CONTEXT, ...structuredClone(annotation) };
}

function items(collection: AnnotationCollection): Annotation[] {
  return collection.first?.items ?? [];
}

function byId(collection: AnnotationCollection, s: SnippetRecord): Annotation {
  const found = items(collection).find((a) => a.id === `urn:gvn-chi-tieu:snippet:${s.id}`);
  assert.ok(found, `no annotation for ${s.id}`);
  return found;
}

function selectorOf<T extends string>(annotation: Annotation, type: T) {
  return annotation.target.selector?.find((s) => s.type === type);
}

afterEach(() => setLanguage("vi"));

// ---------------------------------------------------------------------------

describe("Web Annotation export: the file", () => {
  test("is named …-web-annotation.jsonld and offered as application/ld+json", () => {
    assert.equal(
      exportFileName("web-annotation", new Date(2026, 10, 21, 12)),
      "chi-tieu-2026-11-21-web-annotation.jsonld",
    );
    assert.equal(EXPORT_MIME_TYPES["web-annotation"], "application/ld+json");
  });

  test("is an AnnotationCollection with its one page embedded, annotations in text order", () => {
    const collection = toWebAnnotation(ENTRIES, { now: NOW });
    assert.equal(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert.equal(collection.type, "AnnotationCollection");
    assert.equal(collection.id, "urn:gvn-chi-tieu:export:20261121T093000Z");
    assert.equal(collection.total, 5);
    assert.equal(collection.first?.type, "AnnotationPage");
    assert.equal(collection.first?.partOf, collection.id);
    assert.equal(collection.first?.startIndex, 0);
    assert.equal(collection.last, collection.first?.id);
    const starts = items(collection).map(
      (a) => (selectorOf(a, "TextPositionSelector") as { start: number }).start,
    );
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    assert.deepEqual(
      items(collection).map((a) => a.id),
      [RESULT, POVERTY, INCOME, DEADLINE, HOSTILE].map((s) => `urn:gvn-chi-tieu:snippet:${s.id}`),
    );
    // Embedded annotations take the collection's context.
    for (const annotation of items(collection)) assert.equal("@context" in annotation, false);
  });

  test("validates against the model's schema: the collection and every annotation on its own", () => {
    const collection = toWebAnnotation(ENTRIES, { now: NOW });
    const parsed = JSON.parse(webAnnotationJson(collection));
    assertValid(validateCollection, parsed);
    assert.equal(items(parsed).length, 5);
    for (const annotation of items(parsed)) assertValid(validateAnnotation, standalone(annotation));
  });

  test("an empty export is a valid collection of none, with no page", () => {
    const collection = toWebAnnotation([], { now: NOW });
    assert.equal(collection.total, 0);
    assert.equal(collection.first, undefined);
    assert.equal(collection.last, undefined);
    assertValid(validateCollection, JSON.parse(webAnnotationJson(collection)));
  });
});

describe("Web Annotation export: the schema rejects what the model forbids", () => {
  const good = () => standalone(byId(toWebAnnotation(ENTRIES, { now: NOW }), POVERTY));
  type Mutable = Record<string, unknown> & {
    target: { selector: Array<Record<string, unknown>> };
  };

  test("the unchanged annotation passes (the cases below fail for their own fault)", () => {
    assertValid(validateAnnotation, good());
  });

  const broken: Array<[string, (a: Mutable) => void]> = [
    ["no target", (a) => delete (a as Record<string, unknown>).target],
    ["no @context", (a) => delete (a as Record<string, unknown>)["@context"]],
    ["another @context", (a) => (a["@context"] = "http://schema.org/")],
    ["no id", (a) => delete (a as Record<string, unknown>).id],
    ["a type that is not Annotation", (a) => (a.type = "Note")],
    ["a motivation outside the vocabulary", (a) => (a.motivation = "saving")],
    [
      "a TextPositionSelector with a negative start",
      (a) => (a.target.selector[1] = { type: "TextPositionSelector", start: -1, end: 4 }),
    ],
    [
      "a TextPositionSelector with a fractional end",
      (a) => (a.target.selector[1] = { type: "TextPositionSelector", start: 1, end: 4.5 }),
    ],
    [
      "a TextPositionSelector without an end",
      (a) => (a.target.selector[1] = { type: "TextPositionSelector", start: 1 }),
    ],
    [
      "a TextQuoteSelector without exact",
      (a) => (a.target.selector[0] = { type: "TextQuoteSelector", prefix: "x" }),
    ],
    ["a target without a source", (a) => delete (a.target as Record<string, unknown>).source],
    ["a created time without a timezone", (a) => (a.created = "2024-03-01T08:00:01")],
    ["a modified time that is a date alone", (a) => (a.modified = "2024-03-02")],
    [
      "a TextualBody without a value",
      (a) => ((a.body as Array<Record<string, unknown>>)[0] = { type: "TextualBody" }),
    ],
    [
      "a body purpose outside the vocabulary",
      (a) =>
        ((a.body as Array<Record<string, unknown>>)[1] = {
          type: "TextualBody",
          purpose: "labelling",
          value: "x",
        }),
    ],
    ["an empty target list", (a) => (a.target = [] as unknown as Mutable["target"])],
  ];

  for (const [name, breakIt] of broken) {
    test(`rejects ${name}`, () => {
      const annotation = good() as Mutable;
      breakIt(annotation);
      assert.equal(validateAnnotation(annotation), false);
    });
  }

  test("rejects a collection of the wrong type, a negative total, a page without items", () => {
    const collection = () =>
      JSON.parse(webAnnotationJson(toWebAnnotation(ENTRIES, { now: NOW }))) as Record<
        string,
        unknown
      > & { first: Record<string, unknown> };
    const wrongType = collection();
    wrongType.type = "Collection";
    assert.equal(validateCollection(wrongType), false);
    const negative = collection();
    negative.total = -1;
    assert.equal(validateCollection(negative), false);
    const noItems = collection();
    delete noItems.first.items;
    assert.equal(validateCollection(noItems), false);
    const badItem = collection();
    (badItem.first.items as Array<Record<string, unknown>>)[0] = {
      id: "urn:x:1",
      type: "Annotation",
    };
    assert.equal(validateCollection(badItem), false);
  });
});

describe("Web Annotation export: targets", () => {
  test("every selector slices back to its quote, prefix and suffix in the saved snapshot", () => {
    const collection = toWebAnnotation(ENTRIES, { now: NOW });
    assert.equal(items(collection).length, ENTRIES.length);
    for (const annotation of items(collection)) {
      assert.equal(annotation.target.source, URL_TV);
      const quote = selectorOf(annotation, "TextQuoteSelector") as {
        exact: string;
        prefix?: string;
        suffix?: string;
      };
      const position = selectorOf(annotation, "TextPositionSelector") as {
        start: number;
        end: number;
      };
      assert.ok(quote && position, annotation.id);
      assert.equal(SNAPSHOT.slice(position.start, position.end), quote.exact);
      assert.equal(
        SNAPSHOT.slice(position.start - (quote.prefix ?? "").length, position.start),
        quote.prefix ?? "",
      );
      assert.equal(
        SNAPSHOT.slice(position.end, position.end + (quote.suffix ?? "").length),
        quote.suffix ?? "",
      );
      // The quote with its context is found in the snapshot exactly there.
      const context = `${quote.prefix ?? ""}${quote.exact}${quote.suffix ?? ""}`;
      assert.equal(SNAPSHOT.indexOf(context), position.start - (quote.prefix ?? "").length);
    }
  });

  test("the target's TimeState names the snapshot's time; positions are over that snapshot", () => {
    const annotation = byId(toWebAnnotation(ENTRIES, { now: NOW }), POVERTY);
    assert.deepEqual(annotation.target.state, {
      type: "TimeState",
      sourceDate: new Date(TV.updatedAt).toISOString(),
    });
    assert.equal(annotation.target.type, "SpecificResource");
  });

  test("positions that no longer index the snapshot are left out; the quote stays", () => {
    const refreshed: ArticleRecord = { ...TV, snapshot: `Tin mới cập nhật.\n${SNAPSHOT}` };
    const collection = toWebAnnotation([{ snippet: POVERTY, article: refreshed }], { now: NOW });
    const annotation = items(collection)[0] as Annotation;
    assert.equal(selectorOf(annotation, "TextPositionSelector"), undefined);
    assert.equal(
      (selectorOf(annotation, "TextQuoteSelector") as { exact: string }).exact,
      POVERTY.anchor.quote,
    );
    assertValid(validateAnnotation, standalone(annotation));
  });

  test("a snippet whose article is missing points at its article id, with the quote only", () => {
    const collection = toWebAnnotation([{ snippet: INCOME, article: undefined }], { now: NOW });
    const annotation = items(collection)[0] as Annotation;
    assert.equal(annotation.target.source, INCOME.articleId);
    assert.equal(annotation.target.state, undefined);
    assert.deepEqual(
      annotation.target.selector?.map((s) => s.type),
      ["TextQuoteSelector"],
    );
    assertValid(validateAnnotation, standalone(annotation));
  });
});

describe("Web Annotation export: annotations and bodies", () => {
  test("ids are stable IRIs from the snippet id; times are ISO 8601 in UTC", () => {
    const first = byId(toWebAnnotation(ENTRIES, { now: NOW }), POVERTY);
    const again = byId(toWebAnnotation([...ENTRIES].reverse(), { now: new Date() }), POVERTY);
    assert.equal(first.id, `urn:gvn-chi-tieu:snippet:${POVERTY.id}`);
    assert.equal(again.id, first.id);
    assert.equal(first.created, "2024-03-01T08:00:01.000Z");
    assert.equal(first.modified, "2024-03-02T08:00:00.000Z");
    assert.deepEqual(first.generator, { type: "Software", name: "Chỉ tiêu Nghị quyết" });
  });

  test("motivation: commenting with a note, highlighting without", () => {
    const collection = toWebAnnotation(ENTRIES, { now: NOW });
    assert.equal(byId(collection, POVERTY).motivation, "commenting");
    for (const s of [INCOME, RESULT, DEADLINE, HOSTILE]) {
      assert.equal(byId(collection, s).motivation, "highlighting", s.anchor.quote);
    }
    const blankNote = { ...RESULT, note: "  \n " };
    const annotation = items(toWebAnnotation([{ snippet: blankNote, article: TV }]))[0];
    assert.equal(annotation?.motivation, "highlighting");
    assert.equal(
      annotation?.body.some((b) => b.purpose === "commenting"),
      false,
    );
  });

  test("the note is a commenting body in Vietnamese; each distinct tag a tagging body", () => {
    const body = byId(toWebAnnotation(ENTRIES, { now: NOW }), POVERTY).body;
    assert.deepEqual(body.slice(0, 3), [
      {
        type: "TextualBody",
        purpose: "commenting",
        value: "So với chỉ tiêu tỉnh: cao hơn.\nCần theo dõi.",
        format: "text/plain",
        language: "vi",
      },
      { type: "TextualBody", purpose: "tagging", value: "giảm nghèo" },
      { type: "TextualBody", purpose: "tagging", value: "ưu tiên" },
    ]);
    assert.equal(body.filter((b) => b.purpose === "tagging").length, 2);
  });

  test("the structured fields are a describing body of JSON that reads back as the snippet's", () => {
    const collection = toWebAnnotation(ENTRIES, { now: NOW });
    for (const s of [POVERTY, INCOME, RESULT, DEADLINE, HOSTILE]) {
      const json = byId(collection, s).body.filter((b) => b.format === "application/json");
      assert.equal(json.length, 1);
      assert.equal(json[0]?.purpose, "describing");
      assert.deepEqual(JSON.parse(json[0]?.value ?? ""), {
        kind: s.kind,
        manual: s.manual,
        indicator: s.indicator,
        category: s.category,
        value: s.value,
        unit: s.unit,
        comparator: s.comparator,
        direction: s.direction,
        horizon: s.horizon,
        deadline: s.deadline,
        sentence: s.sentence,
      });
    }
  });

  test("the fields' JSON has the canonical shape: extra stored fields are left out", () => {
    const stored = {
      ...POVERTY,
      horizon: { type: "annual", legacy: 1 },
      value: { min: 1.5, max: 2, note: "x" },
    } as unknown as SnippetRecord;
    const annotation = items(toWebAnnotation([{ snippet: stored, article: TV }]))[0];
    const json = annotation?.body.find((b) => b.format === "application/json")?.value ?? "";
    const fields = JSON.parse(json) as Record<string, unknown>;
    assert.deepEqual(fields.horizon, { type: "annual" });
    assert.deepEqual(fields.value, { min: 1.5, max: 2 });
  });

  test("a readable description in the export's language says what the item is", () => {
    const describe = (s: SnippetRecord) =>
      byId(toWebAnnotation(ENTRIES, { now: NOW }), s).body.find(
        (b) => b.purpose === "describing" && b.format === "text/plain",
      );
    assert.deepEqual(describe(POVERTY), {
      type: "TextualBody",
      purpose: "describing",
      value: "Chỉ tiêu: tỷ lệ hộ nghèo — giảm 1,5–2% · hằng năm",
      format: "text/plain",
      language: "vi",
    });
    assert.equal(
      describe(INCOME)?.value,
      "Chỉ tiêu: thu nhập bình quân đầu người — 75 triệu đồng · đến năm 2025",
    );
    assert.equal(
      describe(DEADLINE)?.value,
      "Thời hạn: Hoàn thành sắp xếp các ấp — ngày 30/06/2021",
    );
    setLanguage("en");
    const english = describe(POVERTY);
    assert.equal(english?.language, "en");
    assert.equal(english?.value, "Target: tỷ lệ hộ nghèo — decrease 1.5–2% · every year");
  });

  test("page text stays data: quotes, markup and braces come back from the file unchanged", () => {
    const text = webAnnotationJson(toWebAnnotation(ENTRIES, { now: NOW }));
    const parsed = JSON.parse(text) as AnnotationCollection;
    const annotation = byId(parsed, HOSTILE);
    assert.equal(
      (selectorOf(annotation, "TextQuoteSelector") as { exact: string }).exact,
      '"Chỉ tiêu" </script><script>alert(1)</script> & {"json": true}',
    );
    assert.ok(text.endsWith("}\n"));
  });

  test("the async variant writes the same file, reports progress and fetches nothing", async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = () => {
      throw new Error("the export must not fetch");
    };
    try {
      const many: StoredEntry[] = Array.from({ length: 1200 }, (_, i) => ({
        snippet: { ...INCOME, id: `s-${String(i).padStart(5, "0")}` },
        article: TV,
      }));
      const progress: Array<[number, number]> = [];
      const text = await toWebAnnotationAsync(many, {
        now: NOW,
        onProgress: (done, total) => progress.push([done, total]),
      });
      assert.equal(text, webAnnotationJson(toWebAnnotation(many, { now: NOW })));
      assert.deepEqual(progress, [
        [500, 1200],
        [1000, 1200],
        [1200, 1200],
      ]);
      assertValid(validateCollection, JSON.parse(text));
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
