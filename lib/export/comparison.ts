/**
 * The comparison ("So sánh") as the XLSX and DOCX exports write it: the chosen columns side by
 * side (`compareSources` of `lib/collection`, the model the "So sánh" tab shows), rows by group,
 * each cell's target, latest result, % thực hiện and status, in the export's language, and the
 * articles behind every column as sources.
 */

import {
  type AttainmentStatus,
  type ComparisonCell,
  type ComparisonPair,
  type ComparisonTable,
  comparableSources,
  compareSources,
  type NoDataReason,
} from "../collection/index.ts";
import type { Language } from "../i18n/index.ts";
import { horizonLabel, valueLabel } from "../i18n/item-format.ts";
import type { ListedArticle } from "../snippets/types.ts";
import type { CategoryGroup } from "../taxonomy/taxonomy.ts";
import { displayDate } from "../text/dates.ts";
import { type ListedEntry, localIsoDate } from "./format.ts";

/**
 * The comparison of the entries' localities (most targets and results first, at most
 * `maxSources`), or null when fewer than two localities have one.
 */
export function localityComparison(
  entries: readonly ListedEntry[],
  maxSources = Number.POSITIVE_INFINITY,
  language: Language = "vi",
): ComparisonTable | null {
  const places = comparableSources(entries)
    .filter((option) => option.source.type === "locality")
    .slice(0, maxSources)
    .map((option) => option.source);
  if (places.length < 2) return null;
  const table = compareSources(entries, places, { language });
  return table.rows.length > 0 ? table : null;
}

interface ComparisonWords {
  target: string;
  result: string;
  done: string;
  indicator: string;
  asOf: string;
  status: Record<AttainmentStatus, string>;
  reason: Partial<Record<NoDataReason, string>>;
  group: Record<CategoryGroup, string>;
}

export const COMPARISON_WORDS: Record<Language, ComparisonWords> = {
  vi: {
    target: "Chỉ tiêu",
    result: "Kết quả",
    done: "Thực hiện",
    indicator: "Chỉ số",
    asOf: "số liệu ngày",
    status: { exceeded: "Vượt", met: "Đạt", not_met: "Chưa đạt", no_data: "Chưa có số liệu" },
    reason: { units: "khác đơn vị", span: "khác kỳ (mỗi năm / cả nhiệm kỳ)" },
    group: {
      economy: "Kinh tế",
      society: "Văn hóa - xã hội và môi trường",
      defence: "Quốc phòng - an ninh",
      party: "Xây dựng Đảng và hệ thống chính trị",
      overall: "Kết quả chung của Nghị quyết",
    },
  },
  en: {
    target: "Target",
    result: "Result",
    done: "Done",
    indicator: "Indicator",
    asOf: "as of",
    status: { exceeded: "Exceeded", met: "Met", not_met: "Not met", no_data: "No data" },
    reason: { units: "other unit", span: "other span (yearly / whole term)" },
    group: {
      economy: "Economy",
      society: "Culture, society and environment",
      defence: "Defence and security",
      party: "Party building and the political system",
      overall: "The resolution as a whole",
    },
  },
};

const percentFormats: Record<Language, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }),
};

/** `101,6%` in Vietnamese, `101.6%` in English. */
export function percentText(value: number, language: Language): string {
  return `${percentFormats[language].format(value)}%`;
}

const oneLine = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();

/** `Vượt (101,6%)`, `Chưa có số liệu (khác đơn vị)`. */
export function statusText(pair: ComparisonPair, language: Language): string {
  const attainment = pair.attainment;
  if (!attainment) return "";
  const words = COMPARISON_WORDS[language];
  const status = words.status[attainment.status];
  if (attainment.percentDone !== null)
    return `${percentText(attainment.percentDone, language)} – ${status}`;
  const reason = attainment.reason ? words.reason[attainment.reason] : undefined;
  return reason ? `${status} (${reason})` : status;
}

/** The lines of one pair: target, result, % thực hiện and status, the indicator phrase. */
function pairLines(pair: ComparisonPair, language: Language): string[] {
  const words = COMPARISON_WORDS[language];
  const lines: string[] = [];
  for (const kind of ["target", "result"] as const) {
    const entry = pair[kind];
    if (!entry) continue;
    const { snippet, article } = entry;
    const value = valueLabel(snippet) || oneLine(snippet.text);
    const when =
      kind === "result" && article?.publishedAt
        ? `${words.asOf} ${displayDate(article.publishedAt)}`
        : horizonLabel(snippet.horizon);
    lines.push(`${words[kind]}: ${value}${when ? ` (${when})` : ""}`);
  }
  const status = statusText(pair, language);
  if (status) lines.push(`${words.done}: ${status}`);
  const indicator = oneLine((pair.target ?? pair.result)?.snippet.indicator ?? "");
  if (indicator) lines.push(`${words.indicator}: ${indicator}`);
  return lines;
}

/** The cell as lines: the lead pair first, then the cell's other figures. */
export function comparisonCellLines(cell: ComparisonCell, language: Language): string[] {
  const ordered = cell.lead ? [cell.lead, ...cell.pairs.filter((p) => p !== cell.lead)] : [];
  return ordered.flatMap((pair) => pairLines(pair, language));
}

/** The articles behind the comparison's columns, each once, oldest first. */
export function comparisonArticles(table: ComparisonTable): ListedArticle[] {
  const seen = new Map<string, ListedArticle>();
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

/** `so-sanh-chi-tieu-2026-12-04.xlsx`. */
export function comparisonFileName(kind: "xlsx" | "docx", date: Date): string {
  return `so-sanh-chi-tieu-${localIsoDate(date)}.${kind}`;
}
