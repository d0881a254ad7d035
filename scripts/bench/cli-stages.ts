/**
 * The one-thread figures of `npm run bench -- --only cli` (scripts/bench/cli-archive.ts): what
 * reading and parsing a page alone costs, and what each stage of the CLI's work on a page costs.
 * A page is read as an extraction worker reads it (`readFileSync`, lib/cli/extract-files.ts);
 * cli-archive.ts loads this module bundled as the workers are (lib/cli/worker-bundle.ts, with
 * linkedom's fast paths), so that the stages cost what they cost in the CLI.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseHTML } from "linkedom";
import { extractArticleFacts } from "../../lib/article/facts.ts";
import { toFileResult } from "../../lib/cli/formats.ts";
import { formatResult } from "../../lib/cli/output-format.ts";
import { extract } from "../../lib/extract/index.ts";
import { analyzeDocument } from "../../lib/page-document.ts";
import { readArticle } from "../../lib/recognition/readable.ts";
import { recognize } from "../../lib/recognition/recognize.ts";

/** Mean ms a page to read its file and parse it with linkedom, nothing else. */
export async function parseOnlyMs(files: readonly string[]): Promise<number> {
  let elements = 0;
  const start = performance.now();
  for (const file of files) {
    const { document } = parseHTML(readFileSync(file, "utf8"));
    elements += document.querySelectorAll("p").length;
  }
  if (elements === 0) throw new Error("baseline parsed no paragraphs");
  return (performance.now() - start) / files.length;
}

export type Stage = "parse" | "read" | "recognize" | "facts" | "extract" | "output";

/**
 * Mean ms a page in each stage of the CLI's work on one thread, the stages run as
 * `analyzeDocument` runs them (lib/page-document.ts). The output stage is timed in a second pass, where
 * each page's items are also checked against `analyzeDocument`'s own.
 */
export async function stageCosts(files: readonly string[]): Promise<Record<Stage, number>> {
  const total: Record<Stage, number> = {
    parse: 0,
    read: 0,
    recognize: 0,
    facts: 0,
    extract: 0,
    output: 0,
  };
  const itemCounts: number[] = [];
  for (const file of files) {
    let t = performance.now();
    const lap = (stage: Stage) => {
      const now = performance.now();
      total[stage] += now - t;
      t = now;
    };
    const { document } = parseHTML(readFileSync(file, "utf8"));
    const url = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? file;
    lap("parse");
    const read = readArticle(document as unknown as Document);
    lap("read");
    const recognition = recognize({
      url,
      title: read.title,
      text: read.text,
      readable: read.readable,
      linkDensity: read.linkDensity,
    });
    lap("recognize");
    const referenceDate = read.publishedAt;
    extractArticleFacts(read.text, read.title, referenceDate);
    lap("facts");
    const titleAndLead = `${read.title}\n${read.text.slice(0, 400)}`;
    const items = recognition.recognised ? extract(read.text, { referenceDate, titleAndLead }) : [];
    lap("extract");
    itemCounts.push(items.length);
  }
  if (itemCounts.every((count) => count === 0)) throw new Error("the stages extracted nothing");
  for (const [k, file] of files.entries()) {
    const { document } = parseHTML(readFileSync(file, "utf8"));
    const url = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? file;
    const analysis = analyzeDocument(document as unknown as Document, { url });
    if (analysis.items.length !== itemCounts[k]) {
      throw new Error(`${file}: the stages found other items than analyzeDocument`);
    }
    const start = performance.now();
    formatResult(toFileResult(file, analysis), "jsonl");
    total.output += performance.now() - start;
  }
  for (const stage of Object.keys(total) as Stage[]) total[stage] /= files.length;
  return total;
}
