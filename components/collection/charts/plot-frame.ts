/** What every chart's plot shares: its size, left margin, colours, type size and ARIA label. */
import type { ChartColors } from "./chart-theme.ts";

export interface PlotFrameOptions {
  colors: ChartColors;
  /** The document to draw in (a bare one in tests); the page's by default. */
  document?: Document;
  width?: number;
}

/** The plot options every chart starts from; `description` is the SVG's ARIA label. */
export function plotFrame(options: PlotFrameOptions, description: string) {
  return {
    ...(options.document ? { document: options.document } : {}),
    width: options.width ?? 640,
    height: 340,
    marginLeft: 56,
    ariaLabel: description,
    style: {
      background: options.colors.background,
      color: options.colors.foreground,
      fontSize: "12px",
    },
  };
}
