/**
 * The collection table's figures of `npm run bench` (issue 11 §1), on the collection page the
 * collection bench (collection.ts) has filled with 10,000 snippets, each beside a baseline measured
 * in the same run:
 *
 *   table.first_render           navigation start → `gvn:table-rendered` (the frame after the table
 *                                first showed rows), collection.html, warm (≤ 300 ms)
 *   table.first_render_baseline  navigation start → `gvn:collection-rendered` on
 *                                collection.html?view=list (the list view, its first 50 cards)
 *   table.sort                   a click on the "Giá trị" header → its aria-sort changed and the next
 *                                frame painted (all 10,000 rows sorted, the rows in view rendered)
 *                                (≤ 100 ms)
 *   table.sort_baseline          ↓ in the table → the next row focused (its tabindex 0) and the next
 *                                frame painted: a render of the rows in view with no sorting
 *
 * The loads' marks are read once each load has settled and loaded every snippet (nothing of the
 * bench runs in the page while it loads, and each navigation leaves an idle page). Timed in the page (MutationObserver on the attribute, then `requestAnimationFrame` +
 * `setTimeout 0`, as collection.search is); `rounds` loads and `rounds` sorts (ascending and
 * descending in turn; after each descending sort a third click, untimed, unsorts); medians.
 */
import type { Page } from "playwright-core";
import { LOAD_SETTLE_MS, readWhenSettled } from "./collection-loads.ts";
import { type Figure, median, round } from "./figure.ts";

export const TABLE_GOALS = { firstRenderMs: 300, sortMs: 100 } as const;

/** What `timeUntilPainted` does in the page: a click on a header's sort button, or ↓ on a row. */
type TimedAction =
  | { kind: "sort"; column: string; expect: string; timeout: number }
  | { kind: "arrow"; timeout: number };

/**
 * Runs in the page (self-contained, as it is sent as source: no helper functions, and no
 * functions kept in variables, which the bundler would wrap in a helper of its own): does the
 * action, resolves with the time until what it changes has changed (a MutationObserver on the
 * attribute) and the next frame is painted (`requestAnimationFrame` + `setTimeout 0`). A sort:
 * the header's aria-sort is `expect`. ↓ on the focused row: the next row has the tab stop.
 */
function timeUntilPainted(args: TimedAction) {
  return new Promise<{ ms: number } | { error: string }>((resolve) => {
    const sort = args.kind === "sort" ? args : null;
    const header = sort ? document.querySelector(`th[data-column="${sort.column}"]`) : null;
    const button = header?.querySelector("button");
    const row = sort ? null : document.activeElement;
    const body = row?.closest("tbody");
    const next = String(Number(row?.getAttribute("data-line")) + 1);
    const watched = sort ? header : body;
    if (sort && (!header || !button)) return resolve({ error: `no header ${sort.column}` });
    if (!sort && (!row || !body)) return resolve({ error: "no focused row" });
    if (!watched) return resolve({ error: "nothing to watch" });
    const what = sort
      ? `aria-sort did not become ${sort.expect}`
      : `row ${next} did not get the focus`;
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ error: `${what} within ${args.timeout} ms` });
    }, args.timeout);
    const observer = new MutationObserver(() => {
      const changed = sort
        ? header?.getAttribute("aria-sort") === sort.expect
        : body?.querySelector(`tr[data-line="${next}"]`)?.getAttribute("tabindex") === "0";
      if (!changed) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve({ ms: performance.now() - start });
        }, 0),
      );
    });
    observer.observe(watched, {
      attributes: true,
      subtree: !sort,
      attributeFilter: [sort ? "aria-sort" : "tabindex"],
    });
    const start = performance.now();
    if (sort) button?.click();
    else row?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
  });
}

/**
 * Runs in the page: the named mark's time once the page has also loaded every snippet (so the
 * next navigation leaves an idle page, not one in the middle of its full load), else null.
 */
function readMarkWhenLoaded(args: { name: string; loaded: string }): number | null {
  if (performance.getEntriesByName(args.loaded, "mark").length === 0) return null;
  return performance.getEntriesByName(args.name, "mark")[0]?.startTime ?? null;
}

/** Navigation start → the named mark, read once the load has settled. */
function markTime(page: Page, name: string): Promise<number> {
  return readWhenSettled(
    page,
    readMarkWhenLoaded,
    { name, loaded: "gvn:collection-loaded" },
    { settleMs: LOAD_SETTLE_MS },
  );
}

const ok = (result: { ms: number } | { error: string }, what: string): number => {
  if ("error" in result) throw new Error(`${what}: ${result.error}`);
  return result.ms;
};

/** Measures the table figures on `base` (collection.html of a filled collection, warm). */
export async function tableFigures(options: {
  page: Page;
  base: string;
  snippets: number;
  rounds: number;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const { page, base, rounds, log } = options;
  const table: number[] = [];
  const list: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await page.goto(`${base}?view=list`);
    list.push(await markTime(page, "gvn:collection-rendered"));
    await page.goto(base);
    table.push(await markTime(page, "gvn:table-rendered"));
  }
  await page.locator(`[data-results="${options.snippets}"]`).waitFor();
  const rowCount = await page.getByRole("treegrid").getAttribute("aria-rowcount");
  if (rowCount !== String(options.snippets + 1)) {
    throw new Error(`the table has ${rowCount} rows for ${options.snippets} snippets`);
  }
  log(`    table first render: ${table.map((v) => v.toFixed(0)).join(", ")} ms`);
  log(`    list first render (baseline): ${list.map((v) => v.toFixed(0)).join(", ")} ms`);

  await page.bringToFront();
  const sortMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const expect = r % 2 === 0 ? "ascending" : "descending";
    sortMs.push(
      ok(
        await page.evaluate(timeUntilPainted, {
          kind: "sort" as const,
          column: "value",
          expect,
          timeout: 5000,
        }),
        "sort",
      ),
    );
    if (expect === "descending") {
      await page.locator("th[data-column=value] button").click();
      await page.locator("th[data-column=value][aria-sort=none]").waitFor();
    }
  }
  await page.locator("tr[data-line='0']").focus();
  const arrowMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    arrowMs.push(
      ok(await page.evaluate(timeUntilPainted, { kind: "arrow" as const, timeout: 5000 }), "↓"),
    );
  }
  log(`    sort by value: ${sortMs.map((v) => v.toFixed(1)).join(", ")} ms`);
  log(`    ↓ (baseline): ${arrowMs.map((v) => v.toFixed(1)).join(", ")} ms`);
  return [
    { name: "table.first_render", value: round(median(table), 1), unit: "ms" },
    { name: "table.first_render_baseline", value: round(median(list), 1), unit: "ms" },
    { name: "table.sort", value: round(median(sortMs), 1), unit: "ms" },
    { name: "table.sort_baseline", value: round(median(arrowMs), 1), unit: "ms" },
  ];
}
