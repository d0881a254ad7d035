/**
 * How highlights look. Each kind sets both its background and its text colour,
 * so the text stays readable (contrast ≥ 7:1 for each pair) on light and on
 * dark pages alike; saved snippets add an underline on top of their kind.
 */
export const HIGHLIGHT_NAMES = {
  target: "gvn-target",
  result: "gvn-result",
  deadline: "gvn-deadline",
  saved: "gvn-saved",
  focus: "gvn-focus",
} as const;

export type HighlightName = (typeof HIGHLIGHT_NAMES)[keyof typeof HIGHLIGHT_NAMES];

/** Background and text colour per kind (also used by the card and panel swatches). */
export const KIND_COLOURS = {
  target: { background: "#fde68a", text: "#1c1500" },
  result: { background: "#bbf7d0", text: "#04250f" },
  deadline: { background: "#c7d2fe", text: "#0d1240" },
  excerpt: { background: "#e5e7eb", text: "#111827" },
} as const;

export const HIGHLIGHT_CSS = `
::highlight(gvn-target) { background-color: ${KIND_COLOURS.target.background}; color: ${KIND_COLOURS.target.text}; }
::highlight(gvn-result) { background-color: ${KIND_COLOURS.result.background}; color: ${KIND_COLOURS.result.text}; }
::highlight(gvn-deadline) { background-color: ${KIND_COLOURS.deadline.background}; color: ${KIND_COLOURS.deadline.text}; }
::highlight(gvn-saved) { text-decoration-line: underline; text-decoration-style: double; text-decoration-color: #7c2d12; text-decoration-thickness: 2px; }
::highlight(gvn-focus) { background-color: #1e3a8a; color: #ffffff; }
`;
