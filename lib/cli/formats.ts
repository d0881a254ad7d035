/**
 * Output formats of the batch extractor: JSON (one object per file), CSV (one
 * row per item) and Markdown (one section per file).
 */
import Papa from "papaparse";
import { articleHeading } from "../article/facts.ts";
import type { ExtractedItem } from "../extract/types.ts";
import type { PageAnalysis } from "../page.ts";

export interface FileResult {
  file: string;
  recognised: boolean;
  score: number;
  reasons: string[];
  article: {
    title: string;
    publishedAt: string | null;
    organization: string | null;
    level: string | null;
    locality: string | null;
    congress: number | null;
    term: string | null;
    meetingDate: string | null;
    taskCounts: PageAnalysis["article"]["taskCounts"];
    canonicalUrl: string | null;
    text: string;
  };
  items: ExtractedItem[];
}

export function toFileResult(file: string, analysis: PageAnalysis): FileResult {
  const a = analysis.article;
  return {
    file,
    recognised: analysis.recognised,
    score: analysis.score,
    reasons: analysis.reasons,
    article: {
      ...articleHeading(a),
      meetingDate: a.meetingDate,
      taskCounts: a.taskCounts,
      canonicalUrl: a.canonicalUrl,
      text: a.text,
    },
    items: analysis.items,
  };
}

export function formatValue(item: ExtractedItem): string {
  const v = item.value;
  if (!v) return "";
  if (v.denominator !== undefined) return `${v.numerator}/${v.denominator}`;
  return v.min === v.max ? String(v.min) : `${v.min}–${v.max}`;
}

function horizonText(item: ExtractedItem): string {
  const h = item.horizon;
  if (!h) return "";
  if (h.type === "year") return String(h.year);
  if (h.type === "period") return `${h.from}-${h.to}`;
  return h.type;
}

/** The CSV columns, in order: one row per item, with its file and the article's facts. */
export const CSV_COLUMNS = [
  "file",
  "kind",
  "start",
  "end",
  "text",
  "indicator",
  "category",
  "value_min",
  "value_max",
  "unit",
  "comparator",
  "direction",
  "horizon",
  "deadline",
  "organization",
  "locality",
  "level",
  "congress",
  "term",
  "rule",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string | number>;

export function toCsvRows(r: FileResult): CsvRow[] {
  return r.items.map((i) => ({
    file: r.file,
    kind: i.kind,
    start: i.start,
    end: i.end,
    text: i.text,
    indicator: i.indicator,
    category: i.category ?? "",
    value_min: i.value?.min ?? "",
    value_max: i.value?.max ?? "",
    unit: i.unit ?? "",
    comparator: i.comparator ?? "",
    direction: i.direction ?? "",
    horizon: horizonText(i),
    deadline: i.deadline?.date ?? "",
    organization: r.article.organization ?? "",
    locality: r.article.locality ?? "",
    level: r.article.level ?? "",
    congress: r.article.congress ?? "",
    term: r.article.term ?? "",
    rule: i.rule,
  }));
}

export const CSV_NEWLINE = "\r\n";

export function toCsv(results: readonly FileResult[]): string {
  return Papa.unparse(results.flatMap(toCsvRows), { newline: CSV_NEWLINE });
}

/** The CSV header line, without its line break. */
export function csvHeader(): string {
  return CSV_COLUMNS.join(",");
}

/** One result's CSV rows without a header, each ending in a line break ("" when it has no items). */
export function csvRowLines(r: FileResult): string {
  const rows = toCsvRows(r);
  if (rows.length === 0) return "";
  const data = rows.map((row) => CSV_COLUMNS.map((column) => row[column]));
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data }, { header: false, newline: CSV_NEWLINE })}${CSV_NEWLINE}`;
}

const KIND_LABEL: Record<ExtractedItem["kind"], string> = {
  target: "Chỉ tiêu (target)",
  result: "Kết quả (result)",
  deadline: "Thời hạn (deadline)",
};

export function toMarkdown(results: readonly FileResult[]): string {
  const out: string[] = [];
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  for (const r of results) {
    out.push(`## ${cell(r.article.title || r.file)}`, "");
    out.push(
      `- File: ${cell(r.file)}`,
      `- Recognised: ${r.recognised ? "yes" : "no"} (score ${r.score})`,
      `- Organisation: ${cell(r.article.organization ?? "—")}; congress ${r.article.congress ?? "—"}; term ${r.article.term ?? "—"}`,
      "",
    );
    for (const kind of ["target", "result", "deadline"] as const) {
      const items = r.items.filter((i) => i.kind === kind);
      if (items.length === 0) continue;
      out.push(
        `### ${KIND_LABEL[kind]}`,
        "",
        "| text | indicator | value | unit | horizon / deadline |",
        "|---|---|---|---|---|",
      );
      for (const i of items) {
        out.push(
          `| ${cell(i.text)} | ${cell(i.indicator)} | ${formatValue(i)} | ${cell(i.unit ?? "")} | ${i.deadline?.date ?? horizonText(i)} |`,
        );
      }
      out.push("");
    }
  }
  return out.join("\n");
}
