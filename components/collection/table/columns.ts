/**
 * The collection table's columns, in one place: what each shows (text, formatted the Vietnamese
 * way by components/item-format.ts), what it sorts by, and whether the reader may hide it. A new
 * column is one more entry of `COLUMNS`; `review` is the reader's review status, `status` the
 * state of the snippet's deadline or horizon. Cells show the reader's corrected values (the view
 * gives them effective entries).
 */
import type { GroupBy, ListedEntry, SortValue } from "../../../lib/collection/index.ts";
import { type MessageKey, t } from "../../../lib/i18n/index.ts";
import {
  categoryLabel,
  deadlineLabel,
  horizonLabel,
  kindLabel,
  valueLabel,
} from "../../../lib/i18n/item-format.ts";
import { REVIEW_STATUSES, reviewOf } from "../../../lib/snippets/review.ts";
import type { ListedSnippet } from "../../../lib/snippets/types.ts";
import { reviewLabel } from "../../review-format.ts";

/** The status cell: a figure the page now gives differently first, else the deadline's state. */
function statusText(snippet: ListedSnippet, today: string): string {
  if (snippet.pageChange) return t("pageChanged");
  const state = dueState(snippet, today);
  return state ? t(DUE_LABEL[state]) : "";
}

/** The review column sorts in this order: unreviewed first, then accepted, corrected, rejected. */
const REVIEW_ORDER = REVIEW_STATUSES;

export interface TableColumn {
  id: string;
  header: MessageKey;
  /** The cell's text. */
  text(entry: ListedEntry): string;
  /** What the column sorts by (`null`: last). */
  sortValue(entry: ListedEntry): SortValue;
  /** CSS width class (`w-xs`…`w-xl`). */
  width: "w-xs" | "w-s" | "w-m" | "w-l" | "w-xl";
  /** Shown until the reader hides it. */
  shownByDefault: boolean;
  /** The cell's class (`num` aligns figures). */
  cellClass?: string;
}

/** A snippet's deadline or horizon state on `today` (`YYYY-MM-DD`), or null when it has neither. */
export type DueState = "overdue" | "dueSoon" | "open" | "horizonPassed";

const DAY_MS = 86_400_000;
/** A deadline this close (or closer) is "due soon". */
const DUE_SOON_DAYS = 30;

export function dueState(snippet: ListedSnippet, today: string): DueState | null {
  if (snippet.deadline) {
    if (snippet.deadline.date < today) return "overdue";
    const days = (Date.parse(snippet.deadline.date) - Date.parse(today)) / DAY_MS;
    return days <= DUE_SOON_DAYS ? "dueSoon" : "open";
  }
  const last = snippet.horizon?.type === "period" ? snippet.horizon.to : snippet.horizon?.year;
  if (last === undefined) return null;
  return last < Number(today.slice(0, 4)) ? "horizonPassed" : "open";
}

const DUE_LABEL: Record<DueState, MessageKey> = {
  overdue: "statusOverdue",
  dueSoon: "statusDueSoon",
  open: "statusOpen",
  horizonPassed: "statusHorizonPassed",
};

/** Today as `YYYY-MM-DD` in the reader's time zone. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const today = localToday();

/** `15/01/2021` from `2021-01-15`. */
function dayMonthYear(iso: string | null): string {
  if (!iso) return "";
  const [year, month, day] = iso.split("-");
  return day && month ? `${day}/${month}/${year}` : (year ?? "");
}

/** The last day a snippet's deadline or horizon points at, for sorting. */
function dueDate(snippet: ListedSnippet): string | null {
  if (snippet.deadline) return snippet.deadline.date;
  const horizon = snippet.horizon;
  if (horizon?.type === "year" && horizon.year) return `${horizon.year}-12-31`;
  if (horizon?.type === "period" && horizon.to) return `${horizon.to}-12-31`;
  return null;
}

function localityText(entry: ListedEntry): string {
  const article = entry.article;
  if (!article?.locality) return article?.level ?? "";
  return article.level ? `${article.locality} (${article.level})` : article.locality;
}

const orNull = (text: string | null | undefined) => (text ? text : null);

export const COLUMNS: readonly TableColumn[] = [
  {
    id: "value",
    header: "columnValue",
    text: ({ snippet }) => valueLabel(snippet),
    sortValue: ({ snippet }) => snippet.value?.numerator ?? snippet.value?.min ?? null,
    width: "w-l",
    shownByDefault: true,
    cellClass: "num",
  },
  {
    id: "indicator",
    header: "columnIndicator",
    text: ({ snippet }) => snippet.indicator,
    sortValue: ({ snippet }) => orNull(snippet.indicator),
    width: "w-l",
    shownByDefault: true,
  },
  {
    id: "kind",
    header: "columnKind",
    text: ({ snippet }) => kindLabel(snippet.kind),
    sortValue: ({ snippet }) => kindLabel(snippet.kind),
    width: "w-xs",
    shownByDefault: true,
  },
  {
    id: "category",
    header: "columnCategory",
    text: ({ snippet }) => (snippet.category ? categoryLabel(snippet.category) : ""),
    sortValue: ({ snippet }) => (snippet.category ? categoryLabel(snippet.category) : null),
    width: "w-m",
    shownByDefault: true,
  },
  {
    id: "locality",
    header: "columnLocality",
    text: localityText,
    sortValue: (entry) => orNull(localityText(entry)),
    width: "w-l",
    shownByDefault: true,
  },
  {
    id: "horizon",
    header: "columnHorizon",
    text: ({ snippet }) => deadlineLabel(snippet.deadline) || horizonLabel(snippet.horizon),
    sortValue: ({ snippet }) => dueDate(snippet),
    width: "w-m",
    shownByDefault: true,
  },
  {
    id: "status",
    header: "columnStatus",
    text: ({ snippet }) => statusText(snippet, today),
    sortValue: ({ snippet }) => statusText(snippet, today) || null,
    width: "w-s",
    shownByDefault: true,
  },
  {
    id: "review",
    header: "columnReview",
    text: ({ snippet }) => reviewLabel(reviewOf(snippet)),
    sortValue: ({ snippet }) => REVIEW_ORDER.indexOf(reviewOf(snippet)),
    width: "w-s",
    shownByDefault: true,
  },
  {
    id: "article",
    header: "columnArticle",
    text: ({ article }) => article?.title ?? "",
    sortValue: ({ article }) => orNull(article?.title),
    width: "w-xl",
    shownByDefault: true,
  },
  {
    id: "date",
    header: "columnDate",
    text: ({ article }) => dayMonthYear(article?.publishedAt ?? null),
    sortValue: ({ article }) => orNull(article?.publishedAt),
    width: "w-s",
    shownByDefault: true,
    cellClass: "num",
  },
  {
    id: "quote",
    header: "columnQuote",
    text: ({ snippet }) => snippet.text,
    sortValue: ({ snippet }) => orNull(snippet.text),
    width: "w-xl",
    shownByDefault: false,
  },
  {
    id: "tags",
    header: "columnTags",
    text: ({ snippet }) => snippet.tags.join(", "),
    sortValue: ({ snippet }) => orNull(snippet.tags.join(", ")),
    width: "w-m",
    shownByDefault: false,
  },
];

export const COLUMN_IDS: readonly string[] = COLUMNS.map((column) => column.id);

export function columnById(id: string): TableColumn | undefined {
  return COLUMNS.find((column) => column.id === id);
}

/** The columns hidden until the reader shows them. */
export const HIDDEN_BY_DEFAULT: readonly string[] = COLUMNS.filter((c) => !c.shownByDefault).map(
  (column) => column.id,
);

/** The group an entry belongs to under each grouping (its key and the header's label). */
export function groupOf(groupBy: Exclude<GroupBy, "none">) {
  const unknown = t("groupUnknown");
  return (entry: ListedEntry): { key: string; label: string } => {
    if (groupBy === "article") {
      return { key: entry.snippet.articleId, label: entry.article?.title || unknown };
    }
    if (groupBy === "locality") {
      const locality = entry.article?.locality ?? "";
      return { key: locality, label: locality || "" };
    }
    const category = entry.snippet.category ?? "";
    return { key: category, label: category ? categoryLabel(category) : "" };
  };
}
