/**
 * What an importable JSON file must hold, as valibot schemas (built once, when the module loads),
 * from the field schemas of field-schemas.ts within the limits of limits.ts. The file's `format`
 * and `version` are checked in header.ts.
 *
 * Messages are Vietnamese (the interface speaks Vietnamese first); the import
 * prefixes each with the path of the value it is about.
 *
 * Objects are validated field by field and unknown fields are dropped (the
 * stored records hold exactly the fields of `ArticleRecord` / `SnippetRecord`).
 */
import * as v from "valibot";
import { EXPORT_FORMAT, EXPORT_VERSION } from "../export/format.ts";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import { preview } from "./describe.ts";
import {
  boundedList,
  calendarDate,
  countedList,
  finiteNumber,
  integer,
  isoDateOrNull,
  nonEmptyText,
  offset,
  oneOf,
  orNull,
  pageUrl,
  record,
  text,
  textOrNull,
  timestamp,
  year,
} from "./field-schemas.ts";
import { IMPORT_LIMITS } from "./limits.ts";

const SNIPPET_KINDS = ["target", "result", "deadline", "excerpt"] as const;
const COMPARATORS = ["=", ">=", ">", "<=", "<", "range"] as const;
const DIRECTIONS = ["increase", "decrease"] as const;
const HORIZON_TYPES = ["year", "period", "annual", "term"] as const;
const PRECISIONS = ["day", "month", "year"] as const;
const REVIEW_STATUSES = ["unreviewed", "accepted", "corrected", "rejected"] as const;

export const ArticleSchema = record({
  id: nonEmptyText(),
  url: pageUrl,
  canonicalUrl: textOrNull(),
  title: text(),
  siteName: textOrNull(),
  site: text(),
  organization: textOrNull(),
  level: textOrNull(),
  locality: textOrNull(),
  congress: v.nullable(integer(0, 1000, orNull("số (number)"))),
  term: textOrNull(),
  publishedAt: isoDateOrNull,
  snapshot: text(IMPORT_LIMITS.snapshot),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const VALUE_ENTRIES = {
  min: finiteNumber,
  max: finiteNumber,
  numerator: v.optional(finiteNumber),
  denominator: v.optional(finiteNumber),
};

const HORIZON_ENTRIES = {
  type: oneOf(HORIZON_TYPES),
  year: v.optional(year),
  from: v.optional(year),
  to: v.optional(year),
};

const DEADLINE_ENTRIES = {
  date: calendarDate,
  precision: oneOf(PRECISIONS),
  yearInferred: v.optional(v.boolean()),
};

const OBJECT_OR_NULL = "đối tượng (object) hoặc null";

export const ValueSchema = record(VALUE_ENTRIES);
export const HorizonSchema = record(HORIZON_ENTRIES);
export const DeadlineSchema = record(DEADLINE_ENTRIES);

export const AnchorSchema = v.pipe(
  record({
    quote: text(IMPORT_LIMITS.longText),
    prefix: text(),
    suffix: text(),
    start: offset,
    end: offset,
  }),
  v.forward(
    v.partialCheck(
      [["start"], ["end"]],
      (anchor) => anchor.end >= anchor.start,
      (issue) =>
        `phải không nhỏ hơn start (start ${preview((issue.input as { start?: unknown }).start)}, end ${preview((issue.input as { end?: unknown }).end)})`,
    ),
    ["end"],
  ),
);

/** The reader's values of the fields they corrected (each field as its own schema says). */
export const CorrectionsSchema = record({
  kind: v.optional(oneOf(SNIPPET_KINDS)),
  indicator: v.optional(text()),
  category: v.optional(textOrNull()),
  value: v.optional(v.nullable(record(VALUE_ENTRIES, OBJECT_OR_NULL))),
  unit: v.optional(textOrNull()),
  comparator: v.optional(v.nullable(oneOf(COMPARATORS))),
  direction: v.optional(v.nullable(oneOf(DIRECTIONS))),
  horizon: v.optional(v.nullable(record(HORIZON_ENTRIES, OBJECT_OR_NULL))),
  deadline: v.optional(v.nullable(record(DEADLINE_ENTRIES, OBJECT_OR_NULL))),
  locality: v.optional(textOrNull()),
  level: v.optional(textOrNull()),
});

/** The fields of an item (a snippet's own, or those of a page change). */
const ITEM_FIELD_ENTRIES = {
  indicator: text(),
  category: textOrNull(),
  value: v.nullable(record(VALUE_ENTRIES, OBJECT_OR_NULL)),
  unit: textOrNull(),
  comparator: v.nullable(oneOf(COMPARATORS)),
  direction: v.nullable(oneOf(DIRECTIONS)),
  horizon: v.nullable(record(HORIZON_ENTRIES, OBJECT_OR_NULL)),
  deadline: v.nullable(record(DEADLINE_ENTRIES, OBJECT_OR_NULL)),
};

/** What the page now says at a snippet's place (schema 4; absent in older exports). */
const PageChangeSchema = record(
  {
    anchor: AnchorSchema,
    text: text(IMPORT_LIMITS.longText),
    sentence: text(IMPORT_LIMITS.longText),
    fields: v.nullable(record(ITEM_FIELD_ENTRIES, OBJECT_OR_NULL)),
    seenAt: timestamp,
  },
  OBJECT_OR_NULL,
);

export const SnippetSchema = record({
  id: nonEmptyText(),
  articleId: nonEmptyText(),
  kind: oneOf(SNIPPET_KINDS),
  manual: v.boolean(),
  text: text(IMPORT_LIMITS.longText),
  sentence: text(IMPORT_LIMITS.longText),
  ...ITEM_FIELD_ENTRIES,
  anchor: AnchorSchema,
  note: text(IMPORT_LIMITS.longText),
  tags: boundedList(IMPORT_LIMITS.tags, text(IMPORT_LIMITS.tag)),
  // Absent in files written before reviews existed (read as unreviewed, uncorrected).
  review: v.optional(oneOf(REVIEW_STATUSES)),
  corrections: v.optional(CorrectionsSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
  pageChange: v.optional(v.nullable(PageChangeSchema)),
  keptOver: v.optional(boundedList(IMPORT_LIMITS.tags, text(IMPORT_LIMITS.longText))),
  // The progress view's undone matches (target snippet ids); absent in older files.
  unmatchedTargets: v.optional(boundedList(IMPORT_LIMITS.tags, nonEmptyText())),
});

/**
 * The file around the records (after `migrateImport`): the records are
 * checked one by one with `ArticleSchema` / `SnippetSchema`, so a file with
 * many bad records reports a bounded number of messages with little memory.
 */
export const EnvelopeSchema = record({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: text(100),
  articles: countedList(IMPORT_LIMITS.records),
  snippets: countedList(IMPORT_LIMITS.records),
});

/** Both ways assignable: the schemas describe exactly the stored records (checked by `tsc`). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMAS_MATCH_RECORDS: Same<v.InferOutput<typeof ArticleSchema>, ArticleRecord> &
  Same<v.InferOutput<typeof SnippetSchema>, SnippetRecord> = true;
