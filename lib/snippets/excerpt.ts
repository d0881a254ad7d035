/**
 * The engine-free parts of building snippets, for code that must not load the
 * engine (the background's context-menu fallback).
 */
import { describeSpan } from "../anchoring/index.ts";
import { NO_FIELDS } from "../extract/types.ts";
import type { SnippetInput } from "./types.ts";

/** The host name of a URL, or "" when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
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
