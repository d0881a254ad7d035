/**
 * The comparison ("So sánh") as the XLSX and DOCX exports write it: the
 * localities of the exported snippets side by side (`compareSources` of
 * `lib/collection`, the model the "So sánh" tab shows), each cell's targets and
 * results as text, the compared value as a number where the row's units agree,
 * and the articles behind every column as sources.
 */
import { horizonLabel, valueLabel } from "../../components/item-format.ts";
import {
  type ComparisonCell,
  type ComparisonTable,
  comparableSources,
  compareSources,
} from "../collection/index.ts";
import type { Language } from "../i18n/index.ts";
import type { ArticleRecord } from "../snippets/types.ts";
import type { ExportEntry } from "./format.ts";

/**
 * The comparison of the entries' localities (most targets and results first, at most
 * `maxSources`), or null when fewer than two localities have one.
 */
export function localityComparison(
  entries: readonly ExportEntry[],
  maxSources = Number.POSITIVE_INFINITY,
): ComparisonTable | null {
  const places = comparableSources(entries)
    .filter((option) => option.source.type === "locality")
    .slice(0, maxSources)
    .map((option) => option.source);
  if (places.length < 2) return null;
  const table = compareSources(entries, places);
  return table.rows.length > 0 ? table : null;
}

const PAIR_WORDS: Record<Language, { target: string; result: string }> = {
  vi: { target: "Chỉ tiêu", result: "Kết quả" },
  en: { target: "Target", result: "Result" },
};

/** `Chỉ tiêu: ít nhất 95 % (đến năm 2025)`, one line per target or result of the cell. */
export function comparisonCellLines(cell: ComparisonCell, language: Language): string[] {
  const words = PAIR_WORDS[language];
  const lines: string[] = [];
  for (const pair of cell.pairs) {
    for (const kind of ["target", "result"] as const) {
      const entry = pair[kind];
      if (!entry) continue;
      const { snippet } = entry;
      const value =
        valueLabel(snippet) || snippet.text.normalize("NFC").replace(/\s+/g, " ").trim();
      const horizon = horizonLabel(snippet.horizon);
      lines.push(`${words[kind]}: ${value}${horizon ? ` (${horizon})` : ""}`);
    }
  }
  return lines;
}

/** The articles behind the comparison's columns, each once, oldest first. */
export function comparisonArticles(table: ComparisonTable): ArticleRecord[] {
  const seen = new Map<string, ArticleRecord>();
  for (const column of table.columns)
    for (const article of column.articles) seen.set(article.id, article);
  return [...seen.values()].sort((a, b) =>
    (a.publishedAt ?? "9999") < (b.publishedAt ?? "9999")
      ? -1
      : (a.publishedAt ?? "9999") > (b.publishedAt ?? "9999")
        ? 1
        : a.title.localeCompare(b.title, "vi"),
  );
}
