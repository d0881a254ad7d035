/**
 * Runs jobs with a bounded number in flight and hands their outcomes back in input order: a job
 * starts as soon as fewer than `maxInFlight` are unfinished or unwritten, and an outcome is handed
 * back once every earlier one has been (without waiting for later input, which on stdin may be
 * slow to come). Memory holds at most `maxInFlight` results, however many inputs there are.
 */
export async function runInOrder<Job, Outcome>(
  jobs: AsyncIterable<Job>,
  run: (job: Job) => Promise<Outcome>,
  maxInFlight: number,
  onOutcome: (job: Job, outcome: Outcome) => void | Promise<void>,
): Promise<void> {
  const queue: Array<{ job: Job; outcome: Promise<Outcome> }> = [];
  let exhausted = false;
  let failure: { error: unknown } | null = null;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const signal = (wake: (() => void) | null) => wake?.();

  const produce = async () => {
    try {
      for await (const job of jobs) {
        while (queue.length >= maxInFlight) {
          await new Promise<void>((resolve) => {
            wakeProducer = resolve;
          });
        }
        queue.push({ job, outcome: run(job) });
        signal(wakeConsumer);
      }
    } catch (error) {
      failure = { error };
    }
    exhausted = true;
    signal(wakeConsumer);
  };

  const producing = produce();
  for (;;) {
    const head = queue[0];
    if (!head) {
      if (exhausted) break;
      await new Promise<void>((resolve) => {
        wakeConsumer = resolve;
      });
      continue;
    }
    const outcome = await head.outcome;
    queue.shift();
    signal(wakeProducer);
    await onOutcome(head.job, outcome);
  }
  await producing;
  if (failure) throw (failure as { error: unknown }).error;
}
