/** A target's status as words (never colour alone) with its % thực hiện. */
import type { Attainment } from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";
import { formatPercent, reasonLabel, STATUS_KEYS } from "./format.ts";

export function StatusBadge(props: { attainment: Attainment }) {
  const { status, percentDone, reason } = props.attainment;
  const why = status === "no_data" ? reasonLabel(reason) : "";
  return (
    <span class="attainment" data-status={status}>
      {percentDone !== null && (
        <span class="percent" data-percent={percentDone.toFixed(1)}>
          <span class="sr-only">{t("comparePercentDone")}: </span>
          {formatPercent(percentDone)}
        </span>
      )}
      <span class={`status status-${status}`}>{t(STATUS_KEYS[status])}</span>
      {why && <span class="muted reason"> ({why})</span>}
    </span>
  );
}
