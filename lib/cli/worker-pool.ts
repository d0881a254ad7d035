/**
 * A pool of worker threads running extraction jobs (lib/cli/worker.ts). A job goes to the worker
 * with the fewest jobs in hand. A worker that dies (out of memory on a huge page, say) fails the
 * jobs it held, each with a message naming its input, and is replaced, so the run goes on.
 */
import { Worker } from "node:worker_threads";
import { type ExtractJob, type JobOutcome, type JobSettings, jobKey } from "./jobs.ts";
import type { WorkerReply, WorkerRequest } from "./worker.ts";
import type { WorkerEntry } from "./worker-bundle.ts";

/**
 * A worker's young generation (MB): a page's DOM, text and items are a few MB of short-lived
 * objects, and a young generation larger than V8's default collects them less often (about a
 * tenth less CPU a page, at a few tens of MB more memory a worker).
 */
const YOUNG_GENERATION_MB = 64;

interface Pending {
  job: ExtractJob;
  resolve: (outcome: JobOutcome) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

export class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextSeq = 0;
  private closing = false;

  constructor(
    size: number,
    private readonly settings: JobSettings,
    private readonly entry: WorkerEntry,
  ) {
    for (let k = 0; k < size; k++) this.workers.push(this.start());
  }

  run(job: ExtractJob): Promise<JobOutcome> {
    const target = this.workers.reduce((best, w) =>
      w.pending.size < best.pending.size ? w : best,
    );
    const seq = this.nextSeq++;
    return new Promise((resolve) => {
      target.pending.set(seq, { job, resolve });
      target.worker.postMessage({ seq, job } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    await this.entry.dispose();
  }

  private start(): PoolWorker {
    const worker = new Worker(this.entry.url, {
      workerData: this.settings,
      execArgv: this.entry.execArgv,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const entry: PoolWorker = { worker, pending: new Map() };
    worker.on("message", (reply: WorkerReply) => {
      const pending = entry.pending.get(reply.seq);
      if (!pending) return;
      entry.pending.delete(reply.seq);
      pending.resolve(reply.outcome);
    });
    const fail = (reason: string) => {
      if (this.closing) return;
      for (const { job, resolve } of entry.pending.values()) {
        resolve({ ok: false, error: `${jobKey(job) ?? "input"}: worker stopped: ${reason}` });
      }
      entry.pending.clear();
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers[index] = this.start();
    };
    worker.on("error", (error) => fail(error.message));
    worker.on("exit", (code) => fail(`exit code ${code}`));
    return entry;
  }
}
