/**
 * How the comparison reads in the interface: statuses, groups, % thực hiện and the spread in the
 * UI language (Vietnamese typography: `101,6%`).
 */
import type { AttainmentStatus, NoDataReason } from "../../../lib/collection/index.ts";
import { getLanguage, type MessageKey, t } from "../../../lib/i18n/index.ts";
import type { CategoryGroup } from "../../../lib/taxonomy/taxonomy.ts";

export const STATUS_KEYS: Record<AttainmentStatus, MessageKey> = {
  exceeded: "compareStatusExceeded",
  met: "compareStatusMet",
  not_met: "compareStatusNotMet",
  no_data: "compareStatusNoData",
};

export const GROUP_KEYS: Record<CategoryGroup, MessageKey> = {
  economy: "compareGroupEconomy",
  society: "compareGroupSociety",
  defence: "compareGroupDefence",
  party: "compareGroupParty",
  overall: "compareGroupOverall",
};

/** The words for why a target has no % thực hiện, when the reason is worth saying. */
export function reasonLabel(reason: NoDataReason | undefined): string {
  if (reason === "units") return t("compareReasonUnits");
  if (reason === "span") return t("compareReasonSpan");
  return "";
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** `101,6%` (one decimal at most; `en`: `101.6%`). */
export function formatPercent(value: number): string {
  const locale = getLanguage() === "en" ? "en-US" : "vi-VN";
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    percentFormats.set(locale, format);
  }
  return `${format.format(value)}%`;
}

export { displayDate } from "../../../lib/text/dates.ts";
