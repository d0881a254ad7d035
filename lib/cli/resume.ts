/**
 * `--resume OUT`: what an earlier run already wrote to OUT (JSON Lines or CSV), so that this run
 * skips those inputs and appends the rest. A run stopped in the middle of a write leaves a cut
 * last line: it is cut off and its input done again. In CSV, where a file's items are several rows
 * (and a file without items none), the last file's rows are cut off and the file done again, since
 * nothing shows whether all of them were written. Anything else that is not this command's output
 * is an error, and OUT is left as it is.
 */
import { createReadStream } from "node:fs";
import { stat, truncate } from "node:fs/promises";
import Papa from "papaparse";
import { csvHeader } from "./formats.ts";

export interface ResumeState {
  /** The `file` of every result already in OUT. */
  done: Set<string>;
  /** Whether OUT keeps content (a CSV header then needs no repeating). */
  appending: boolean;
}

export class ResumeError extends Error {}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BOM = "\uFEFF";

export async function resumeFrom(out: string, format: "jsonl" | "csv"): Promise<ResumeState> {
  const size = await fileSize(out);
  if (size === 0) return { done: new Set(), appending: false };
  const scan = format === "csv" ? await scanCsv(out) : await scanJsonl(out);
  if (scan.keepBytes < size) await truncate(out, scan.keepBytes);
  return { done: scan.done, appending: scan.keepBytes > 0 };
}

async function fileSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ResumeError(`--resume ${file}: not a file`);
    return info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

interface Scan {
  done: Set<string>;
  /** How many bytes of OUT to keep. */
  keepBytes: number;
}

/** Calls `onRecord` for each record of `file` (a line; in CSV, line breaks inside quotes do not end one). */
async function eachRecord(
  file: string,
  quoted: boolean,
  onRecord: (text: string, start: number, number: number, complete: boolean) => void,
): Promise<void> {
  let pending: Buffer[] = [];
  let start = 0;
  let offset = 0;
  let inQuotes = false;
  let number = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let k = 0; k < chunk.length; k++) {
      const byte = chunk[k];
      if (quoted && byte === QUOTE) inQuotes = !inQuotes;
      else if (byte === NEWLINE && !inQuotes) {
        pending.push(chunk.subarray(from, k + 1));
        onRecord(Buffer.concat(pending).toString("utf8"), start, ++number, true);
        pending = [];
        from = k + 1;
        start = offset + k + 1;
      }
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
    offset += chunk.length;
  }
  if (pending.length > 0) onRecord(Buffer.concat(pending).toString("utf8"), start, ++number, false);
}

async function scanJsonl(file: string): Promise<Scan> {
  const done = new Set<string>();
  let keepBytes = Number.POSITIVE_INFINITY;
  await eachRecord(file, false, (text, start, number, complete) => {
    if (!complete) {
      keepBytes = start;
      return;
    }
    if (text.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ResumeError(`--resume ${file}: line ${number} is not a JSON line of results`);
    }
    const key = (value as { file?: unknown } | null)?.file;
    if (typeof key !== "string") {
      throw new ResumeError(`--resume ${file}: line ${number} is not a result (no "file")`);
    }
    done.add(key);
  });
  return { done, keepBytes: Math.min(keepBytes, await fileSize(file)) };
}

async function scanCsv(file: string): Promise<Scan> {
  const header = csvHeader();
  const files: string[] = [];
  let headerSeen = false;
  let cutHeader = false;
  let lastFile: string | null = null;
  let lastGroupStart = 0;
  let end = 0;
  await eachRecord(file, true, (text, start, number, complete) => {
    if (!headerSeen) {
      const line = text.replace(BOM, "").replace(/\r?\n$/, "");
      if (line === header && complete) {
        headerSeen = true;
        lastGroupStart = start + Buffer.byteLength(text);
        end = lastGroupStart;
        return;
      }
      if (!complete && header.startsWith(line)) {
        cutHeader = true;
        return;
      }
      throw new ResumeError(`--resume ${file}: line 1 is not this command's CSV header`);
    }
    if (!complete) return;
    const fields = Papa.parse<string[]>(text.replace(/\r?\n$/, "")).data[0];
    const name = fields?.[0];
    if (fields?.length !== header.split(",").length || name === undefined) {
      throw new ResumeError(
        `--resume ${file}: record ${number} is not a row of this command's CSV`,
      );
    }
    if (name !== lastFile) {
      if (lastFile !== null) files.push(lastFile);
      lastFile = name;
      lastGroupStart = start;
    }
    end = start + Buffer.byteLength(text);
  });
  if (cutHeader || !headerSeen) return { done: new Set(), keepBytes: 0 };
  // The last file's rows may be incomplete: they go, and the file is done again.
  return { done: new Set(files), keepBytes: lastFile === null ? end : lastGroupStart };
}
