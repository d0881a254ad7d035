/**
 * How the reader's review reads in the interface: the status chip's words (Vietnamese first,
 * English second), and each correctable field's value as text (the engine's value beside the
 * reader's in the editor).
 */

import { comparatorWord, directionWord } from "../lib/export/labels.ts";
import type { ItemValue } from "../lib/extract/types.ts";
import { getLanguage, type MessageKey, t } from "../lib/i18n/index.ts";
import {
  categoryLabel,
  deadlineLabel,
  formatNumber,
  horizonLabel,
  kindLabel,
} from "../lib/i18n/item-format.ts";
import type { CorrectableField, ReviewStatus, SnippetKind } from "../lib/snippets/types.ts";

const REVIEW_LABEL: Record<ReviewStatus, MessageKey> = {
  unreviewed: "reviewUnreviewed",
  accepted: "reviewAccepted",
  corrected: "reviewCorrected",
  rejected: "reviewRejected",
};

/** `chưa duyệt`, `đã duyệt`, `đã sửa`, `loại bỏ` (in English: `unreviewed`…). */
export function reviewLabel(status: ReviewStatus): string {
  return t(REVIEW_LABEL[status]);
}

const FIELD_LABEL: Record<CorrectableField, MessageKey> = {
  kind: "fieldKind",
  indicator: "fieldIndicator",
  category: "fieldCategory",
  value: "fieldValue",
  unit: "fieldUnit",
  comparator: "fieldComparator",
  direction: "fieldDirection",
  horizon: "fieldHorizon",
  deadline: "fieldDeadline",
  locality: "fieldLocality",
  level: "fieldLevel",
};

export function correctableFieldLabel(field: CorrectableField): string {
  return t(FIELD_LABEL[field]);
}

function numbers(value: ItemValue): string {
  if (value.numerator !== undefined && value.denominator !== undefined)
    return `${formatNumber(value.numerator)}/${formatNumber(value.denominator)}`;
  return value.min === value.max
    ? formatNumber(value.min)
    : `${formatNumber(value.min)}\u2013${formatNumber(value.max)}`;
}

/** A field's value as text (`(trống)` when it has none), as the editor shows the engine's. */
export function correctableValueText(field: CorrectableField, value: unknown): string {
  const empty = t("engineValueEmpty");
  if (value === null || value === undefined || value === "") return empty;
  switch (field) {
    case "kind":
      return kindLabel(value as SnippetKind);
    case "category":
      return categoryLabel(value as string);
    case "value":
      return numbers(value as ItemValue);
    case "comparator":
      return comparatorWord(value as never, getLanguage()) || empty;
    case "direction":
      return directionWord(value as never, getLanguage()) || empty;
    case "horizon":
      return horizonLabel(value as never) || empty;
    case "deadline":
      return deadlineLabel(value as never) || empty;
    default:
      return String(value);
  }
}
