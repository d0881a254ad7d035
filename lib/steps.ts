/**
 * Step-wise computations: generators that pause (`yield`) between pieces of work, so that a caller
 * on a page's main thread can let the page run in between, and a caller elsewhere can run them
 * straight through. The pieces are small on purpose; `runSliced` (lib/in-page/main-thread.ts)
 * groups them into slices of a few milliseconds.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs a step-wise computation straight through. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
