/**
 * `highlight.vs_wrap`: what it costs to show N = 1,000 highlights with the CSS Custom Highlight
 * API, beside wrapping the same ranges in `<mark>` elements (what highlighters do without it).
 *
 * The page: 2,000 paragraphs of generated Vietnamese-like text (one text node each), served at
 * http://bench.example.test/highlight.html through a Playwright route (no content script runs
 * there; the stylesheet has `::highlight(bench)` and `mark` rules, both yellow). The ranges: a
 * 20-character span in every other paragraph, created before the clock starts (both methods need
 * the same ranges).
 *
 * One run = one fresh page load and one `page.evaluate`, timed in the page with performance.now():
 *   - wait until the loaded page has been painted once, build the ranges, start the clock;
 *   - A "register": `CSS.highlights.set("bench", new Highlight(...ranges))`, or
 *     B "wrap":     `range.surroundContents(document.createElement("mark"))` for every range;
 *   - force style and layout (`document.body.getBoundingClientRect()`, `offsetHeight`);
 *   - wait until the next frame has been painted (`requestAnimationFrame(() => setTimeout(r, 0))`:
 *     the timeout runs after that frame's style, layout and paint); stop the clock.
 * The clock therefore includes the wait for the next vsync (up to one frame, ~16.7 ms) in both A
 * and B: registering itself takes well under 1 ms, so A is mostly that wait and the paint; B
 * (1,000 DOM changes and a relayout) takes many frames, so the wait does not decide the ratio.
 * Register and wrap runs alternate; one warm-up run of each is not counted. The figures are the
 * medians over `rounds` runs of each and their ratio (goal: register ≤ 0.2 × wrap).
 */
import type { BrowserContext } from "playwright-core";
import { type Figure, median, round } from "./figure.ts";

export const HIGHLIGHT_VS_WRAP_GOAL = 0.2;
const PAGE_URL = "http://bench.example.test/highlight.html";
const PARAGRAPHS = 2000;
const RANGES = 1000;
const SPAN = 20;

type Mode = "register" | "wrap";

const WORDS = (
  "nghị quyết đại hội đảng bộ tỉnh lần thứ nhiệm kỳ mục tiêu chỉ tiêu tăng trưởng kinh tế " +
  "bình quân hằng năm thu nhập đầu người triệu đồng tỷ lệ hộ nghèo giảm còn dưới phấn đấu " +
  "đến năm hoàn thành xây dựng nông thôn mới huyện xã đạt chuẩn trường học y tế giáo dục " +
  "cán bộ đảng viên học tập quán triệt triển khai thực hiện kết quả sơ kết giữa tổng thu " +
  "ngân sách vốn đầu tư phát triển hạ tầng giao thông công nghiệp dịch vụ du lịch"
).split(" ");

/** 2,000 paragraphs of deterministic pseudo-Vietnamese text, about 250 characters each. */
export function benchPageHtml(): string {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const paragraphs: string[] = [];
  for (let p = 0; p < PARAGRAPHS; p++) {
    const words: string[] = [];
    let length = 0;
    while (length < 250) {
      const word = next() % 17 === 0 ? String(next() % 1000) : (WORDS[next() % WORDS.length] ?? "");
      words.push(word);
      length += word.length + 1;
    }
    const text = words.join(" ");
    paragraphs.push(`<p>${text.charAt(0).toUpperCase()}${text.slice(1)}.</p>`);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title>
<style>
body { font: 16px/1.5 sans-serif; max-width: 60em; margin: 0 auto; }
::highlight(bench) { background: yellow; }
mark { background: yellow; color: inherit; }
</style></head><body>
${paragraphs.join("\n")}
</body></html>`;
}

/**
 * Runs in the page: one timed register or wrap of `count` ranges (see the header). No named
 * functions inside (not even `const f = () => …`): tsx compiles with keepNames, which wraps them
 * in a `__name(…)` helper that does not exist in the page.
 */
async function timeInPage(args: {
  mode: Mode;
  count: number;
  span: number;
}): Promise<{ ms: number; shown: number }> {
  // The loaded page has been painted once before the clock starts.
  await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const paragraphs = document.querySelectorAll("p");
  const step = paragraphs.length / args.count;
  const ranges: Range[] = [];
  for (let i = 0; i < args.count; i++) {
    const text = paragraphs[Math.floor(i * step)]?.firstChild;
    if (!(text instanceof Text)) throw new Error(`paragraph ${i} has no text node`);
    const range = new Range();
    range.setStart(text, 10);
    range.setEnd(text, 10 + args.span);
    ranges.push(range);
  }

  const start = performance.now();
  if (args.mode === "register") {
    CSS.highlights.set("bench", new Highlight(...ranges));
  } else {
    for (const range of ranges) range.surroundContents(document.createElement("mark"));
  }
  document.body.getBoundingClientRect();
  void document.body.offsetHeight;
  // A setTimeout posted from a requestAnimationFrame callback runs once that frame is painted.
  await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - start;

  const shown =
    args.mode === "register"
      ? (CSS.highlights.get("bench")?.size ?? 0)
      : document.querySelectorAll("mark").length;
  return { ms, shown };
}

async function run(context: BrowserContext, html: string, mode: Mode): Promise<number> {
  const page = await context.newPage();
  try {
    await page.route(PAGE_URL, (route) =>
      route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }),
    );
    await page.goto(PAGE_URL, { waitUntil: "load" });
    const { ms, shown } = await page.evaluate(timeInPage, { mode, count: RANGES, span: SPAN });
    if (shown !== RANGES) throw new Error(`${mode}: ${shown} highlights shown, not ${RANGES}`);
    return ms;
  } finally {
    await page.close();
  }
}

export interface HighlightResult {
  figures: Figure[];
  registerMs: number;
  wrapMs: number;
}

export async function highlightVsWrap(
  context: BrowserContext,
  rounds: number,
): Promise<HighlightResult> {
  const html = benchPageHtml();
  await run(context, html, "register"); // warm-up
  await run(context, html, "wrap");
  const register: number[] = [];
  const wrap: number[] = [];
  for (let i = 0; i < rounds; i++) {
    register.push(await run(context, html, "register"));
    wrap.push(await run(context, html, "wrap"));
  }
  const registerMs = median(register);
  const wrapMs = median(wrap);
  return {
    registerMs,
    wrapMs,
    figures: [
      { name: "highlight.vs_wrap", value: round(registerMs / wrapMs, 3), unit: "×" },
      { name: "highlight.register_ms", value: round(registerMs, 2), unit: "ms" },
      { name: "highlight.wrap_ms", value: round(wrapMs, 2), unit: "ms" },
    ],
  };
}
