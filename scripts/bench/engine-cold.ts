/**
 * The engine's first article in a fresh runtime (`npm run bench -- --only extract`): the
 * background analyses the first page after the browser starts in a runtime that has compiled
 * none of the engine's patterns and optimised none of its code. Each round is a new Node process
 * (engine-cold-child.ts), which analyses one article cold, then the same article warm:
 *
 *   extract.cold_article_ms   the first analysis of the article (recognition, facts, extraction)
 *   extract.warm_article_ms   the same article again in that process (the baseline)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Figure, median, medianMs } from "./figure.ts";

const CHILD = fileURLToPath(new URL("./engine-cold-child.ts", import.meta.url));
const ROUNDS = 7;

export function engineColdFigures(article: { text: string; date: string | null }): {
  cold: Figure;
  warm: Figure;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gvn-engine-cold-"));
  try {
    const input = path.join(dir, "article.json");
    writeFileSync(input, JSON.stringify(article));
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const run = spawnSync(process.execPath, ["--import", "tsx", CHILD, input], {
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(`engine-cold-child failed: ${run.stderr}`);
      const figures = JSON.parse(run.stdout.trim().split("\n").pop() as string) as {
        coldMs: number;
        warmMs: number;
      };
      cold.push(figures.coldMs);
      warm.push(figures.warmMs);
    }
    if (!(median(cold) > 0)) throw new Error("no cold figure");
    return {
      cold: medianMs("extract.cold_article_ms", cold),
      warm: medianMs("extract.warm_article_ms", warm),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
