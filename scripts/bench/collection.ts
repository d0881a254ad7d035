/**
 * The collection figures of `npm run bench`, with 10,000 snippets from 500 articles:
 *
 *   collection.import_json   importing the JSON export through "Xuất / Nhập" (goal ≤ 3 s)
 *   collection.first_render  opening collection.html until its first render with data — the newest
 *                            snippets and the total, while the full read runs (≤ 300 ms)
 *   collection.full_load     opening collection.html until the render with every snippet loaded
 *   collection.search        one keystroke in the search box until the list is painted (≤ 50 ms)
 *   collection.export_csv    "CSV (Excel)" from the click until the download starts (≤ 1 s)
 *   collection.heap          JS heap used by the collection page after its first render (MB)
 *
 * The data (`syntheticCollection`, deterministic): 500 articles from 40 localities (province,
 * district and commune level), each with a ~5 KB Vietnamese text snapshot holding its 20 snippets
 * (targets 55 %, results 20 %, deadlines 15 %, excerpts 10 %) on indicators of every category of
 * lib/taxonomy/indicators.json, with anchors that index the snapshot, ids from `snippetId`, tags on
 * about one snippet in eight and notes on one in twenty. It is written with `toJson` (node side),
 * about 12 MB, to a temporary file.
 *
 * In a browser of its own (Debian's Chromium, the built extension, a fresh profile, started with
 * --enable-precise-memory-info so `performance.memory` is exact), on collection.html:
 *   - import: `?tab=transfer`, `setInputFiles` on `input[data-import=json]`. Timed in the page:
 *     from the input's `change` event (a capture listener on the document, so before the page's own
 *     handler reads the file) until a MutationObserver sees `[role=status]` say the import is done
 *     ("Đã nhập: 500 bài viết mới, 10000 đoạn mới…"). The status is set when the write transaction
 *     has committed; the list's re-render that follows is not included. Rounds: 3 (the collection
 *     cleared with "Xóa toàn bộ bộ sưu tập" and the page reloaded between them); median.
 *   - first render: the page reloaded `rounds` times; each time the `gvn:collection-rendered`
 *     mark's startTime (navigation start → the frame after the first render with the collection
 *     loaded, 10,000 snippets); median. The heap: `performance.memory.usedJSHeapSize` read right
 *     after that mark (no forced garbage collection), median over the same reloads.
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
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { createSearchIndex, joinEntries, searchEntries } from "../../lib/collection/index.ts";
import { type CollectionData, toJson } from "../../lib/export/index.ts";
import { articleKey, snippetId } from "../../lib/snippets/keys.ts";
import type { ArticleRecord, SnippetKind, SnippetRecord } from "../../lib/snippets/types.ts";
import { CATEGORIES } from "../../lib/taxonomy/taxonomy.ts";
import { type ExtensionBrowser, launchBrowserWithExtension } from "../lib/browser.ts";
import { type Figure, median, round } from "./figure.ts";

export const COLLECTION_GOALS = {
  firstRenderMs: 300,
  searchMs: 50,
  exportCsvMs: 1000,
  importJsonMs: 3000,
} as const;

export const COLLECTION_SIZE = { articles: 500, snippets: 10_000 } as const;

const IMPORT_ROUNDS = 3;
const RENDERED_MARK = "gvn:collection-rendered";
const LOADED_MARK = "gvn:collection-loaded";

// ---------------------------------------------------------------------------------------------
// Synthetic collection

const PLACES: Array<[string, string]> = [
  ["Trà Vinh", "tỉnh"],
  ["Cẩm Giàng", "huyện"],
  ["Tây Ninh", "tỉnh"],
  ["Đakrông", "huyện"],
  ["Trà Cú", "huyện"],
  ["Hải Dương", "tỉnh"],
  ["Quảng Trị", "tỉnh"],
  ["Nghệ An", "tỉnh"],
  ["Thanh Hóa", "tỉnh"],
  ["Bắc Ninh", "tỉnh"],
  ["Đồng Tháp", "tỉnh"],
  ["Sóc Trăng", "tỉnh"],
  ["Lâm Đồng", "tỉnh"],
  ["Đắk Lắk", "tỉnh"],
  ["Hà Giang", "tỉnh"],
  ["Lào Cai", "tỉnh"],
  ["Yên Bái", "tỉnh"],
  ["Phú Thọ", "tỉnh"],
  ["Thái Bình", "tỉnh"],
  ["Nam Định", "tỉnh"],
  ["Ninh Bình", "tỉnh"],
  ["Quảng Ngãi", "tỉnh"],
  ["Bình Định", "tỉnh"],
  ["Khánh Hòa", "tỉnh"],
  ["Cà Mau", "tỉnh"],
  ["Bến Cát", "thị xã"],
  ["Gia Lâm", "huyện"],
  ["Đông Anh", "huyện"],
  ["Thủy Nguyên", "huyện"],
  ["Kinh Môn", "thị xã"],
  ["Long Hồ", "huyện"],
  ["Châu Thành", "huyện"],
  ["Cầu Ngang", "huyện"],
  ["Duyên Hải", "thị xã"],
  ["Vĩnh Bảo", "huyện"],
  ["Tiên Lãng", "huyện"],
  ["Mỹ Hào", "thị xã"],
  ["Tân Hiệp", "xã"],
  ["Phước Hưng", "xã"],
  ["Long Đức", "xã"],
];

const FILLER = (
  "hội nghị học tập quán triệt triển khai thực hiện nghị quyết đại hội đảng bộ nhiệm kỳ " +
  "đồng chí bí thư phát biểu chỉ đạo các cấp ủy tổ chức đảng chính quyền mặt trận tổ quốc " +
  "đoàn thể chính trị xã hội tiếp tục đổi mới nội dung phương thức lãnh đạo nâng cao năng lực " +
  "sức chiến đấu xây dựng hệ thống chính trị trong sạch vững mạnh phát huy sức mạnh đại đoàn " +
  "kết toàn dân tộc đẩy mạnh chuyển đổi số cải cách hành chính thu hút đầu tư phát triển hạ " +
  "tầng giao thông nông nghiệp công nghệ cao du lịch dịch vụ bảo vệ môi trường giữ vững quốc " +
  "phòng an ninh trật tự an toàn xã hội chăm lo đời sống vật chất tinh thần của nhân dân"
).split(" ");

const TAGS = ["ưu tiên", "so sánh", "báo cáo quý", "kinh tế", "xã hội", "cần kiểm tra"];
const NOTES = [
  "Đối chiếu với kết quả năm trước.",
  "Chỉ tiêu cao hơn bình quân của tỉnh; cần theo dõi.",
  "Đưa vào báo cáo sơ kết giữa nhiệm kỳ.",
  "Số liệu khác với báo cáo của UBND, hỏi lại Văn phòng.",
];
const TASKS = [
  "tổng kết việc học tập nghị quyết",
  "xây dựng chương trình hành động",
  "báo cáo kết quả thực hiện",
  "ban hành kế hoạch chuyển đổi số",
  "kiện toàn tổ chức bộ máy",
];

/** A deterministic pseudo-random generator (LCG), so every run benchmarks the same data. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const pad = (n: number) => String(n).padStart(2, "0");

interface Sentence {
  text: string;
  snippet?: {
    kind: SnippetKind;
    quote: string;
    category: string | null;
    value: SnippetRecord["value"];
    unit: string | null;
    comparator: SnippetRecord["comparator"];
    direction: SnippetRecord["direction"];
    horizon: SnippetRecord["horizon"];
    deadline: SnippetRecord["deadline"];
    indicator: string;
  };
}

/**
 * 500 articles × 20 snippets by default (see the header). The same options always give the same
 * records.
 */
export function syntheticCollection(
  options: { articles?: number; snippetsPerArticle?: number; seed?: number } = {},
): CollectionData {
  const articleCount = options.articles ?? COLLECTION_SIZE.articles;
  const perArticle =
    options.snippetsPerArticle ?? COLLECTION_SIZE.snippets / COLLECTION_SIZE.articles;
  const random = generator(options.seed ?? 20251121);
  const articles: ArticleRecord[] = [];
  const snippets: SnippetRecord[] = [];
  const base = Date.UTC(2025, 0, 6, 8);

  const filler = (words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(random.pick(FILLER));
    const text = out.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };

  for (let a = 0; a < articleCount; a++) {
    const [locality, level] = PLACES[a % PLACES.length] as [string, string];
    const term = random.next() < 0.7 ? "2020-2025" : "2025-2030";
    const startYear = Number(term.slice(0, 4));
    const congress = 10 + random.int(20);
    const organization = `Đảng bộ ${level} ${locality}`;
    const host = `${slug(locality)}.gov.vn`;
    const url = `https://${host}/tin-tuc/hoc-tap-nghi-quyet-dai-hoi-${a + 1}.html`;
    const id = articleKey(url, url);
    const published = `${startYear}-${pad(1 + random.int(12))}-${pad(1 + random.int(28))}`;
    const createdAt = base + a * 3_600_000;

    const sentences: Sentence[] = [];
    for (let k = 0; k < perArticle; k++) {
      const category = random.pick(CATEGORIES);
      const phrase = random.pick(category.phrases);
      const roll = random.next();
      const percent = random.next() < 0.7;
      const amount = percent ? 50 + random.int(50) : 5 + random.int(500);
      const unit = percent ? "%" : random.pick(["xã", "triệu đồng", "doanh nghiệp", "km"]);
      const written = percent ? `${amount}%` : `${amount} ${unit}`;
      const year = startYear + random.int(6);
      if (roll < 0.55) {
        const quote = `${phrase} đạt ${written}`;
        sentences.push({
          text: `Đến năm ${year}, phấn đấu ${quote} trở lên, góp phần hoàn thành các mục tiêu của nhiệm kỳ.`,
          snippet: {
            kind: "target",
            quote,
            category: category.id,
            value: { min: amount, max: amount },
            unit,
            comparator: ">=",
            direction: null,
            horizon: { type: "year", year },
            deadline: null,
            indicator: phrase,
          },
        });
      } else if (roll < 0.75) {
        const quote = `${phrase} đạt ${written}`;
        sentences.push({
          text: `Kết quả năm ${year - 1}: ${quote}, vượt kế hoạch đề ra.`,
          snippet: {
            kind: "result",
            quote,
            category: category.id,
            value: { min: amount, max: amount },
            unit,
            comparator: "=",
            direction: null,
            horizon: { type: "year", year: year - 1 },
            deadline: null,
            indicator: phrase,
          },
        });
      } else if (roll < 0.9) {
        const day = 1 + random.int(28);
        const month = 1 + random.int(12);
        const quote = `trước ngày ${pad(day)}/${pad(month)}/${year}`;
        sentences.push({
          text: `Các cấp ủy hoàn thành việc ${random.pick(TASKS)} ${quote}.`,
          snippet: {
            kind: "deadline",
            quote,
            category: null,
            value: null,
            unit: null,
            comparator: null,
            direction: null,
            horizon: null,
            deadline: { date: `${year}-${pad(month)}-${pad(day)}`, precision: "day" },
            indicator: "",
          },
        });
      } else {
        const quote = `Tập trung lãnh đạo xây dựng ${phrase} gắn với ${random.pick(FILLER)} ${random.pick(FILLER)}.`;
        sentences.push({
          text: quote,
          snippet: {
            kind: "excerpt",
            quote,
            category: null,
            value: null,
            unit: null,
            comparator: null,
            direction: null,
            horizon: null,
            deadline: null,
            indicator: "",
          },
        });
      }
      sentences.push({ text: filler(8 + random.int(16)) });
    }

    // The snapshot: the sentences as paragraphs, then filler up to about 5 KB.
    let snapshot = `${filler(30)}\n\n`;
    const placed: Array<{ sentence: Sentence; start: number }> = [];
    for (const sentence of sentences) {
      placed.push({ sentence, start: snapshot.length });
      snapshot += `${sentence.text}\n\n`;
    }
    while (Buffer.byteLength(snapshot, "utf8") < 5000) snapshot += `${filler(40)}\n\n`;
    snapshot = snapshot.trimEnd();

    articles.push({
      id,
      url,
      canonicalUrl: url,
      title: `${organization} học tập, quán triệt Nghị quyết Đại hội lần thứ ${congress}, nhiệm kỳ ${term}`,
      siteName: `Cổng thông tin điện tử ${level} ${locality}`,
      site: host,
      organization,
      level,
      locality,
      congress,
      term,
      publishedAt: published,
      snapshot,
      createdAt,
      updatedAt: createdAt,
    });

    let k = 0;
    for (const { sentence, start: sentenceStart } of placed) {
      const s = sentence.snippet;
      if (!s) continue;
      const start = sentenceStart + sentence.text.indexOf(s.quote);
      const end = start + s.quote.length;
      const anchor = {
        quote: s.quote,
        prefix: snapshot.slice(Math.max(0, start - 32), start),
        suffix: snapshot.slice(end, end + 32),
        start,
        end,
      };
      const tagged = random.next() < 0.125;
      const noted = random.next() < 0.05;
      const saved = createdAt + k * 1000;
      snippets.push({
        id: snippetId(id, s.kind, anchor),
        articleId: id,
        kind: s.kind,
        manual: s.kind === "excerpt",
        text: s.quote,
        sentence: sentence.text,
        indicator: s.indicator,
        category: s.category,
        value: s.value,
        unit: s.unit,
        comparator: s.comparator,
        direction: s.direction,
        horizon: s.horizon,
        deadline: s.deadline,
        anchor,
        note: noted ? random.pick(NOTES) : "",
        tags: tagged ? [...new Set([random.pick(TAGS), random.pick(TAGS)])] : [],
        createdAt: saved,
        updatedAt: noted || tagged ? saved + 60_000 : saved,
      });
      k++;
    }
  }
  return { articles, snippets };
}

// ---------------------------------------------------------------------------------------------
// In the browser

/** Resolves with the import's time once the status says it is done (see the header). */
const IMPORT_TIMER = `window.__gvnImport = new Promise((resolve) => {
  let start = null;
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.matches("input[data-import=json]")) {
      start = performance.now();
    }
  }, { capture: true });
  const observer = new MutationObserver(() => {
    const status = document.querySelector("[role=status]");
    const text = status ? status.textContent || "" : "";
    if (start === null) return;
    if (/^Đã nhập:/.test(text) || status?.classList.contains("error")) {
      const ms = performance.now() - start;
      observer.disconnect();
      const errors = [...document.querySelectorAll("[data-import-errors] li")].map((li) => li.textContent);
      resolve({ ms, text, errors });
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
});
undefined`;

/** Records the CSV export's click and the download link's click (see the header). */
const EXPORT_TIMER = `(() => {
  window.__gvnExport = [];
  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    if (target.closest("[data-export=csv]")) window.__gvnExport.push({ click: performance.now() });
    else if (target.matches("a[download]")) {
      const last = window.__gvnExport.at(-1);
      if (last && last.download === undefined) last.download = performance.now();
    }
  }, { capture: true });
})()`;

/** Runs in the page: one timed keystroke in #search (see the header). */
function timeKeystroke(args: { query: string; expected: number; timeout: number }) {
  return new Promise<{ ms: number; results: number } | { error: string }>((resolve) => {
    const input = document.querySelector<HTMLInputElement>("#search");
    const results = document.querySelector("[data-results]");
    if (!input || !results) return resolve({ error: "no #search or [data-results]" });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ error: `[data-results] did not change within ${args.timeout} ms` });
    }, args.timeout);
    let start = 0;
    const observer = new MutationObserver(() => {
      const count = Number(results.getAttribute("data-results"));
      if (count !== args.expected) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve({ ms: performance.now() - start, results: count });
        }, 0),
      );
    });
    observer.observe(results, { attributes: true, attributeFilter: ["data-results"] });
    input.focus();
    input.value = args.query;
    start = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Sets the search box to `query` (untimed) and waits until the list shows `expected` results. */
async function setQuery(page: Page, query: string, expected: number): Promise<void> {
  await page.evaluate((query) => {
    const input = document.querySelector<HTMLInputElement>("#search");
    if (!input) throw new Error("no #search");
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, query);
  await page.locator(`[data-results="${expected}"]`).waitFor({ timeout: 10_000 });
  // Let the page settle (a painted frame) before the next timed keystroke.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}

/**
 * `count` keystrokes (query → query + one character) whose number of results differs, with those
 * numbers, computed with lib/collection's search over `data`.
 */
export function searchKeystrokes(
  data: CollectionData,
  count: number,
): Array<{ from: string; to: string; fromCount: number; toCount: number }> {
  const index = createSearchIndex(joinEntries(data.articles, data.snippets));
  const results = (query: string) => searchEntries(index, { query }).length;
  const words = [
    "nong thon moi",
    "bao hiem y te",
    "tang truong",
    "thu ngan sach",
    "ho ngheo",
    "tra vinh",
    "doanh nghiep",
    "ket nap dang vien",
    "truoc ngay",
    "che phu rung",
    "du lich",
  ];
  const out: Array<{ from: string; to: string; fromCount: number; toCount: number }> = [];
  for (const phrase of words) {
    // From the third character on: the first ones match nearly everything.
    for (let k = 3; k < phrase.length && out.length < count; k++) {
      const from = phrase.slice(0, k);
      const to = phrase.slice(0, k + 1);
      if (from.endsWith(" ") || to.endsWith(" ")) continue;
      const fromCount = results(from);
      const toCount = results(to);
      // A keystroke that changes the list, with something left to show.
      if (fromCount !== toCount && toCount > 0) {
        out.push({ from, to, fromCount, toCount });
        break;
      }
    }
    if (out.length >= count) break;
  }
  return out;
}

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

  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchBrowserWithExtension({
      ...(options.extensionPath ? { extensionPath: options.extensionPath } : {}),
      extraArgs: ["--enable-precise-memory-info"],
    });
    const base = `chrome-extension://${browser.extensionId}/collection.html`;
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    // The first render may show only the newest snippets (the full read follows): its time is
    // `first_render`; the render with all of them loaded is `full_load`, and the heap is read then.
    const rendered = async () => {
      const handle = await page.waitForFunction(
        ({ first, loaded }) => {
          const mark = performance.getEntriesByName(first, "mark")[0] as
            | PerformanceMark
            | undefined;
          const full = performance.getEntriesByName(loaded, "mark")[0] as
            | PerformanceMark
            | undefined;
          if (!mark || !full) return null;
          const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
          return {
            startTime: mark.startTime,
            loadedTime: full.startTime,
            snippets: (full.detail as { snippets: number }).snippets,
            heap: memory ? memory.usedJSHeapSize : null,
          };
        },
        { first: RENDERED_MARK, loaded: LOADED_MARK },
      );
      return (await handle.jsonValue()) as {
        startTime: number;
        loadedTime: number;
        snippets: number;
        heap: number | null;
      };
    };

    // Import through "Xuất / Nhập".
    const done = `Đã nhập: ${data.articles.length} bài viết mới, ${data.snippets.length} đoạn mới, 0 đoạn trùng đã gộp.`;
    const importMs: number[] = [];
    for (let r = 0; r < Math.min(IMPORT_ROUNDS, rounds); r++) {
      await page.goto(`${base}?tab=transfer`);
      await rendered();
      if (r > 0) {
        await page.locator("[data-action=clear]").click();
        await page.locator("[data-action=clear-confirm]").click();
        await page.getByRole("status").filter({ hasText: "Đã xóa toàn bộ" }).waitFor();
        await page.reload();
        await rendered();
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

    // First render and heap: reloads of the collection tab.
    const renderMs: number[] = [];
    const loadedMs: number[] = [];
    const heapBytes: number[] = [];
    await page.goto(base);
    await rendered();
    for (let r = 0; r < rounds; r++) {
      await page.reload();
      const mark = await rendered();
      if (mark.snippets !== data.snippets.length) {
        throw new Error(`first render with ${mark.snippets} snippets, not ${data.snippets.length}`);
      }
      renderMs.push(mark.startTime);
      loadedMs.push(mark.loadedTime);
      if (mark.heap !== null) heapBytes.push(mark.heap);
    }
    log(`    first render: ${renderMs.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    log(`    full load: ${loadedMs.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    if (heapBytes.length === 0) {
      // No performance.memory: the heap of the page's isolate through the DevTools protocol.
      const cdp = await browser.context.newCDPSession(page);
      const usage = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
      heapBytes.push(usage.usedSize);
      notes.push("performance.memory is missing: collection.heap from CDP Runtime.getHeapUsage.");
      await cdp.detach();
    }

    // One keystroke in the search box.
    await page.bringToFront();
    const keystrokes = searchKeystrokes(data, rounds);
    if (keystrokes.length < rounds) notes.push(`only ${keystrokes.length} search keystrokes`);
    const searchMs: number[] = [];
    for (const keystroke of keystrokes) {
      await setQuery(page, keystroke.from, keystroke.fromCount);
      const result = await page.evaluate(timeKeystroke, {
        query: keystroke.to,
        expected: keystroke.toCount,
        timeout: 5000,
      });
      if ("error" in result) throw new Error(`search «${keystroke.to}»: ${result.error}`);
      searchMs.push(result.ms);
    }
    log(
      `    search: ${keystrokes.map((k, i) => `«${k.to}» ${k.fromCount}→${k.toCount} ${searchMs[i]?.toFixed(1)} ms`).join(", ")}`,
    );
    await setQuery(page, "", data.snippets.length);

    // CSV export of the whole collection.
    await page.getByRole("tab", { name: "Xuất / Nhập", exact: true }).click();
    await page.evaluate(EXPORT_TIMER);
    const exportMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("[data-export=csv]").click(),
      ]);
      await page.getByRole("status").filter({ hasText: "Đã xuất" }).waitFor();
      if (r === 0) {
        const lines = readFileSync(await download.path(), "utf8").split("\r\n").length;
        if (lines < data.snippets.length + 1) {
          throw new Error(`the CSV has ${lines} lines for ${data.snippets.length} snippets`);
        }
      }
      await download.delete();
      const timing = (await page.evaluate("window.__gvnExport.at(-1)")) as {
        click?: number;
        download?: number;
      };
      if (timing.click === undefined || timing.download === undefined) {
        throw new Error(`the CSV export was not timed: ${JSON.stringify(timing)}`);
      }
      exportMs.push(timing.download - timing.click);
    }
    log(`    CSV export: ${exportMs.map((ms) => ms.toFixed(0)).join(", ")} ms`);

    return {
      figures: [
        { name: "collection.first_render", value: round(median(renderMs), 1), unit: "ms" },
        { name: "collection.full_load", value: round(median(loadedMs), 1), unit: "ms" },
        { name: "collection.search", value: round(median(searchMs), 1), unit: "ms" },
        { name: "collection.export_csv", value: round(median(exportMs), 1), unit: "ms" },
        { name: "collection.import_json", value: round(median(importMs), 0), unit: "ms" },
        { name: "collection.heap", value: round(mb(median(heapBytes)), 1), unit: "MB" },
      ],
      notes,
    };
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
