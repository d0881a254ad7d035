/**
 * Minimal checks on what the content script sends before it is written: the
 * fields that identify and order records. Failures throw a `TypeError` naming
 * the field, so nothing is written.
 */
import type { ArticleInput, SnippetInput, SnippetKind } from "../snippets/types.ts";

export const SNIPPET_KINDS: readonly SnippetKind[] = ["target", "result", "deadline", "excerpt"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Throws unless `article` has a non-empty URL, a nullable canonical URL and a text snapshot. */
export function validateArticle(article: ArticleInput): void {
  if (!isObject(article))
    throw new TypeError(`article must be an object (got ${describe(article)})`);
  if (typeof article.url !== "string" || article.url.trim() === "") {
    throw new TypeError(`article.url must be a non-empty string (got ${describe(article.url)})`);
  }
  if (article.canonicalUrl !== null && typeof article.canonicalUrl !== "string") {
    throw new TypeError(
      `article.canonicalUrl must be a string or null (got ${describe(article.canonicalUrl)})`,
    );
  }
  if (typeof article.snapshot !== "string") {
    throw new TypeError(`article.snapshot must be a string (got ${describe(article.snapshot)})`);
  }
}

/** Throws unless `snippet` has a known kind and an anchor with a text quote, context and offsets. */
export function validateSnippet(snippet: SnippetInput, index: number): void {
  const at = `snippets[${index}]`;
  if (!isObject(snippet)) throw new TypeError(`${at} must be an object (got ${describe(snippet)})`);
  if (!SNIPPET_KINDS.includes(snippet.kind)) {
    throw new TypeError(
      `${at}.kind must be one of ${SNIPPET_KINDS.join(", ")} (got ${describe(snippet.kind)})`,
    );
  }
  const anchor: unknown = snippet.anchor;
  if (!isObject(anchor)) throw new TypeError(`${at}.anchor must be an object`);
  for (const field of ["quote", "prefix", "suffix"]) {
    if (typeof anchor[field] !== "string") {
      throw new TypeError(
        `${at}.anchor.${field} must be a string (got ${describe(anchor[field])})`,
      );
    }
  }
  for (const field of ["start", "end"]) {
    if (typeof anchor[field] !== "number" || !Number.isFinite(anchor[field])) {
      throw new TypeError(`${at}.anchor.${field} must be a finite number`);
    }
  }
}

/** Throws unless `snippets` is an array of valid snippets. */
export function validateSnippets(snippets: readonly SnippetInput[]): void {
  if (!Array.isArray(snippets)) throw new TypeError("snippets must be an array");
  snippets.forEach(validateSnippet);
}
