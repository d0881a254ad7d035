/**
 * How an item's parsed fields read in the interface (card, panel, popup) and
 * when copied as text. Labels come from the current UI language.
 */
import type { ExtractedItem, Horizon, ItemValue } from "../extract/types.ts";
import { getLanguage, type MessageKey, t } from "../i18n/index.ts";
import type { SnippetKind } from "../snippets/types.ts";
import { categoryById } from "../taxonomy/taxonomy.ts";

type ItemFields = Pick<
  ExtractedItem,
  | "indicator"
  | "category"
  | "value"
  | "unit"
  | "comparator"
  | "direction"
  | "horizon"
  | "deadline"
  | "text"
>;

const KIND_LABEL: Record<SnippetKind, MessageKey> = {
  target: "kindTarget",
  result: "kindResult",
  deadline: "kindDeadline",
  excerpt: "kindExcerpt",
};

export function kindLabel(kind: SnippetKind): string {
  return t(KIND_LABEL[kind]);
}

export function categoryLabel(id: string | null): string {
  const category = id ? categoryById(id) : undefined;
  if (!category) return t("categoryUnknown");
  return getLanguage() === "en" ? category.en : category.vi;
}

/** One formatter per locale and precision: `toLocaleString` builds a new one each call (slow over 10,000 values). */
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the interface language writes it, with at most `maximumFractionDigits` decimals:
 * Vietnamese groups thousands with a dot and writes decimals with a comma (`28.864`, `2,35`);
 * English `28,864`, `2.35`.
 */
export function formatNumber(value: number, maximumFractionDigits = 3): string {
  const locale = getLanguage() === "en" ? "en-US" : "vi-VN";
  const key = `${locale} ${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

function numberPart(value: ItemValue, comparator: ItemFields["comparator"]): string {
  if (value.numerator !== undefined && value.denominator !== undefined) {
    return `${formatNumber(value.numerator)}/${formatNumber(value.denominator)}`;
  }
  if (comparator === "range" || value.min !== value.max) {
    // A range is written with an en dash and no spaces: `10–11%`.
    return `${formatNumber(value.min)}\u2013${formatNumber(value.max)}`;
  }
  return formatNumber(value.min);
}

/**
 * A number and its unit: the percent (per mille) sign follows the number without a space, as
 * Vietnamese (and English) write it (`95%`, `7%/năm`); words are spaced (`82 triệu đồng`).
 */
export function withUnit(number: string, unit: string | null): string {
  const trimmed = unit?.trim() ?? "";
  if (!trimmed) return number;
  return /^[%‰]/.test(trimmed) ? `${number}${trimmed}` : `${number} ${trimmed}`;
}

const COMPARATOR_LABEL: Partial<Record<NonNullable<ItemFields["comparator"]>, MessageKey>> = {
  ">=": "comparatorAtLeast",
  ">": "comparatorMoreThan",
  "<=": "comparatorAtMost",
  "<": "comparatorLessThan",
};

/** `ít nhất 95%`, `10–11%`, `tăng 2,35%`, `7/21 chỉ tiêu`; empty when there is no value. */
export function valueLabel(item: Pick<ItemFields, "value" | "unit" | "comparator" | "direction">) {
  if (!item.value) return "";
  const comparator = item.comparator ? COMPARATOR_LABEL[item.comparator] : undefined;
  const direction =
    item.direction === "increase"
      ? t("directionIncrease")
      : item.direction === "decrease"
        ? t("directionDecrease")
        : "";
  return [
    direction,
    comparator ? t(comparator) : "",
    withUnit(numberPart(item.value, item.comparator), item.unit),
  ]
    .filter(Boolean)
    .join(" ");
}

export function horizonLabel(horizon: Horizon | null): string {
  if (!horizon) return "";
  switch (horizon.type) {
    case "year":
      return horizon.year ? t("horizonYear", horizon.year) : "";
    case "period":
      return horizon.from && horizon.to ? t("horizonPeriod", horizon.from, horizon.to) : "";
    case "annual":
      return t("horizonAnnual");
    case "term":
      return t("horizonTerm");
  }
}

/** `ngày 15/01/2021`, `tháng 06/2021`, `năm 2025`. */
export function deadlineLabel(deadline: ItemFields["deadline"]): string {
  if (!deadline) return "";
  const [year, month, day] = deadline.date.split("-");
  const label =
    deadline.precision === "day"
      ? t("deadlineDay", `${day}/${month}/${year}`)
      : deadline.precision === "month"
        ? t("deadlineMonth", `${month}/${year}`)
        : t("deadlineYear", year ?? "");
  return deadline.yearInferred ? `${label} ${t("deadlineYearInferred")}` : label;
}

/** Label/value rows for an item's fields, leaving out what the item does not have. */
export function fieldRows(item: ItemFields): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (item.indicator) rows.push([t("fieldIndicator"), item.indicator]);
  if (item.value || item.category) rows.push([t("fieldCategory"), categoryLabel(item.category)]);
  const value = valueLabel(item);
  if (value) rows.push([t("fieldValue"), value]);
  const horizon = horizonLabel(item.horizon);
  if (horizon) rows.push([t("fieldHorizon"), horizon]);
  const deadline = deadlineLabel(item.deadline);
  if (deadline) rows.push([t("fieldDeadline"), deadline]);
  return rows;
}

/** Plain text for the clipboard: the quote, its fields, and where it came from. */
export function itemAsText(
  kind: SnippetKind,
  item: ItemFields & { sentence?: string },
  source: { title: string; url: string },
): string {
  const lines = [`${kindLabel(kind)}: ${item.text}`];
  for (const [label, value] of fieldRows(item)) lines.push(`${label}: ${value}`);
  if (item.sentence && item.sentence !== item.text)
    lines.push(`${t("fieldSentence")}: ${item.sentence}`);
  lines.push(`${source.title} — ${source.url}`);
  return lines.join("\n");
}
