/**
 * Content that arrives after load (articles filled in by script, "xem thêm"
 * expansions): page mutations schedule one more reading of the page, at most
 * every WAIT_MS and at most MAX_RUNS times, so a page that never stops
 * changing cannot keep the content script busy. Mutations inside our own UI
 * are ignored; a reading whose article text is unchanged does nothing (the
 * controller checks), so there are no duplicates and no loops.
 */
const WAIT_MS = 700;
const MAX_RUNS = 20;

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
  let running = false;
  let pending = false;

  const schedule = () => {
    if (timer || runs >= MAX_RUNS) return;
    timer = window.setTimeout(async () => {
      timer = 0;
      if (running) {
        pending = true;
        return;
      }
      running = true;
      runs++;
      try {
        await rerun();
      } finally {
        running = false;
        if (pending) {
          pending = false;
          schedule();
        }
      }
      if (runs >= MAX_RUNS) observer.disconnect();
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
