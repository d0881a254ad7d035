/**
 * Exports of the collection: file names, JSON (deterministic, lossless), CSV
 * (BOM, exact header, RFC 4180 round trip through papaparse, formula
 * neutralisation, NFC), Markdown (grouped by article, source links, page text
 * escaped), iCalendar (one all-day event per deadline, escaped text) and the
 * chunked async variants (same output, progress for 10,000 snippets).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Papa from "papaparse";
import {
  CSV_BOM,
  CSV_COLUMNS,
  csvHeader,
  dataForEntries,
  dueClause,
  dueLabel,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  escapeInline,
  escapeMarkdown,
  eventUid,
  exportFileName,
  type ListedEntry,
  mapInChunks,
  markdownUrl,
  type StoredEntry,
  toCsv,
  toCsvAsync,
  toExportDocument,
  toIcs,
  toIcsAsync,
  toJson,
  toJsonAsync,
  toMarkdown,
  toMarkdownAsync,
} from "../../lib/export/index.ts";
import { type Language, setLanguage } from "../../lib/i18n/index.ts";
import { describeNonJson } from "../../lib/import/sniff.ts";
import type { ArticleRecord, SnippetRecord, TextAnchor } from "../../lib/snippets/types.ts";
import {
  CG_URL,
  HD_URL,
  NOW,
  CG as SAMPLE_CG,
  HD as SAMPLE_HD,
  INCOME as SAMPLE_INCOME,
  INSURANCE as SAMPLE_INSURANCE,
  MERGER as SAMPLE_MERGER,
} from "./helpers/import-fixtures.ts";
import { GROWTH_7_5_YEARLY } from "./helpers/readings.ts";
import { article, snippet, snippetIn, T0 } from "./helpers/records.ts";

// ---------------------------------------------------------------------------
// Fixtures: two articles, six snippets (target, deadlines, result with note and tags, a hostile excerpt)

const EVIL =
  '=HYPERLINK("http://evil.example/?q=1","Bấm vào đây"), "quoted", dấu phẩy\n<img src=x onerror=alert(1)> [bấm](javascript:alert(1))';

const CG_SNAPSHOT = [
  "Học tập Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025.",
  "Nhiệm kỳ 2015-2020, thu nhập bình quân đầu người đạt 52 triệu đồng.",
  "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.",
  "Hoàn thành đề án sáp nhập thôn trước ngày 15/01/2021.",
  `Bình luận của bạn đọc: ${EVIL}`,
].join("\n");

const HD_SNAPSHOT = [
  "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII.",
  "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm.",
  "Hoàn thành xây dựng nông thôn mới nâng cao trong năm 2025.",
].join("\n");

// The import tests' two articles, with texts of their own (a reader's hostile comment, a third
// line) and a title to escape.
const CG: ArticleRecord = { ...SAMPLE_CG, snapshot: CG_SNAPSHOT };
const HD: ArticleRecord = {
  ...SAMPLE_HD,
  title: "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII <nhiệm kỳ 2020-2025>",
  snapshot: HD_SNAPSHOT,
};

const INSURANCE = snippetIn(CG, SAMPLE_INSURANCE);
const MERGER = snippetIn(CG, SAMPLE_MERGER);
// The import tests' income result, with a value in đồng, "at least", and a Markdown heading in
// its note.
const INCOME = snippetIn(CG, {
  ...SAMPLE_INCOME,
  value: { min: 52_000_000, max: 52_000_000 },
  comparator: ">=",
  note: "Số liệu năm 2020, cần đối chiếu Cục Thống kê.\n# Nguồn: báo cáo chính trị",
  updatedAt: T0,
});
const HOSTILE = snippet(CG, EVIL, {
  kind: "excerpt",
  manual: true,
  indicator: "+84 912 345 678",
  note: "@SUM(1+1)*cmd|' /C calc'!A0",
  tags: ["-2+3", "\tthẻ", "bình thường"],
});
const GROWTH = snippet(HD, "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm", {
  indicator: "Tốc độ tăng trưởng kinh tế",
  ...GROWTH_7_5_YEARLY,
});
const RURAL = snippet(HD, "trong năm 2025", {
  kind: "deadline",
  deadline: { date: "2025-12-31", precision: "year" },
});

const ARTICLES = [CG, HD];
const SNIPPETS = [INSURANCE, MERGER, INCOME, HOSTILE, GROWTH, RURAL];
const byId = new Map(ARTICLES.map((a) => [a.id, a]));
const ENTRIES: ListedEntry[] = SNIPPETS.map((s) => ({
  snippet: s,
  article: byId.get(s.articleId),
}));

/** The snippet with its article, or with the given one (`undefined`: a missing article). */
function entry(s: SnippetRecord, ...article: [ArticleRecord | undefined] | []): StoredEntry {
  return { snippet: s, article: article.length > 0 ? article[0] : byId.get(s.articleId) };
}

/** Parses CSV text (without BOM) into rows of strings, with the header. */
function parseCsv(csv: string) {
  assert.ok(csv.startsWith(CSV_BOM));
  const parsed = Papa.parse<string[]>(csv.slice(1), { header: false });
  assert.deepEqual(parsed.errors, []);
  return parsed;
}

/** Asserts each column of `expected` has that value in the CSV record `row`. */
function assertColumns(row: Record<string, string> | undefined, expected: Record<string, string>) {
  for (const [column, value] of Object.entries(expected))
    assert.equal(row?.[column], value, column);
}

/** The CSV's rows (not the final empty line) keyed by column id, read through the header of `language`. */
function csvRecords(csv: string, language: Language): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(csv).data;
  assert.ok(header);
  assert.deepEqual(header, csvHeader(language));
  const ids = header.map((_, i) => CSV_COLUMNS[i] as string);
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ""))
    .map((row) => Object.fromEntries(ids.map((id, i) => [id, row[i] ?? ""])));
}

// ---------------------------------------------------------------------------

describe("exportFileName", () => {
  test("names the kind and the local date", () => {
    assert.equal(exportFileName("csv", new Date(2026, 10, 21, 12)), "chi-tieu-2026-11-21.csv");
    assert.equal(exportFileName("json", new Date(2026, 0, 5, 0, 0)), "chi-tieu-2026-01-05.json");
    assert.equal(exportFileName("md", new Date(2026, 11, 31, 23, 59)), "chi-tieu-2026-12-31.md");
    assert.equal(exportFileName("ics", new Date(2027, 1, 1)), "chi-tieu-2027-02-01.ics");
  });
});

describe("toJson", () => {
  test("writes a versioned document with every record, sorted, pretty-printed", () => {
    const json = toJson({ articles: ARTICLES, snippets: SNIPPETS }, NOW);
    const doc = JSON.parse(json);
    assert.equal(doc.format, EXPORT_FORMAT);
    assert.equal(doc.format, "gvn-chi-tieu.collection");
    assert.equal(doc.version, EXPORT_VERSION);
    assert.equal(doc.version, 1);
    assert.equal(doc.exportedAt, NOW.toISOString());
    assert.deepEqual(
      doc.articles.map((a: ArticleRecord) => a.id),
      [CG.id, HD.id].sort(),
    );
    const expectedOrder = [...SNIPPETS]
      .sort(
        (a, b) =>
          (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
          a.anchor.start - b.anchor.start,
      )
      .map((s) => s.id);
    assert.deepEqual(
      doc.snippets.map((s: SnippetRecord) => s.id),
      expectedOrder,
    );
    // Same text as JSON.stringify with 2 spaces, plus a final line break.
    assert.equal(
      json,
      `${JSON.stringify(toExportDocument({ articles: ARTICLES, snippets: SNIPPETS }, NOW), null, 2)}\n`,
    );
    assert.match(json, /^\{\n {2}"format": "gvn-chi-tieu.collection",\n {2}"version": 1,/);
  });

  test("is lossless: snapshots, anchors, notes, tags and optional fields come back as they were", () => {
    const ratio = snippet(HD, "Hoàn thành xây dựng nông thôn mới", {
      value: { min: 7, max: 7, numerator: 7, denominator: 12 },
      deadline: { date: "2025-12-31", precision: "year", yearInferred: true },
      direction: "increase",
    });
    const doc = JSON.parse(toJson({ articles: ARTICLES, snippets: [...SNIPPETS, ratio] }, NOW));
    const snippets = new Map<string, SnippetRecord>(
      doc.snippets.map((s: SnippetRecord) => [s.id, s]),
    );
    for (const s of [...SNIPPETS, ratio]) assert.deepEqual(snippets.get(s.id), s);
    const articles = new Map<string, ArticleRecord>(
      doc.articles.map((a: ArticleRecord) => [a.id, a]),
    );
    for (const a of ARTICLES) assert.deepEqual(articles.get(a.id), a);
    assert.equal(snippets.get(INCOME.id)?.note, INCOME.note);
    assert.deepEqual(snippets.get(HOSTILE.id)?.tags, HOSTILE.tags);
    assert.equal(articles.get(CG.id)?.snapshot, CG_SNAPSHOT);
  });

  test("is deterministic: input order, field order and extra fields do not matter", () => {
    const reordered = SNIPPETS.map((s) => {
      const { tags, id, anchor, ...rest } = s;
      const reversed = Object.fromEntries(
        Object.entries(anchor).reverse(),
      ) as unknown as TextAnchor;
      return { anchor: reversed, ...rest, tags, id, extra: "x" };
    }) as SnippetRecord[];
    const a = toJson({ articles: ARTICLES, snippets: SNIPPETS }, NOW);
    const b = toJson({ articles: [...ARTICLES].reverse(), snippets: reordered.reverse() }, NOW);
    assert.equal(b, a);
    assert.doesNotMatch(b, /"extra"/);
  });

  test("writes empty arrays for an empty collection", () => {
    const doc = JSON.parse(toJson({ articles: [], snippets: [] }, NOW));
    assert.deepEqual(doc.articles, []);
    assert.deepEqual(doc.snippets, []);
  });

  test("dataForEntries keeps the articles of the chosen snippets only", () => {
    const data = dataForEntries([entry(GROWTH), entry(RURAL), entry(INSURANCE, undefined)]);
    assert.deepEqual(
      data.articles.map((a) => a.id),
      [HD.id],
    );
    assert.deepEqual(
      data.snippets.map((s) => s.id),
      [GROWTH.id, RURAL.id, INSURANCE.id],
    );
  });
});

describe("toCsv", () => {
  test("starts with a BOM and the header in the export's language; every line ends with CRLF", () => {
    const csv = toCsv(ENTRIES, { language: "vi" });
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.equal(
      csv.slice(1, csv.indexOf("\r\n")),
      "Loại,Chỉ số,Mã nhóm,Nhóm chỉ số,Giá trị (từ),Giá trị (đến),Tử số,Mẫu số,Đơn vị,So sánh,Tăng/giảm,Mốc thời gian,Hạn,Địa phương,Cấp,Tổ chức,Đại hội (lần thứ),Nhiệm kỳ,Bài viết,Địa chỉ (URL),Ngày đăng,Trích dẫn,Câu,Ghi chú,Thẻ,Duyệt,Đã sửa",
    );
    const en = toCsv(ENTRIES, { language: "en" });
    assert.equal(
      en.slice(1, en.indexOf("\r\n")),
      "Kind,Indicator,Category code,Category,Value (from),Value (to),Numerator,Denominator,Unit,Comparator,Direction,Horizon,Deadline,Locality,Level,Organization,Congress (no.),Term,Article,URL,Published,Quote,Sentence,Note,Tags,Review,Corrected",
    );
    assert.deepEqual(csvHeader("en").length, CSV_COLUMNS.length);
    const parsed = parseCsv(csv);
    assert.equal(parsed.meta.linebreak, "\r\n");
    // One row per snippet; the final CRLF leaves papaparse one empty last line.
    assert.equal(parsed.data.length, 1 + SNIPPETS.length + 1);
    assert.deepEqual(parsed.data.at(-1), [""]);
    assert.ok(csv.endsWith("\r\n") && !csv.endsWith("\r\n\r\n"));
  });

  test("writes typed columns with readable codes", () => {
    const rows = csvRecords(
      toCsv([entry(INSURANCE), entry(MERGER), entry(INCOME), entry(GROWTH)], { language: "vi" }),
      "vi",
    );
    assert.deepEqual(rows[0], {
      kind: "Chỉ tiêu",
      indicator: "tỷ lệ bao phủ bảo hiểm y tế",
      category: "health_insurance",
      category_label: "Bảo hiểm y tế",
      value_min: "95",
      value_max: "95",
      value_numerator: "",
      value_denominator: "",
      unit: "%",
      comparator: "bằng",
      direction: "",
      horizon: "2025",
      deadline: "",
      locality: "Cẩm Giàng",
      level: "huyện",
      organization: "Đảng bộ huyện Cẩm Giàng",
      congress: "26",
      term: "2020-2025",
      article_title: CG.title,
      url: CG_URL,
      published: "2020-08-20",
      quote: "tỷ lệ bao phủ bảo hiểm y tế đạt 95%",
      sentence: "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.",
      note: "",
      tags: "",
      review: "chưa duyệt",
      corrected: "không",
    });
    assertColumns(rows[1], { kind: "Thời hạn", deadline: "2021-01-15", horizon: "" });
    assertColumns(rows[2], {
      kind: "Kết quả",
      horizon: "2015-2020",
      value_min: "52000000",
      comparator: "ít nhất",
      tags: "thu nhập; so sánh",
      note: INCOME.note,
    });
    assertColumns(rows[3], { horizon: "hằng năm", value_min: "7.5", locality: "Hải Dương" });
    const [en] = csvRecords(toCsv([entry(INCOME)], { language: "en" }), "en");
    assertColumns(en, {
      kind: "Result",
      comparator: "at least",
      category_label: "Income per capita",
    });
  });

  test("keeps the direction of a change and the denominator of a ratio", () => {
    const poor = snippet(HD, "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm", {
      indicator: "hộ nghèo",
      value: { min: 3120, max: 3120 },
      unit: "hộ",
      direction: "decrease",
    });
    const rate = snippet(HD, "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm", {
      indicator: "tỷ lệ hộ nghèo",
      value: { min: 1.5, max: 2 },
      unit: "%",
      comparator: "range",
      direction: "decrease",
      horizon: { type: "term" },
    });
    const ratio = snippet(HD, "Hoàn thành xây dựng nông thôn mới nâng cao trong năm 2025.", {
      kind: "result",
      indicator: "chỉ tiêu",
      value: { min: 8, max: 8, numerator: 8, denominator: 21 },
      unit: "chỉ tiêu",
    });
    const [a, b, c] = csvRecords(
      toCsv([entry(poor), entry(rate), entry(ratio)], { language: "vi" }),
      "vi",
    );
    assertColumns(a, { direction: "giảm", value_min: "3120" });
    assertColumns(b, {
      direction: "giảm",
      comparator: "trong khoảng",
      value_min: "1.5",
      value_max: "2",
      horizon: "cả nhiệm kỳ",
    });
    assertColumns(c, { value_numerator: "8", value_denominator: "21", direction: "" });
    const [en] = csvRecords(toCsv([entry(rate)], { language: "en" }), "en");
    assert.equal(en?.direction, "decrease");
    assert.equal(en?.horizon, "whole term");
  });

  test("quotes per RFC 4180: commas, quotes and line breaks round-trip through papaparse", () => {
    const csv = toCsv([entry(HOSTILE)], { language: "vi" });
    const [row] = csvRecords(csv, "vi");
    // The quote comes back exactly, except the leading ' that neutralises the formula.
    assert.equal(row?.quote, `'${EVIL}`);
    assert.match(
      csv,
      /"'=HYPERLINK\(""http:\/\/evil\.example\/\?q=1"",""Bấm vào đây""\), ""quoted"", dấu phẩy\n<img/,
    );
    assert.equal(row?.article_title, CG.title);
  });

  test("neutralises cells a spreadsheet would run as a formula, not numbers", () => {
    const negative = snippet(HD, "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm", {
      value: { min: -5, max: -1.5 },
      unit: "=1+1",
      indicator: "\rchỉ số",
      sentence: "=cmd|' /C calc'!A0",
    });
    const [hostile, neg] = csvRecords(
      toCsv([entry(HOSTILE), entry(negative)], { language: "vi" }),
      "vi",
    );
    assert.equal(hostile?.quote?.startsWith("'=HYPERLINK("), true);
    assertColumns(hostile, {
      indicator: "'+84 912 345 678",
      note: "'@SUM(1+1)*cmd|' /C calc'!A0",
      tags: "'-2+3; \tthẻ; bình thường",
    });
    assertColumns(neg, {
      value_min: "-5",
      value_max: "-1.5",
      unit: "'=1+1",
      indicator: "'\rchỉ số",
      sentence: "'=cmd|' /C calc'!A0",
    });
    // No cell of any row starts with a formula character.
    for (const row of [hostile, neg]) {
      for (const [column, value] of Object.entries(row ?? {})) {
        if (column === "value_min" || column === "value_max") continue;
        assert.doesNotMatch(value, /^[=+\-@\t\r]/, `${column}: ${value}`);
      }
    }
  });

  test("keeps Vietnamese as composed (NFC) text", () => {
    const decomposed = snippet(HD, "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm", {
      text: "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm".normalize("NFD"),
      tags: ["tăng trưởng".normalize("NFD")],
    });
    const csv = toCsv([entry(decomposed)], { language: "vi" });
    assert.equal(csv, csv.normalize("NFC"));
    const [row] = csvRecords(csv, "vi");
    assertColumns(row, {
      quote: "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm",
      tags: "tăng trưởng",
      locality: "Hải Dương",
    });
    assert.equal(Buffer.from(csv, "utf8").subarray(0, 3).toString("hex"), "efbbbf");
  });

  test("leaves the article columns empty when the article is missing; header only when empty", () => {
    const [row] = csvRecords(toCsv([entry(INSURANCE, undefined)], { language: "vi" }), "vi");
    assertColumns(row, { article_title: "", url: "", congress: "", quote: INSURANCE.text });
    assert.equal(toCsv([], { language: "en" }), `${CSV_BOM}${csvHeader("en").join(",")}\r\n`);
    assert.equal(toCsv([], { language: "vi" }), `${CSV_BOM}${csvHeader("vi").join(",")}\r\n`);
  });

  test("the importer recognises the CSV export in either language (and older ones)", () => {
    for (const language of ["vi", "en"] as const) {
      const csv = toCsv(ENTRIES, { language }).slice(1);
      assert.match(describeNonJson(csv) ?? "", /CSV/);
    }
    assert.match(describeNonJson("kind,indicator,category,category_label\r\n") ?? "", /CSV/);
  });
});

/** Markdown text with escapes and character references undone (what a reader sees). */
function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describe("toMarkdown", () => {
  test("groups snippets under their article, with a source link and a facts line", () => {
    const md = toMarkdown([entry(GROWTH), entry(INCOME), entry(INSURANCE), entry(RURAL)], {
      now: NOW,
      title: "Bộ sưu tập",
    });
    const lines = md.split("\n");
    assert.equal(lines[0], "# Bộ sưu tập");
    assert.match(md, /Xuất ngày 21\/11\/2026 · 4 mục từ 2 bài viết/);
    const headings = lines.filter((line) => line.startsWith("## "));
    assert.deepEqual(headings, [
      `## [Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVII &lt;nhiệm kỳ 2020-2025&gt;](${HD_URL})`,
      `## [Học tập Nghị quyết Đại hội Đảng bộ huyện Cẩm Giàng lần thứ XXVI, nhiệm kỳ 2020-2025](${CG_URL})`,
    ]);
    assert.ok(lines.includes("*Cẩm Giàng · huyện · nhiệm kỳ 2020-2025 · đăng ngày 20/08/2020*"));
    assert.ok(lines.includes("*Hải Dương · tỉnh · nhiệm kỳ 2020-2025 · đăng ngày 16/10/2020*"));
    // Each bullet sits under its own article, in text order within it.
    const section = (heading: string) => {
      const start = lines.indexOf(heading);
      const next = lines.findIndex((line, i) => i > start && line.startsWith("## "));
      return lines.slice(start, next === -1 ? undefined : next).filter((l) => l.startsWith("- "));
    };
    assert.deepEqual(section(headings[0] as string), [
      "- **Chỉ tiêu · Tốc độ tăng trưởng kinh tế:** “Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm” — 7,5% · hằng năm",
      "- **Thời hạn · Hoàn thành xây dựng nông thôn mới nâng cao:** “trong năm 2025” — năm 2025",
    ]);
    assert.deepEqual(section(headings[1] as string), [
      "- **Kết quả · thu nhập bình quân đầu người:** “thu nhập bình quân đầu người đạt 52 triệu đồng” — ít nhất 52.000.000 triệu đồng · giai đoạn 2015–2020",
      "- **Chỉ tiêu · tỷ lệ bao phủ bảo hiểm y tế:** “tỷ lệ bao phủ bảo hiểm y tế đạt 95%” — 95% · đến năm 2025",
    ]);
  });

  test("a publication date known to the month or the year is written as known", () => {
    const byMonth = { ...(byId.get(INCOME.articleId) as ArticleRecord), publishedAt: "2023-07" };
    assert.match(toMarkdown([entry(INCOME, byMonth)], { now: NOW }), /· đăng ngày 07\/2023\*/);
    const byYear = { ...byMonth, publishedAt: "2023" };
    assert.match(toMarkdown([entry(INCOME, byYear)], { now: NOW }), /· đăng ngày 2023\*/);
  });

  test("writes notes (line by line) and tags under the snippet", () => {
    const md = toMarkdown([entry(INCOME)], { now: NOW });
    assert.match(
      md,
      /\n {2}- Ghi chú: Số liệu năm 2020, cần đối chiếu Cục Thống kê\.?\\\n {4}\\# Nguồn: báo cáo chính trị\n/,
    );
    assert.match(md, /\n {2}- Thẻ: thu nhập, so sánh\n/);
  });

  test("escapes page text: no HTML, no links, no images from the quote", () => {
    const md = toMarkdown([entry(HOSTILE)], { now: NOW });
    const bullet = md.split("\n").find((line) => line.startsWith("- ")) ?? "";
    assert.equal(
      bullet,
      String.raw`- **Đoạn trích · +84 912 345 678:** “=HYPERLINK\("http\://evil.example/?q=1","Bấm vào đây"\), "quoted", dấu phẩy &lt;img src=x onerror=alert\(1\)&gt; \[bấm\]\(javascript:alert\(1\)\)”`,
    );
    assert.doesNotMatch(md, /<img/);
    assert.doesNotMatch(md, /<[a-z]/i);
    assert.doesNotMatch(md, /\]\(javascript/);
    assert.doesNotMatch(bullet, /(^|[^\\])\[/, "every [ in the bullet is escaped");
    assert.doesNotMatch(bullet, /(^|[^\\])\(/, "every ( in the bullet is escaped");
    assert.match(bullet, /&lt;img src=x onerror=alert\\\(1\\\)&gt;/);
    assert.match(bullet, /http\\:\/\/evil/);
    // Escaping loses nothing but the line break (collapsed to a space).
    const quote = /“(.*)”/.exec(bullet)?.[1] ?? "";
    assert.equal(unescapeMarkdown(quote), EVIL.replace(/\s+/g, " "));
  });

  test("escapes the same text the same way wherever it stands; block starts only at a line start", () => {
    const dashed = snippet(HD, "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm", {
      text: "- 1. mục # một",
      indicator: "1.000 tỷ đồng",
      value: { min: 1000, max: 1000 },
      unit: "tỷ đồng",
      note: "1. dòng một\n- dòng hai\n=== dòng ba\n# dòng bốn",
    });
    const md = toMarkdown([entry(dashed)], { now: NOW });
    const bullet = md.split("\n").find((line) => line.startsWith("- ")) ?? "";
    assert.equal(bullet, "- **Chỉ tiêu · 1.000 tỷ đồng:** “- 1. mục \\# một” — 1.000 tỷ đồng");
    // A note's first line follows its label; the next ones start lines and get block escapes.
    assert.match(
      md,
      /\n {2}- Ghi chú: 1\. dòng một\\\n {4}\\- dòng hai\\\n {4}\\=== dòng ba\\\n {4}\\# dòng bốn\n/,
    );
    assert.equal(escapeInline("1. - # x"), "1. - \\# x");
    assert.equal(escapeMarkdown("1. - # x"), "1\\. - \\# x");
  });

  test("names the indicator on every item: its own, its category, what a deadline ends, or none", () => {
    const md = toMarkdown([entry(INSURANCE), entry(MERGER), entry(HOSTILE), entry(GROWTH)], {
      now: NOW,
    });
    const bullets = md.split("\n").filter((line) => line.startsWith("- "));
    assert.equal(bullets.length, 4);
    for (const bullet of bullets) assert.match(bullet, /^- \*\*[^·*]+ · [^*]+:\*\* “/);
    assert.ok(
      bullets.some((b) => b.startsWith("- **Thời hạn · Hoàn thành đề án sáp nhập thôn:**")),
    );
    const bare = snippet(CG, "Nhiệm kỳ 2015-2020", { kind: "excerpt" });
    const categorised = { ...bare, id: "c", category: "growth" };
    assert.match(toMarkdown([entry(bare)], { now: NOW }), /- \*\*Đoạn trích · Chưa phân loại:\*\*/);
    assert.match(toMarkdown([entry(categorised)], { now: NOW }), /- \*\*Đoạn trích · Tăng trưởng/);
  });

  test("escapeMarkdown neutralises block starts, emphasis and entities", () => {
    assert.equal(escapeMarkdown("# Tiêu đề"), "\\# Tiêu đề");
    assert.equal(escapeMarkdown("- mục"), "\\- mục");
    assert.equal(escapeMarkdown("1. mục"), "1\\. mục");
    assert.equal(escapeMarkdown("> trích"), "&gt; trích");
    assert.equal(
      escapeMarkdown("**đậm** _nghiêng_ `mã`"),
      "\\*\\*đậm\\*\\* \\_nghiêng\\_ \\`mã\\`",
    );
    assert.equal(escapeMarkdown("A &amp; B & C"), "A &amp;amp; B & C");
    assert.equal(escapeMarkdown("![ảnh](x.png)"), "\\!\\[ảnh\\]\\(x.png\\)");
    assert.equal(escapeMarkdown("xem www.evil.vn hoặc a@b.vn"), "xem www\\.evil.vn hoặc a\\@b.vn");
    for (const sample of ["# a", "<b>x</b> [y](z) *w* `v` &lt; | ~ $ \\", EVIL]) {
      assert.equal(unescapeMarkdown(escapeMarkdown(sample)), sample.replace(/\s+/g, " ").trim());
    }
  });

  test("links only http(s) sources, percent-encoding what could close the link", () => {
    assert.equal(markdownUrl("javascript:alert(1)"), null);
    assert.equal(markdownUrl("data:text/html,<b>"), null);
    assert.equal(markdownUrl("không phải URL"), null);
    assert.equal(markdownUrl("https://x.vn/a_(b)?q=<c>"), "https://x.vn/a_%28b%29?q=%3Cc%3E");
    const hostile = {
      ...HD,
      url: "javascript:alert(document.cookie)",
      title: "[Bấm](javascript:x)",
    };
    const md = toMarkdown([entry(GROWTH, hostile)], { now: NOW });
    assert.match(md, /\n## \\\[Bấm\\\]\\\(javascript:x\\\)\n/);
    assert.match(md, /\nNguồn: javascript:alert\\\(document.cookie\\\)\n/);
    assert.doesNotMatch(md, /\]\(javascript/);
  });

  test("puts snippets whose article is missing under a heading of their own", () => {
    const md = toMarkdown([entry(INSURANCE, undefined), entry(GROWTH)], { now: NOW });
    assert.match(
      md,
      /\n## \\\(Không rõ bài viết\\\)\n\n- \*\*Chỉ tiêu · tỷ lệ bao phủ bảo hiểm y tế:\*\* “tỷ lệ bao phủ/,
    );
    assert.match(md, /1 bài viết/);
  });
});

/** iCalendar content lines unfolded and split into the VEVENT blocks' properties. */
function icsEvents(ics: string): Array<Map<string, string>> {
  assert.doesNotMatch(ics.replace(/\r\n/g, ""), /[\r\n]/, "only CRLF line ends");
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: Array<Map<string, string>> = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = new Map();
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return events;
}

/** RFC 5545 TEXT unescaped. */
function icsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

describe("toIcs", () => {
  test("makes one all-day event per deadline, with the quote and the article link", () => {
    const result = toIcs(ENTRIES, NOW);
    assert.ok(result.ok);
    assert.equal(result.count, 2);
    assert.match(result.value, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    assert.match(result.value, /END:VCALENDAR\r\n$/);
    assert.equal(result.value.match(/BEGIN:VEVENT/g)?.length, 2);
    const [merger, rural] = icsEvents(result.value);
    assert.equal(merger?.get("UID"), eventUid(CG.id, "2021-01-15"));
    assert.match(merger?.get("UID") ?? "", /^[0-9a-z]+-20210115@gvn-chi-tieu$/);
    assert.equal(merger?.get("DTSTART;VALUE=DATE"), "20210115");
    assert.equal(merger?.get("DTEND;VALUE=DATE"), "20210116");
    assert.equal(merger?.get("URL"), CG_URL);
    // What is due (the clause the deadline ends) and where.
    assert.equal(
      icsText(merger?.get("SUMMARY") ?? ""),
      "Hoàn thành đề án sáp nhập thôn — Cẩm Giàng",
    );
    const description = icsText(merger?.get("DESCRIPTION") ?? "");
    assert.match(description, /“trước ngày 15\/01\/2021”/);
    assert.match(description, /Thời hạn: ngày 15\/01\/2021/);
    assert.ok(description.includes(CG.title));
    assert.ok(description.includes(CG_URL));
    // A year-only deadline (31/12) is still an event.
    assert.equal(rural?.get("UID"), eventUid(HD.id, "2025-12-31"));
    assert.equal(
      icsText(rural?.get("SUMMARY") ?? ""),
      "Hoàn thành xây dựng nông thôn mới nâng cao — Hải Dương",
    );
    assert.equal(rural?.get("DTSTART;VALUE=DATE"), "20251231");
    assert.equal(rural?.get("DTEND;VALUE=DATE"), "20260101");
    assert.equal(rural?.get("URL"), HD_URL);
    assert.match(icsText(rural?.get("DESCRIPTION") ?? ""), /Thời hạn: năm 2025/);
  });

  test("titles an event with what is due: indicator and value, or the clause the deadline ends", () => {
    const sentence =
      "Đến năm 2030, tỷ lệ đô thị hóa đạt 50%; đến năm 2025 hoàn thành xây dựng nông thôn mới, giảm tỷ lệ hộ nghèo.";
    const source = article("https://travinh.gov.vn/nq.html", {
      title: "Nghị quyết",
      locality: "Trà Vinh",
      snapshot: sentence,
    });
    const due2025 = snippet(source, "đến năm 2025", {
      kind: "deadline",
      deadline: { date: "2025-12-31", precision: "year" },
    });
    const due2030 = snippet(source, "Đến năm 2030", {
      kind: "deadline",
      deadline: { date: "2030-12-31", precision: "year" },
    });
    const result = toIcs(
      [due2025, due2030].map((s) => ({ snippet: s, article: source })),
      NOW,
    );
    assert.ok(result.ok);
    const titles = icsEvents(result.value).map((e) => icsText(e.get("SUMMARY") ?? ""));
    assert.deepEqual(titles, [
      "Hoàn thành xây dựng nông thôn mới — Trà Vinh",
      "Tỷ lệ đô thị hóa đạt 50% — Trà Vinh",
    ]);
    assert.equal(
      dueClause("Trước ngày 15/01/2021, ban hành kế hoạch.", "Trước ngày 15/01/2021"),
      "ban hành kế hoạch",
    );
    // A snippet with an indicator: the indicator, the value with its direction, the locality.
    const poor = {
      ...due2025,
      id: "poor",
      kind: "target" as const,
      indicator: "tỷ lệ hộ nghèo",
      value: { min: 1.5, max: 2 },
      unit: "%",
      comparator: "range" as const,
      direction: "decrease" as const,
    };
    assert.equal(dueLabel(poor), "Tỷ lệ hộ nghèo: giảm 1,5–2%");
  });

  test("one event per distinct deadline and article: snippets due the same day are merged", () => {
    const target = {
      ...INSURANCE,
      deadline: { date: "2021-01-15", precision: "day" as const },
    };
    const again = {
      ...MERGER,
      id: "copy",
      anchor: { ...MERGER.anchor, start: MERGER.anchor.start + 1 },
    };
    const result = toIcs([entry(MERGER), entry(target), entry(again), entry(RURAL)], NOW);
    assert.ok(result.ok);
    assert.equal(result.count, 2);
    const [merged] = icsEvents(result.value);
    // The snippet with an indicator titles the event; the bare deadline (twice) is one more item.
    assert.equal(
      icsText(merged?.get("SUMMARY") ?? ""),
      "Tỷ lệ bao phủ bảo hiểm y tế: 95% (và 1 mục khác) — Cẩm Giàng",
    );
    const description = icsText(merged?.get("DESCRIPTION") ?? "");
    assert.match(description, /“tỷ lệ bao phủ bảo hiểm y tế đạt 95%”/);
    assert.match(description, /“trước ngày 15\/01\/2021”/);
    assert.equal(description.split(CG.title).length, 2, "the article once");
    // The same deadline in another article is another event.
    const other = toIcs([entry(MERGER), entry({ ...MERGER, articleId: HD.id }, HD)], NOW);
    assert.ok(other.ok);
    assert.equal(other.count, 2);
  });

  test("speaks the UI's language: the calendar's name, the summary's count and the labels", () => {
    const target = { ...INSURANCE, deadline: { date: "2021-01-15", precision: "day" as const } };
    setLanguage("en");
    try {
      const result = toIcs([entry(MERGER), entry(target)], NOW);
      assert.ok(result.ok);
      assert.match(result.value, /\r\nX-WR-CALNAME:Deadlines in resolutions \(gvn-chi-tieu\)\r\n/);
      const [event] = icsEvents(result.value);
      assert.match(icsText(event?.get("SUMMARY") ?? ""), / \(and 1 more\) — Cẩm Giàng$/);
      const description = icsText(event?.get("DESCRIPTION") ?? "");
      assert.match(description, /\nDeadline: /);
      assert.ok(description.includes(`Article: ${CG.title}`), description);
      assert.doesNotMatch(description, /Thời hạn|Câu:|Bài/);
    } finally {
      setLanguage("vi");
    }
  });

  test("UIDs are stable across exports; DTSTAMP is the export time", () => {
    const a = toIcs([entry(MERGER)], NOW);
    const b = toIcs([entry(MERGER)], NOW);
    assert.ok(a.ok && b.ok);
    assert.equal(a.value, b.value);
    const stamp = new Date(NOW.getTime()).toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    assert.equal(icsEvents(a.value)[0]?.get("DTSTAMP"), stamp);
  });

  test("escapes text (the library does it): commas, semicolons, backslashes, line breaks", () => {
    const quote = 'Hạn chót; "gấp", xem C:\\tệp\nvà <img src=x onerror=alert(1)>\r\u0007';
    const hostile = {
      ...MERGER,
      text: quote,
      sentence: quote,
      note: "ghi chú; có dấu, phẩy",
    };
    const result = toIcs([entry(hostile)], NOW);
    assert.ok(result.ok);
    const [event] = icsEvents(result.value);
    const raw = event?.get("DESCRIPTION") ?? "";
    assert.match(raw, /Hạn chót\\; "gấp"\\, xem C:\\\\tệp\\nvà <img/);
    const description = icsText(raw);
    // A lone CR becomes a line break (the library escapes only CRLF and LF); control characters go.
    assert.ok(description.startsWith(`“${quote.replace("\r\u0007", "\n")}”`), description);
    assert.match(description, /Ghi chú: ghi chú; có dấu, phẩy/);
    assert.ok(!result.value.includes("\u0007"));
    // Every physical line is folded (at 75 characters; the library counts characters, not octets).
    for (const line of result.value.split("\r\n")) assert.ok([...line].length <= 75, line);
  });

  test("skips snippets without a deadline; an empty calendar when none has one", () => {
    const result = toIcs([entry(INSURANCE), entry(GROWTH)], NOW);
    assert.ok(result.ok);
    assert.equal(result.count, 0);
    assert.doesNotMatch(result.value, /VEVENT/);
    assert.match(result.value, /BEGIN:VCALENDAR[\s\S]*END:VCALENDAR/);
    // Any kind with a deadline is an event.
    const target = { ...INSURANCE, deadline: { date: "2025-06-30", precision: "month" as const } };
    const withDeadline = toIcs([entry(target)], NOW);
    assert.ok(withDeadline.ok);
    assert.equal(withDeadline.count, 1);
    assert.match(withDeadline.value, /DTSTART;VALUE=DATE:20250630/);
  });

  test("leaves out a URL that is not http(s) and a date that is not a calendar day", () => {
    const result = toIcs(
      [
        entry(MERGER, { ...CG, url: "javascript:alert(1)" }),
        entry({ ...RURAL, deadline: { date: "2025-02-30", precision: "day" } }),
      ],
      NOW,
    );
    assert.ok(result.ok);
    assert.equal(result.count, 1);
    assert.doesNotMatch(result.value, /\r\nURL:/);
  });
});

describe("progress", () => {
  test("mapInChunks maps in order, reports each chunk and yields between chunks", async () => {
    const items = Array.from({ length: 1234 }, (_, i) => i);
    const calls: Array<[number, number]> = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const seenTicks: number[] = [];
    const out = await mapInChunks(
      items,
      (n) => n * 2,
      (done, total) => {
        calls.push([done, total]);
        seenTicks.push(ticks);
      },
      500,
    );
    clearInterval(timer);
    assert.deepEqual(
      out,
      items.map((n) => n * 2),
    );
    assert.deepEqual(calls, [
      [500, 1234],
      [1000, 1234],
      [1234, 1234],
    ]);
    // Timers ran between chunks: the work did not hold the event loop.
    assert.ok((seenTicks[2] ?? 0) > (seenTicks[0] ?? 0), `ticks ${seenTicks}`);
    const empty: Array<[number, number]> = [];
    assert.deepEqual(
      await mapInChunks(
        [],
        (n) => n,
        (d, t) => empty.push([d, t]),
      ),
      [],
    );
    assert.deepEqual(empty, [[0, 0]]);
    await assert.rejects(
      mapInChunks([1], (n) => n, undefined, 0),
      RangeError,
    );
  });

  test("async exports of 10,000 snippets give the same files and report progress", async () => {
    const many: ListedEntry[] = [];
    const snippets: SnippetRecord[] = [];
    for (let i = 0; i < 10_000; i++) {
      const base = SNIPPETS[i % SNIPPETS.length] as SnippetRecord;
      const s = {
        ...base,
        id: `s-${String(i).padStart(11, "0")}`,
        anchor: { ...base.anchor, start: base.anchor.start + i },
      };
      snippets.push(s);
      many.push(entry(s));
    }
    const check = (calls: Array<[number, number]>, total: number) => {
      assert.ok(calls.length >= 20, `${calls.length} progress calls`);
      assert.ok(calls.every(([, t]) => t === total));
      assert.deepEqual(calls.at(-1), [total, total]);
      for (let i = 1; i < calls.length; i++) {
        assert.ok((calls[i]?.[0] ?? 0) >= (calls[i - 1]?.[0] ?? 0));
      }
    };
    const progress = () => {
      const calls: Array<[number, number]> = [];
      return { calls, onProgress: (d: number, t: number) => calls.push([d, t]) };
    };

    const csv = progress();
    assert.equal(await toCsvAsync(many, csv), toCsv(many));
    check(csv.calls, 10_000);

    const md = progress();
    assert.equal(await toMarkdownAsync(many, { now: NOW, ...md }), toMarkdown(many, { now: NOW }));
    check(md.calls, 10_000);

    // The calendar library validates each event (about 0.4 ms): a tenth of the entries, each
    // deadline on a day of its own (one event per deadline and article).
    const some = many.slice(0, 1000).map(({ snippet: s, article: a }, i) => ({
      snippet: s.deadline
        ? {
            ...s,
            deadline: {
              ...s.deadline,
              date: new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10),
            },
          }
        : s,
      article: a,
    }));
    const ics = progress();
    const asyncIcs = await toIcsAsync(some, { now: NOW, ...ics });
    assert.deepEqual(asyncIcs, toIcs(some, NOW));
    assert.ok(asyncIcs.ok);
    assert.equal(asyncIcs.count, some.filter((e) => e.snippet.deadline).length);
    assert.equal(asyncIcs.count, 333);
    // Snippets of the first 250 events, then all.
    assert.deepEqual(ics.calls, [
      [250, 1000],
      [1000, 1000],
    ]);

    const json = progress();
    const data = { articles: ARTICLES, snippets };
    assert.equal(await toJsonAsync(data, { now: NOW, ...json }), toJson(data, NOW));
    check(json.calls, 10_002);
  });
});
