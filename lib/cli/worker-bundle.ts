/**
 * The worker threads' code as one ES module, bundled by esbuild (which tsx itself runs on) into a
 * temp folder: a worker then starts from one file, without tsx compiling and resolving each of the
 * engine's modules through the loader hooks again (about 3 s a worker here, against about 1 s).
 * The bundle's linkedom is made faster (lib/cli/linkedom-fast-paths.ts). When esbuild cannot
 * bundle, workers start through tsx (worker-entry.mjs).
 */
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { linkedomFastPaths } from "./linkedom-fast-paths.ts";

const WORKER_SOURCE = fileURLToPath(new URL("./worker.ts", import.meta.url));
const TSX_ENTRY = new URL("./worker-entry.mjs", import.meta.url);

export interface WorkerEntry {
  url: URL;
  /** The Node flags the worker starts with (a bundle needs no `--import tsx`). */
  execArgv: string[] | undefined;
  dispose(): Promise<void>;
}

/**
 * Bundles `entry` into `outfile` as the workers run: one ES module for Node, with linkedom's fast
 * paths (the bench's one-thread figures are bundled the same way).
 */
export async function bundleAsWorkers(entry: string, outfile: string): Promise<void> {
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
    plugins: [linkedomFastPaths],
    // CommonJS dependencies inside an ES module bundle still need `require`.
    banner: {
      js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);',
    },
  });
}

export async function workerEntry(): Promise<WorkerEntry> {
  let dir: string | null = null;
  try {
    const esbuild = await import("esbuild");
    dir = await mkdtemp(path.join(os.tmpdir(), "gvn-extract-worker-"));
    const outfile = path.join(dir, "worker.mjs");
    await bundleAsWorkers(WORKER_SOURCE, outfile);
    // esbuild's service process is not needed any more.
    await esbuild.stop();
    const bundleDir = dir;
    // Also when the process ends early (Ctrl-C, a reader that went away).
    const removeAtExit = () => rmSync(bundleDir, { recursive: true, force: true });
    process.once("exit", removeAtExit);
    return {
      url: new URL(`file://${outfile}`),
      execArgv: [],
      dispose: async () => {
        process.off("exit", removeAtExit);
        await rm(bundleDir, { recursive: true, force: true });
      },
    };
  } catch {
    if (dir) await rm(dir, { recursive: true, force: true });
    return { url: TSX_ENTRY, execArgv: undefined, dispose: async () => {} };
  }
}
