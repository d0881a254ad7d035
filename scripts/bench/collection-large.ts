/**
 * The 100,000-snippet figures (`npm run bench -- --only collection --large`; not in the default
 * run: filling the collection and its loads take minutes), with 5,000 articles of collection-data.ts:
 *
 *   collection.first_render_100k   navigation start → first render with data, cold (the page's copy
 *                                  dropped: the newest snippets first while every record is read;
 *                                  goal ≤ 1 s)
 *   collection.full_load_100k      … → every snippet loaded and rendered, cold
 *   collection.full_load_100k_warm … from the page's copy
 *   collection.search_100k         one keystroke in #search until the list is painted (≤ 200 ms)
 *
 * No import file holds 100,000 snippets with their articles' texts (the import's limit is
 * 100 MB), so the records are written straight into the extension's IndexedDB stores from the
 * collection page (raw IndexedDB, 5,000 at a time). The loads and keystrokes are timed as in
 * collection.ts, over fewer rounds (at most 3).
 */
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { groupRecord } from "../../lib/storage/snippet-records.ts";
import { COPY_WAIT_MS } from "./collection.ts";
import { syntheticCollection } from "./collection-data.ts";
import { LOAD_SETTLE_MS, type LoadMarks, putRecords, timeLoads } from "./collection-loads.ts";
import { timeSearch, withCollectionBench } from "./collection-page.ts";
import { type Figure, median, round } from "./figure.ts";

const LARGE_ARTICLES = 5000;
const LARGE_ROUNDS = 3;

export async function largeCollectionFigures(options: {
  rounds: number;
  log: (line: string) => void;
  extensionPath?: string;
}): Promise<{ figures: Figure[]; notes: string[] }> {
  const rounds = Math.min(LARGE_ROUNDS, options.rounds);
  const { log } = options;
  const notes: string[] = [];
  const data = syntheticCollection({ articles: LARGE_ARTICLES });
  log(`  collection: ${data.snippets.length} snippets from ${data.articles.length} articles`);
  return withCollectionBench(
    { extensionPath: options.extensionPath, timeoutMs: 300_000 },
    async ({ page, base }) => {
      await page.goto(base);
      await page.getByText("Bộ sưu tập").first().waitFor();
      await putRecords(page, "articles", data.articles);
      // One record per article's snippets (schema version 7, lib/storage/snippet-records.ts).
      const byArticle = new Map<string, SnippetRecord[]>();
      for (const s of data.snippets)
        byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), s]);
      const groups = [...byArticle].flatMap(([id, snippets]) => groupRecord(id, snippets) ?? []);
      await putRecords(page, "snippetGroups", groups, 100);

      const { cold, warm } = await timeLoads(page, {
        rounds,
        snippets: data.snippets.length,
        copyWaitMs: COPY_WAIT_MS * 4,
        settleMs: LOAD_SETTLE_MS * 4,
        onNoCopy: () => notes.push("100k: the page wrote no copy"),
      });
      const shown = (marks: LoadMarks[], key: "startTime" | "loadedTime") =>
        marks.map((mark) => mark[key].toFixed(0)).join(", ");
      log(`    100k first render (cold): ${shown(cold, "startTime")} ms`);
      log(`    100k full load (cold): ${shown(cold, "loadedTime")} ms`);
      log(`    100k full load (warm): ${shown(warm, "loadedTime")} ms`);

      const search = await timeSearch(page, data, rounds, 20_000);
      const searchMs = search.ms;
      log(`    100k search: ${search.line}`);
      const at = (marks: LoadMarks[], key: "startTime" | "loadedTime") =>
        round(median(marks.map((mark) => mark[key])), 0);
      return {
        figures: [
          { name: "collection.first_render_100k", value: at(cold, "startTime"), unit: "ms" },
          { name: "collection.full_load_100k", value: at(cold, "loadedTime"), unit: "ms" },
          { name: "collection.full_load_100k_warm", value: at(warm, "loadedTime"), unit: "ms" },
          { name: "collection.search_100k", value: round(median(searchMs), 1), unit: "ms" },
        ],
        notes,
      };
    },
  );
}
