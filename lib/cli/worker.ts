/**
 * A worker thread of `npm run extract`: runs the jobs the main thread posts, one reply per job
 * (`{ seq, outcome }`), with the settings it was started with. Started through worker-entry.mjs.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ExtractJob, JobOutcome, JobSettings } from "./jobs.ts";
import { runJob } from "./run-job.ts";

export interface WorkerRequest {
  seq: number;
  job: ExtractJob;
}

export interface WorkerReply {
  seq: number;
  outcome: JobOutcome;
}

const port = parentPort;
if (!port) throw new Error("lib/cli/worker.ts runs in a worker thread");
const settings = workerData as JobSettings;
port.on("message", async (request: WorkerRequest) => {
  const outcome = await runJob(request.job, settings);
  port.postMessage({ seq: request.seq, outcome } satisfies WorkerReply);
});
