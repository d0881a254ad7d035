/** What the comparison's marks, numbers and statuses mean (compact: the marks and statuses only). */
import { t } from "../../../lib/i18n/index.ts";

export function Legend(props: { compact: boolean }) {
  const lines = props.compact
    ? (["compareLegendTarget", "compareLegendResult", "compareLegendStatus"] as const)
    : ([
        "compareLegendTarget",
        "compareLegendResult",
        "compareLegendPercent",
        "compareLegendStatus",
        "compareLegendSpan",
        "compareLegendSpread",
        "compareLegendFocus",
      ] as const);
  return (
    <section class="compare-legend" aria-labelledby="compare-legend-title">
      <h2 id="compare-legend-title">{t("compareLegendTitle")}</h2>
      <ul>
        {lines.map((key) => (
          <li key={key} class={key === "compareLegendFocus" ? "no-print" : undefined}>
            {t(key)}
          </li>
        ))}
      </ul>
    </section>
  );
}
