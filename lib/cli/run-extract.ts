/**
 * One run of `npm run extract` over its inputs: plans them (lib/cli/inputs.ts), skips what
 * `--resume` finds done, runs the rest on a pool of worker threads (in this thread for a single
 * input), and writes each result as soon as every earlier one is written, to stdout or appended to
 * the `--resume` file, waiting for the stream when it is full. Bad inputs are reported on stderr
 * and the run goes on. Resolves with the exit code: 0, or 1 when any input failed.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Readable, Writable } from "node:stream";
import type { ExtractFileOptions } from "./extract-files.ts";
import type { InputPlan } from "./inputs.ts";
import { type ExtractJob, type JobOutcome, type JobSettings, jobKey } from "./jobs.ts";
import { recordJobs } from "./jsonl-records.ts";
import { runInOrder } from "./ordered-run.ts";
import { type OutputFormat, OutputJoiner } from "./output-format.ts";
import { type Progress, SilentProgress, TerminalProgress } from "./progress.ts";
import { resumeFrom } from "./resume.ts";
import { workerEntry } from "./worker-bundle.ts";
import { WorkerPool } from "./worker-pool.ts";

export interface ExtractRun {
  plan: InputPlan;
  format: OutputFormat;
  options: ExtractFileOptions;
  /** Worker threads at most. */
  jobs: number;
  /** The file an earlier run wrote (JSON Lines or CSV): skip what it holds, append the rest. */
  resume?: string;
  /** Draw the progress bar (stderr is a terminal and not `--quiet`). */
  progressBar: boolean;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { columns?: number };
}

type RunJob = typeof import("./run-job.ts").runJob;

/** Jobs in flight per worker: enough to keep each busy while earlier results wait to be written. */
const IN_FLIGHT_PER_WORKER = 4;

export async function runExtract(run: ExtractRun): Promise<number> {
  const { plan } = run;
  const resumed =
    run.resume === undefined
      ? { done: new Set<string>(), appending: false }
      : await resumeFrom(run.resume, run.format === "csv" ? "csv" : "jsonl");
  const output =
    run.resume === undefined ? run.stdout : createWriteStream(run.resume, { flags: "a" });
  const progress: Progress = run.progressBar
    ? new TerminalProgress(run.stderr, plan.readsStdin ? null : plan.fileCount)
    : new SilentProgress(run.stderr);
  const write = async (text: string) => {
    if (text.length > 0 && !output.write(text)) await once(output, "drain");
  };

  const settings: JobSettings = { options: run.options, format: run.format };
  const workers = Math.min(run.jobs, plan.readsStdin ? run.jobs : plan.fileCount);
  const pool = workers > 1 ? new WorkerPool(workers, settings, await workerEntry()) : null;
  // The engine is loaded in this thread only when it does the work itself.
  const runJob = pool ? null : (await import("./run-job.ts")).runJob;
  const execute = (job: ExtractJob) => (pool ? pool.run(job) : (runJob as RunJob)(job, settings));

  const joiner = new OutputJoiner(run.format);
  let failed = false;
  // Ctrl-C: the bar goes, so that the terminal's next line starts clean (--resume finishes the run).
  const interrupted = () => {
    progress.finish();
    process.exit(130);
  };
  if (run.progressBar) process.once("SIGINT", interrupted);
  try {
    await write(joiner.head(resumed.appending));
    await runInOrder(
      jobsToRun(plan, run.stdin, resumed.done, progress),
      execute,
      Math.max(1, workers) * IN_FLIGHT_PER_WORKER,
      async (_job, outcome: JobOutcome) => {
        if (outcome.ok) await write(joiner.join(outcome.piece));
        else {
          failed = true;
          progress.note(`error: ${outcome.error}`);
        }
        progress.tick();
      },
    );
    await write(joiner.tail());
  } finally {
    process.off("SIGINT", interrupted);
    progress.finish();
    await pool?.close();
    if (output !== run.stdout) {
      output.end();
      await once(output, "finish");
    }
  }
  return failed ? 1 : 0;
}

/** The jobs of the plan in order, without those `--resume` found done (each counted as done). */
async function* jobsToRun(
  plan: InputPlan,
  stdin: Readable,
  done: ReadonlySet<string>,
  progress: Progress,
): AsyncGenerator<ExtractJob> {
  for (const source of plan.sources) {
    const jobs: Iterable<ExtractJob> | AsyncIterable<ExtractJob> =
      source.type === "files"
        ? fileJobs(source.files)
        : source.type === "stdin"
          ? recordJobs(stdin)
          : [{ type: "bad-input", error: source.error }];
    for await (const job of jobs) {
      const key = jobKey(job);
      if (key !== null && done.has(key)) progress.tick();
      else yield job;
    }
  }
}

function* fileJobs(files: readonly string[]): Generator<ExtractJob> {
  for (const file of files) yield { type: "file", file };
}
