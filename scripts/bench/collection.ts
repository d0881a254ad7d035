/**
 * The collection figures of `npm run bench`, with 10,000 snippets from 500 articles
 * (collection-data.ts, about 13 MB as a JSON export, written with `toJson` to a temporary file):
 *
 *   collection.import_json        importing the JSON export through "Xuất / Nhập" (goal ≤ 1.5 s)
 *   collection.first_render       opening collection.html until its first render with data (≤ 300 ms)
 *   collection.full_load          … until the render with every snippet loaded (≤ 400 ms)
 *   collection.first_render_cold, .full_load_cold
 *                                 the same when the page's copy of the collection is not current (the
 *                                 first load after any write): the newest snippets first, then every
 *                                 record read (lib/storage/view-cache.ts)
 *   collection.search             one keystroke in the search box until the list is painted (≤ 50 ms)
 *   collection.export_csv         "CSV (Excel)" from the click until the download starts (≤ 1 s)
 *   collection.export_xlsx        "Excel (.xlsx)" the same (≤ 2 s): table, comparison and sources sheets
 *   collection.heap               JS heap used by the collection page once every snippet is loaded (MB)
 *
 * In a browser of its own (Debian's Chromium, the built extension, a fresh profile, started with
 * --enable-precise-memory-info so `performance.memory` is exact), on collection.html (the in-page
 * timers are in collection-page.ts, the loads in collection-loads.ts):
 *   - import: `?tab=transfer`, `setInputFiles` on `input[data-import=json]`. Timed in the page:
 *     from the input's `change` event (a capture listener on the document, so before the page's own
 *     handler reads the file) until a MutationObserver sees `[role=status]` say the import is done
 *     ("Đã nhập: 500 bài viết mới, 10000 mục mới…"). The status is set when the write transaction
 *     has committed; the list's re-render that follows is not included. Rounds: 3 (the collection
 *     cleared with "Xóa toàn bộ bộ sưu tập" and the page reloaded between them); median.
 *   - loads: `rounds` times a cold load (the copy deleted with raw IndexedDB, then a reload) and,
 *     once the page has written its copy again, a warm load (a reload). Each time the
 *     `gvn:collection-rendered` mark's startTime (navigation start → the frame after the first
 *     render with data) and the `gvn:collection-loaded` mark's (→ every snippet rendered); medians.
 *     The marks are read once the load has settled (`timedLoad`): nothing of the bench runs in the
 *     page while it loads (Playwright's `waitForFunction` would put its own script in the window).
 *     The heap: `performance.memory.usedJSHeapSize` of warm loads when their marks are read (at
 *     least 1.5 s after the navigation, so the garbage of the load may be collected by then; no
 *     forced collection), median. Read right after the loaded mark, it was 54–120 MB.
 *   - search: `rounds` different keystrokes, each from a query (set beforehand, untimed) to that
 *     query plus one character, chosen so that the number of results changes (checked in node with
 *     lib/collection's own search over the same data). Timed in the page: from just before the
 *     `input` event is dispatched on `#search` (the value already one character longer) until
 *     `[data-results]` changes (MutationObserver), then the next frame is painted
 *     (`requestAnimationFrame` + `setTimeout 0`); median.
 *   - CSV export: "Toàn bộ bộ sưu tập", `[data-export=csv]` clicked `rounds` times. Timed in the page
 *     through the UI: from the button's click (a capture listener) until the page clicks the
 *     `<a download>` blob link it made (a capture listener too), i.e. building all 10,000 rows
 *     (`toCsv`) and the blob; the browser's own download handling is not included. Each download
 *     is awaited (Playwright's `download` event) and its rows counted once. Median.
 *   - XLSX export: the same with `[data-export=xlsx]` (the workbook's three sheets, the library
 *     loaded on the first click); the first file is read back with ExcelJS and its table's rows
 *     counted. Median.
 * collection.html opens on the table view (components/collection/table): the load and search
 * figures are the table's. Then collection-table.ts adds the table's own figures (table.*), each
 * beside a baseline. With `--large`, collection-large.ts adds the 100,000-snippet figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { toJson } from "../../lib/export/index.ts";
import { syntheticCollection } from "./collection-data.ts";
import { type LoadMarks, timeLoads, waitForLoaded } from "./collection-loads.ts";
import {
  EXPORT_TIMER,
  IMPORT_TIMER,
  setQuery,
  timeSearch,
  withCollectionBench,
} from "./collection-page.ts";
import { tableFigures } from "./collection-table.ts";
import { type Figure, median, medianMs, round } from "./figure.ts";

export const COLLECTION_GOALS = {
  firstRenderMs: 300,
  fullLoadMs: 400,
  searchMs: 50,
  exportCsvMs: 1000,
  exportXlsxMs: 2000,
  importJsonMs: 1500,
  firstRender100kMs: 1000,
  search100kMs: 200,
} as const;

const IMPORT_ROUNDS = 3;
/** How long a page may take to write its copy of the collection after loading it. */
export const COPY_WAIT_MS = 15_000;

export interface CollectionFiguresResult {
  figures: Figure[];
  notes: string[];
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/** Measures the collection figures (see the header) in a browser of its own. */
export async function collectionFigures(options: {
  rounds: number;
  log: (line: string) => void;
  /** The unpacked extension to load (default: scripts/lib/browser.ts's). */
  extensionPath?: string;
}): Promise<CollectionFiguresResult> {
  const { rounds, log } = options;
  const notes: string[] = [];
  const data = syntheticCollection();
  const json = toJson(data);
  const dir = mkdtempSync(path.join(os.tmpdir(), "gvn-bench-collection-"));
  const file = path.join(dir, "chi-tieu-bench.json");
  writeFileSync(file, json);
  log(
    `  collection: ${data.snippets.length} snippets from ${data.articles.length} articles ` +
      `(${mb(Buffer.byteLength(json)).toFixed(1)} MB of JSON)`,
  );

  try {
    return await withCollectionBench(
      { extensionPath: options.extensionPath, timeoutMs: 60_000 },
      async ({ page, base }) => {
        // Import through "Xuất / Nhập".
        const done = `Đã nhập: ${data.articles.length} bài viết mới, ${data.snippets.length} mục mới, 0 mục trùng đã gộp.`;
        const importMs: number[] = [];
        for (let r = 0; r < Math.min(IMPORT_ROUNDS, rounds); r++) {
          await page.goto(`${base}?tab=transfer`);
          await waitForLoaded(page);
          if (r > 0) {
            await page.locator("[data-action=clear]").click();
            await page.locator("[data-action=clear-confirm]").click();
            await page.getByRole("status").filter({ hasText: "Đã xóa toàn bộ" }).waitFor();
            await page.reload();
            await waitForLoaded(page);
          }
          await page.bringToFront();
          await page.evaluate(IMPORT_TIMER);
          await page.locator("input[data-import=json]").setInputFiles(file);
          const result = (await page.evaluate("window.__gvnImport")) as {
            ms: number;
            text: string;
            errors: string[];
          };
          if (result.text.trim() !== done) {
            throw new Error(
              `the import did not succeed: ${result.text} ${result.errors.slice(0, 3).join(" | ")}`,
            );
          }
          importMs.push(result.ms);
          log(`    import ${r + 1}: ${result.ms.toFixed(0)} ms`);
        }

        // Loads of the collection tab: cold (its copy dropped, as any write does: the records are read
        // and the copy made again) and warm (from the copy), in turn; the heap on warm loads.
        await page.goto(base);
        await waitForLoaded(page);
        const { cold, warm } = await timeLoads(page, {
          rounds,
          snippets: data.snippets.length,
          copyWaitMs: COPY_WAIT_MS,
          onNoCopy: () => notes.push("the page wrote no copy"),
        });
        const ms = (marks: LoadMarks[], key: "startTime" | "loadedTime") =>
          marks.map((mark) => mark[key]);
        const runs = [
          ["first render (warm)", warm, "startTime"],
          ["full load (warm)", warm, "loadedTime"],
          ["first render (cold)", cold, "startTime"],
          ["full load (cold)", cold, "loadedTime"],
        ] as const;
        for (const [label, marks, key] of runs) {
          log(
            `    ${label}: ${ms(marks, key)
              .map((v) => v.toFixed(0))
              .join(", ")} ms`,
          );
        }
        const heapBytes = warm.flatMap((mark) => (mark.heap === null ? [] : [mark.heap]));
        // One keystroke in the search box.
        await page.bringToFront();
        const search = await timeSearch(page, data, rounds, 5000);
        if (search.rounds < rounds) notes.push(`only ${search.rounds} search keystrokes`);
        const searchMs = search.ms;
        log(`    search: ${search.line}`);
        await setQuery(page, "", data.snippets.length);

        // The table view: its first render and a sort, each beside a baseline (collection-table.ts).
        const table = await tableFigures({
          page,
          base,
          snippets: data.snippets.length,
          rounds,
          log,
        });

        // CSV and XLSX exports of the whole collection.
        await page.getByRole("tab", { name: "Xuất / Nhập", exact: true }).click();
        await page.evaluate(EXPORT_TIMER);
        const timeExport = async (
          format: "csv" | "xlsx",
          check: (file: string) => Promise<void>,
        ) => {
          const times: number[] = [];
          for (let r = 0; r < rounds; r++) {
            const [download] = await Promise.all([
              page.waitForEvent("download"),
              page.locator(`[data-export=${format}]`).click(),
            ]);
            await page.getByRole("status").filter({ hasText: "Đã xuất" }).waitFor();
            const failure = await download.failure();
            if (failure) throw new Error(`the ${format} export failed: ${failure}`);
            if (r === 0) await check(await download.path());
            await download.delete();
            const timing = (await page.evaluate("window.__gvnExport.at(-1)")) as {
              format?: string;
              click?: number;
              download?: number;
            };
            if (
              timing.format !== format ||
              timing.click === undefined ||
              timing.download === undefined
            ) {
              throw new Error(`the ${format} export was not timed: ${JSON.stringify(timing)}`);
            }
            times.push(timing.download - timing.click);
          }
          log(`    ${format} export: ${times.map((ms) => ms.toFixed(0)).join(", ")} ms`);
          return times;
        };
        const exportMs = await timeExport("csv", async (file) => {
          const lines = readFileSync(file, "utf8").split("\r\n").length;
          if (lines < data.snippets.length + 1) {
            throw new Error(`the CSV has ${lines} lines for ${data.snippets.length} snippets`);
          }
        });
        const exportXlsxMs = await timeExport("xlsx", async (file) => {
          // Read back by a spreadsheet reader: one row per snippet in the table sheet.
          const { default: ExcelJS } = await import("exceljs");
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(file);
          const rows = workbook.worksheets[0]?.rowCount ?? 0;
          if (rows !== data.snippets.length + 1) {
            throw new Error(`the XLSX table has ${rows} rows for ${data.snippets.length} snippets`);
          }
        });

        return {
          figures: [
            medianMs("collection.first_render", ms(warm, "startTime")),
            medianMs("collection.full_load", ms(warm, "loadedTime")),
            medianMs("collection.first_render_cold", ms(cold, "startTime")),
            medianMs("collection.full_load_cold", ms(cold, "loadedTime")),
            medianMs("collection.search", searchMs),
            medianMs("collection.export_csv", exportMs),
            medianMs("collection.export_xlsx", exportXlsxMs),
            medianMs("collection.import_json", importMs, 0),
            { name: "collection.heap", value: round(mb(median(heapBytes)), 1), unit: "MB" },
            ...table,
          ],
          notes,
        };
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
