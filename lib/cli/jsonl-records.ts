/**
 * Pages given on stdin as JSON Lines, one `{ "url", "html" | "text", "date"? }` object a line:
 * each line becomes an extraction job, and a line that is not such an object becomes a bad input
 * naming its line number (blank lines are skipped). Lines are read as they are needed.
 */
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { PageRecord } from "./extract-files.ts";
import type { ExtractJob } from "./jobs.ts";
import { isReferenceDate, REFERENCE_DATE_FORMS } from "./reference-date.ts";

export async function* recordJobs(input: Readable): AsyncGenerator<ExtractJob> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim().length === 0) continue;
    const parsed = parseRecord(line);
    if (typeof parsed === "string") {
      yield { type: "bad-input", error: `stdin line ${lineNumber}: ${parsed}` };
    } else yield { type: "record", record: parsed };
  }
}

/** A page record, or why the line is not one. */
export function parseRecord(line: string): PageRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "not a JSON object";
  }
  const { url, html, text, date } = value as Record<string, unknown>;
  if (typeof url !== "string" || url.trim().length === 0) return 'no "url" string';
  if (html !== undefined && typeof html !== "string") return '"html" is not a string';
  if (text !== undefined && typeof text !== "string") return '"text" is not a string';
  if ((html === undefined) === (text === undefined)) return 'needs either "html" or "text"';
  if (date !== undefined && date !== null) {
    if (typeof date !== "string" || !isReferenceDate(date)) {
      return `"date" must be ${REFERENCE_DATE_FORMS}, got ${JSON.stringify(date)}`;
    }
  }
  const record: PageRecord = { url };
  if (typeof html === "string") record.html = html;
  if (typeof text === "string") record.text = text;
  if (typeof date === "string") record.date = date;
  return record;
}
