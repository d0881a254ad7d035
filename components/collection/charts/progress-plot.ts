/**
 * The progress timeline (`ProgressChart`) drawn as an SVG with Observable Plot: the straight path
 * from the term's start to the target (dashed), the target marked (a rule at its value and a star
 * on its due date), and each result a point: a circle on track, a triangle behind, a square the
 * path's own start, so the status never rests on colour alone. Each point has a title and an ARIA
 * label; numbers follow the UI language. Takes the document to draw in (a test passes linkedom's).
 */
import * as Plot from "@observablehq/plot";
import { chartDate, chartValue, formatNumber, utcDate } from "./chart-format.ts";
import { type PlotFrameOptions, plotFrame } from "./plot-frame.ts";

export interface ProgressChartPoint {
  /** ISO date. */
  date: string;
  value: number;
  status: "on_track" | "behind" | null;
  /** What the point is (the review and its article), for its title. */
  label: string;
}

/** What the chart shows (see `progressChartData` in the progress view). */
export interface ProgressChartData {
  title: string;
  unit: string;
  target: { date: string; value: number };
  /** The straight path (flat for a per-year target); null when there is none. */
  path: { from: { date: string; value: number }; to: { date: string; value: number } } | null;
  points: ProgressChartPoint[];
}

export interface ProgressLabels {
  target: string;
  onTrack: string;
  behind: string;
  start: string;
  date: string;
  /** The SVG's ARIA label. */
  description: string;
}

const SYMBOLS = { on_track: "circle", behind: "triangle", start: "square" } as const;

export function progressChartSvg(
  data: ProgressChartData,
  options: PlotFrameOptions & { labels: ProgressLabels },
): SVGSVGElement | HTMLElement {
  const { colors, labels } = options;
  const statusWord = (point: ProgressChartPoint) =>
    point.status === "on_track"
      ? labels.onTrack
      : point.status === "behind"
        ? labels.behind
        : labels.start;
  const describe = (point: ProgressChartPoint) =>
    `${chartDate(point.date)} — ${point.label}: ${chartValue(point.value, data.unit)} (${statusWord(point)})`;
  const targetText = `${labels.target}: ${chartValue(data.target.value, data.unit)} (${chartDate(data.target.date)})`;
  const group = (status: keyof typeof SYMBOLS) =>
    data.points.filter((point) => (point.status ?? "start") === status);
  const pointMark = (status: keyof typeof SYMBOLS) =>
    Plot.dot(group(status), {
      x: (point: ProgressChartPoint) => utcDate(point.date),
      y: "value",
      symbol: SYMBOLS[status],
      r: 6,
      fill: status === "behind" ? colors.behind : colors.result,
      stroke: colors.background,
      strokeWidth: 1.5,
      title: describe,
      ariaLabel: describe,
      className: `gvn-point gvn-point-${status}`,
    });
  const pathLine = data.path
    ? [
        { date: utcDate(data.path.from.date), value: data.path.from.value },
        { date: utcDate(data.path.to.date), value: data.path.to.value },
      ]
    : [];
  return Plot.plot({
    ...plotFrame(options, labels.description),
    marginRight: 24,
    x: { type: "utc", label: labels.date, ticks: "year", tickFormat: "%Y", nice: true, inset: 24 },
    y: {
      grid: true,
      // The caption names the indicator; the axis its unit.
      label: data.unit || null,
      tickFormat: (value: number) => formatNumber(value),
      nice: true,
    },
    marks: [
      Plot.ruleY([data.target.value], {
        stroke: colors.target,
        strokeDasharray: "2,3",
        ariaHidden: "true",
      }),
      Plot.line(pathLine, {
        x: "date",
        y: "value",
        stroke: colors.path,
        strokeWidth: 2,
        strokeDasharray: "6,4",
        // Described by the chart's table and the note above it; axe refuses a label on the group.
        ariaHidden: "true",
        className: "gvn-path",
      }),
      Plot.dot([data.target], {
        x: (target: { date: string }) => utcDate(target.date),
        y: "value",
        symbol: "star",
        r: 8,
        fill: colors.target,
        title: () => targetText,
        ariaLabel: () => targetText,
        className: "gvn-target-mark",
      }),
      pointMark("start"),
      pointMark("on_track"),
      pointMark("behind"),
      Plot.text(data.points, {
        x: (point: ProgressChartPoint) => utcDate(point.date),
        y: "value",
        // The number alone: the axis gives the unit (long ones would crowd the points).
        text: (point: ProgressChartPoint) => formatNumber(point.value),
        dy: -12,
        fill: colors.foreground,
        ariaHidden: "true",
      }),
    ],
  });
}
