/**
 * Main-thread accounting for the content script. Each phase is recorded as a
 * `performance.measure("gvn:<phase>")` (the page's performance timeline, which
 * the benchmark reads); phases are separated by yields to the event loop so no
 * single task holds the page for long. `gvn:total` carries the sum of the
 * phases in `detail.mainThreadMs`, and the mark `gvn:done` says a run ended.
 */
import type { Steps } from "../steps.ts";

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

/**
 * Let the page run (input, its own scripts) before the next phase. `scheduler.yield()` where the
 * browser has it, else a message to ourselves: unlike `setTimeout`, neither is throttled to once a
 * second in a background tab.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long one slice of step-wise work may hold the main thread before yielding (ms). */
export const SLICE_MS = 8;

/**
 * Runs a step-wise computation (lib/steps.ts) in slices: steps follow each other until a slice
 * has used `SLICE_MS`, then the page runs. Each slice is one `gvn:<name>` measure. Resolves to the
 * result, or to `undefined` when `cancelled()` says so between slices.
 */
export async function runSliced<T>(
  steps: Steps<T>,
  timer: RunTimer,
  name: string,
  cancelled: () => boolean = () => false,
): Promise<T | undefined> {
  for (;;) {
    const step = timer.phase(name, () => {
      const start = performance.now();
      for (;;) {
        const next = steps.next();
        if (next.done || performance.now() - start >= SLICE_MS) return next;
      }
    });
    if (step.done) return step.value;
    await yieldToPage();
    if (cancelled()) return undefined;
  }
}
