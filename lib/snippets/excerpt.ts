/**
 * The engine-free parts of building snippets, for code that must not load the
 * engine (the background's context-menu fallback).
 */
import { describeSpan } from "../anchoring/index.ts";
import { NO_FIELDS } from "../extract/types.ts";
import type { ArticleInput, SnippetInput } from "./types.ts";

/** The host name of a URL, or "" when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

/**
 * An article known only by its address and title (a selection saved where the page could not be
 * read): no facts, no text.
 */
export function bareArticle(url: string, title: string): ArticleInput {
  return {
    url,
    canonicalUrl: null,
    title,
    siteName: null,
    site: hostOf(url),
    organization: null,
    level: null,
    locality: null,
    congress: null,
    term: null,
    publishedAt: null,
    snapshot: "",
  };
}

/** A plain excerpt of `text.slice(start, end)` the reader saved: no parsed fields. */
export function excerptSnippet(text: string, start: number, end: number): SnippetInput {
  const quote = text.slice(start, end);
  return {
    kind: "excerpt",
    manual: true,
    text: quote,
    sentence: quote.trim(),
    ...NO_FIELDS,
    anchor: describeSpan(text, start, end),
  };
}
