/**
 * The batch extractor behind `npm run extract`: reads saved pages (`.html`
 * through Readability and recognition, `.txt` as article text) and returns one
 * result per file, or an error message per file that could not be processed.
 * Pages given in memory (a JSONL record on stdin) go the same way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { analyzeText } from "../page.ts";
import { analyzeDocument } from "../page-document.ts";
import { type FileResult, toFileResult } from "./formats.ts";

export interface ExtractFileOptions {
  url?: string;
  date?: string;
}

export type FileOutcome =
  | { ok: true; result: FileResult }
  | { ok: false; file: string; error: string };

/** A page given in memory: its address, its HTML or its article text, and maybe its date. */
export interface PageRecord {
  url: string;
  html?: string;
  text?: string;
  date?: string;
}

const HTML_FILE = /\.html?$/i;

/**
 * One saved page or text file. The file is read synchronously: the work runs in a worker thread
 * (or in a one-input run) where nothing else waits on the event loop, and a synchronous read of a
 * page costs about a fifth of the CPU of `fs/promises` readFile (open, stat, read, close as four
 * round trips through the thread pool).
 */
export async function extractFile(file: string, options: ExtractFileOptions): Promise<FileOutcome> {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : (error as Error).message;
    return { ok: false, file, error: `cannot read ${file}: ${reason}` };
  }
  if (raw.trim().length === 0) return { ok: false, file, error: `${file} is empty` };

  const url = `file://${path.resolve(file)}`;
  if (HTML_FILE.test(file)) {
    return extractHtml(file, raw, { url: options.url, fallbackUrl: url, date: options.date });
  }
  const analysis = analyzeText(raw, {
    url: options.url ?? url,
    date: options.date ?? null,
    always: true,
  });
  return { ok: true, result: toFileResult(file, analysis) };
}

/**
 * A page given in memory; its result's `file` is its address. Its own date, else `options.date`,
 * dates deadlines that omit the year; text is extracted even when not recognised, like a `.txt`.
 */
export function extractRecord(record: PageRecord, options: ExtractFileOptions): FileOutcome {
  const date = record.date ?? options.date;
  const name = record.url;
  if (record.html !== undefined) {
    if (record.html.trim().length === 0)
      return { ok: false, file: name, error: `${name}: empty html` };
    return extractHtml(name, record.html, { url: record.url, fallbackUrl: record.url, date });
  }
  const text = record.text ?? "";
  if (text.trim().length === 0) return { ok: false, file: name, error: `${name}: empty text` };
  const analysis = analyzeText(text, { url: record.url, date: date ?? null, always: true });
  return { ok: true, result: toFileResult(name, analysis) };
}

function extractHtml(
  name: string,
  raw: string,
  where: { url: string | undefined; fallbackUrl: string; date: string | undefined },
): FileOutcome {
  const { document } = parseHTML(raw);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const analysis = analyzeDocument(document as unknown as Document, {
    url: where.url ?? canonical ?? where.fallbackUrl,
    date: where.date ?? null,
  });
  if (analysis.article.text.trim().length === 0) {
    return { ok: false, file: name, error: `${name}: no article text found on the page` };
  }
  return { ok: true, result: toFileResult(name, analysis) };
}
