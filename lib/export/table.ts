/**
 * One snippet as a row of the table exports (CSV, XLSX): every column's value
 * typed (numbers as numbers, dates as ISO `YYYY-MM-DD`, codes as words of the
 * export's language), text NFC-normalised. Formats decide how to write them.
 */
import type { Language } from "../i18n/index.ts";
import { effectiveEntry, hasCorrections, reviewOf } from "../snippets/review.ts";
import { categoryById } from "../taxonomy/taxonomy.ts";
import type { ListedEntry } from "./format.ts";
import {
  comparatorWord,
  correctedWord,
  directionWord,
  horizonWord,
  kindWord,
  reviewWord,
  type TableColumn,
} from "./labels.ts";

/** A cell's value: text, a number, or nothing. */
export type TableValue = string | number | null;

export type TableRow = Record<TableColumn, TableValue>;

function text(value: string | null | undefined): string | null {
  return value ? value.normalize("NFC") : null;
}

function number(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function word(value: string): string | null {
  return value === "" ? null : value;
}

/**
 * The snippet's row in `language` (headers and codes): the reader's corrected values where there
 * are some (`lib/snippets/review.ts`), with the review status and a `corrected` flag.
 */
export function tableRow(stored: ListedEntry, language: Language): TableRow {
  const { snippet, article } = effectiveEntry(stored);
  const category = snippet.category ? categoryById(snippet.category) : undefined;
  return {
    kind: kindWord(snippet.kind, language),
    indicator: text(snippet.indicator),
    category: text(snippet.category),
    category_label: category ? (language === "en" ? category.en : category.vi) : null,
    value_min: number(snippet.value?.min),
    value_max: number(snippet.value?.max),
    value_numerator: number(snippet.value?.numerator),
    value_denominator: number(snippet.value?.denominator),
    unit: text(snippet.unit),
    comparator: word(comparatorWord(snippet.comparator, language)),
    direction: word(directionWord(snippet.direction, language)),
    horizon: word(horizonWord(snippet.horizon, language)),
    deadline: text(snippet.deadline?.date),
    locality: text(article?.locality),
    level: text(article?.level),
    organization: text(article?.organization),
    congress: number(article?.congress),
    term: text(article?.term),
    article_title: text(article?.title),
    url: text(article?.url),
    published: text(article?.publishedAt),
    quote: text(snippet.text || snippet.anchor.quote),
    sentence: text(snippet.sentence),
    note: text(snippet.note),
    tags: word(snippet.tags.map((tag) => tag.normalize("NFC")).join("; ")),
    review: reviewWord(reviewOf(snippet), language),
    corrected: correctedWord(hasCorrections(snippet), language),
  };
}
