/**
 * npm run extract -- INPUT... [--format json|jsonl|csv|md] [--resume OUT] [--jobs N] [--quiet]
 *                              [--url URL] [--date YYYY-MM-DD|YYYY-MM|YYYY]
 *
 * Extracts targets, results and deadlines from saved portal pages (.html) or article text (.txt).
 * An INPUT is a file, a folder (every .html, .htm and .txt inside, recursively), a glob, or `-`:
 * pages as JSON Lines on stdin, `{"url", "html" | "text", "date"?}` a line. Many inputs run on
 * every core (worker threads) and stream out in input order. Prints JSON (an array; the default for
 * files named one by one), JSON Lines (the default for a folder, a glob or stdin), CSV or Markdown
 * on stdout, or appends to OUT with `--resume OUT`, skipping what OUT already holds. Errors per
 * input on stderr; a progress bar there when it is a terminal. Exit code 1 when any input failed,
 * 2 on bad arguments.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { planInputs } from "../lib/cli/inputs.ts";
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from "../lib/cli/output-format.ts";
import { isReferenceDate, REFERENCE_DATE_FORMS } from "../lib/cli/reference-date.ts";
import { ResumeError } from "../lib/cli/resume.ts";
import { runExtract } from "../lib/cli/run-extract.ts";

const USAGE = `usage: npm run extract -- FILE|FOLDER|GLOB|-... [--url URL] [--date YYYY-MM-DD|YYYY-MM|YYYY]
         [--format ${OUTPUT_FORMATS.join("|")}] [--resume OUT] [--jobs N] [--quiet]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: "string" },
      date: { type: "string" },
      format: { type: "string" },
      resume: { type: "string" },
      jobs: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const date = values.date === undefined ? undefined : String(values.date);
if (date !== undefined && !isReferenceDate(date))
  fail(`--date must be ${REFERENCE_DATE_FORMS}, got "${date}"`);
if (positionals.length === 0) fail("no input file");
if (positionals.filter((input) => input === "-").length > 1) fail("stdin (-) given twice");

const resume = values.resume === undefined ? undefined : String(values.resume);
const plan = await planInputs(positionals);
const format = chooseFormat(values.format === undefined ? undefined : String(values.format));
const jobs = values.jobs === undefined ? os.availableParallelism() : Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1)
  fail(`--jobs must be a whole number ≥ 1, got "${values.jobs}"`);

/** The format asked for; else CSV or JSON Lines after OUT's name; else JSON Lines for an archive. */
function chooseFormat(asked: string | undefined): OutputFormat {
  if (asked !== undefined && !isOutputFormat(asked)) fail(`unknown format "${asked}"`);
  if (resume !== undefined) {
    const chosen = asked ?? (/\.csv$/i.test(resume) ? "csv" : "jsonl");
    if (chosen !== "jsonl" && chosen !== "csv")
      fail(`--resume needs --format jsonl or csv, got "${chosen}"`);
    return chosen;
  }
  if (asked !== undefined) return asked;
  return plan.archive ? "jsonl" : "json";
}

// A reader that stops early (`| head`) is not an error: stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  const code = await runExtract({
    plan,
    format,
    options: { url: values.url as string | undefined, date },
    jobs,
    resume,
    progressBar: Boolean(process.stderr.isTTY) && !values.quiet,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
  process.exit(code);
} catch (error) {
  if (error instanceof ResumeError) fail(error.message);
  throw error;
}
