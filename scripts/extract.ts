/**
 * npm run extract -- FILE... [--url URL] [--date YYYY-MM-DD|YYYY-MM|YYYY] [--format json|csv|md]
 *
 * Extracts targets, results and deadlines from saved portal pages (.html) or
 * article text (.txt). Prints JSON (default), CSV or Markdown on stdout; errors
 * per file on stderr. Exit code 1 when any file failed, 2 on bad arguments.
 */
import { parseArgs } from "node:util";
import { extractFile, type FileOutcome } from "../lib/cli/extract-files.ts";
import { type FileResult, toCsv, toMarkdown } from "../lib/cli/formats.ts";

/**
 * A reference date as a reader may know it: a day `YYYY-MM-DD` that exists (not `2020-02-30`),
 * a month `YYYY-MM` (01–12) or a year `YYYY`, in the years 1900–2100. The engine reads a month
 * or a year as its first day (`parseReference` in lib/extract/index.ts).
 */
function isReferenceDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = new Date(Date.UTC(year, month - 1, Number(m[3])));
  return day.toISOString().slice(0, 10) === text;
}

const USAGE =
  "usage: npm run extract -- FILE... [--url URL] [--date YYYY-MM-DD|YYYY-MM|YYYY] [--format json|csv|md]";

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
      format: { type: "string", default: "json" },
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
const format = String(values.format);
if (!["json", "csv", "md"].includes(format)) fail(`unknown format "${format}"`);
const date = values.date === undefined ? undefined : String(values.date);
if (date !== undefined && !isReferenceDate(date))
  fail(
    `--date must be a day YYYY-MM-DD, a month YYYY-MM or a year YYYY (1900–2100), got "${date}"`,
  );
if (positionals.length === 0) fail("no input file");

const outcomes: FileOutcome[] = [];
for (const file of positionals) {
  outcomes.push(await extractFile(file, { url: values.url as string | undefined, date }));
}
const results: FileResult[] = [];
for (const outcome of outcomes) {
  if (outcome.ok) results.push(outcome.result);
  else console.error(`error: ${outcome.error}`);
}
if (format === "csv") process.stdout.write(`\uFEFF${toCsv(results)}\n`);
else if (format === "md") process.stdout.write(`${toMarkdown(results)}\n`);
else process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
