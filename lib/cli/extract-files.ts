/**
 * The batch extractor behind `npm run extract`: reads saved pages (`.html`
 * through Readability and recognition, `.txt` as article text) and returns one
 * result per file, or an error message per file that could not be processed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { analyzeDocument, analyzeText } from "../page.ts";
import { type FileResult, toFileResult } from "./formats.ts";

export interface ExtractFileOptions {
  url?: string;
  date?: string;
}

export type FileOutcome =
  | { ok: true; result: FileResult }
  | { ok: false; file: string; error: string };

export async function extractFile(file: string, options: ExtractFileOptions): Promise<FileOutcome> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
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

  const url = options.url ?? `file://${path.resolve(file)}`;
  if (/\.html?$/i.test(file)) {
    const { document } = parseHTML(raw);
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
    const analysis = analyzeDocument(document as unknown as Document, {
      url: options.url ?? canonical ?? url,
      date: options.date ?? null,
    });
    if (analysis.article.text.trim().length === 0) {
      return { ok: false, file, error: `${file}: no article text found on the page` };
    }
    return { ok: true, result: toFileResult(file, analysis) };
  }
  const analysis = analyzeText(raw, { url, date: options.date ?? null, always: true });
  return { ok: true, result: toFileResult(file, analysis) };
}
