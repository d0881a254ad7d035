/**
 * What an importable JSON file must hold, as valibot schemas (built once, when the module loads),
 * with the limits that keep a hostile file from exhausting memory. The file's `format` and
 * `version` are checked in header.ts.
 *
 * Messages are Vietnamese (the interface speaks Vietnamese first); the import
 * prefixes each with the path of the value it is about.
 *
 * Objects are validated field by field and unknown fields are dropped (the
 * stored records hold exactly the fields of `ArticleRecord` / `SnippetRecord`).
 */
import * as v from "valibot";
import { EXPORT_FORMAT, EXPORT_VERSION } from "../export/format.ts";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import { preview, received } from "./describe.ts";

export const IMPORT_LIMITS = {
  /** Characters of the whole file (about 100 MB). */
  fileChars: 100 * 1024 * 1024,
  /** Articles, and snippets, in one file. */
  records: 200_000,
  /** Characters of an article's text snapshot. */
  snapshot: 2_000_000,
  /** Characters of a snippet's text, sentence, quote or note (a manual selection may be long). */
  longText: 200_000,
  /** Characters of any other string (ids, URLs, titles, indicator, context…). */
  string: 20_000,
  /** Tags of one snippet, and characters of one tag. */
  tags: 100,
  tag: 200,
  /** Levels of nesting (the file is level 1; an export has 4). */
  depth: 10,
  /** Error messages listed before "… và N lỗi khác". */
  messages: 20,
} as const;

/** Keys refused anywhere in the file: prototype pollution in whoever handles the data after us. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

const SNIPPET_KINDS = ["target", "result", "deadline", "excerpt"] as const;
const COMPARATORS = ["=", ">=", ">", "<=", "<", "range"] as const;
const DIRECTIONS = ["increase", "decrease"] as const;
const HORIZON_TYPES = ["year", "period", "annual", "term"] as const;
const PRECISIONS = ["day", "month", "year"] as const;
const REVIEW_STATUSES = ["unreviewed", "accepted", "corrected", "rejected"] as const;

// ---------------------------------------------------------------------------
// Field schemas

function tooLong(max: number) {
  return (issue: { received: string }) => `quá dài: ${issue.received} ký tự (tối đa ${max})`;
}

function tooMany(max: number) {
  return (issue: { received: string }) => `quá nhiều phần tử: ${issue.received} (tối đa ${max})`;
}

/** Half of a UTF-16 surrogate pair standing alone (with the `u` flag, pairs are one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Text is well-formed Unicode: a lone surrogate is not a character and cannot be written as UTF-8. */
const wellFormed = v.check<string, (issue: v.CheckIssue<string>) => string>(
  // `isWellFormed` is many times faster than the regular expression (Chrome 111, Firefox 119).
  (input) =>
    typeof input.isWellFormed === "function" ? input.isWellFormed() : !LONE_SURROGATE.test(input),
  (issue) => {
    const at = LONE_SURROGATE.exec(issue.input)?.index ?? 0;
    const code = issue.input.charCodeAt(at).toString(16).toUpperCase();
    return `chuỗi hỏng: ký tự thứ ${at + 1} (U+${code}) là một nửa cặp UTF-16 đứng riêng (lone surrogate), không phải văn bản`;
  },
);

/** The wrong-type message of a field that may also be null ("cần chuỗi (string) hoặc null, nhận …"). */
function orNull(name: string) {
  return (issue: v.BaseIssue<unknown>) => `cần ${name} hoặc null, nhận ${received(issue.input)}`;
}

function text(max: number = IMPORT_LIMITS.string) {
  return v.pipe(v.string(), v.maxLength(max, tooLong(max)), wellFormed);
}

/** A string or null. */
function textOrNull(max: number = IMPORT_LIMITS.string) {
  return v.nullable(
    v.pipe(v.string(orNull("chuỗi (string)")), v.maxLength(max, tooLong(max)), wellFormed),
  );
}

function nonEmptyText(max: number = IMPORT_LIMITS.string) {
  return v.pipe(
    v.string(),
    v.minLength(1, "không được rỗng"),
    v.maxLength(max, tooLong(max)),
    wellFormed,
  );
}

/** Schemes whose links run code when followed. */
const SCRIPT_SCHEMES: ReadonlySet<string> = new Set(["javascript:", "vbscript:"]);

/** Why `input` cannot be an article's address (it becomes a link), or `null` when it can. */
function pageUrlProblem(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return `cần địa chỉ đầy đủ của trang (https://…), nhận ${preview(input)}`;
  }
  if (SCRIPT_SCHEMES.has(url.protocol)) {
    return `địa chỉ ${url.protocol} chạy mã lệnh khi được bấm vào, không được phép (nhận ${preview(input)})`;
  }
  return null;
}

/** The address of the page an article was saved from (an empty one is reported as empty only). */
const pageUrl = v.pipe(
  nonEmptyText(),
  v.check(
    (input) => input === "" || pageUrlProblem(input) === null,
    (issue) => pageUrlProblem(issue.input as string) ?? "",
  ),
);

function integer(min: number, max: number, typeMessage?: ReturnType<typeof orNull>) {
  return v.pipe(
    v.number(typeMessage),
    v.integer((issue) => `cần số nguyên, nhận ${preview(issue.input)}`),
    v.minValue(min, (issue) => `phải từ ${min} trở lên, nhận ${preview(issue.input)}`),
    v.maxValue(max, (issue) => `phải không quá ${max}, nhận ${preview(issue.input)}`),
  );
}

function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(
    options,
    (issue) =>
      `giá trị không hợp lệ (${preview(issue.input)}); cần một trong ${options.join(", ")}`,
  );
}

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === "object" && input !== null && !Array.isArray(input);
}

/**
 * `v.object` that refuses arrays (valibot's own object schema takes an array
 * as an object and reports every field missing).
 */
function record<const E extends v.ObjectEntries>(entries: E, expected = "đối tượng (object)") {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      isPlainObject,
      (issue) => `cần ${expected}, nhận ${received(issue.input)}`,
    ),
    v.object(entries),
  );
}

const finiteNumber = v.pipe(
  v.number(),
  v.finite((issue) => `cần số hữu hạn, nhận ${preview(issue.input)}`),
);

/** Milliseconds since the epoch within the range of `Date`. */
const timestamp = integer(0, 8_640_000_000_000_000);

/** A text offset. */
const offset = integer(0, Number.MAX_SAFE_INTEGER);

const year = integer(0, 9999);

/**
 * `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null (the publication date as the page gave it: a date
 * line may give only the month, the command line's `--date` only the month or the year).
 */
const isoDateOrNull = v.nullable(
  v.pipe(
    v.string(orNull("chuỗi (string)")),
    v.regex(
      /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/,
      (issue) => `cần ngày dạng YYYY-MM-DD, YYYY-MM hoặc YYYY, nhận ${preview(issue.input)}`,
    ),
  ),
);

/** True when `iso` is `YYYY-MM-DD` and a real calendar day. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A deadline's date: a real calendar day (it becomes a calendar event). */
const calendarDate = v.pipe(
  v.string(),
  v.check(
    isCalendarDate,
    (issue) => `cần một ngày có thật dạng YYYY-MM-DD, nhận ${preview(issue.input)}`,
  ),
);

// ---------------------------------------------------------------------------
// Records

export const ArticleSchema = record({
  id: nonEmptyText(),
  url: pageUrl,
  canonicalUrl: textOrNull(),
  title: text(),
  siteName: textOrNull(),
  site: text(),
  organization: textOrNull(),
  level: textOrNull(),
  locality: textOrNull(),
  congress: v.nullable(integer(0, 1000, orNull("số (number)"))),
  term: textOrNull(),
  publishedAt: isoDateOrNull,
  snapshot: text(IMPORT_LIMITS.snapshot),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const VALUE_ENTRIES = {
  min: finiteNumber,
  max: finiteNumber,
  numerator: v.optional(finiteNumber),
  denominator: v.optional(finiteNumber),
};

const HORIZON_ENTRIES = {
  type: oneOf(HORIZON_TYPES),
  year: v.optional(year),
  from: v.optional(year),
  to: v.optional(year),
};

const DEADLINE_ENTRIES = {
  date: calendarDate,
  precision: oneOf(PRECISIONS),
  yearInferred: v.optional(v.boolean()),
};

const OBJECT_OR_NULL = "đối tượng (object) hoặc null";

export const ValueSchema = record(VALUE_ENTRIES);
export const HorizonSchema = record(HORIZON_ENTRIES);
export const DeadlineSchema = record(DEADLINE_ENTRIES);

export const AnchorSchema = v.pipe(
  record({
    quote: text(IMPORT_LIMITS.longText),
    prefix: text(),
    suffix: text(),
    start: offset,
    end: offset,
  }),
  v.forward(
    v.partialCheck(
      [["start"], ["end"]],
      (anchor) => anchor.end >= anchor.start,
      (issue) =>
        `phải không nhỏ hơn start (start ${preview((issue.input as { start?: unknown }).start)}, end ${preview((issue.input as { end?: unknown }).end)})`,
    ),
    ["end"],
  ),
);

/** The reader's values of the fields they corrected (each field as its own schema says). */
export const CorrectionsSchema = record({
  kind: v.optional(oneOf(SNIPPET_KINDS)),
  indicator: v.optional(text()),
  category: v.optional(textOrNull()),
  value: v.optional(v.nullable(record(VALUE_ENTRIES, OBJECT_OR_NULL))),
  unit: v.optional(textOrNull()),
  comparator: v.optional(v.nullable(oneOf(COMPARATORS))),
  direction: v.optional(v.nullable(oneOf(DIRECTIONS))),
  horizon: v.optional(v.nullable(record(HORIZON_ENTRIES, OBJECT_OR_NULL))),
  deadline: v.optional(v.nullable(record(DEADLINE_ENTRIES, OBJECT_OR_NULL))),
  locality: v.optional(textOrNull()),
  level: v.optional(textOrNull()),
});

/** The fields of an item (a snippet's own, or those of a page change). */
const ITEM_FIELD_ENTRIES = {
  indicator: text(),
  category: textOrNull(),
  value: v.nullable(record(VALUE_ENTRIES, OBJECT_OR_NULL)),
  unit: textOrNull(),
  comparator: v.nullable(oneOf(COMPARATORS)),
  direction: v.nullable(oneOf(DIRECTIONS)),
  horizon: v.nullable(record(HORIZON_ENTRIES, OBJECT_OR_NULL)),
  deadline: v.nullable(record(DEADLINE_ENTRIES, OBJECT_OR_NULL)),
};

/** What the page now says at a snippet's place (schema 4; absent in older exports). */
const PageChangeSchema = record(
  {
    anchor: AnchorSchema,
    text: text(IMPORT_LIMITS.longText),
    sentence: text(IMPORT_LIMITS.longText),
    fields: v.nullable(record(ITEM_FIELD_ENTRIES, OBJECT_OR_NULL)),
    seenAt: timestamp,
  },
  OBJECT_OR_NULL,
);

export const SnippetSchema = record({
  id: nonEmptyText(),
  articleId: nonEmptyText(),
  kind: oneOf(SNIPPET_KINDS),
  manual: v.boolean(),
  text: text(IMPORT_LIMITS.longText),
  sentence: text(IMPORT_LIMITS.longText),
  indicator: text(),
  category: textOrNull(),
  value: v.nullable(record(VALUE_ENTRIES, OBJECT_OR_NULL)),
  unit: textOrNull(),
  comparator: v.nullable(oneOf(COMPARATORS)),
  direction: v.nullable(oneOf(DIRECTIONS)),
  horizon: v.nullable(record(HORIZON_ENTRIES, OBJECT_OR_NULL)),
  deadline: v.nullable(record(DEADLINE_ENTRIES, OBJECT_OR_NULL)),
  anchor: AnchorSchema,
  note: text(IMPORT_LIMITS.longText),
  // The count first: a hostile list of millions of bad tags is refused without checking each one.
  tags: v.pipe(
    v.array(v.unknown()),
    v.maxLength(IMPORT_LIMITS.tags, tooMany(IMPORT_LIMITS.tags)),
    v.array(text(IMPORT_LIMITS.tag)),
  ),
  // Absent in files written before reviews existed (read as unreviewed, uncorrected).
  review: v.optional(oneOf(REVIEW_STATUSES)),
  corrections: v.optional(CorrectionsSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
  pageChange: v.optional(v.nullable(PageChangeSchema)),
  keptOver: v.optional(
    v.pipe(
      v.array(v.unknown()),
      v.maxLength(IMPORT_LIMITS.tags, tooMany(IMPORT_LIMITS.tags)),
      v.array(text(IMPORT_LIMITS.longText)),
    ),
  ),
  // The progress view's undone matches (target snippet ids); absent in older files.
  unmatchedTargets: v.optional(
    v.pipe(
      v.array(v.unknown()),
      v.maxLength(IMPORT_LIMITS.tags, tooMany(IMPORT_LIMITS.tags)),
      v.array(nonEmptyText()),
    ),
  ),
});

/**
 * The file around the records (after `migrateImport`): the records are
 * checked one by one with `ArticleSchema` / `SnippetSchema`, so a file with
 * many bad records reports a bounded number of messages with little memory.
 */
export const EnvelopeSchema = record({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: text(100),
  articles: v.pipe(
    v.array(v.unknown()),
    v.maxLength(IMPORT_LIMITS.records, tooMany(IMPORT_LIMITS.records)),
  ),
  snippets: v.pipe(
    v.array(v.unknown()),
    v.maxLength(IMPORT_LIMITS.records, tooMany(IMPORT_LIMITS.records)),
  ),
});

/** Both ways assignable: the schemas describe exactly the stored records (checked by `tsc`). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMAS_MATCH_RECORDS: Same<v.InferOutput<typeof ArticleSchema>, ArticleRecord> &
  Same<v.InferOutput<typeof SnippetSchema>, SnippetRecord> = true;
