/**
 * Runs one extraction job (lib/cli/jobs.ts): the piece of output for its result, or an error
 * message. It never throws, so one bad page never stops a run.
 */
import { extractFile, extractRecord } from "./extract-files.ts";
import { type ExtractJob, type JobOutcome, type JobSettings, jobKey } from "./jobs.ts";
import { formatResult } from "./output-format.ts";

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
