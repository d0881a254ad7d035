/**
 * The collection's export file: what a JSON export holds, how every export
 * file is named, and the canonical shape (field order) records are written in.
 */
import type { Deadline, Horizon, ItemValue } from "../extract/types.ts";
import { itemFields } from "../extract/types.ts";
import { CORRECTABLE_FIELDS } from "../snippets/review.ts";
import type {
  ArticleRecord,
  Corrections,
  PageChange,
  SnippetRecord,
  StoredEntry,
} from "../snippets/types.ts";

/** The `format` of a JSON export: anything else is not one of our files. */
export const EXPORT_FORMAT = "gvn-chi-tieu.collection";

/**
 * The version of the JSON export this build writes (and the newest it reads).
 * Bump it together with a migration in `lib/import/header.ts` (`migrateImport`)
 * whenever the records' shape changes.
 */
export const EXPORT_VERSION = 1;

/** A JSON export: the whole collection or the part of it the reader chose. */
export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** ISO 8601 time of the export (`Date.prototype.toISOString`). */
  exportedAt: string;
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
}

/** Articles and snippets to export. */
export interface CollectionData {
  articles: readonly ArticleRecord[];
  snippets: readonly SnippetRecord[];
}

export type { ListedEntry, StoredEntry } from "../snippets/types.ts";

/** Reports progress of a long export or import: `done` of `total` items. */
export type ProgressCallback = (done: number, total: number) => void;

export type ExportKind = "json" | "csv" | "md" | "ics" | "xlsx" | "docx" | "web-annotation";

/** MIME types to offer each export file with. */
export const EXPORT_MIME_TYPES: Record<ExportKind, string> = {
  json: "application/json",
  csv: "text/csv;charset=utf-8",
  md: "text/markdown;charset=utf-8",
  ics: "text/calendar;charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "web-annotation": "application/ld+json",
};

/** How each export file's name ends after the date (most are just the extension). */
const FILE_ENDINGS: Record<ExportKind, string> = {
  json: ".json",
  csv: ".csv",
  md: ".md",
  ics: ".ics",
  xlsx: ".xlsx",
  docx: ".docx",
  "web-annotation": "-web-annotation.jsonld",
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `YYYY-MM-DD` of `date` in local time. */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `chi-tieu-2026-11-21.csv`, `chi-tieu-2026-11-21-web-annotation.jsonld`: the local date of the
 * export and the kind.
 */
export function exportFileName(kind: ExportKind, date: Date): string {
  return `chi-tieu-${localIsoDate(date)}${FILE_ENDINGS[kind]}`;
}

/**
 * The articles a set of entries refers to, and their snippets: what a JSON
 * export of the current filter must hold to be importable again (every
 * snippet's article is in the file).
 */
export function dataForEntries(entries: readonly StoredEntry[]): CollectionData {
  const articles = new Map<string, ArticleRecord>();
  for (const { article } of entries) if (article) articles.set(article.id, article);
  return { articles: [...articles.values()], snippets: entries.map((entry) => entry.snippet) };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Export order of articles: by id. */
export function compareArticles(a: ArticleRecord, b: ArticleRecord): number {
  return compareStrings(a.id, b.id);
}

/** Export order of snippets: by article, then text position, then id. */
export function compareSnippets(a: SnippetRecord, b: SnippetRecord): number {
  return (
    compareStrings(a.articleId, b.articleId) ||
    a.anchor.start - b.anchor.start ||
    compareStrings(a.id, b.id)
  );
}

/**
 * The article with exactly the fields of `ArticleRecord`, in declaration order
 * (whatever order or extra fields the stored object has): exports are
 * deterministic and imports store clean records.
 */
export function canonicalArticle(a: ArticleRecord): ArticleRecord {
  return {
    id: a.id,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    title: a.title,
    siteName: a.siteName,
    site: a.site,
    organization: a.organization,
    level: a.level,
    locality: a.locality,
    congress: a.congress,
    term: a.term,
    publishedAt: a.publishedAt,
    snapshot: a.snapshot,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** The optional `keys` of `source` that are set, in that order (an undefined one left out). */
function setFields<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function canonicalValue(value: ItemValue | null): ItemValue | null {
  return value
    ? { min: value.min, max: value.max, ...setFields(value, ["numerator", "denominator"]) }
    : null;
}

function canonicalHorizon(horizon: Horizon | null): Horizon | null {
  return horizon ? { type: horizon.type, ...setFields(horizon, ["year", "from", "to"]) } : null;
}

function canonicalDeadline(deadline: Deadline | null): Deadline | null {
  return deadline
    ? {
        date: deadline.date,
        precision: deadline.precision,
        ...setFields(deadline, ["yearInferred"]),
      }
    : null;
}

/** The corrections in `CORRECTABLE_FIELDS` order, nested values canonical too. */
export function canonicalCorrections(c: Corrections): Corrections {
  const out: Record<string, unknown> = {};
  for (const field of CORRECTABLE_FIELDS) {
    if (!Object.hasOwn(c, field) || c[field] === undefined) continue;
    out[field] =
      field === "value"
        ? canonicalValue(c.value ?? null)
        : field === "horizon"
          ? canonicalHorizon(c.horizon ?? null)
          : field === "deadline"
            ? canonicalDeadline(c.deadline ?? null)
            : c[field];
  }
  return out as Corrections;
}

/** The snippet with exactly the fields of `SnippetRecord`, in declaration order (see `canonicalArticle`). */
export function canonicalSnippet(s: SnippetRecord): SnippetRecord {
  const value = canonicalValue(s.value);
  const horizon = canonicalHorizon(s.horizon);
  const deadline = canonicalDeadline(s.deadline);
  return {
    id: s.id,
    articleId: s.articleId,
    kind: s.kind,
    manual: s.manual,
    text: s.text,
    sentence: s.sentence,
    indicator: s.indicator,
    category: s.category,
    value,
    unit: s.unit,
    comparator: s.comparator,
    direction: s.direction,
    horizon,
    deadline,
    anchor: {
      quote: s.anchor.quote,
      prefix: s.anchor.prefix,
      suffix: s.anchor.suffix,
      start: s.anchor.start,
      end: s.anchor.end,
    },
    note: s.note,
    tags: [...s.tags],
    // Written when the record has them (every record since schema version 3); a file without
    // them is read as unreviewed and uncorrected.
    ...(s.review !== undefined ? { review: s.review } : {}),
    ...(s.corrections !== undefined ? { corrections: canonicalCorrections(s.corrections) } : {}),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    // Schema 4, written only when there is something to say (older files stay byte for byte).
    ...(s.pageChange ? { pageChange: canonicalPageChange(s.pageChange) } : {}),
    ...(s.keptOver && s.keptOver.length > 0 ? { keptOver: [...s.keptOver] } : {}),
    // The progress view's undone matches, written only when there are some.
    ...(s.unmatchedTargets && s.unmatchedTargets.length > 0
      ? { unmatchedTargets: [...s.unmatchedTargets] }
      : {}),
  };
}

function canonicalPageChange(change: PageChange): PageChange {
  const { quote, prefix, suffix, start, end } = change.anchor;
  return {
    anchor: { quote, prefix, suffix, start, end },
    text: change.text,
    sentence: change.sentence,
    fields: change.fields ? itemFields(change.fields) : null,
    seenAt: change.seenAt,
  };
}
