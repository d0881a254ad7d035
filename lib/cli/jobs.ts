/**
 * One unit of work of `npm run extract`: a file, a page given on stdin, or an input already known
 * to be bad (a JSONL line that does not parse, a glob that matches nothing), which is reported in
 * its place in the input order. `runJob` turns it into the piece of output for its result, or an
 * error message; it never throws, so one bad page never stops a run.
 */
import {
  type ExtractFileOptions,
  extractFile,
  extractRecord,
  type PageRecord,
} from "./extract-files.ts";
import { formatResult, type OutputFormat } from "./output-format.ts";

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

export async function runJob(job: ExtractJob, settings: JobSettings): Promise<JobOutcome> {
  if (job.type === "bad-input") return { ok: false, error: job.error };
  const name = jobKey(job) as string;
  try {
    const outcome =
      job.type === "file"
        ? await extractFile(job.file, settings.options)
        : extractRecord(job.record, settings.options);
    if (!outcome.ok) return { ok: false, error: outcome.error };
    return {
      ok: true,
      key: outcome.result.file,
      piece: formatResult(outcome.result, settings.format),
    };
  } catch (error) {
    return { ok: false, error: `${name}: extraction failed: ${(error as Error).message}` };
  }
}
