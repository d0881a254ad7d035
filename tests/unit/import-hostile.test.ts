/**
 * Hostile import files (Dexie over fake-indexeddb, a fresh database per test):
 * truncated files, wrong types at every level, huge strings, prototype keys
 * at every depth (escaped too), duplicate keys, wrong versions and formats,
 * binary files and other encodings, the other export formats, huge arrays and
 * deep nesting. Each one is refused with a clear Vietnamese message naming
 * where the problem is, and the collection is byte-for-byte unchanged: its
 * JSON export (the collection page's export function, at a fixed time) is the
 * same string before and after, and so are the stored objects.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { readCollection, toCsv, toIcs, toJsonAsync, toMarkdown } from "../../lib/export/index.ts";
import { IMPORT_LIMITS, importCollection, parseImport } from "../../lib/import/index.ts";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { type CollectionDb, openCollectionDb } from "../../lib/storage/index.ts";
import * as fixtures from "./helpers/import-fixtures.ts";
import { article, snippet, T0 } from "./helpers/records.ts";

// ---------------------------------------------------------------------------
// The collection every case starts from: three articles, six snippets, notes and tags in
// Vietnamese. Cẩm Giàng and its income result are also in the file the cases spoil (with another
// note and other tags), so a file wrongly accepted would merge into them as well as add records.

const TV_SNAPSHOT = [
  "Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh lần thứ XI, nhiệm kỳ 2020-2025.",
  "Đến năm 2025, có 100% số xã đạt chuẩn nông thôn mới.",
  "Tỷ lệ hộ nghèo giảm bình quân 1%/năm.",
].join("\n");
const TV = article("https://travinh.gov.vn/nghi-quyet-dai-hoi-xi-2020.html", {
  title: "Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh lần thứ XI",
  organization: "Đảng bộ tỉnh Trà Vinh",
  level: "tỉnh",
  locality: "Trà Vinh",
  congress: 11,
  term: "2020-2025",
  publishedAt: "2020-10-20",
  snapshot: TV_SNAPSHOT,
  updatedAt: fixtures.T1,
});
const RURAL = snippet(TV, "có 100% số xã đạt chuẩn nông thôn mới", {
  indicator: "số xã đạt chuẩn nông thôn mới",
  category: "new_rural",
  value: { min: 100, max: 100 },
  unit: "%",
  comparator: "=",
  horizon: { type: "year", year: 2025 },
  note: "Chỉ tiêu cao nhất vùng; so với Cẩm Giàng (huyện).",
  tags: ["nông thôn mới", "so sánh"],
  updatedAt: fixtures.T2,
});
const POVERTY = snippet(TV, "Tỷ lệ hộ nghèo giảm bình quân 1%/năm", {
  indicator: "Tỷ lệ hộ nghèo",
  category: "poverty_rate",
  value: { min: 1, max: 1 },
  unit: "%/năm",
  comparator: "=",
  direction: "decrease",
  horizon: { type: "annual" },
  tags: ["giảm nghèo"],
});
const INCOME_STORED: SnippetRecord = {
  ...fixtures.INCOME,
  note: "Đã kiểm tra với Niên giám thống kê 2020.",
  tags: ["đã kiểm tra"],
};

const STORED_ARTICLES: ArticleRecord[] = [fixtures.CG, fixtures.HD, TV];
const STORED_SNIPPETS: SnippetRecord[] = [INCOME_STORED, fixtures.GROWTH, RURAL, POVERTY];

/** A valid export the cases spoil: Cẩm Giàng with snippets[0] = INCOME, [1] = INSURANCE, [2] = MERGER. */
const VALID = fixtures.fileOf(
  [fixtures.CG],
  [fixtures.INSURANCE, fixtures.MERGER, fixtures.INCOME],
);
const ENTRIES = [fixtures.INSURANCE, fixtures.MERGER, fixtures.INCOME].map((s) => ({
  snippet: s,
  article: fixtures.CG,
}));

/** The export time of the before/after exports (fixed, so equal collections give equal strings). */
const EXPORT_TIME = new Date(Date.UTC(2026, 11, 1, 3, 0, 0));

let db: CollectionDb;

beforeEach(() => {
  db = openCollectionDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});

afterEach(() => {
  db.close();
});

/** The collection's JSON export as the collection page makes it, at `EXPORT_TIME`. */
async function exportJson(target: CollectionDb): Promise<string> {
  return toJsonAsync(await readCollection(target), { now: EXPORT_TIME });
}

/** The stored objects as they are (key order and fields the export would normalise included). */
async function storedRaw(target: CollectionDb): Promise<string> {
  return JSON.stringify(await readCollection(target));
}

// ---------------------------------------------------------------------------
// Making hostile files

/** The valid file changed by `mutate` (on its parsed form). */
// biome-ignore lint/suspicious/noExplicitAny: the cases edit arbitrary parts of the parsed file
function edited(mutate: (doc: Record<string, any>) => void): string {
  return fixtures.editedFile(VALID, mutate);
}

/** The valid file with the first `search` replaced (for what `JSON.stringify` cannot write). */
function replaced(search: string, replacement: string): string {
  assert.ok(VALID.includes(search), `fixture: ${search}`);
  return VALID.replace(search, replacement);
}

/** The valid file cut right after `marker` (its first occurrence) and `extra` more characters. */
function cutAfter(marker: string, extra = 0): string {
  const at = VALID.indexOf(marker);
  assert.ok(at >= 0, `fixture: ${marker}`);
  return VALID.slice(0, at + marker.length + extra);
}

/** Bytes as the collection page reads a chosen file (`File.text()`: UTF-8, U+FFFD for bad bytes). */
function decoded(bytes: Uint8Array | number[]): string {
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

/** Line and column (from 1) of offset `at`, as the messages give them. */
function lineColumn(text: string, at: number): string {
  const before = text.slice(0, at).split("\n");
  return `dòng ${before.length}, cột ${(before.at(-1) ?? "").length + 1}`;
}

/** The message for a file that ends before its JSON does. */
function truncatedMessage(text: string): string {
  return `Tệp không phải JSON hợp lệ (vị trí ${text.length}, ${lineColumn(text, text.length)}): tệp kết thúc giữa chừng (bị cắt cụt?).`;
}

/** The message for a syntax error at `at` (the file has no byte-order mark). */
function syntaxMessage(text: string, at: number, reason: string): string {
  return `Tệp không phải JSON hợp lệ (vị trí ${at}, ${lineColumn(text, at)}): ${reason}.`;
}

/** `{"a":{"a":…1…}}` nested `depth` levels deep, as text. */
function nestedObjects(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

const NOT_OURS =
  "không phải tệp xuất JSON: chỉ nhập được tệp JSON do nút «JSON (sao lưu đầy đủ)» của tiện ích xuất ra.";
const UNREADABLE_START =
  "Tệp không phải JSON hợp lệ (vị trí 0, dòng 1, cột 1): ký tự không đọc được U+FFFD (byte không hợp lệ trong UTF-8: tệp nhị phân, hoặc không lưu bằng UTF-8).";
const PROTO = "không được phép trong tệp nhập (có thể là tệp độc hại)";
const DUPLICATE =
  "xuất hiện nhiều lần trong cùng một đối tượng (không rõ giá trị nào đúng; có thể là tệp độc hại)";
const KINDS = "cần một trong target, result, deadline, excerpt";

/** The families of hostile files the issue names, and the others covered here. */
type Family =
  | "empty"
  | "truncated"
  | "syntax"
  | "version"
  | "envelope"
  | "types"
  | "huge strings"
  | "prototype keys"
  | "duplicate keys"
  | "numbers"
  | "binary"
  | "other files"
  | "size";

interface HostileCase {
  name: string;
  family: Family;
  text: () => string;
  /** A message the import must give: itself, a pattern, or made from the file's text. */
  message: string | RegExp | ((text: string) => string);
}

const HOSTILE: HostileCase[] = [
  // --- Nothing to import, or not an object
  {
    name: "an empty file",
    family: "empty",
    text: () => "",
    message: "Tệp rỗng: không có dữ liệu để nhập.",
  },
  {
    name: "white space only",
    family: "empty",
    text: () => " \n\t ",
    message: "Tệp rỗng: không có dữ liệu để nhập.",
  },
  {
    name: "a byte-order mark only",
    family: "empty",
    text: () => "\uFEFF",
    message: "Tệp rỗng: không có dữ liệu để nhập.",
  },
  {
    name: "null",
    family: "types",
    text: () => "null",
    message: "(gốc): cần một đối tượng JSON (tệp xuất của tiện ích), nhận null",
  },
  {
    name: "the export wrapped in an array",
    family: "types",
    text: () => `[${VALID}]`,
    message: "(gốc): cần một đối tượng JSON (tệp xuất của tiện ích), nhận mảng (array)",
  },
  {
    name: "a bare number",
    family: "types",
    text: () => "42",
    message: "(gốc): cần một đối tượng JSON (tệp xuất của tiện ích), nhận số (number) 42",
  },
  {
    name: "a bare string",
    family: "types",
    text: () => '"gvn-chi-tieu.collection"',
    message:
      '(gốc): cần một đối tượng JSON (tệp xuất của tiện ích), nhận chuỗi (string) "gvn-chi-tieu.collection"',
  },

  // --- Truncated at several points
  {
    name: "a lone {",
    family: "truncated",
    text: () => "{",
    message: truncatedMessage,
  },
  {
    name: "truncated halfway",
    family: "truncated",
    text: () => VALID.slice(0, Math.floor(VALID.length / 2)),
    message: truncatedMessage,
  },
  {
    name: "truncated inside a Vietnamese string",
    family: "truncated",
    text: () => cutAfter('"title": "Học tập Nghị'),
    message: truncatedMessage,
  },
  {
    name: "truncated inside a number",
    family: "truncated",
    text: () => cutAfter('"createdAt": ', 5),
    message: truncatedMessage,
  },
  {
    name: "truncated right after a key",
    family: "truncated",
    text: () => cutAfter('"snapshot"'),
    message: truncatedMessage,
  },
  {
    name: "truncated after a colon",
    family: "truncated",
    text: () => cutAfter('"snippets":'),
    message: truncatedMessage,
  },
  {
    name: "truncated inside a literal (nu…)",
    family: "truncated",
    text: () => cutAfter('"canonicalUrl": ', 2),
    message: truncatedMessage,
  },
  {
    name: "truncated before the last }",
    family: "truncated",
    text: () => VALID.replace(/\}\n$/, ""),
    message: truncatedMessage,
  },

  // --- Not JSON syntax
  {
    name: "a trailing comma",
    family: "syntax",
    text: () => VALID.replace(/\n\}\n$/, ",\n}\n"),
    message: (text) =>
      syntaxMessage(
        text,
        text.length - 2,
        'cần tên trường trong ngoặc kép (ký tự không mong đợi "}")',
      ),
  },
  {
    name: "a script after the document",
    family: "syntax",
    text: () => `${VALID}<script>`,
    message: (text) =>
      syntaxMessage(
        text,
        VALID.length,
        'thừa dữ liệu sau khi JSON đã kết thúc (ký tự không mong đợi "<")',
      ),
  },
  {
    name: "two exports one after the other",
    family: "syntax",
    text: () => `${VALID}${VALID}`,
    message: (text) =>
      syntaxMessage(
        text,
        VALID.length,
        'thừa dữ liệu sau khi JSON đã kết thúc (ký tự không mong đợi "{")',
      ),
  },
  {
    name: "a comment (JSONC)",
    family: "syntax",
    text: () => `// sao lưu bộ sưu tập\n${VALID}`,
    message: (text) => syntaxMessage(text, 0, 'ký tự không mong đợi "/"'),
  },
  {
    name: "single-quoted keys (JSON5)",
    family: "syntax",
    text: () => replaced('"format":', "'format':"),
    message: (text) =>
      syntaxMessage(
        text,
        text.indexOf("'"),
        'cần tên trường trong ngoặc kép (ký tự không mong đợi "\'")',
      ),
  },
  {
    name: "an invalid escape (\\x41) in a note",
    family: "syntax",
    text: () => replaced('"note": "Số liệu', '"note": "\\x41 Số liệu'),
    message: (text) =>
      syntaxMessage(text, text.indexOf("\\x41") + 1, "mã thoát không hợp lệ trong chuỗi (\\x)"),
  },
  {
    name: "a raw line break inside a quote",
    family: "syntax",
    text: () => replaced('"quote": "thu nhập', '"quote": "thu\nnhập'),
    message: (text) =>
      syntaxMessage(text, text.indexOf("thu\nnhập") + 3, "ký tự điều khiển chưa thoát trong chuỗi"),
  },

  // --- Format and version
  {
    name: "another application's format",
    family: "version",
    text: () => edited((d) => (d.format = "other.app.backup")),
    message:
      'format: "other.app.backup" không phải định dạng tệp xuất của tiện ích (cần "gvn-chi-tieu.collection")',
  },
  {
    name: "the format in capitals",
    family: "version",
    text: () => edited((d) => (d.format = "GVN-CHI-TIEU.COLLECTION")),
    message:
      'format: "GVN-CHI-TIEU.COLLECTION" không phải định dạng tệp xuất của tiện ích (cần "gvn-chi-tieu.collection")',
  },
  {
    name: "the format as a number",
    family: "version",
    text: () => edited((d) => (d.format = 1)),
    message: 'format: 1 không phải định dạng tệp xuất của tiện ích (cần "gvn-chi-tieu.collection")',
  },
  {
    name: "no format",
    family: "version",
    text: () => edited((d) => delete d.format),
    message:
      'format: thiếu — đây không phải tệp xuất của tiện ích (cần "format": "gvn-chi-tieu.collection")',
  },
  {
    name: "no version",
    family: "version",
    text: () => edited((d) => delete d.version),
    message: "version: thiếu số phiên bản của tệp",
  },
  {
    name: "version 99 (a newer extension)",
    family: "version",
    text: () => edited((d) => (d.version = 99)),
    message:
      "version: tệp được tạo bởi phiên bản mới hơn của tiện ích (định dạng phiên bản 99; phiên bản tiện ích này chỉ đọc được đến phiên bản 1). Hãy cập nhật tiện ích rồi nhập lại.",
  },
  {
    name: "version 1e300",
    family: "version",
    text: () => replaced('"version": 1,', '"version": 1e300,'),
    message:
      /^version: tệp được tạo bởi phiên bản mới hơn của tiện ích \(định dạng phiên bản 1e\+300;/,
  },
  {
    name: "version as a string",
    family: "version",
    text: () => edited((d) => (d.version = "1")),
    message: 'version: cần số nguyên từ 1 trở lên, nhận "1"',
  },
  {
    name: "version 0",
    family: "version",
    text: () => edited((d) => (d.version = 0)),
    message: "version: cần số nguyên từ 1 trở lên, nhận 0",
  },
  {
    name: "version -1",
    family: "version",
    text: () => edited((d) => (d.version = -1)),
    message: "version: cần số nguyên từ 1 trở lên, nhận -1",
  },
  {
    name: "version 1.5",
    family: "version",
    text: () => edited((d) => (d.version = 1.5)),
    message: "version: cần số nguyên từ 1 trở lên, nhận 1.5",
  },
  {
    name: "version null",
    family: "version",
    text: () => edited((d) => (d.version = null)),
    message: "version: cần số nguyên từ 1 trở lên, nhận null",
  },
  {
    name: "version as an array",
    family: "version",
    text: () => edited((d) => (d.version = [1])),
    message: "version: cần số nguyên từ 1 trở lên, nhận mảng 1 phần tử",
  },

  // --- Numbers JSON has no room for
  {
    name: "NaN",
    family: "numbers",
    text: () => replaced('"min": 52', '"min": NaN'),
    message: (text) => syntaxMessage(text, text.indexOf("NaN"), 'ký tự không mong đợi "N"'),
  },
  {
    name: "Infinity",
    family: "numbers",
    text: () => replaced('"max": 52', '"max": Infinity'),
    message: (text) => syntaxMessage(text, text.indexOf("Infinity"), 'ký tự không mong đợi "I"'),
  },
  {
    name: "a hexadecimal number",
    family: "numbers",
    text: () => replaced('"congress": 26', '"congress": 0x1A'),
    message: (text) =>
      syntaxMessage(
        text,
        text.indexOf("0x1A") + 1,
        'cần dấu phẩy hoặc } (ký tự không mong đợi "x")',
      ),
  },
  {
    name: "version -0",
    family: "numbers",
    text: () => replaced('"version": 1,', '"version": -0,'),
    message: "version: cần số nguyên từ 1 trở lên, nhận -0",
  },
  {
    name: "a value of 1e400 (Infinity)",
    family: "numbers",
    text: () => replaced('"max": 52', '"max": 1e400'),
    message: "snippets[0].value.max: cần số hữu hạn, nhận Infinity",
  },
  {
    name: "a timestamp of 1e999 (Infinity)",
    family: "numbers",
    text: () => replaced(`"createdAt": ${T0}`, '"createdAt": 1e999'),
    message: "articles[0].createdAt: cần số nguyên, nhận Infinity",
  },

  // --- The file's own fields
  {
    name: "articles that are not an array",
    family: "envelope",
    text: () => edited((d) => (d.articles = { 0: "x" })),
    message: "articles: cần mảng (array), nhận đối tượng (object)",
  },
  {
    name: "snippets null",
    family: "envelope",
    text: () => edited((d) => (d.snippets = null)),
    message: "snippets: cần mảng (array), nhận null",
  },
  {
    name: "no snippets",
    family: "envelope",
    text: () => edited((d) => delete d.snippets),
    message: "snippets: thiếu trường bắt buộc",
  },
  {
    name: "exportedAt as a number",
    family: "envelope",
    text: () => edited((d) => (d.exportedAt = 1_764_558_000_000)),
    message: "exportedAt: cần chuỗi (string), nhận số (number) 1764558000000",
  },
  {
    name: "a snippet whose article is not in the file",
    family: "envelope",
    text: () => edited((d) => (d.articles = [])),
    message: `snippets[0].articleId: không có bài viết ${JSON.stringify(`${fixtures.CG.id.slice(0, 57)}…`)} trong tệp (mỗi đoạn phải kèm bài viết của nó)`,
  },

  // --- Wrong types in records
  {
    name: "a snippet that is an array",
    family: "types",
    text: () => edited((d) => (d.snippets[0] = [1, 2, 3])),
    message: "snippets[0]: cần đối tượng (object), nhận mảng (array)",
  },
  {
    name: "a snippet that is a string",
    family: "types",
    text: () => edited((d) => (d.snippets[1] = "tỷ lệ bao phủ bảo hiểm y tế đạt 95%")),
    message:
      'snippets[1]: cần đối tượng (object), nhận chuỗi (string) "tỷ lệ bao phủ bảo hiểm y tế đạt 95%"',
  },
  {
    name: "an article that is null",
    family: "types",
    text: () => edited((d) => (d.articles[0] = null)),
    message: "articles[0]: cần đối tượng (object), nhận null",
  },
  {
    name: "an article id that is an object",
    family: "types",
    text: () => edited((d) => (d.articles[0].id = { url: fixtures.CG.url })),
    message: "articles[0].id: cần chuỗi (string), nhận đối tượng (object)",
  },
  {
    name: "a snippet id that is a number",
    family: "types",
    text: () => edited((d) => (d.snippets[1].id = 123)),
    message: "snippets[1].id: cần chuỗi (string), nhận số (number) 123",
  },
  {
    name: "an empty snippet id",
    family: "types",
    text: () => edited((d) => (d.snippets[1].id = "")),
    message: "snippets[1].id: không được rỗng",
  },
  {
    name: "articleId null",
    family: "types",
    text: () => edited((d) => (d.snippets[2].articleId = null)),
    message: "snippets[2].articleId: cần chuỗi (string), nhận null",
  },
  {
    name: "a URL that is a number",
    family: "types",
    text: () => edited((d) => (d.articles[0].url = 42)),
    message: "articles[0].url: cần chuỗi (string), nhận số (number) 42",
  },
  {
    name: "a javascript: URL",
    family: "types",
    text: () => edited((d) => (d.articles[0].url = "javascript:alert(document.cookie)")),
    message:
      'articles[0].url: địa chỉ javascript: chạy mã lệnh khi được bấm vào, không được phép (nhận "javascript:alert(document.cookie)")',
  },
  {
    name: "a URL that is not an address",
    family: "types",
    text: () => edited((d) => (d.articles[0].url = "camgiang.haiduong.gov.vn/tin-tuc")),
    message:
      'articles[0].url: cần địa chỉ đầy đủ của trang (https://…), nhận "camgiang.haiduong.gov.vn/tin-tuc"',
  },
  {
    name: "kind «achievement»",
    family: "types",
    text: () => edited((d) => (d.snippets[1].kind = "achievement")),
    message: `snippets[1].kind: giá trị không hợp lệ ("achievement"); ${KINDS}`,
  },
  {
    name: "kind as a number",
    family: "types",
    text: () => edited((d) => (d.snippets[1].kind = 1)),
    message: `snippets[1].kind: giá trị không hợp lệ (1); ${KINDS}`,
  },
  {
    name: "manual as a string",
    family: "types",
    text: () => edited((d) => (d.snippets[0].manual = "yes")),
    message: 'snippets[0].manual: cần true/false (boolean), nhận chuỗi (string) "yes"',
  },
  {
    name: "a category that is an array",
    family: "types",
    text: () => edited((d) => (d.snippets[1].category = ["health_insurance"])),
    message: "snippets[1].category: cần chuỗi (string) hoặc null, nhận mảng (array)",
  },
  {
    name: "a value that is a string",
    family: "types",
    text: () => edited((d) => (d.snippets[1].value = "95%")),
    message: 'snippets[1].value: cần đối tượng (object) hoặc null, nhận chuỗi (string) "95%"',
  },
  {
    name: "value.min as a string",
    family: "types",
    text: () => edited((d) => (d.snippets[1].value.min = "95")),
    message: 'snippets[1].value.min: cần số (number), nhận chuỗi (string) "95"',
  },
  {
    name: "value.numerator null",
    family: "types",
    text: () => edited((d) => (d.snippets[1].value.numerator = null)),
    message: "snippets[1].value.numerator: cần số (number), nhận null",
  },
  {
    name: "a unit that is a number",
    family: "types",
    text: () => edited((d) => (d.snippets[1].unit = 100)),
    message: "snippets[1].unit: cần chuỗi (string) hoặc null, nhận số (number) 100",
  },
  {
    name: "comparator ≥",
    family: "types",
    text: () => edited((d) => (d.snippets[1].comparator = "≥")),
    message:
      'snippets[1].comparator: giá trị không hợp lệ ("≥"); cần một trong =, >=, >, <=, <, range',
  },
  {
    name: "direction «up»",
    family: "types",
    text: () => edited((d) => (d.snippets[1].direction = "up")),
    message: 'snippets[1].direction: giá trị không hợp lệ ("up"); cần một trong increase, decrease',
  },
  {
    name: "horizon.year 2025.5",
    family: "types",
    text: () => edited((d) => (d.snippets[1].horizon.year = 2025.5)),
    message: "snippets[1].horizon.year: cần số nguyên, nhận 2025.5",
  },
  {
    name: "a deadline on 30 February",
    family: "types",
    text: () => edited((d) => (d.snippets[2].deadline.date = "2021-02-30")),
    message: 'snippets[2].deadline.date: cần một ngày có thật dạng YYYY-MM-DD, nhận "2021-02-30"',
  },
  {
    name: "a deadline written 15/01/2021",
    family: "types",
    text: () => edited((d) => (d.snippets[2].deadline.date = "15/01/2021")),
    message: 'snippets[2].deadline.date: cần một ngày có thật dạng YYYY-MM-DD, nhận "15/01/2021"',
  },
  {
    name: "deadline precision «week»",
    family: "types",
    text: () => edited((d) => (d.snippets[2].deadline.precision = "week")),
    message:
      'snippets[2].deadline.precision: giá trị không hợp lệ ("week"); cần một trong day, month, year',
  },
  {
    name: "deadline.yearInferred as a string",
    family: "types",
    text: () => edited((d) => (d.snippets[2].deadline.yearInferred = "true")),
    message:
      'snippets[2].deadline.yearInferred: cần true/false (boolean), nhận chuỗi (string) "true"',
  },
  {
    name: "a deadline that is an array",
    family: "types",
    text: () => edited((d) => (d.snippets[2].deadline = ["2021-01-15", "day"])),
    message: "snippets[2].deadline: cần đối tượng (object) hoặc null, nhận mảng (array)",
  },
  {
    name: "tags as one string",
    family: "types",
    text: () => edited((d) => (d.snippets[0].tags = "thu nhập, so sánh")),
    message: 'snippets[0].tags: cần mảng (array), nhận chuỗi (string) "thu nhập, so sánh"',
  },
  {
    name: "a tag that is not a string",
    family: "types",
    text: () => edited((d) => (d.snippets[0].tags = ["thu nhập", { evil: true }])),
    message: "snippets[0].tags[1]: cần chuỗi (string), nhận đối tượng (object)",
  },
  {
    name: "a note that is null",
    family: "types",
    text: () => edited((d) => (d.snippets[0].note = null)),
    message: "snippets[0].note: cần chuỗi (string), nhận null",
  },
  {
    name: "createdAt as an ISO date",
    family: "types",
    text: () => edited((d) => (d.snippets[0].createdAt = "2024-03-01T08:00:00Z")),
    message: 'snippets[0].createdAt: cần số (number), nhận chuỗi (string) "2024-03-01T08:00:00Z"',
  },
  {
    name: "a negative updatedAt",
    family: "types",
    text: () => edited((d) => (d.snippets[0].updatedAt = -1)),
    message: "snippets[0].updatedAt: phải từ 0 trở lên, nhận -1",
  },
  {
    name: "a timestamp beyond the range of Date",
    family: "types",
    text: () => edited((d) => (d.articles[0].updatedAt = 8_640_000_000_000_001)),
    message: "articles[0].updatedAt: phải không quá 8640000000000000, nhận 8640000000000001",
  },
  {
    name: "congress as a Roman numeral",
    family: "types",
    text: () => edited((d) => (d.articles[0].congress = "XXVI")),
    message: 'articles[0].congress: cần số (number) hoặc null, nhận chuỗi (string) "XXVI"',
  },
  {
    name: "publishedAt written 20/08/2020",
    family: "types",
    text: () => edited((d) => (d.articles[0].publishedAt = "20/08/2020")),
    message:
      'articles[0].publishedAt: cần ngày dạng YYYY-MM-DD, YYYY-MM hoặc YYYY, nhận "20/08/2020"',
  },
  {
    name: "no anchor",
    family: "types",
    text: () => edited((d) => delete d.snippets[1].anchor),
    message: "snippets[1].anchor: thiếu trường bắt buộc",
  },
  {
    name: "an anchor that is null",
    family: "types",
    text: () => edited((d) => (d.snippets[1].anchor = null)),
    message: "snippets[1].anchor: cần đối tượng (object), nhận null",
  },
  {
    name: "anchor.start as a string",
    family: "types",
    text: () => edited((d) => (d.snippets[1].anchor.start = "12")),
    message: 'snippets[1].anchor.start: cần số (number), nhận chuỗi (string) "12"',
  },
  {
    name: "a negative anchor.start",
    family: "types",
    text: () => edited((d) => (d.snippets[1].anchor.start = -5)),
    message: "snippets[1].anchor.start: phải từ 0 trở lên, nhận -5",
  },
  {
    name: "anchor.quote as a number",
    family: "types",
    text: () => edited((d) => (d.snippets[1].anchor.quote = 95)),
    message: "snippets[1].anchor.quote: cần chuỗi (string), nhận số (number) 95",
  },
  {
    name: "anchor.prefix null",
    family: "types",
    text: () => edited((d) => (d.snippets[1].anchor.prefix = null)),
    message: "snippets[1].anchor.prefix: cần chuỗi (string), nhận null",
  },
  {
    name: "an anchor that ends before it starts",
    family: "types",
    text: () => edited((d) => (d.snippets[1].anchor.end = 0)),
    message: `snippets[1].anchor.end: phải không nhỏ hơn start (start ${fixtures.INSURANCE.anchor.start}, end 0)`,
  },

  // --- Huge strings
  {
    name: "a 3 MB snapshot",
    family: "huge strings",
    text: () => edited((d) => (d.articles[0].snapshot = "Nghị quyết. ".repeat(250_000))),
    message: "articles[0].snapshot: quá dài: 3000000 ký tự (tối đa 2000000)",
  },
  {
    name: "a huge note",
    family: "huge strings",
    text: () => edited((d) => (d.snippets[0].note = "x".repeat(IMPORT_LIMITS.longText + 1))),
    message: `snippets[0].note: quá dài: ${IMPORT_LIMITS.longText + 1} ký tự (tối đa ${IMPORT_LIMITS.longText})`,
  },
  {
    name: "a huge quote",
    family: "huge strings",
    text: () => edited((d) => (d.snippets[1].anchor.quote = "bảo hiểm y tế ".repeat(20_000))),
    message: "snippets[1].anchor.quote: quá dài: 280000 ký tự (tối đa 200000)",
  },
  {
    name: "a huge snippet id",
    family: "huge strings",
    text: () => edited((d) => (d.snippets[1].id = `s-${"0".repeat(IMPORT_LIMITS.string)}`)),
    message: `snippets[1].id: quá dài: ${IMPORT_LIMITS.string + 2} ký tự (tối đa ${IMPORT_LIMITS.string})`,
  },
  {
    name: "a huge URL",
    family: "huge strings",
    text: () => edited((d) => (d.articles[0].url = `${fixtures.CG.url}?q=${"a".repeat(20_000)}`)),
    message: `articles[0].url: quá dài: ${fixtures.CG.url.length + 20_003} ký tự (tối đa 20000)`,
  },
  {
    name: "a huge title",
    family: "huge strings",
    text: () => edited((d) => (d.articles[0].title = "Nghị quyết Đại hội ".repeat(2_000))),
    message: "articles[0].title: quá dài: 38000 ký tự (tối đa 20000)",
  },
  {
    name: "a tag of 201 characters",
    family: "huge strings",
    text: () => edited((d) => (d.snippets[0].tags = ["thu nhập", "đ".repeat(201)])),
    message: "snippets[0].tags[1]: quá dài: 201 ký tự (tối đa 200)",
  },
  {
    name: "a huge exportedAt",
    family: "huge strings",
    text: () => edited((d) => (d.exportedAt = "2026-11-21T02:30:00.000Z".repeat(5))),
    message: "exportedAt: quá dài: 120 ký tự (tối đa 100)",
  },

  // --- Prototype keys at every depth, escaped too
  {
    name: "__proto__ at the top",
    family: "prototype keys",
    text: () => replaced("{\n", '{\n  "__proto__": { "polluted": true },\n'),
    message: `__proto__: khóa "__proto__" ${PROTO}`,
  },
  {
    name: "__proto__ inside a snippet",
    family: "prototype keys",
    text: () => replaced('"kind": "result"', '"__proto__": { "isAdmin": true }, "kind": "result"'),
    message: `snippets[0].__proto__: khóa "__proto__" ${PROTO}`,
  },
  {
    name: "constructor.prototype inside an article",
    family: "prototype keys",
    text: () => replaced('"title":', '"constructor": { "prototype": { "x": 1 } }, "title":'),
    message: `articles[0].constructor: khóa "constructor" ${PROTO}`,
  },
  {
    name: "__proto__ inside a value",
    family: "prototype keys",
    text: () => replaced('"min": 52', '"__proto__": { "toString": 1 }, "min": 52'),
    message: `snippets[0].value.__proto__: khóa "__proto__" ${PROTO}`,
  },
  {
    name: "constructor inside a deadline",
    family: "prototype keys",
    text: () => replaced('"precision": "day"', '"precision": "day", "constructor": {}'),
    message: `snippets[2].deadline.constructor: khóa "constructor" ${PROTO}`,
  },
  {
    name: "prototype inside an anchor",
    family: "prototype keys",
    text: () =>
      edited((d) => {
        d.snippets[1].anchor.prototype = { polluted: true };
      }),
    message: `snippets[1].anchor.prototype: khóa "prototype" ${PROTO}`,
  },
  {
    name: "an escaped \\u005f\\u005fproto__ inside a horizon",
    family: "prototype keys",
    text: () => replaced('"from": 2015', '"\\u005f\\u005fproto__": { "x": 1 }, "from": 2015'),
    message: `snippets[0].horizon.__proto__: khóa "__proto__" ${PROTO}`,
  },
  {
    name: "an escaped \\u0063onstructor at the top",
    family: "prototype keys",
    text: () => replaced("{\n", '{\n  "\\u0063onstructor": {},\n'),
    message: `constructor: khóa "constructor" ${PROTO}`,
  },
  {
    name: "__proto__ in an object among the tags",
    family: "prototype keys",
    text: () => replaced('"tags": [', '"tags": [{ "__proto__": { "length": 0 } }, '),
    message: `snippets[0].tags[0].__proto__: khóa "__proto__" ${PROTO}`,
  },

  // --- Duplicate keys (JSON.parse keeps the last, other readers the first)
  {
    name: "version written twice (1, then 99)",
    family: "duplicate keys",
    text: () => replaced('"version": 1,', '"version": 1,\n  "version": 99,'),
    message: `version: khóa "version" ${DUPLICATE}`,
  },
  {
    name: "kind written twice",
    family: "duplicate keys",
    text: () => replaced('"kind": "result"', '"kind": "result", "kind": "target"'),
    message: `snippets[0].kind: khóa "kind" ${DUPLICATE}`,
  },
  {
    name: "an article id written twice",
    family: "duplicate keys",
    text: () =>
      replaced(
        `"id": "${fixtures.CG.id}"`,
        `"id": "${fixtures.CG.id}", "id": "https://evil.example/"`,
      ),
    message: `articles[0].id: khóa "id" ${DUPLICATE}`,
  },
  {
    name: "kind written again as \\u006bind",
    family: "duplicate keys",
    text: () => replaced('"kind": "target"', '"kind": "target", "\\u006bind": "deadline"'),
    message: `snippets[1].kind: khóa "kind" ${DUPLICATE}`,
  },
  {
    name: "anchor.start written twice",
    family: "duplicate keys",
    text: () =>
      replaced(
        `"start": ${fixtures.INSURANCE.anchor.start}`,
        `"start": ${fixtures.INSURANCE.anchor.start}, "start": 0`,
      ),
    message: `snippets[1].anchor.start: khóa "start" ${DUPLICATE}`,
  },

  // --- Binary files, other encodings, broken text
  {
    name: "a PNG image",
    family: "binary",
    text: () =>
      decoded([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
    message: `Tệp này có vẻ là một ảnh PNG, ${NOT_OURS}`,
  },
  {
    name: "a PNG image read as Latin-1",
    family: "binary",
    text: () =>
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff]).toString(
        "latin1",
      ),
    message: "Tệp không phải JSON hợp lệ (vị trí 0, dòng 1, cột 1): ký tự không mong đợi U+0089.",
  },
  {
    name: "a JPEG photo",
    family: "binary",
    text: () => decoded([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]),
    message: `Tệp này có vẻ là một ảnh JPEG, ${NOT_OURS}`,
  },
  {
    name: "a ZIP archive",
    family: "binary",
    text: () => decoded([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0, 0x9c, 0x5a]),
    message: `Tệp này có vẻ là một tệp nén ZIP (hoặc tài liệu Word/Excel .docx/.xlsx), ${NOT_OURS}`,
  },
  {
    name: "a PDF document",
    family: "binary",
    text: () => decoded([...Buffer.from("%PDF-1.7\n%"), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    message: `Tệp này có vẻ là một tài liệu PDF, ${NOT_OURS}`,
  },
  {
    name: "a gzip-compressed export",
    family: "binary",
    text: () => decoded([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xed, 0x5d]),
    message: `Tệp này có vẻ là một tệp nén gzip, ${NOT_OURS}`,
  },
  {
    // Read as the File API's UTF-8 decode does; Chromium's `Blob.text()` also sniffs a UTF-16
    // byte-order mark and then reads the file correctly (it imports).
    name: "the export saved as UTF-16 (little-endian, with BOM)",
    family: "binary",
    text: () => decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID, "utf16le")])),
    message: `Tệp này có vẻ là văn bản mã hóa UTF-16 (tiện ích chỉ đọc tệp UTF-8; hãy lưu lại tệp bằng UTF-8), ${NOT_OURS}`,
  },
  {
    name: "the export saved as UTF-16 (big-endian, with BOM)",
    family: "binary",
    text: () =>
      decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(VALID, "utf16le").swap16()])),
    message: `Tệp này có vẻ là văn bản mã hóa UTF-16 (tiện ích chỉ đọc tệp UTF-8; hãy lưu lại tệp bằng UTF-8), ${NOT_OURS}`,
  },
  {
    name: "the export saved as UTF-16 (little-endian, no BOM)",
    family: "binary",
    text: () => decoded(Buffer.from(VALID, "utf16le")),
    message: `Tệp này có vẻ là văn bản mã hóa UTF-16 (tiện ích chỉ đọc tệp UTF-8; hãy lưu lại tệp bằng UTF-8), ${NOT_OURS}`,
  },
  {
    name: "bytes that are not UTF-8 at the start",
    family: "binary",
    text: () => decoded([0xc3, 0x28, ...Buffer.from(VALID)]),
    message: UNREADABLE_START,
  },
  {
    name: "NUL bytes only",
    family: "binary",
    text: () => "\u0000".repeat(4096),
    message: `Tệp này có vẻ là một tệp nhị phân, hoặc văn bản không lưu bằng mã UTF-8, ${NOT_OURS}`,
  },
  {
    name: "NUL bytes after the export (a download padded with zeros)",
    family: "binary",
    text: () => `${VALID}${"\u0000".repeat(64)}`,
    message: (text) =>
      syntaxMessage(
        text,
        VALID.length,
        "thừa dữ liệu sau khi JSON đã kết thúc (ký tự không mong đợi U+0000)",
      ),
  },
  {
    name: "a raw NUL inside a note",
    family: "binary",
    text: () => replaced('"note": "Số liệu', '"note": "Số\u0000liệu'),
    message: (text) =>
      syntaxMessage(text, text.indexOf("\u0000"), "ký tự điều khiển chưa thoát trong chuỗi"),
  },
  {
    name: "an escaped lone surrogate (\\ud800) in a note",
    family: "binary",
    text: () => replaced('"note": "Số liệu', '"note": "\\ud800Số liệu'),
    message:
      "snippets[0].note: chuỗi hỏng: ký tự thứ 1 (U+D800) là một nửa cặp UTF-16 đứng riêng (lone surrogate), không phải văn bản",
  },
  {
    name: "a raw lone low surrogate in a title",
    family: "binary",
    text: () => replaced('"title": "Học tập', '"title": "Học\uDC00 tập'),
    message:
      "articles[0].title: chuỗi hỏng: ký tự thứ 4 (U+DC00) là một nửa cặp UTF-16 đứng riêng (lone surrogate), không phải văn bản",
  },
  {
    name: "the export re-saved in a legacy encoding (Vietnamese letters became U+FFFD)",
    family: "binary",
    text: () => VALID.replace(/\P{ASCII}/gu, "\uFFFD"),
    message: (text) => {
      const replacements = text.split("\uFFFD").length - 1;
      const first = text.indexOf("\uFFFD");
      return `Tệp không được lưu bằng mã UTF-8: ${replacements} ký tự không đọc được (U+FFFD, chỗ đầu tiên ở ${lineColumn(text, first)}), chữ tiếng Việt trong tệp đã bị hỏng. Hãy nhập tệp gốc do tiện ích xuất ra, hoặc lưu lại tệp bằng UTF-8.`;
    },
  },

  // --- Other files given to the JSON import
  {
    name: "the CSV export",
    family: "other files",
    text: () => toCsv(ENTRIES),
    message: `Tệp này có vẻ là bản xuất CSV (Excel) của tiện ích, ${NOT_OURS}`,
  },
  {
    name: "the Markdown export",
    family: "other files",
    text: () => toMarkdown(ENTRIES),
    message: `Tệp này có vẻ là một tệp Markdown (như bản xuất Markdown của tiện ích), ${NOT_OURS}`,
  },
  {
    name: "the iCalendar export",
    family: "other files",
    text: () => {
      const ics = toIcs(ENTRIES, fixtures.NOW);
      assert.ok(ics.ok);
      return ics.value;
    },
    message: `Tệp này có vẻ là một tệp lịch iCalendar (.ics), ${NOT_OURS}`,
  },
  {
    name: "a saved portal page (HTML)",
    family: "other files",
    text: () =>
      '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Cẩm Giàng</title></head><body>Nghị quyết</body></html>',
    message: `Tệp này có vẻ là một trang web (HTML) đã lưu, ${NOT_OURS}`,
  },
  {
    name: "an XML file",
    family: "other files",
    text: () => '<?xml version="1.0" encoding="UTF-8"?>\n<collection/>',
    message: `Tệp này có vẻ là một tệp XML, ${NOT_OURS}`,
  },

  // --- Sizes: huge arrays, deep nesting, a huge file
  {
    name: "250,000 snippets that are numbers",
    family: "size",
    text: () => edited((d) => (d.snippets = new Array(250_000).fill(7))),
    message: "snippets: quá nhiều phần tử: 250000 (tối đa 200000)",
  },
  {
    name: "200,001 empty articles",
    family: "size",
    text: () => edited((d) => (d.articles = new Array(200_001).fill({}))),
    message: "articles: quá nhiều phần tử: 200001 (tối đa 200000)",
  },
  {
    name: "300,000 tags",
    family: "size",
    text: () => edited((d) => (d.snippets[0].tags = new Array(300_000).fill(1))),
    message: "snippets[0].tags: quá nhiều phần tử: 300000 (tối đa 100)",
  },
  {
    name: "101 tags",
    family: "size",
    text: () =>
      edited((d) => (d.snippets[0].tags = Array.from({ length: 101 }, (_, i) => `thẻ ${i}`))),
    message: "snippets[0].tags: quá nhiều phần tử: 101 (tối đa 100)",
  },
  {
    name: "arrays nested 100,000 deep",
    family: "size",
    text: () =>
      replaced('"snippets": [', `"snippets": [${"[".repeat(100_000)}${"]".repeat(100_000)},`),
    message:
      "snippets[0][0][0][0][0][0][0][0][0]: lồng quá sâu (hơn 10 cấp; tệp xuất của tiện ích chỉ có 4 cấp)",
  },
  {
    name: "objects nested 100,000 deep inside a value",
    family: "size",
    text: () => replaced('"min": 52', `"min": ${nestedObjects(100_000)}`),
    message:
      "snippets[0].value.min.a.a.a.a.a.a: lồng quá sâu (hơn 10 cấp; tệp xuất của tiện ích chỉ có 4 cấp)",
  },
  {
    name: "objects nested 1,000,000 deep in a field the import would drop",
    family: "size",
    text: () => replaced("{\n", `{\n  "extra": ${nestedObjects(1_000_000)},\n`),
    message:
      "extra.a.a.a.a.a.a.a.a.a: lồng quá sâu (hơn 10 cấp; tệp xuất của tiện ích chỉ có 4 cấp)",
  },
  {
    name: "a file over 100 MB",
    family: "size",
    text: () => " ".repeat(IMPORT_LIMITS.fileChars + 1),
    message: "Tệp quá lớn (100.0 MB; tối đa 100.0 MB).",
  },
];

/** The families the issue names, each of which needs several cases. */
const ISSUE_FAMILIES: Family[] = [
  "truncated",
  "types",
  "huge strings",
  "prototype keys",
  "version",
  "binary",
  "duplicate keys",
  "numbers",
  "other files",
  "size",
];

describe("importCollection: hostile files", () => {
  test(`at least 50 distinct cases (${HOSTILE.length}), several in each family`, () => {
    assert.ok(HOSTILE.length >= 50, `${HOSTILE.length} cases`);
    assert.equal(new Set(HOSTILE.map((c) => c.name)).size, HOSTILE.length, "distinct names");
    const texts = HOSTILE.map((c) => c.text());
    assert.equal(new Set(texts).size, texts.length, "distinct files");
    for (const family of ISSUE_FAMILIES) {
      const count = HOSTILE.filter((c) => c.family === family).length;
      assert.ok(count >= 3, `${family}: ${count} cases`);
    }
  });

  test("the file the cases spoil is valid and would change the collection", async () => {
    assert.ok(parseImport(VALID).ok);
    await fixtures.seed(db, STORED_ARTICLES, STORED_SNIPPETS);
    const before = await exportJson(db);
    for (const text of ["Cẩm Giàng", "Trà Vinh", "nông thôn mới", "Đã kiểm tra với Niên giám"]) {
      assert.ok(before.includes(text), `the seeded export holds «${text}»`);
    }
    await fixtures.assertImports(db, VALID, { snippetsAdded: 2, snippetsMerged: 1 });
    assert.notEqual(await exportJson(db), before);
  });

  for (const { name, text, message } of HOSTILE) {
    test(`refuses ${name}, saying what is wrong, and changes nothing`, async () => {
      await fixtures.seed(db, STORED_ARTICLES, STORED_SNIPPETS);
      const exportBefore = await exportJson(db);
      const storedBefore = await storedRaw(db);
      const file = text();
      const result = await importCollection(db, file, { now: fixtures.IMPORT_TIME });
      assert.equal(result.ok, false, "refused");
      assert.ok(!result.ok);
      assert.ok(
        result.errors.length >= 1 && result.errors.length <= IMPORT_LIMITS.messages + 1,
        `${result.errors.length} messages`,
      );
      for (const error of result.errors) {
        assert.ok(error.length <= 400, `a short message (${error.length} characters)`);
      }
      const expected = typeof message === "function" ? message(file) : message;
      const found = result.errors.some((error) =>
        typeof expected === "string" ? error === expected : expected.test(error),
      );
      assert.ok(found, `expected ${expected} in:\n${result.errors.join("\n")}`);
      // Byte for byte: the export after the import is the export before it.
      assert.equal(await exportJson(db), exportBefore);
      assert.equal(await storedRaw(db), storedBefore);
    });
  }
});

describe("importCollection: how many problems are listed", () => {
  test("at most 20 messages, then how many more problems and records", () => {
    const result = parseImport(edited((d) => (d.snippets = new Array(1000).fill(7))));
    assert.ok(!result.ok);
    assert.equal(result.errors.length, 21);
    assert.equal(result.errors[0], "snippets[0]: cần đối tượng (object), nhận số (number) 7");
    assert.equal(result.errors[19], "snippets[19]: cần đối tượng (object), nhận số (number) 7");
    assert.equal(result.errors[20], "… và 980 bản ghi khác cũng có lỗi");
  });

  test("199,999 empty snippets: the first records' problems, the rest counted, quickly", () => {
    const result = parseImport(edited((d) => (d.snippets = new Array(199_999).fill({}))));
    assert.ok(!result.ok);
    assert.equal(result.errors.length, 21);
    assert.equal(result.errors[0], "snippets[0].id: thiếu trường bắt buộc");
    assert.equal(result.errors[19], "snippets[1].id: thiếu trường bắt buộc");
    // Record 0 has 19 missing fields, record 1 adds one message and 18 more problems; the other
    // 199,997 records are only counted.
    assert.equal(result.errors[20], "… và 18 lỗi khác, 199997 bản ghi khác cũng có lỗi");
  });

  test("reports every problem of a record, each with its path", () => {
    const result = parseImport(
      edited((d) => {
        d.snippets[1].kind = "achievement";
        d.snippets[1].manual = "yes";
        d.snippets[1].horizon = { type: "decade", year: 2025.5 };
        d.articles[0].publishedAt = "20/08/2020";
      }),
    );
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      'articles[0].publishedAt: cần ngày dạng YYYY-MM-DD, YYYY-MM hoặc YYYY, nhận "20/08/2020"',
      `snippets[1].kind: giá trị không hợp lệ ("achievement"); ${KINDS}`,
      'snippets[1].manual: cần true/false (boolean), nhận chuỗi (string) "yes"',
      'snippets[1].horizon.type: giá trị không hợp lệ ("decade"); cần một trong year, period, annual, term',
      "snippets[1].horizon.year: cần số nguyên, nhận 2025.5",
    ]);
  });
});

describe("parseImport: what is not refused", () => {
  test("a few U+FFFD among Vietnamese text (a portal page with a broken character) import", () => {
    const result = parseImport(
      edited((d) => (d.articles[0].snapshot = `${d.articles[0].snapshot}\nKý tự hỏng: \uFFFD.`)),
    );
    assert.ok(result.ok);
    assert.ok(result.data.articles[0]?.snapshot.endsWith("\uFFFD."));
  });

  test("surrogate pairs (emoji, rare CJK) and -0 are fine", () => {
    const result = parseImport(
      edited((d) => {
        d.snippets[0].note = "Đạt 👍 — 𠀀";
        d.snippets[0].anchor.start = -0;
      }),
    );
    assert.ok(result.ok);
    assert.equal(result.data.snippets[0]?.note, "Đạt 👍 — 𠀀");
  });

  test("brackets, quotes, backslashes and repeated keys in other objects are not duplicates", () => {
    const tricky = 'Ghi chú "trích" {không: "đối tượng"} [1, 2] \\ C:\\thư mục\\ "kind": "x"';
    const result = parseImport(
      edited((d) => {
        d.snippets[0].note = tricky;
        d.snippets[0].tags = ["{", "[", '"', "\\", '"kind"'];
        d.snippets[0]['k"ey'] = { 'k"ey': { 'k"ey': 1 } };
        d.articles[0]["\\"] = "\\";
      }),
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.data.snippets[0]?.note, tricky);
  });

  test("an empty URL is reported once, as empty", () => {
    const result = parseImport(edited((d) => (d.articles[0].url = "")));
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, ["articles[0].url: không được rỗng"]);
  });

  test("a canonical URL the page gave as it was (not an http address) imports", () => {
    const result = parseImport(edited((d) => (d.articles[0].canonicalUrl = "javascript:void(0)")));
    assert.ok(result.ok);
  });
});
