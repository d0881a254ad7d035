/** How the progress view names a series, a review and a path's start, in the UI language. */
import type { ProgressSeries } from "../../../lib/collection/progress.ts";
import type { ReviewKind } from "../../../lib/collection/review-kind.ts";
import { type MessageKey, t } from "../../../lib/i18n/index.ts";
import { categoryLabel } from "../../../lib/i18n/item-format.ts";
import { foldDiacritics } from "../../../lib/text/fold.ts";
import { chartValue } from "../charts/chart-format.ts";
import type { ProgressChartData } from "../charts/ProgressChart.tsx";

const REVIEW_LABEL: Record<ReviewKind, MessageKey> = {
  six_months: "reviewKindSixMonths",
  annual: "reviewKindAnnual",
  mid_term: "reviewKindMidTerm",
  term_end: "reviewKindTermEnd",
};

export function reviewLabel(kind: ReviewKind | null): string {
  return t(kind ? REVIEW_LABEL[kind] : "reviewKindReport");
}

/** The series' title: the target's indicator phrase, else its category's label. */
export function seriesTitle(series: ProgressSeries): string {
  return series.target.snippet.indicator.trim() || categoryLabel(series.category);
}

/** What the path starts from, in a sentence. */
export function pathNote(series: ProgressSeries): string {
  const path = series.path;
  if (!path) return t("progressNoPath");
  switch (path.startsFrom) {
    case "baseline":
      return t("progressFromBaseline", chartValue(path.from.value, series.unit));
    case "first_result":
      return t("progressFromFirstResult");
    case "zero":
      return t("progressFromZero");
    case "target":
      return t("progressPerYear");
  }
}

/** The chart's data for one series. */
export function progressChartData(series: ProgressSeries): ProgressChartData {
  return {
    title: seriesTitle(series),
    unit: series.unit,
    target: { date: series.dueDate, value: series.targetValue },
    path: series.path ? { from: series.path.from, to: series.path.to } : null,
    points: series.points.map((point) => ({
      date: point.date,
      value: point.value,
      status: point.status,
      label: reviewLabel(point.review),
    })),
  };
}

/** A file name part from free text: folded, dashes for the rest. */
export function fileSlug(text: string): string {
  return (
    foldDiacritics(text)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "bieu-do"
  );
}
