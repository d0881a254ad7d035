/**
 * The Markdown export: one section per article (a heading linking to the
 * source, a line with locality, level, term and publication date), then one
 * bullet per snippet with its kind, quote, value, horizon or deadline, note
 * and tags. Sections come in the order their first snippet has in the
 * entries; snippets within a section in text order.
 *
 * Page text (and anything in an imported file) is untrusted: it must not
 * become a link, an image, HTML or a block construct. Every text goes through
 * `escapeInline` (the same escapes wherever it stands), and text that starts a
 * line (a note's second line) through `escapeMarkdown` (block starts too);
 * links are only made to http(s) addresses, percent-encoded so the
 * destination cannot break out of `(...)`. Every item names its indicator
 * (`markdownIndicator`).
 */

import { t } from "../i18n/index.ts";
import {
  categoryLabel,
  deadlineLabel,
  horizonLabel,
  kindLabel,
  valueLabel,
} from "../i18n/item-format.ts";
import { effectiveSnippet, hasCorrections, isRejected } from "../snippets/review.ts";
import type { ListedArticle } from "../snippets/types.ts";
import { displayDate } from "../text/dates.ts";
import { mapInChunks } from "./chunked.ts";
import { dueClause } from "./due.ts";
import type { ListedEntry, ProgressCallback } from "./format.ts";

export interface MarkdownOptions {
  /** The document's title; `Chỉ tiêu, kết quả và thời hạn đã lưu` by default. */
  title?: string;
  /** The export time shown under the title. */
  now?: Date;
}

const DEFAULT_TITLE = "Chỉ tiêu, kết quả và thời hạn đã lưu";
const NO_ARTICLE = "(Không rõ bài viết)";

/**
 * ASCII punctuation that starts or ends an inline construct (CommonMark and GFM extensions), and
 * `#` (a heading's closing sequence).
 */
const INLINE_SPECIAL = /[\\`*_[\]()!|~$#]/g;

/**
 * Page text as literal Markdown inside a line, escaped the same way wherever it stands: white
 * space collapsed, inline specials and `#` backslash-escaped, `<`/`>` and entity-like `&` as
 * character references (HTML, autolinks, entities), bare `://`, `www.` and `@` broken so GFM does
 * not turn them into links. Text that starts a line needs `escapeMarkdown` instead.
 */
export function escapeInline(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(INLINE_SPECIAL, "\\$&")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/:\/\//g, "\\://")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/@/g, "\\@");
}

/**
 * Page text that starts a line: `escapeInline`, and whatever could open a block there (`#`, `>`,
 * `-`, `+`, `=`, `1.`) escaped too. Only where text begins a line: mid-line, `1.000` stays as
 * written.
 */
export function escapeMarkdown(value: string): string {
  return escapeInline(value)
    .replace(/^([+\-=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Multi-line text (a note): each line escaped, joined with hard line breaks inside a list item. */
function escapeLines(value: string, indent: string): string {
  // The first line follows a label; the others start a line of their own.
  return value
    .split(/\r\n?|\n/)
    .filter((line) => line.trim() !== "")
    .map((line, i) => (i === 0 ? escapeInline(line) : escapeMarkdown(line)))
    .join(`\\\n${indent}`);
}

/** An http(s) URL safe inside `[...](...)`, or null. */
export function markdownUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return parsed.href.replace(
    /[()<>\s\\"'`[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function heading(article: ListedArticle | undefined): string[] {
  if (!article) return [`## ${escapeInline(NO_ARTICLE)}`];
  const title =
    escapeInline(article.title) || escapeInline(article.url) || escapeInline(NO_ARTICLE);
  const href = markdownUrl(article.url);
  const lines = [href ? `## [${title}](${href})` : `## ${title}`];
  if (!href && article.url) lines.push("", `Nguồn: ${escapeInline(article.url)}`);
  const meta = [
    article.locality ? escapeInline(article.locality) : "",
    article.level ? escapeInline(article.level) : "",
    article.term ? `nhiệm kỳ ${escapeInline(article.term)}` : "",
    article.publishedAt ? `đăng ngày ${escapeInline(displayDate(article.publishedAt))}` : "",
  ].filter(Boolean);
  if (meta.length > 0) lines.push("", `*${meta.join(" · ")}*`);
  return lines;
}

/**
 * What a snippet is about, for every item: its indicator; else its category; for a bare deadline
 * the clause it ends; `Chưa phân loại` when nothing says.
 */
export function markdownIndicator(snippet: ListedEntry["snippet"]): string {
  const indicator = snippet.indicator.trim();
  if (indicator) return indicator;
  if (snippet.category) return categoryLabel(snippet.category);
  const clause =
    snippet.kind === "deadline"
      ? dueClause(snippet.sentence, snippet.text || snippet.anchor.quote)
      : "";
  return clause || t("categoryUnknown");
}

/**
 * One snippet as a list item: kind and indicator, quote, value, horizon or deadline (the reader's
 * corrected values where there are some, marked *đã sửa*; a rejected one marked *loại bỏ*); its
 * note and tags as sub-items.
 */
export function markdownBullet(stored: ListedEntry): string {
  const snippet = effectiveSnippet(stored.snippet);
  const quote = escapeInline(snippet.text || snippet.anchor.quote);
  const details = [
    escapeInline(valueLabel(snippet)),
    escapeInline(
      snippet.deadline ? deadlineLabel(snippet.deadline) : horizonLabel(snippet.horizon),
    ),
  ].filter(Boolean);
  const label = `${escapeInline(kindLabel(snippet.kind))} · ${escapeInline(markdownIndicator(snippet))}`;
  const corrected = isRejected(snippet)
    ? " *(loại bỏ)*"
    : hasCorrections(snippet)
      ? " *(đã sửa)*"
      : "";
  const lines = [
    `- **${label}:** “${quote}”${details.length > 0 ? ` — ${details.join(" · ")}` : ""}${corrected}`,
  ];
  const note = escapeLines(snippet.note, "    ");
  if (note) lines.push(`  - Ghi chú: ${note}`);
  const tags = snippet.tags.map(escapeInline).filter(Boolean);
  if (tags.length > 0) lines.push(`  - Thẻ: ${tags.join(", ")}`);
  return lines.join("\n");
}

function dateLine(now: Date): string {
  const dd = String(now.getDate()).padStart(2, "0");
  const mm = String(now.getMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${now.getFullYear()}`;
}

function assemble(entries: readonly ListedEntry[], bullets: string[], options: MarkdownOptions) {
  const groups = new Map<string, { article: ListedArticle | undefined; items: number[] }>();
  entries.forEach(({ snippet, article }, i) => {
    const key = article ? `a:${article.id}` : `s:${snippet.articleId}`;
    const group = groups.get(key);
    if (group) group.items.push(i);
    else groups.set(key, { article, items: [i] });
  });
  const articleCount = [...groups.values()].filter((g) => g.article).length;
  const out = [
    `# ${escapeInline(options.title ?? DEFAULT_TITLE)}`,
    "",
    `*Xuất ngày ${dateLine(options.now ?? new Date())} · ${entries.length} mục từ ${articleCount} bài viết*`,
  ];
  for (const { article, items } of groups.values()) {
    items.sort((x, y) => {
      const a = (entries[x] as ListedEntry).snippet;
      const b = (entries[y] as ListedEntry).snippet;
      return a.anchor.start - b.anchor.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    out.push("", ...heading(article), "", ...items.map((i) => bullets[i] as string));
  }
  return `${out.join("\n")}\n`;
}

/** The entries as a Markdown document grouped by article. */
export function toMarkdown(entries: readonly ListedEntry[], options: MarkdownOptions = {}): string {
  return assemble(entries, entries.map(markdownBullet), options);
}

/** `toMarkdown` with bullets built in chunks, reporting snippets done of all. */
export async function toMarkdownAsync(
  entries: readonly ListedEntry[],
  options: MarkdownOptions & { onProgress?: ProgressCallback } = {},
): Promise<string> {
  return assemble(entries, await mapInChunks(entries, markdownBullet, options.onProgress), options);
}
