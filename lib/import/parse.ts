/**
 * `parseImport` checks everything before anything is written: size, JSON syntax (with the
 * position of the first error, and what the file seems to be when it is not JSON at all: an
 * image, an archive, the CSV export…), the encoding (a file re-saved in a legacy encoding), keys
 * written twice and nesting deeper than an export's, keys that could pollute prototypes, `format`
 * and `version` (older versions are upgraded by `migrateImport`), every field of every record
 * (valibot, each schema built once, with the path of each bad value), and that every snippet's
 * article is in the file (a file must be self-contained: a filtered export holds the articles of
 * its snippets).
 */
import type * as v from "valibot";
import { safeParse } from "valibot";
import type { ExportDocument } from "../export/format.ts";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import { preview, received } from "./describe.ts";
import { misencodedText } from "./encoding.ts";
import { findForbiddenKeys } from "./forbidden-keys.ts";
import { checkHeader, migrateImport } from "./header.ts";
import { jsonErrorMessage } from "./json-error.ts";
import { IMPORT_LIMITS } from "./limits.ts";
import { issueMessage, Messages } from "./messages.ts";
import { ROOT } from "./paths.ts";
import { ArticleSchema, EnvelopeSchema, SnippetSchema } from "./schema.ts";
import { describeNonJson } from "./sniff.ts";
import { checkStructure } from "./structure.ts";

export type ParseResult = { ok: true; data: ExportDocument } | { ok: false; errors: string[] };

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

  // valibot's output is the record already in its canonical shape (the schema's fields, in their
  // declaration order, unknown ones dropped; tested): no second copy of every record.
  const articles: ArticleRecord[] = [];
  envelope.output.articles.forEach((item, k) => {
    const result = checkRecord(ArticleSchema, item, `articles[${k}]`, messages);
    if (result) articles.push(result);
  });
  const snippets: SnippetRecord[] = [];
  envelope.output.snippets.forEach((item, k) => {
    const result = checkRecord(SnippetSchema, item, `snippets[${k}]`, messages);
    if (result) snippets.push(result);
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
