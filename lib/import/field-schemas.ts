/**
 * The building blocks of the import's record schemas (schema.ts): valibot schemas of one field
 * (bounded well-formed text, integers in a range, a page address, dates, a choice among options,
 * a plain object) with their Vietnamese messages.
 */
import * as v from "valibot";
import { preview, received } from "./describe.ts";
import { IMPORT_LIMITS } from "./limits.ts";

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
export function orNull(name: string) {
  return (issue: v.BaseIssue<unknown>) => `cần ${name} hoặc null, nhận ${received(issue.input)}`;
}

export function text(max: number = IMPORT_LIMITS.string) {
  return v.pipe(v.string(), v.maxLength(max, tooLong(max)), wellFormed);
}

/** A string or null. */
export function textOrNull(max: number = IMPORT_LIMITS.string) {
  return v.nullable(
    v.pipe(v.string(orNull("chuỗi (string)")), v.maxLength(max, tooLong(max)), wellFormed),
  );
}

export function nonEmptyText(max: number = IMPORT_LIMITS.string) {
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
export const pageUrl = v.pipe(
  nonEmptyText(),
  v.check(
    (input) => input === "" || pageUrlProblem(input) === null,
    (issue) => pageUrlProblem(issue.input as string) ?? "",
  ),
);

export function integer(min: number, max: number, typeMessage?: ReturnType<typeof orNull>) {
  return v.pipe(
    v.number(typeMessage),
    v.integer((issue) => `cần số nguyên, nhận ${preview(issue.input)}`),
    v.minValue(min, (issue) => `phải từ ${min} trở lên, nhận ${preview(issue.input)}`),
    v.maxValue(max, (issue) => `phải không quá ${max}, nhận ${preview(issue.input)}`),
  );
}

export function oneOf<const T extends readonly string[]>(options: T) {
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
export function record<const E extends v.ObjectEntries>(
  entries: E,
  expected = "đối tượng (object)",
) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      isPlainObject,
      (issue) => `cần ${expected}, nhận ${received(issue.input)}`,
    ),
    v.object(entries),
  );
}

export const finiteNumber = v.pipe(
  v.number(),
  v.finite((issue) => `cần số hữu hạn, nhận ${preview(issue.input)}`),
);

/** Milliseconds since the epoch within the range of `Date`. */
export const timestamp = integer(0, 8_640_000_000_000_000);

/** A text offset. */
export const offset = integer(0, Number.MAX_SAFE_INTEGER);

export const year = integer(0, 9999);

/**
 * `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null (the publication date as the page gave it: a date
 * line may give only the month, the command line's `--date` only the month or the year).
 */
export const isoDateOrNull = v.nullable(
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
export const calendarDate = v.pipe(
  v.string(),
  v.check(
    isCalendarDate,
    (issue) => `cần một ngày có thật dạng YYYY-MM-DD, nhận ${preview(issue.input)}`,
  ),
);

/** A list of at most `max` items, counted before anything else is checked. */
export function countedList(max: number) {
  return v.pipe(v.array(v.unknown()), v.maxLength(max, tooMany(max)));
}

/**
 * A list of at most `max` items, each `item`. The count first: a hostile list of millions of bad
 * items is refused without checking each one.
 */
export function boundedList<const I extends v.GenericSchema>(max: number, item: I) {
  return v.pipe(countedList(max), v.array(item));
}
