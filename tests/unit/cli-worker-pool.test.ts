/**
 * The worker pool of `npm run extract` (lib/cli/worker-pool.ts): jobs spread over the workers and
 * a worker that dies failing only the jobs it held, then replaced. The workers here are a small
 * module given as a data: URL that echoes each job and stops its thread on the file "crash".
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ExtractJob } from "../../lib/cli/jobs.ts";
import { WorkerPool } from "../../lib/cli/worker-pool.ts";

const ECHO_WORKER = `
import { parentPort, threadId } from "node:worker_threads";
parentPort.on("message", ({ seq, job }) => {
  if (job.file === "crash") process.exit(3);
  parentPort.postMessage({ seq, outcome: { ok: true, key: job.file, piece: String(threadId) } });
});`;

function echoPool(size: number): { pool: WorkerPool; disposed: () => boolean } {
  let disposed = false;
  const pool = new WorkerPool(
    size,
    { options: {}, format: "jsonl" },
    {
      url: new URL(`data:text/javascript,${encodeURIComponent(ECHO_WORKER)}`),
      execArgv: [],
      dispose: async () => {
        disposed = true;
      },
    },
  );
  return { pool, disposed: () => disposed };
}

const file = (name: string): ExtractJob => ({ type: "file", file: name });

test("jobs in flight go to the least busy of the workers", async () => {
  const { pool, disposed } = echoPool(2);
  const outcomes = await Promise.all(["a", "b", "c", "d"].map((name) => pool.run(file(name))));
  assert.deepEqual(
    outcomes.map((o) => o.ok && o.key),
    ["a", "b", "c", "d"],
  );
  const threads = new Set(outcomes.map((o) => o.ok && o.piece));
  assert.equal(threads.size, 2, "both workers worked");
  await pool.close();
  assert.ok(disposed(), "the entry is disposed of on close");
});

test("a worker that dies fails the job it held, naming it, and the next job runs on a new worker", async () => {
  const { pool } = echoPool(1);
  const first = await pool.run(file("a.html"));
  const crashed = await pool.run(file("crash"));
  const after = await pool.run(file("b.html"));
  await pool.close();
  assert.ok(first.ok);
  assert.deepEqual(crashed, { ok: false, error: "crash: worker stopped: exit code 3" });
  assert.ok(after.ok, "the pool goes on");
  assert.equal(after.key, "b.html");
  assert.notEqual(after.piece, first.piece, "on another thread");
});
