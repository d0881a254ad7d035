/**
 * "Biểu đồ theo địa phương": choose an indicator, see its target and latest result in every
 * locality that has one, one chart per span and unit (never per-year beside whole-term figures,
 * never units that do not compare).
 */
import { useMemo, useState } from "preact/hooks";
import type { ProgressSeries } from "../../../lib/collection/progress.ts";
import { localityBars } from "../../../lib/collection/progress-bars.ts";
import { type MessageKey, t } from "../../../lib/i18n/index.ts";
import { categoryLabel } from "../../../lib/i18n/item-format.ts";
import { IndicatorBars } from "../charts/IndicatorBars.tsx";
import { IndicatorPicker } from "./IndicatorPicker.tsx";
import { fileSlug } from "./progress-labels.ts";

const SPAN_LABEL: Record<ProgressSeries["span"], MessageKey> = {
  annual: "progressBarsSpan_annual",
  term: "progressBarsSpan_term",
  level: "progressBarsSpan_level",
  open: "progressBarsSpan_open",
};

export function LocalityBarsSection(props: { series: readonly ProgressSeries[] }) {
  const categories = useMemo(() => {
    const counts = new Map<string, Set<string>>();
    for (const one of props.series) {
      const places = counts.get(one.category) ?? new Set<string>();
      places.add(one.place.key);
      counts.set(one.category, places);
    }
    // Indicators with more localities first, then by label.
    return [...counts.entries()]
      .sort(
        (a, b) =>
          b[1].size - a[1].size || categoryLabel(a[0]).localeCompare(categoryLabel(b[0]), "vi"),
      )
      .map(([category]) => category);
  }, [props.series]);
  const [chosen, setChosen] = useState<string | null>(null);
  const category = chosen && categories.includes(chosen) ? chosen : (categories[0] ?? null);
  const charts = useMemo(
    () => (category ? localityBars(props.series, category) : []),
    [props.series, category],
  );
  if (!category) return null;
  return (
    <section class="progress-bars" aria-labelledby="progress-bars-heading">
      <h2 id="progress-bars-heading">{t("progressBarsHeading")}</h2>
      <p class="muted">{t("progressBarsHelp")}</p>
      <IndicatorPicker
        categories={categories}
        value={category}
        onChange={setChosen}
        data="data-bars-indicator"
      />
      {charts.map((chart) => (
        <IndicatorBars
          key={chart.key}
          fileName={`dia-phuong-${fileSlug(categoryLabel(category))}`}
          data={{
            title: `${categoryLabel(category)} — ${t(SPAN_LABEL[chart.span])}`,
            unit: chart.unit,
            groups: chart.groups.map(({ label, target, result }) => ({ label, target, result })),
          }}
        />
      ))}
    </section>
  );
}
