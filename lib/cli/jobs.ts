/**
 * One unit of work of `npm run extract`: a file, a page given on stdin, or an input already known
 * to be bad (a JSONL line that does not parse, a glob that matches nothing), which is reported in
 * its place in the input order. `runJob` (lib/cli/run-job.ts) turns it into the piece of output
 * for its result, or an error message. Types only, so that the main thread can plan and hand out
 * jobs without loading the engine.
 */
import type { ExtractFileOptions, PageRecord } from "./extract-files.ts";
import type { OutputFormat } from "./output-format.ts";

export type ExtractJob =
  | { type: "file"; file: string }
  | { type: "record"; record: PageRecord }
  | { type: "bad-input"; error: string };

export type JobOutcome =
  | {
      ok: true /** the result's `file`: what `--resume` finds in the output */;
      key: string;
      piece: string;
    }
  | { ok: false; error: string };

export interface JobSettings {
  options: ExtractFileOptions;
  format: OutputFormat;
}

/** The name of a job's input as its result's `file` gives it (what `--resume` skips by). */
export function jobKey(job: ExtractJob): string | null {
  if (job.type === "file") return job.file;
  if (job.type === "record") return job.record.url;
  return null;
}
