/**
 * The W3C Web Annotation export (JSON-LD): the snippets as an
 * `AnnotationCollection` whose first (and only) `AnnotationPage` embeds one
 * `Annotation` per snippet, so tools that speak the Web Annotation Data Model
 * (Hypothesis, Recogito, annotation servers) can read them.
 *
 * - `target`: a `SpecificResource` on the article's URL with a
 *   `TextQuoteSelector` (the quote with its prefix and suffix) and, when it
 *   still holds, a `TextPositionSelector`. Positions index the article's saved
 *   snapshot (its Readability text), not the live page's DOM text: they are
 *   written only when `snapshot.slice(start, end)` is the quote, and the
 *   target's `TimeState` (`sourceDate`) says which state of the article the
 *   selectors apply to (the snapshot's time).
 * - `body`: the reader's note (`commenting`, language `vi`), one body per tag
 *   (`tagging`), a readable description in the export's language
 *   (`describing`, `Chỉ tiêu: tỷ lệ hộ nghèo — giảm 1,5–2% · hằng năm`) and
 *   the structured fields as JSON text (`describing`, format
 *   `application/json`): every field stays inside the model's own terms.
 * - `motivation`: `commenting` when the reader wrote a note, else
 *   `highlighting` (saving an item or a selection marks it in the article).
 *
 * The `@context` is the model's context IRI as a constant; nothing is fetched.
 * Page text is data here: it only ever lands in JSON strings.
 */

import { itemFields } from "../extract/types.ts";
import { getLanguage, t } from "../i18n/index.ts";
import { deadlineLabel, horizonLabel, kindLabel, valueLabel } from "../i18n/item-format.ts";
import { correctedFields, effectiveEntry } from "../snippets/review.ts";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import { mapInChunks } from "./chunked.ts";
import {
  canonicalSnippet,
  compareSnippets,
  type ProgressCallback,
  type StoredEntry,
} from "./format.ts";
import { markdownIndicator } from "./markdown.ts";

/** The Web Annotation Data Model's JSON-LD context (an identifier: never dereferenced). */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** The IRI of a snippet's annotation: stable across exports (the snippet's id). */
export function annotationId(snippetId: string): string {
  return `urn:gvn-chi-tieu:snippet:${encodeURIComponent(snippetId)}`;
}

export type Motivation = "commenting" | "highlighting";

export interface TextualBody {
  type: "TextualBody";
  purpose: "commenting" | "tagging" | "describing";
  value: string;
  format?: string;
  language?: string;
}

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface AnnotationTarget {
  type: "SpecificResource";
  source: string;
  state?: { type: "TimeState"; sourceDate: string };
  selector?: Array<TextQuoteSelector | TextPositionSelector>;
}

export interface Annotation {
  id: string;
  type: "Annotation";
  motivation: Motivation;
  created?: string;
  modified?: string;
  generator: { type: "Software"; name: string };
  body: TextualBody[];
  target: AnnotationTarget;
}

export interface AnnotationPage {
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: number;
  items: Annotation[];
}

export interface AnnotationCollection {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: AnnotationPage;
  last?: string;
}

export interface WebAnnotationOptions {
  /** The export time: it names the collection. */
  now?: Date;
  /** The collection's label; `Chỉ tiêu, kết quả và thời hạn đã lưu` by default. */
  label?: string;
}

const DEFAULT_LABEL = "Chỉ tiêu, kết quả và thời hạn đã lưu";

/** ISO 8601 in UTC (`Z`) for a time in ms, or undefined when it is not a valid time. */
function isoTime(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

/**
 * The structured fields of a snippet, in a fixed order (the `application/json` body); value,
 * horizon and deadline in their canonical shape (the JSON export's, whatever extra fields the
 * stored objects have).
 */
function fieldsJson(snippet: SnippetRecord): string {
  const canonical = canonicalSnippet(snippet);
  const corrected = correctedFields(snippet);
  return JSON.stringify({
    kind: canonical.kind,
    manual: canonical.manual,
    ...itemFields(canonical),
    sentence: canonical.sentence,
    // The reader's review, when the record has one: its status and the fields they corrected
    // (the values above are then the corrected ones).
    ...(snippet.review !== undefined ? { review: snippet.review } : {}),
    ...(corrected.length > 0 ? { corrected } : {}),
  });
}

/** `Chỉ tiêu: tỷ lệ hộ nghèo — giảm 1,5–2% · hằng năm`, in the UI's language. */
export function annotationDescription(snippet: SnippetRecord): string {
  const details = [
    valueLabel(snippet),
    snippet.deadline ? deadlineLabel(snippet.deadline) : horizonLabel(snippet.horizon),
  ].filter(Boolean);
  const head = `${kindLabel(snippet.kind)}: ${markdownIndicator(snippet)}`;
  return details.length > 0 ? `${head} — ${details.join(" · ")}` : head;
}

function bodies(snippet: SnippetRecord): TextualBody[] {
  const out: TextualBody[] = [];
  const note = snippet.note.trim();
  if (note) {
    out.push({
      type: "TextualBody",
      purpose: "commenting",
      value: snippet.note,
      format: "text/plain",
      language: "vi",
    });
  }
  for (const tag of new Set(snippet.tags.map((tag) => tag.trim()).filter(Boolean))) {
    out.push({ type: "TextualBody", purpose: "tagging", value: tag });
  }
  out.push({
    type: "TextualBody",
    purpose: "describing",
    value: annotationDescription(snippet),
    format: "text/plain",
    language: getLanguage(),
  });
  out.push({
    type: "TextualBody",
    purpose: "describing",
    value: fieldsJson(snippet),
    format: "application/json",
  });
  return out;
}

function target(snippet: SnippetRecord, article: ArticleRecord | undefined): AnnotationTarget {
  const { anchor } = snippet;
  const out: AnnotationTarget = {
    type: "SpecificResource",
    source: article?.url || snippet.articleId,
  };
  const sourceDate = article ? isoTime(article.updatedAt) : undefined;
  if (sourceDate) out.state = { type: "TimeState", sourceDate };
  const selector: AnnotationTarget["selector"] = [];
  if (anchor.quote) {
    selector.push({
      type: "TextQuoteSelector",
      exact: anchor.quote,
      ...(anchor.prefix ? { prefix: anchor.prefix } : {}),
      ...(anchor.suffix ? { suffix: anchor.suffix } : {}),
    });
    // Only positions that still index the saved snapshot: a refreshed snapshot may have moved them.
    if (
      article &&
      Number.isInteger(anchor.start) &&
      Number.isInteger(anchor.end) &&
      anchor.start >= 0 &&
      anchor.end > anchor.start &&
      article.snapshot.slice(anchor.start, anchor.end) === anchor.quote
    ) {
      selector.push({ type: "TextPositionSelector", start: anchor.start, end: anchor.end });
    }
  }
  if (selector.length > 0) out.selector = selector;
  return out;
}

/**
 * One snippet as a Web Annotation (without `@context`: it is embedded in the collection), with the
 * reader's corrected values where there are some.
 */
export function snippetAnnotation(stored: StoredEntry): Annotation {
  const { snippet, article } = effectiveEntry(stored);
  const created = isoTime(snippet.createdAt);
  const modified = isoTime(snippet.updatedAt);
  return {
    id: annotationId(snippet.id),
    type: "Annotation",
    motivation: snippet.note.trim() ? "commenting" : "highlighting",
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    generator: { type: "Software", name: t("extName") },
    body: bodies(snippet),
    target: target(snippet, article),
  };
}

/** Export order: by article, text position and id (the JSON export's order). */
function sorted(entries: readonly StoredEntry[]): StoredEntry[] {
  return [...entries].sort((a, b) => compareSnippets(a.snippet, b.snippet));
}

function assemble(items: Annotation[], options: WebAnnotationOptions): AnnotationCollection {
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]|\.\d+/g, "");
  const id = `urn:gvn-chi-tieu:export:${stamp}`;
  const collection: AnnotationCollection = {
    "@context": ANNOTATION_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: options.label ?? DEFAULT_LABEL,
    total: items.length,
  };
  if (items.length > 0) {
    const pageId = `${id}:page:1`;
    collection.first = { id: pageId, type: "AnnotationPage", partOf: id, startIndex: 0, items };
    collection.last = pageId;
  }
  return collection;
}

/** The entries as a Web Annotation collection (one embedded page holding every annotation). */
export function toWebAnnotation(
  entries: readonly StoredEntry[],
  options: WebAnnotationOptions = {},
): AnnotationCollection {
  return assemble(sorted(entries).map(snippetAnnotation), options);
}

/** The collection as the file's text (2-space indentation, final line break). */
export function webAnnotationJson(collection: AnnotationCollection): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** `toWebAnnotation` in chunks, reporting snippets done of all; the file's text. */
export async function toWebAnnotationAsync(
  entries: readonly StoredEntry[],
  options: WebAnnotationOptions & { onProgress?: ProgressCallback } = {},
): Promise<string> {
  const items = await mapInChunks(sorted(entries), snippetAnnotation, options.onProgress);
  return webAnnotationJson(assemble(items, options));
}
