/**
 * One indicator across localities, for the grouped bars (*Biểu đồ theo địa phương*): per place
 * its target and the latest result matched to it. Figures that do not compare never share a
 * chart: one chart per span (per-year, whole-term, level) and unit (`unitCompareKey`; a scale
 * prefix converts, so `tỷ đồng` and `triệu đồng` share one, in the unit met first).
 */
import { readUnit, unitCompareKey } from "./attainment.ts";
import type { ProgressSeries } from "./progress.ts";

export interface LocalityBars {
  /** `span|unit key`: what the bars share. */
  key: string;
  span: ProgressSeries["span"];
  /** The unit the values are in, as the first target writes it. */
  unit: string;
  groups: Array<{
    /** The place's key (`ProgressPlace.key`). */
    place: string;
    label: string;
    target: number;
    /** The latest matched result (in `unit`), or null when none is reported yet. */
    result: number | null;
  }>;
}

/** `Tân Phước (huyện)`, or the locality alone. */
export function placeLabel(place: { locality: string; level: string | null }): string {
  return place.level ? `${place.locality} (${place.level})` : place.locality;
}

/**
 * The bars of `category`: per span and unit, one group per place (its first target of that kind,
 * in the order `progressSeries` gives), places in that order too. A figure with no stated span
 * (`open`) joins the level chart of its unit, else the whole-term one, else has its own (open
 * meets both, `spansMeet`). Charts with more places first.
 */
export function localityBars(series: readonly ProgressSeries[], category: string): LocalityBars[] {
  const charts = new Map<string, LocalityBars>();
  const mine = series.filter((one) => one.category === category);
  const add = (one: ProgressSeries, key: string) => {
    let chart = charts.get(key);
    if (!chart) {
      chart = { key, span: one.span, unit: one.unit, groups: [] };
      charts.set(key, chart);
    }
    if (chart.groups.some((group) => group.place === one.place.key)) return;
    const factor = readUnit(one.unit).scale / readUnit(chart.unit).scale;
    const latest = one.points.at(-1);
    chart.groups.push({
      place: one.place.key,
      label: placeLabel(one.place),
      target: one.targetValue * factor,
      result: latest ? latest.value * factor : null,
    });
  };
  for (const one of mine)
    if (one.span !== "open") add(one, `${one.span}|${unitCompareKey(one.unit)}`);
  for (const one of mine) {
    if (one.span !== "open") continue;
    const unit = unitCompareKey(one.unit);
    const joined = [`level|${unit}`, `term|${unit}`].find((key) => charts.has(key));
    add(one, joined ?? `open|${unit}`);
  }
  return [...charts.values()].sort((a, b) => b.groups.length - a.groups.length);
}
