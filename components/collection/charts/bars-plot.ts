/**
 * The grouped bars of one indicator across localities (`IndicatorBars`) drawn as an SVG with
 * Observable Plot: per locality a target bar and a result bar, the target also marked by a rule
 * across the group. Each bar has a title (its value in words) and the SVG an ARIA label; the
 * numbers follow the UI language. Takes the document to draw in (a test passes linkedom's).
 */
import * as Plot from "@observablehq/plot";
import { chartValue, formatNumber } from "./chart-format.ts";
import { type PlotFrameOptions, plotFrame } from "./plot-frame.ts";

/** What the chart shows; a comparison row can be turned into it. */
export interface IndicatorBarsData {
  title: string;
  unit: string;
  groups: Array<{ label: string; target: number | null; result: number | null }>;
}

export interface BarsLabels {
  target: string;
  result: string;
  /** The SVG's ARIA label (the title and what it shows). */
  description: string;
}

interface Bar {
  group: string;
  series: string;
  value: number;
  kind: "target" | "result";
}

export function indicatorBarsSvg(
  data: IndicatorBarsData,
  options: PlotFrameOptions & { labels: BarsLabels },
): SVGSVGElement | HTMLElement {
  const { colors, labels } = options;
  const bars: Bar[] = data.groups.flatMap((group) => [
    ...(group.target === null
      ? []
      : [
          {
            group: group.label,
            series: labels.target,
            value: group.target,
            kind: "target" as const,
          },
        ]),
    ...(group.result === null
      ? []
      : [
          {
            group: group.label,
            series: labels.result,
            value: group.result,
            kind: "result" as const,
          },
        ]),
  ]);
  const targets = bars.filter((bar) => bar.kind === "target");
  const describe = (bar: Bar) =>
    `${bar.group} — ${bar.series}: ${chartValue(bar.value, data.unit)}`;
  return Plot.plot({
    ...plotFrame(options, labels.description),
    marginTop: 28,
    fx: { domain: data.groups.map((group) => group.label), label: null, padding: 0.2 },
    x: { domain: [labels.target, labels.result], label: null, padding: 0.1 },
    y: {
      grid: true,
      // The caption names the indicator and its unit; a label here would run into the localities.
      label: null,
      tickFormat: (value: number) => formatNumber(value),
      nice: true,
      zero: true,
    },
    color: { domain: ["target", "result"], range: [colors.target, colors.result] },
    marks: [
      Plot.ruleY([0], { stroke: colors.foreground, ariaHidden: "true" }),
      Plot.barY(bars, {
        fx: "group",
        x: "series",
        y: "value",
        fill: "kind",
        fillOpacity: (bar: Bar) => (bar.kind === "target" ? 0.45 : 1),
        stroke: "kind",
        title: describe,
        ariaLabel: describe,
        className: "gvn-bar",
      }),
      Plot.tickY(targets, {
        fx: "group",
        y: "value",
        stroke: colors.target,
        strokeWidth: 3,
        ariaHidden: "true",
        className: "gvn-target-mark",
      }),
      Plot.text(bars, {
        fx: "group",
        x: "series",
        y: "value",
        text: (bar: Bar) => chartValue(bar.value, data.unit),
        dy: -8,
        fill: colors.foreground,
        ariaHidden: "true",
      }),
    ],
  });
}
