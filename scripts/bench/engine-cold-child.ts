/**
 * One fresh process of `engine-cold.ts`: analyses the article in the JSON file named by its
 * argument (`{ text, date }`) as the background does a page's article (recognition, facts,
 * extraction), first in a runtime that has run none of the engine's code yet, then again warm, and
 * prints `{ coldMs, warmMs }` (main-thread time, the warm figure the median of five).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { analyzeText } from "../../lib/page.ts";
import { median } from "./figure.ts";

const { text, date } = JSON.parse(readFileSync(process.argv[2] as string, "utf8")) as {
  text: string;
  date: string | null;
};
const analyse = () => {
  const start = performance.now();
  const analysis = analyzeText(text, {
    url: "https://tinhuy.example.gov.vn/bai-viet",
    date,
    always: true,
  });
  if (analysis.items.length === 0) throw new Error("the article gave no items");
  return performance.now() - start;
};
const coldMs = analyse();
const warm = Array.from({ length: 5 }, analyse);
console.log(JSON.stringify({ coldMs, warmMs: median(warm) }));
