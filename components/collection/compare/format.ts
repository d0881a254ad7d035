/**
 * How the comparison reads in the interface: statuses, groups, % thực hiện and the spread in the
 * UI language (Vietnamese typography: `101,6%`).
 */
import type { AttainmentStatus, NoDataReason } from "../../../lib/collection/index.ts";
import { type MessageKey, t } from "../../../lib/i18n/index.ts";
import { formatNumber } from "../../../lib/i18n/item-format.ts";
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

/** `101,6%` (one decimal at most; `en`: `101.6%`). */
export function formatPercent(value: number): string {
  return `${formatNumber(value, 1)}%`;
}

export { displayDate } from "../../../lib/text/dates.ts";
