/**
 * Main-thread accounting for the content script. Each phase is recorded as a
 * `performance.measure("gvn:<phase>")` (the page's performance timeline, which
 * the benchmark reads); phases are separated by yields to the event loop so no
 * single task holds the page for long. `gvn:total` carries the sum of the
 * phases in `detail.mainThreadMs`, and the mark `gvn:done` says a run ended.
 */
export interface RunTimer {
  phase<T>(name: string, work: () => T): T;
  finish(detail: Record<string, unknown>): void;
}

export function startRunTimer(): RunTimer {
  const startedAt = performance.now();
  let mainThreadMs = 0;
  return {
    phase(name, work) {
      const start = performance.now();
      try {
        return work();
      } finally {
        const end = performance.now();
        mainThreadMs += end - start;
        performance.measure(`gvn:${name}`, { start, end });
      }
    },
    finish(detail) {
      performance.measure("gvn:total", {
        start: startedAt,
        end: performance.now(),
        detail: { mainThreadMs },
      });
      performance.mark("gvn:done", { detail: { ...detail, mainThreadMs } });
    },
  };
}

/** Let the page run (input, its own scripts) before the next phase. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
