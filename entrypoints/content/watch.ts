/**
 * Content that arrives after load (articles filled in by script, "xem thêm"
 * expansions): page mutations schedule one more reading of the page, at most
 * every WAIT_MS, at most MAX_RUNS times and for at most BUDGET_MS of reading
 * in all, so a page that never stops changing cannot keep the content script
 * busy. Mutations inside our own UI
 * are ignored; a reading whose article text is unchanged does nothing (the
 * controller checks), so there are no duplicates and no loops.
 */
const WAIT_MS = 700;
const MAX_RUNS = 20;
/** Time spent in readings caused by mutations (from start to end of each, pauses included). */
const BUDGET_MS = 4_000;

export interface MutationWatch {
  dispose(): void;
}

export function watchMutations(
  doc: Document,
  isOwnNode: (node: Node) => boolean,
  rerun: () => Promise<void>,
): MutationWatch {
  let timer = 0;
  let runs = 0;
  let spentMs = 0;
  const exhausted = () => runs >= MAX_RUNS || spentMs >= BUDGET_MS;
  let running = false;
  let pending = false;

  const schedule = () => {
    if (timer || exhausted()) return;
    timer = window.setTimeout(async () => {
      timer = 0;
      if (running) {
        pending = true;
        return;
      }
      running = true;
      runs++;
      const start = performance.now();
      try {
        await rerun();
      } finally {
        spentMs += performance.now() - start;
        running = false;
        if (pending) {
          pending = false;
          schedule();
        }
      }
      if (exhausted()) observer.disconnect();
    }, WAIT_MS);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (!isOwnNode(record.target)) {
        schedule();
        return;
      }
    }
  });
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });

  return {
    dispose() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}
