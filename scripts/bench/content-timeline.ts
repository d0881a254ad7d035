/**
 * The content script's own account of its work, read from the page's performance timeline (see
 * content-cost.ts for the `gvn:*` contract), and the long tasks seen in the page's main world:
 * the init script that observes long tasks, the page-side reader, and the reduction of one load
 * to its costs.
 */

/**
 * Main-world script for `context.addInitScript`: collects long-task entries into
 * `window.__gvnBenchLongTasks` (the observer is kept in `window.__gvnBenchLongTaskObserver` so a
 * reader can take its pending records too).
 */
export const LONGTASK_OBSERVER_SCRIPT = `(() => {
  if (window.__gvnBenchLongTasks) return;
  const tasks = [];
  window.__gvnBenchLongTasks = tasks;
  if (!PerformanceObserver.supportedEntryTypes.includes("longtask")) return;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ startTime: e.startTime, duration: e.duration });
  });
  observer.observe({ type: "longtask", buffered: true });
  window.__gvnBenchLongTaskObserver = observer;
})();`;

export interface Span {
  startTime: number;
  duration: number;
}

/** What one content load's timeline says (read in the page by `readTimeline`). */
export interface TimelineReading {
  measures: Array<Span & { name: string; mainThreadMs: number | null }>;
  done: { startTime: number; recognised: boolean | null; items: number | null } | null;
  longTasks: Span[];
  longTaskSupported: boolean;
}

/** One content load, reduced. */
export interface LoadCost {
  readabilityMs: number;
  extractMs: number;
  highlightMs: number;
  totalMs: number;
  longestTaskMs: number;
  longestPhaseMs: number;
  recognised: boolean | null;
  items: number | null;
  /** Every phase's time in this run (its slices summed), by name without `gvn:`. */
  phases: Record<string, number>;
}

/**
 * Runs in the page after `gvn:done`: waits a frame (so the long task that ended the content
 * script's work has been reported) and returns the `gvn:*` entries and the long tasks. No named
 * functions inside: tsx's keepNames would wrap them in a `__name` helper the page does not have.
 */
export async function readTimeline(): Promise<TimelineReading> {
  await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const w = window as unknown as {
    __gvnBenchLongTasks?: Span[];
    __gvnBenchLongTaskObserver?: PerformanceObserver;
  };
  const longTasks = [...(w.__gvnBenchLongTasks ?? [])];
  for (const e of w.__gvnBenchLongTaskObserver?.takeRecords() ?? []) {
    longTasks.push({ startTime: e.startTime, duration: e.duration });
  }
  const measures = (performance.getEntriesByType("measure") as PerformanceMeasure[])
    .filter((m) => m.name.startsWith("gvn:"))
    .map((m) => {
      const detail = m.detail as { mainThreadMs?: unknown } | null;
      return {
        name: m.name,
        startTime: m.startTime,
        duration: m.duration,
        mainThreadMs: typeof detail?.mainThreadMs === "number" ? detail.mainThreadMs : null,
      };
    });
  const doneMarks = performance.getEntriesByName("gvn:done", "mark") as PerformanceMark[];
  const done = doneMarks[doneMarks.length - 1];
  const detail = done?.detail as { recognised?: unknown; items?: unknown } | null | undefined;
  return {
    measures,
    done: done
      ? {
          startTime: done.startTime,
          recognised: typeof detail?.recognised === "boolean" ? detail.recognised : null,
          items: typeof detail?.items === "number" ? detail.items : null,
        }
      : null,
    longTasks,
    longTaskSupported: PerformanceObserver.supportedEntryTypes.includes("longtask"),
  };
}

/**
 * Reduce one load's timeline to its costs: the last run counts (the last `gvn:total`); a phase
 * done in several slices (extraction yields between its stages) is the sum of its slices.
 */
export function loadCost(reading: TimelineReading): LoadCost {
  const totals = reading.measures.filter((m) => m.name === "gvn:total");
  const total = totals.at(-1);
  const inRun = reading.measures.filter(
    (m) =>
      m.name !== "gvn:total" &&
      (!total ||
        (m.startTime >= total.startTime - 0.01 && m.startTime <= total.startTime + total.duration)),
  );
  const last = new Map<string, { duration: number }>();
  for (const m of inRun)
    last.set(m.name, { duration: (last.get(m.name)?.duration ?? 0) + m.duration });
  const phases = inRun;
  const totalMs =
    total?.mainThreadMs ?? total?.duration ?? phases.reduce((sum, m) => sum + m.duration, 0);
  const from = total?.startTime ?? Math.min(...phases.map((m) => m.startTime));
  const to = reading.done?.startTime ?? Number.POSITIVE_INFINITY;
  const overlapping = reading.longTasks.filter(
    (t) => t.startTime < to && t.startTime + t.duration > from,
  );
  return {
    readabilityMs: last.get("gvn:readability")?.duration ?? 0,
    extractMs: last.get("gvn:extract")?.duration ?? 0,
    highlightMs: last.get("gvn:highlight")?.duration ?? 0,
    totalMs,
    longestTaskMs: Math.max(0, ...overlapping.map((t) => t.duration)),
    longestPhaseMs: Math.max(0, ...phases.map((m) => m.duration)),
    recognised: reading.done?.recognised ?? null,
    items: reading.done?.items ?? null,
    phases: Object.fromEntries(
      [...last].map(([name, { duration }]) => [name.replace(/^gvn:/, ""), duration]),
    ),
  };
}
