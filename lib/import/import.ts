/**
 * Import of a JSON export (any version up to this build's `EXPORT_VERSION`).
 *
 * `parseImport` checks everything before anything is written: size, JSON
 * syntax (with the position of the first error, and what the file seems to be
 * when it is not JSON at all: an image, an archive, the CSV export…), the
 * encoding (a file re-saved in a legacy encoding), keys written twice and
 * nesting deeper than an export's, keys that could pollute prototypes,
 * `format` and `version` (older versions are upgraded by `migrateImport`),
 * every field of every record (valibot, with the path of each bad value), and
 * that every snippet's article is in the file (a file must be self-contained:
 * a filtered export holds the articles of its snippets).
 *
 * `importCollection` then writes the whole file in one transaction, all or
 * nothing. Duplicates are merged, not doubled, both between the file and the
 * collection and inside the file (same rules):
 * - an article with a known id: the record with the newer `updatedAt` wins
 *   (the collection's on a tie), `createdAt` is the earlier one;
 * - a snippet with a known id: fields of the record with the newer
 *   `updatedAt` (the collection's on a tie), tags = union (collection's
 *   first), note = the collection's if the file's is empty or already in it,
 *   the file's if the collection's is empty or in it, else both separated by
 *   a blank line; `createdAt` the earlier, `updatedAt` the later, or the import
 *   time when the merge made a record that neither side had.
 * Unchanged records are not written, so importing a file twice changes
 * nothing the second time.
 */
import type * as v from "valibot";
import { safeParse } from "valibot";
import type { ExportDocument, ProgressCallback } from "../export/format.ts";
import { canonicalArticle, canonicalSnippet } from "../export/format.ts";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import type { CollectionDb } from "../storage/db.ts";
import { describeStorageFailure, type StorageFailure } from "../storage/errors.ts";
import { misencodedText } from "./encoding.ts";
import { joinPath, keySegment, lineAndColumn, ROOT } from "./paths.ts";
import {
  ArticleSchema,
  checkHeader,
  EnvelopeSchema,
  expectedName,
  FORBIDDEN_KEYS,
  IMPORT_LIMITS,
  migrateImport,
  preview,
  received,
  SnippetSchema,
} from "./schema.ts";
import { describeNonJson } from "./sniff.ts";
import { checkStructure } from "./structure.ts";

export type ParseResult = { ok: true; data: ExportDocument } | { ok: false; errors: string[] };

export type ImportResult =
  | {
      ok: true;
      /** Articles new to the collection. */
      articlesAdded: number;
      /** Articles already there whose record changed (the file's was newer). */
      articlesUpdated: number;
      /** Snippets new to the collection. */
      snippetsAdded: number;
      /** Snippets of the file already in the collection, merged into the stored record (changed or not). */
      snippetsMerged: number;
    }
  | {
      ok: false;
      errors: string[];
      /** When the file was fine but writing it failed for a storage reason (full disk…). */
      storageFailure?: StorageFailure;
    };

export interface ImportOptions {
  /** Called with (0, total) after validation, then after each chunk of records written. */
  onProgress?: ProgressCallback;
  /** The import time (ms), for records the merge changes; `Date.now()` by default. */
  now?: number;
}

/** Records written per `bulkPut` (all inside the one transaction). */
export const WRITE_CHUNK = 1000;

/** Characters shown by code point in messages: controls, format, private-use, unassigned, separators, lone surrogates. */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]$/u;

/** What a UTF-8 decoder puts in place of bytes that are not UTF-8. */
const REPLACEMENT = 0xfffd;

/**
 * Collects messages up to `IMPORT_LIMITS.messages`, counting the rest. Once
 * the list is full, records are only checked for whether they fail (valibot's
 * `abortEarly`), so a file of 200,000 bad records is refused quickly: those
 * are counted as records, not as messages.
 */
class Messages {
  readonly list: string[] = [];
  private moreMessages = 0;
  private moreRecords = 0;

  /** Adds a message (a function when it is costly to build: called only while the list has room). */
  add(message: string | (() => string)): void {
    if (!this.full) this.list.push(typeof message === "string" ? message : message());
    else this.moreMessages++;
  }

  /** A record found bad after the list was full. */
  addRecord(): void {
    this.moreRecords++;
  }

  get full(): boolean {
    return this.list.length >= IMPORT_LIMITS.messages;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  result(): string[] {
    const tail: string[] = [];
    if (this.moreMessages > 0) tail.push(`${this.moreMessages} lỗi khác`);
    if (this.moreRecords > 0) tail.push(`${this.moreRecords} bản ghi khác cũng có lỗi`);
    return tail.length > 0 ? [...this.list, `… và ${tail.join(", ")}`] : [...this.list];
  }
}

// ---------------------------------------------------------------------------
// Paths

/** `snippets[3].anchor.quote`: a prefix and valibot path items. */
function issuePath(prefix: string, path: v.BaseIssue<unknown>["path"]): string {
  const segments = [prefix];
  for (const item of path ?? []) {
    const key = (item as { key: unknown }).key;
    segments.push(typeof key === "number" ? `[${key}]` : keySegment(String(key)));
  }
  return joinPath(segments);
}

/** One valibot issue as a Vietnamese message with its path. */
function issueMessage(issue: v.BaseIssue<unknown>, prefix: string): string {
  const path = issuePath(prefix, issue.path);
  if (issue.kind === "schema") {
    if (issue.type === "object" && issue.input === undefined && issue.expected?.startsWith('"')) {
      return `${path}: thiếu trường bắt buộc`;
    }
    // Our own messages as they are: picklists, custom checks, and the type messages of fields
    // that may be null (`orNull` in schema.ts; valibot's own messages are English).
    if (issue.type === "picklist" || issue.type === "custom" || issue.message.startsWith("cần ")) {
      return `${path}: ${issue.message}`;
    }
    if (issue.type === "literal") {
      return `${path}: cần ${issue.expected}, nhận ${preview(issue.input)}`;
    }
    return `${path}: cần ${expectedName(issue.expected)}, nhận ${received(issue.input)}`;
  }
  return `${path}: ${issue.message}`;
}

// ---------------------------------------------------------------------------
// JSON syntax errors

const UNKNOWN_ERROR = "không rõ lỗi";

/** The first syntax error in `text` (which `JSON.parse` refused): its offset and what is wrong. */
export function locateJsonError(text: string): { at: number; reason: string } {
  const n = text.length;
  const END = "tệp kết thúc giữa chừng (bị cắt cụt?)";
  let i = 0;
  /** The character at `at`: itself when visible, else its code point (controls, binary bytes). */
  const describe = (at: number) => {
    const c = text.codePointAt(at) ?? 0;
    const char = String.fromCodePoint(c);
    if (c === REPLACEMENT) {
      return "ký tự không đọc được U+FFFD (byte không hợp lệ trong UTF-8: tệp nhị phân, hoặc không lưu bằng UTF-8)";
    }
    return INVISIBLE.test(char)
      ? `ký tự không mong đợi U+${c.toString(16).toUpperCase().padStart(4, "0")}`
      : `ký tự không mong đợi ${JSON.stringify(char)}`;
  };
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  /** Scans a string at `i` (on its opening quote); returns an error or null. */
  const scanString = (): { at: number; reason: string } | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === undefined) return { at: n, reason: END };
        if (next === "u") {
          for (let k = i + 2; k < i + 6; k++) {
            if (k >= n) return { at: n, reason: END };
            if (!/[0-9a-fA-F]/.test(text[k] as string)) {
              return { at: k, reason: "mã thoát \\u không hợp lệ trong chuỗi" };
            }
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          return { at: i + 1, reason: `mã thoát không hợp lệ trong chuỗi (\\${next})` };
        }
      } else if (c < 0x20) {
        return { at: i, reason: "ký tự điều khiển chưa thoát trong chuỗi" };
      } else {
        i++;
      }
    }
    return { at: n, reason: END };
  };
  const isDigit = (at: number) => {
    const d = text.charCodeAt(at);
    return d >= 0x30 && d <= 0x39;
  };
  /** Scans a number at `i`; returns an error (at the first character that cannot continue it) or null. */
  const scanNumber = (): { at: number; reason: string } | null => {
    const digits = (what: string): { at: number; reason: string } | null => {
      if (i >= n) return { at: n, reason: END };
      if (!isDigit(i))
        return { at: i, reason: `số không hợp lệ: cần chữ số${what ? ` ${what}` : ""}` };
      while (isDigit(i)) i++;
      return null;
    };
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else {
      const error = digits("");
      if (error) return error;
    }
    if (text[i] === ".") {
      i++;
      const error = digits("sau dấu thập phân");
      if (error) return error;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      const error = digits("ở số mũ");
      if (error) return error;
    }
    return null;
  };
  const stack: Array<"object" | "array"> = [];
  type State = "value" | "valueOrClose" | "keyOrClose" | "key" | "colon" | "commaOrClose" | "done";
  let state: State = "value";
  const afterValue = (): State => (stack.length > 0 ? "commaOrClose" : "done");

  for (;;) {
    skipSpace();
    if (i >= n) {
      return state === "done" ? { at: n, reason: UNKNOWN_ERROR } : { at: n, reason: END };
    }
    const c = text[i] as string;
    switch (state) {
      case "done":
        return { at: i, reason: `thừa dữ liệu sau khi JSON đã kết thúc (${describe(i)})` };
      case "colon":
        if (c !== ":") return { at: i, reason: `cần dấu hai chấm sau tên trường (${describe(i)})` };
        i++;
        state = "value";
        break;
      case "keyOrClose":
      case "key":
        if (state === "keyOrClose" && c === "}") {
          i++;
          stack.pop();
          state = afterValue();
          break;
        }
        if (c !== '"') {
          return { at: i, reason: `cần tên trường trong ngoặc kép (${describe(i)})` };
        }
        {
          const error = scanString();
          if (error) return error;
        }
        state = "colon";
        break;
      case "commaOrClose": {
        const top = stack[stack.length - 1];
        if (c === ",") {
          i++;
          state = top === "object" ? "key" : "value";
        } else if ((top === "object" && c === "}") || (top === "array" && c === "]")) {
          i++;
          stack.pop();
          state = afterValue();
        } else {
          return {
            at: i,
            reason: `cần dấu phẩy hoặc ${top === "object" ? "}" : "]"} (${describe(i)})`,
          };
        }
        break;
      }
      case "value":
      case "valueOrClose":
        if (state === "valueOrClose" && c === "]") {
          i++;
          stack.pop();
          state = afterValue();
        } else if (c === "{") {
          i++;
          stack.push("object");
          state = "keyOrClose";
        } else if (c === "[") {
          i++;
          stack.push("array");
          state = "valueOrClose";
        } else if (c === '"') {
          const error = scanString();
          if (error) return error;
          state = afterValue();
        } else if (c === "-" || (c >= "0" && c <= "9")) {
          const error = scanNumber();
          if (error) return error;
          state = afterValue();
        } else {
          const word = ["true", "false", "null"].find((w) => w[0] === c);
          if (!word) return { at: i, reason: describe(i) };
          for (let k = 0; k < word.length; k++, i++) {
            if (i >= n) return { at: n, reason: END };
            if (text[i] !== word[k]) return { at: i, reason: describe(i) };
          }
          state = afterValue();
        }
        break;
    }
  }
}

function jsonErrorMessage(text: string, offsetBase: number, error: unknown): string {
  const located = locateJsonError(text);
  // The scanner finds no syntax error: the engine gave up for another reason (memory, depth).
  const { at, reason } =
    located.reason === UNKNOWN_ERROR
      ? { at: 0, reason: `không đọc được tệp (${errorText(error)})` }
      : located;
  const { line, column } = lineAndColumn(text, at);
  return `Tệp không phải JSON hợp lệ (vị trí ${at + offsetBase}, dòng ${line}, cột ${column}): ${reason}.`;
}

// ---------------------------------------------------------------------------
// Forbidden keys

/** Adds a message for every `__proto__`, `constructor` or `prototype` key in `root` (iteratively: no recursion limit). */
function findForbiddenKeys(root: unknown, messages: Messages): void {
  interface Node {
    value: object;
    parent: Node | null;
    segment: string;
  }
  const pathOf = (node: Node | null, last: string): string => {
    const parts = [last];
    for (let p = node; p; p = p.parent) parts.push(p.segment);
    return joinPath(parts.reverse());
  };
  if (typeof root !== "object" || root === null) return;
  const stack: Node[] = [{ value: root, parent: null, segment: "" }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (Array.isArray(node.value)) {
      for (let k = node.value.length - 1; k >= 0; k--) {
        const child: unknown = node.value[k];
        if (typeof child === "object" && child !== null) {
          stack.push({ value: child, parent: node, segment: `[${k}]` });
        }
      }
      continue;
    }
    const record = node.value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        messages.add(
          () =>
            `${pathOf(node, keySegment(key))}: khóa ${JSON.stringify(key)} không được phép trong tệp nhập (có thể là tệp độc hại)`,
        );
        continue;
      }
      const child = record[key];
      if (typeof child === "object" && child !== null) {
        stack.push({ value: child, parent: node, segment: keySegment(key) });
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Parsing and validation

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * One record checked against its schema: its output, or `null` with its
 * problems added to `messages` (or, once the list is full, the record counted).
 */
function checkRecord<S extends typeof ArticleSchema | typeof SnippetSchema>(
  schema: S,
  item: unknown,
  path: string,
  messages: Messages,
): v.InferOutput<S> | null {
  const full = messages.full;
  const result = safeParse(schema, item, { abortEarly: full });
  if (result.success) return result.output;
  if (full) messages.addRecord();
  else for (const issue of result.issues) messages.add(issueMessage(issue, path));
  return null;
}

function formatSize(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads and checks an export file's text. Nothing here touches the database.
 * On failure: at most `IMPORT_LIMITS.messages` Vietnamese messages (then
 * "… và N lỗi khác"), each naming the path or position of what is wrong.
 */
export function parseImport(text: string): ParseResult {
  if (typeof text !== "string") return { ok: false, errors: ["Tệp nhập phải là văn bản."] };
  if (text.length > IMPORT_LIMITS.fileChars) {
    return {
      ok: false,
      errors: [
        `Tệp quá lớn (${formatSize(text.length)}; tối đa ${formatSize(IMPORT_LIMITS.fileChars)}).`,
      ],
    };
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, errors: ["Tệp rỗng: không có dữ liệu để nhập."] };

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const kind = describeNonJson(body);
    const syntax = jsonErrorMessage(body, bom, error);
    return { ok: false, errors: kind ? [kind, syntax] : [syntax] };
  }

  const misencoded = misencodedText(body);
  if (misencoded) return { ok: false, errors: [misencoded] };

  const messages = new Messages();
  if (!isPlainObject(parsed)) {
    messages.add(
      `${ROOT}: cần một đối tượng JSON (tệp xuất của tiện ích), nhận ${received(parsed)}`,
    );
    return { ok: false, errors: messages.result() };
  }
  const { tooDeep } = checkStructure(
    body,
    IMPORT_LIMITS.depth,
    (message) => messages.add(message),
    () => messages.full,
  );
  // Prototype keys deep inside an over-nested value would only make paths of thousands of segments.
  if (!tooDeep) findForbiddenKeys(parsed, messages);
  if (!messages.empty) return { ok: false, errors: messages.result() };

  const header = checkHeader(parsed);
  if (header.length > 0) return { ok: false, errors: header };

  let doc: Record<string, unknown>;
  try {
    doc = migrateImport(parsed as Record<string, unknown> & { version: number });
  } catch (error) {
    return {
      ok: false,
      errors: [
        `version: không nâng cấp được tệp (${error instanceof Error ? error.message : error})`,
      ],
    };
  }

  const envelope = safeParse(EnvelopeSchema, doc);
  if (!envelope.success) {
    for (const issue of envelope.issues) messages.add(issueMessage(issue, ""));
    return { ok: false, errors: messages.result() };
  }

  const articles: ArticleRecord[] = [];
  envelope.output.articles.forEach((item, k) => {
    const result = checkRecord(ArticleSchema, item, `articles[${k}]`, messages);
    if (result) articles.push(canonicalArticle(result));
  });
  const snippets: SnippetRecord[] = [];
  envelope.output.snippets.forEach((item, k) => {
    const result = checkRecord(SnippetSchema, item, `snippets[${k}]`, messages);
    if (result) snippets.push(canonicalSnippet(result));
  });
  if (!messages.empty) return { ok: false, errors: messages.result() };

  const articleIds = new Set(articles.map((article) => article.id));
  snippets.forEach((snippet, k) => {
    if (!articleIds.has(snippet.articleId)) {
      messages.add(
        () =>
          `snippets[${k}].articleId: không có bài viết ${preview(snippet.articleId)} trong tệp (mỗi đoạn phải kèm bài viết của nó)`,
      );
    }
  });
  if (!messages.empty) return { ok: false, errors: messages.result() };

  return {
    ok: true,
    data: {
      format: envelope.output.format,
      version: envelope.output.version,
      exportedAt: envelope.output.exportedAt,
      articles,
      snippets,
    },
  };
}

// ---------------------------------------------------------------------------
// Merging

/** Structural equality of JSON-like values (records from the file or the database). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, k) => sameJson(item, b[k]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((key) => x[key] !== undefined);
  if (keys.length !== Object.keys(y).filter((key) => y[key] !== undefined).length) return false;
  return keys.every((key) => sameJson(x[key], y[key]));
}

/** The article from the file merged into the stored one: the newer record, the earlier `createdAt`. */
export function mergeArticle(existing: ArticleRecord, incoming: ArticleRecord): ArticleRecord {
  const newer = incoming.updatedAt > existing.updatedAt ? incoming : existing;
  return canonicalArticle({
    ...newer,
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
  });
}

/** True when `note` holds `part` as a whole paragraph (or is it). */
function holdsParagraph(note: string, part: string): boolean {
  return (
    note === part ||
    note.startsWith(`${part}\n\n`) ||
    note.endsWith(`\n\n${part}`) ||
    note.includes(`\n\n${part}\n\n`)
  );
}

/** Both readers' notes, without repeating one already in the other. */
export function mergeNotes(existing: string, incoming: string): string {
  if (incoming.trim() === "" || holdsParagraph(existing, incoming)) return existing;
  if (existing.trim() === "" || holdsParagraph(incoming, existing)) return incoming;
  return `${existing}\n\n${incoming}`;
}

function withoutTimes(snippet: SnippetRecord): SnippetRecord {
  return { ...snippet, createdAt: 0, updatedAt: 0 };
}

/** The snippet from the file merged into the stored one (rules in the module comment). */
export function mergeSnippet(
  existing: SnippetRecord,
  incoming: SnippetRecord,
  now: number,
): SnippetRecord {
  const newer = incoming.updatedAt > existing.updatedAt ? incoming : existing;
  const merged = canonicalSnippet({
    ...newer,
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    note: mergeNotes(existing.note, incoming.note),
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
  });
  const content = withoutTimes(merged);
  if (!sameJson(content, withoutTimes(existing)) && !sameJson(content, withoutTimes(incoming))) {
    merged.updatedAt = Math.max(merged.updatedAt, now);
  }
  return merged;
}

/** Records with one per id, duplicates merged in file order. */
function mergeDuplicates<T extends { id: string }>(
  records: readonly T[],
  merge: (a: T, b: T) => T,
): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const seen = byId.get(record.id);
    byId.set(record.id, seen ? merge(seen, record) : record);
  }
  return [...byId.values()];
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Imports an export file into the collection: validates all of it first
 * (`parseImport`), then writes it in one transaction (all or nothing), merging
 * duplicates. Never throws: a write failure is reported as `ok: false` and the
 * collection is left as it was.
 */
export async function importCollection(
  db: CollectionDb,
  text: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  const now = options.now ?? Date.now();
  const articles = mergeDuplicates(parsed.data.articles, mergeArticle);
  const snippets = mergeDuplicates(parsed.data.snippets, (a, b) => mergeSnippet(a, b, now));
  const total = articles.length + snippets.length;
  const report = options.onProgress;
  report?.(0, total);

  try {
    return await db.transaction("rw", db.articles, db.snippets, async () => {
      let done = 0;
      let articlesAdded = 0;
      let articlesUpdated = 0;
      let snippetsAdded = 0;
      let snippetsMerged = 0;

      for (let start = 0; start < articles.length; start += WRITE_CHUNK) {
        const chunk = articles.slice(start, start + WRITE_CHUNK);
        const stored = await db.articles.bulkGet(chunk.map((article) => article.id));
        const writes: ArticleRecord[] = [];
        chunk.forEach((incoming, k) => {
          const current = stored[k];
          if (!current) {
            writes.push(incoming);
            articlesAdded++;
            return;
          }
          const existing = canonicalArticle(current);
          const merged = mergeArticle(existing, incoming);
          if (!sameJson(merged, existing)) {
            writes.push(merged);
            articlesUpdated++;
          }
        });
        if (writes.length > 0) await db.articles.bulkPut(writes);
        done += chunk.length;
        report?.(done, total);
      }

      for (let start = 0; start < snippets.length; start += WRITE_CHUNK) {
        const chunk = snippets.slice(start, start + WRITE_CHUNK);
        const stored = await db.snippets.bulkGet(chunk.map((snippet) => snippet.id));
        const writes: SnippetRecord[] = [];
        chunk.forEach((incoming, k) => {
          const current = stored[k];
          if (!current) {
            writes.push(incoming);
            snippetsAdded++;
            return;
          }
          snippetsMerged++;
          const existing = canonicalSnippet(current);
          const merged = mergeSnippet(existing, incoming, now);
          if (!sameJson(merged, existing)) writes.push(merged);
        });
        if (writes.length > 0) await db.snippets.bulkPut(writes);
        done += chunk.length;
        report?.(done, total);
      }

      return { ok: true as const, articlesAdded, articlesUpdated, snippetsAdded, snippetsMerged };
    });
  } catch (error) {
    const storageFailure = describeStorageFailure(error);
    return {
      ok: false,
      errors: [
        `Không ghi được vào bộ sưu tập (${errorText(error)}); không có thay đổi nào được lưu.`,
      ],
      ...(storageFailure ? { storageFailure } : {}),
    };
  }
}
