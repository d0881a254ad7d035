/**
 * Streaming output of `npm run extract`: each result becomes one piece of text (made where the
 * result is made, in a worker for many inputs), and the pieces are joined in input order with what
 * the format puts before, between and after them. Joined, they are byte for byte what the whole
 * format gives for all results at once: a JSON array (`JSON.stringify(results, null, 2)`), JSON
 * Lines (one result a line), CSV (UTF-8 BOM and a header once, then one row per item) or Markdown.
 */
import { CSV_NEWLINE, csvHeader, csvRowLines, type FileResult, toMarkdown } from "./formats.ts";

export const OUTPUT_FORMATS = ["json", "jsonl", "csv", "md"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(text: string): text is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(text);
}

/** One result's piece of output. */
export function formatResult(result: FileResult, format: OutputFormat): string {
  switch (format) {
    case "json":
      // An element of a pretty-printed array: every line indented by two spaces.
      return JSON.stringify(result, null, 2).replace(/^/gm, "  ");
    case "jsonl":
      return `${JSON.stringify(result)}\n`;
    case "csv":
      return csvRowLines(result);
    case "md":
      return toMarkdown([result]);
  }
}

/** Joins pieces into the format's whole output: call `head`, then `join` per piece, then `tail`. */
export class OutputJoiner {
  private pieces = 0;

  constructor(private readonly format: OutputFormat) {}

  /** What comes first: the CSV BOM and header (not when appending to an earlier run's file). */
  head(appending: boolean): string {
    if (this.format === "csv" && !appending) return `\uFEFF${csvHeader()}${CSV_NEWLINE}`;
    return "";
  }

  join(piece: string): string {
    const first = this.pieces === 0;
    this.pieces++;
    if (this.format === "json") return `${first ? "[\n" : ",\n"}${piece}`;
    if (this.format === "md") return first ? piece : `\n${piece}`;
    return piece;
  }

  tail(): string {
    if (this.format === "json") return this.pieces === 0 ? "[]\n" : "\n]\n";
    if (this.format === "md") return "\n";
    return "";
  }
}
