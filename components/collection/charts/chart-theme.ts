/**
 * The colours a chart is drawn with, read from the page's CSS variables (charts.css: light and
 * dark schemes) when it is drawn, and written into the SVG as plain colours: a downloaded SVG or
 * PNG looks as it did on the page, with no stylesheet.
 */

export interface ChartColors {
  foreground: string;
  background: string;
  /** The target's bar and mark. */
  target: string;
  /** A result's bar; a result on track. */
  result: string;
  /** A result behind the path. */
  behind: string;
  /** The straight path. */
  path: string;
}

/** The light scheme: also what a chart uses when the page has no variables (tests, a bare page). */
export const LIGHT_COLORS: ChartColors = {
  foreground: "#111827",
  background: "#ffffff",
  target: "#9a3412",
  result: "#166534",
  behind: "#b91c1c",
  path: "#4b5563",
};

const VARIABLES: Record<keyof ChartColors, string> = {
  foreground: "--chart-fg",
  background: "--chart-bg",
  target: "--chart-target",
  result: "--chart-result",
  behind: "--chart-behind",
  path: "--chart-path",
};

/** The colours in force at `element` (each falls back to the light scheme's). */
export function chartColors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const colors = { ...LIGHT_COLORS };
  for (const key of Object.keys(VARIABLES) as Array<keyof ChartColors>) {
    const value = style.getPropertyValue(VARIABLES[key]).trim();
    if (value) colors[key] = value;
  }
  return colors;
}
