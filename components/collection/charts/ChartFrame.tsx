/**
 * A chart on the page: its title, the SVG (drawn by `draw` with the colours in force, again when
 * the colour scheme changes), the buttons that download it as SVG and PNG, and its text
 * alternative: a table with the same numbers, behind a disclosure.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../../../lib/i18n/index.ts";
import { ActionRow } from "../ActionRow.tsx";
import { downloadBlob, downloadText } from "../download.ts";
import { svgMarkup, svgSize, svgToPng } from "./chart-files.ts";
import { type ChartColors, chartColors } from "./chart-theme.ts";
import "./charts.css";

/** Re-renders when the reader's colour scheme changes. */
function useColorScheme(): string {
  const query =
    typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  const [scheme, setScheme] = useState(query?.matches ? "dark" : "light");
  useEffect(() => {
    if (!query) return;
    const changed = () => setScheme(query.matches ? "dark" : "light");
    query.addEventListener("change", changed);
    return () => query.removeEventListener("change", changed);
  }, []);
  return scheme;
}

export function ChartFrame(props: {
  /** The chart's title (its caption and the downloaded SVG's title). */
  title: string;
  /** The downloaded files' name without extension. */
  fileName: string;
  /** Draws the chart (Observable Plot) with the page's colours, `width` pixels wide. */
  draw: (frame: { colors: ChartColors; width: number }) => Element;
  /** Redraws when this changes. */
  version: unknown;
  kind: "bars" | "progress";
  /** The text alternative: a table with the chart's numbers. */
  children: ComponentChildren;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    // As wide as the page gives it, within what stays readable.
    const width = Math.round(Math.min(Math.max(element.clientWidth || 640, 360), 960));
    element.replaceChildren(props.draw({ colors: chartColors(element), width }));
  }, [props.version, scheme]);

  const svg = () => holder.current?.querySelector("svg") ?? null;
  const saveSvg = () => {
    const chart = svg();
    if (chart)
      downloadText(`${props.fileName}.svg`, svgMarkup(chart, props.title), "image/svg+xml");
  };
  const savePng = async () => {
    const chart = svg();
    if (!chart) return;
    const png = await svgToPng(svgMarkup(chart, props.title), svgSize(chart));
    downloadBlob(`${props.fileName}.png`, png);
  };

  return (
    <figure class={`chart chart-${props.kind}`} data-chart={props.kind}>
      <figcaption class="chart-title">{props.title}</figcaption>
      <div class="chart-canvas" ref={holder} />
      <ActionRow
        class="chart-actions"
        actions={[
          { label: t("chartDownloadSvg"), run: saveSvg, data: { "data-chart-download": "svg" } },
          { label: t("chartDownloadPng"), run: savePng, data: { "data-chart-download": "png" } },
        ]}
      />
      <details class="chart-table">
        <summary>{t("chartTable")}</summary>
        {props.children}
      </details>
    </figure>
  );
}
