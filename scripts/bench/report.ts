/**
 * The human-readable part of `npm run bench` for the browser figures: one line per figure with its
 * goal (where the issue sets one) and what it means, then the per-page breakdown of the content
 * script's cost. JSON output does not use this.
 */
import { COLLECTION_GOALS } from "./collection.ts";
import { TABLE_GOALS } from "./collection-table.ts";
import type { PageCost } from "./content-cost.ts";
import { CONTENT_GOAL } from "./content-cost.ts";
import { CONTENT_GZIP_GOAL_KB } from "./content-size.ts";
import type { Figure } from "./figure.ts";
import { HIGHLIGHT_VS_WRAP_GOAL } from "./highlight-vs-wrap.ts";

const DESCRIPTIONS: Record<string, { goal?: string; meaning: string }> = {
  "content.gzip": {
    goal: `≤ ${CONTENT_GZIP_GOAL_KB} KB`,
    meaning: "content.js + CSS of the build, gzip -9",
  },
  "highlight.vs_wrap": {
    goal: `≤ ${HIGHLIGHT_VS_WRAP_GOAL}`,
    meaning: "1,000 ranges: CSS.highlights ÷ <mark> wrapping, each until painted",
  },
  "highlight.register_ms": { meaning: "new Highlight + CSS.highlights.set + layout + next frame" },
  "highlight.wrap_ms": { meaning: "1,000 × surroundContents(<mark>) + layout + next frame" },
  "content.vs_readability": {
    goal: `≤ ${CONTENT_GOAL}×`,
    meaning: "worst page: own work (gvn:total − gvn:readability) ÷ Readability alone",
  },
  "content.total_vs_readability": {
    goal: `≤ ${CONTENT_GOAL}×`,
    meaning: "worst page: whole content script (gvn:total) ÷ Readability alone",
  },
  "content.vs_readability_cold": {
    goal: "≤ 1×",
    meaning: "worst page, first page after the browser starts: own work ÷ Readability alone",
  },
  "content.total_ms_cold": {
    meaning: "worst page, first page after the browser starts: gvn:total",
  },
  "content.longest_task_cold": {
    meaning: "worst page, first page after the browser starts: longest task (> 50 ms)",
  },
  "content.total_ms": { meaning: "worst page: main-thread time of the content script (gvn:total)" },
  "content.longest_task": {
    meaning: "worst page: longest task (> 50 ms) during the content script",
  },
  "content.longest_phase": { meaning: "worst page: longest single gvn:* phase" },
  "collection.first_render": {
    goal: `≤ ${COLLECTION_GOALS.firstRenderMs} ms`,
    meaning: "10,000 snippets: navigation start → first render (newest snippets + total)",
  },
  "collection.full_load": {
    goal: `≤ ${COLLECTION_GOALS.fullLoadMs} ms`,
    meaning: "10,000 snippets: navigation start → every snippet loaded and rendered",
  },
  "collection.first_render_cold": {
    meaning: "the same, the page's copy not current (first load after a write)",
  },
  "collection.full_load_cold": {
    meaning: "the same, every record read (first load after a write)",
  },
  "collection.first_render_100k": {
    goal: `≤ ${COLLECTION_GOALS.firstRender100kMs / 1000} s`,
    meaning: "100,000 snippets, cold: navigation start → first render (newest + total)",
  },
  "collection.full_load_100k": {
    meaning: "100,000 snippets, cold: navigation start → every snippet loaded and rendered",
  },
  "collection.full_load_100k_warm": {
    meaning: "100,000 snippets, from the page's copy",
  },
  "collection.search_100k": {
    goal: `≤ ${COLLECTION_GOALS.search100kMs} ms`,
    meaning: "100,000 snippets: one keystroke in #search → [data-results] changed and painted",
  },
  "collection.search": {
    goal: `≤ ${COLLECTION_GOALS.searchMs} ms`,
    meaning: "one keystroke in #search → [data-results] changed and painted",
  },
  "collection.export_csv": {
    goal: `≤ ${COLLECTION_GOALS.exportCsvMs / 1000} s`,
    meaning: "CSV (Excel) click → <a download> clicked, whole collection",
  },
  "collection.export_xlsx": {
    goal: `≤ ${COLLECTION_GOALS.exportXlsxMs / 1000} s`,
    meaning:
      "Excel (.xlsx) click → <a download> clicked, whole collection (table, comparison, sources)",
  },
  "collection.import_json": {
    goal: `≤ ${COLLECTION_GOALS.importJsonMs / 1000} s`,
    meaning: "input change → status «Đã nhập», 500 articles + 10,000 snippets",
  },
  "table.first_render": {
    goal: `≤ ${TABLE_GOALS.firstRenderMs} ms`,
    meaning: "10,000 snippets: navigation start → the table's first rows painted (warm)",
  },
  "table.first_render_baseline": {
    meaning: "the same for the list view (collection.html?view=list, its first 50 cards)",
  },
  "table.sort": {
    goal: `≤ ${TABLE_GOALS.sortMs} ms`,
    meaning: "10,000 snippets: click on «Giá trị» → aria-sort changed and painted",
  },
  "table.sort_baseline": {
    meaning: "↓ in the table → the next row focused and painted (a render, no sorting)",
  },
  "collection.heap": {
    meaning:
      "performance.memory.usedJSHeapSize once a warm load has settled (every snippet loaded)",
  },
};

const ms = (value: number) => value.toFixed(1).padStart(6);

export function formatBrowserReport(figures: Figure[], pages: PageCost[]): string[] {
  const lines: string[] = [];
  const nameWidth = Math.max(0, ...figures.map((f) => f.name.length));
  const valueWidth = Math.max(0, ...figures.map((f) => `${f.value} ${f.unit}`.length));
  const goalWidth = Math.max(0, ...figures.map((f) => DESCRIPTIONS[f.name]?.goal?.length ?? 0));
  for (const f of figures) {
    const about = DESCRIPTIONS[f.name];
    const goal = about?.goal ? `goal ${about.goal}` : "";
    lines.push(
      `  ${f.name.padEnd(nameWidth)}  ${`${f.value} ${f.unit}`.padStart(valueWidth)}  ` +
        `${goal.padEnd(goalWidth + 5)}  ${about?.meaning ?? ""}`.trimEnd(),
    );
  }
  if (pages.length > 0) {
    const slugWidth = Math.max(...pages.map((p) => p.slug.length));
    lines.push(
      "  per page, medians in ms: readability / extract / highlight / total (own work) | Readability alone; longest task",
    );
    for (const p of pages) {
      const outcome =
        p.recognised === null
          ? ""
          : p.recognised
            ? `, ${p.items ?? "?"} items`
            : ", NOT recognised";
      lines.push(
        `    ${p.slug.padEnd(slugWidth)} ${ms(p.readabilityMs)} /${ms(p.extractMs)} /${ms(p.highlightMs)} /` +
          `${ms(p.totalMs)} (${ms(p.workMs).trim()}) |${ms(p.aloneMs)}; ${p.longestTaskMs.toFixed(0)}${outcome}`,
      );
      const phases = Object.entries(p.phases)
        .map(([name, value]) => `${name} ${value.toFixed(1)}`)
        .join(", ");
      lines.push(`    ${" ".repeat(slugWidth)}  phases: ${phases}`);
    }
  }
  return lines;
}
