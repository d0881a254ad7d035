/**
 * `npm run eval -- --browser`: the corpus articles served inside portal layouts to the built
 * extension in Chromium, scored from `CSS.highlights` like the command-line eval.
 *
 * The extension is built into its own folder (`.output-eval`, so a parallel build elsewhere does
 * not swap its files; `GVN_EXTENSION_PATH` evaluates another build instead), each article is rendered into a layout (the families in turn, see
 * layouts.ts) with its date in the date line and metadata, and served at its own address (a
 * `.gov.vn` host as it is; any other host as `<host-with-dashes>.gov.vn`, since the content script
 * runs on `*.gov.vn` only). Several tabs load at a time in one browser. Once the extension's
 * readings have settled, each highlight is read from `CSS.highlights`, placed in the article's
 * text (article-highlights.ts), given the values the extension shows for it (its `pageItems`
 * answer, page-readings.ts) and scored with `scoreArticle`, as `npm run eval` scores the engine. A plain Chromium
 * loads the same page to compare `document.body.innerText`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { CorpusArticle } from "../../lib/evaluation/corpus.ts";
import { type ArticleScore, scoreArticle } from "../../lib/evaluation/corpus-score.ts";
import type { ExtractedItem, ItemKind } from "../../lib/extract/types.ts";
import { dateInUrl } from "../../lib/reading/page-date.ts";
import {
  type ExtensionBrowser,
  launchBrowserWithExtension,
  launchPlainBrowser,
  type PlainBrowser,
  REPO_ROOT,
} from "../lib/browser.ts";
import {
  articleHighlights,
  nonSpaceOffsets,
  type PageHighlight,
  toArticleSpan,
} from "./article-highlights.ts";
import { type LayoutServer, startLayoutServer } from "./layout-server.ts";
import {
  articleFromText,
  HEADLINE_SELECTOR,
  LAYOUT_FAMILIES,
  type LayoutFamily,
  portalHost,
  renderInLayout,
} from "./layouts.ts";
import { pageItems, settledReading, waitForBody } from "./page-readings.ts";

export interface BrowserCorpusEvaluation {
  /** One score per corpus article, from the highlights the extension painted. */
  scores: ArticleScore[];
  /** Highlights painted outside the article's own text (chrome, related lists, sidebars). */
  outsideArticle: number;
  /** Negative pages on which anything was highlighted. */
  negativePagesHighlighted: number;
  /** Pages whose text (`document.body.innerText`) differs from a plain Chromium's. */
  textChanged: number;
  /** Ids of the articles whose items differ from the command line's scores. */
  differences(cli: readonly ArticleScore[]): string[];
}

/** Tabs loading at the same time. */
const TABS_AT_ONCE = 8;
/** Loads of a page before its failure ends the evaluation. */
const ATTEMPTS = 2;
const OUT_DIR = path.join(REPO_ROOT, ".output-eval");

interface ServedArticle {
  article: CorpusArticle;
  family: LayoutFamily;
  url: string;
}

interface PageOutcome {
  served: ServedArticle;
  score: ArticleScore;
  highlights: PageHighlight[];
  textChanged: boolean;
}

/**
 * The path an article is served at: its own, unless the article has no date and its address
 * holds one (the extension would date the page from it; the command line has no date there).
 */
function servedPath(article: CorpusArticle, date: string | null): string {
  const url = new URL(article.url);
  if (!date && dateInUrl(article.url)) return `/bai-viet/${article.id}.html`;
  return `${url.pathname}${url.search}`;
}

/** The layout an article is shown in: the families in turn, by the article's id (stable). */
export function layoutFor(article: CorpusArticle): LayoutFamily {
  const number = /^\d+$/.test(article.id)
    ? Number(article.id)
    : [...article.id].reduce((sum, ch) => sum + (ch.codePointAt(0) ?? 0), 0);
  return LAYOUT_FAMILIES[number % LAYOUT_FAMILIES.length] as LayoutFamily;
}

function serve(server: LayoutServer, article: CorpusArticle): ServedArticle {
  const family = layoutFor(article);
  // The command line's reference date (lib/evaluation/corpus-engine.ts).
  const date = article.articleDate ?? article.date;
  const host = portalHost(article.url);
  const pagePath = servedPath(article, date);
  const canonical = `http://${host}${pagePath}`;
  const html = renderInLayout(family, articleFromText(article.text, date, canonical));
  return { article, family, url: server.add(host, pagePath, html) };
}

async function buildExtension(log: (line: string) => void): Promise<string> {
  log(`Building the extension into ${path.relative(REPO_ROOT, OUT_DIR)}/ …`);
  const output: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(path.join(REPO_ROOT, "node_modules/.bin/wxt"), ["build"], {
      cwd: REPO_ROOT,
      env: { ...process.env, GVN_OUT_DIR: OUT_DIR },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    child.on("error", () => resolve(127));
    child.on("close", (status) => resolve(status ?? 1));
  });
  if (code !== 0) throw new Error(`wxt build failed (${code}):\n${output.join("")}`);
  return path.join(OUT_DIR, "chrome-mv3");
}

const squash = (text: string) => text.replace(/\s+/g, "");

/** The items the highlights show, with offsets in the article's text and the extension's values. */
function highlightedItems(
  article: CorpusArticle,
  highlights: readonly PageHighlight[],
  shown: readonly ExtractedItem[],
): ExtractedItem[] {
  const offsets = nonSpaceOffsets(article.text);
  const unused = [...shown];
  const items: ExtractedItem[] = [];
  for (const highlight of highlights) {
    const span = toArticleSpan(highlight, offsets);
    if (!span) continue;
    const at = unused.findIndex(
      (item) => item.kind === highlight.kind && squash(item.text) === squash(highlight.text),
    );
    const match = at >= 0 ? unused.splice(at, 1)[0] : undefined;
    items.push({
      ...(match ?? {
        kind: highlight.kind,
        value: null,
        deadline: null,
      }),
      kind: highlight.kind as ItemKind,
      start: span.start,
      end: span.end,
      text: article.text.slice(span.start, span.end),
    } as ExtractedItem);
  }
  return items.sort((a, b) => a.start - b.start || a.end - b.end);
}

async function plainText(plain: PlainBrowser, served: ServedArticle): Promise<string> {
  const page = await plain.context.newPage();
  try {
    await page.goto(served.url, { waitUntil: "domcontentloaded" });
    await waitForBody(page);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared.
    return await page.evaluate(() => document.body.innerText);
  } finally {
    await page.close();
  }
}

async function evaluatePage(
  browser: ExtensionBrowser,
  plain: PlainBrowser,
  served: ServedArticle,
): Promise<PageOutcome> {
  // The same page without the extension, loaded meanwhile.
  const without = plainText(plain, served);
  without.catch(() => {}); // awaited below; a failure is reported there
  const page = await browser.context.newPage();
  try {
    const response = await page.goto(served.url, { waitUntil: "domcontentloaded" });
    if (response?.status() !== 200) throw new Error(`${served.url}: HTTP ${response?.status()}`);
    await waitForBody(page);
    const recognised = await settledReading(page);
    const highlights = await articleHighlights(page, HEADLINE_SELECTOR[served.family]);
    const shown = recognised ? await pageItems(browser.serviceWorker, page.url()) : [];
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared.
    const withExtension = await page.evaluate(() => document.body.innerText);
    const items = highlightedItems(served.article, highlights, shown);
    return {
      served,
      score: scoreArticle(served.article, items, recognised),
      highlights,
      textChanged: withExtension !== (await without),
    };
  } finally {
    await without.catch(() => "");
    await page.close();
  }
}

/** Runs `work` on every entry, `limit` at a time, keeping the order. */
async function inTurns<T, R>(
  entries: readonly T[],
  limit: number,
  work: (entry: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      results[index] = await work(entries[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, entries.length) }, worker));
  return results;
}

const countsKey = (score: ArticleScore) =>
  (["target", "result", "deadline"] as const)
    .map((kind) => {
      const c = score.perKind[kind];
      return `${c.tp}/${c.fp}/${c.fn}`;
    })
    .join(" ");

export async function evaluateCorpusInBrowser(
  corpus: readonly CorpusArticle[],
  options: { log: (line: string) => void; verbose: boolean },
): Promise<BrowserCorpusEvaluation> {
  const { log, verbose } = options;
  const startedAt = performance.now();
  // GVN_EXTENSION_PATH evaluates another build (as for the end-to-end tests) instead of this tree's.
  const extensionPath = process.env.GVN_EXTENSION_PATH ?? (await buildExtension(log));
  const server = await startLayoutServer();
  const browser = await launchBrowserWithExtension({ extensionPath });
  const plain = await launchPlainBrowser();
  let outcomes: PageOutcome[];
  try {
    const served = corpus.map((article) => serve(server, article));
    log(
      `Loading ${served.length} articles in ${LAYOUT_FAMILIES.length} portal layouts (${TABS_AT_ONCE} tabs at a time) …`,
    );
    outcomes = await inTurns(served, TABS_AT_ONCE, async (entry) => {
      // A loaded machine can stall one tab past a timeout: such a page gets a second chance.
      for (let attempt = 1; ; attempt++) {
        try {
          return await evaluatePage(browser, plain, entry);
        } catch (error) {
          const where = `article ${entry.article.id} (${entry.family}, ${entry.url})`;
          if (attempt >= ATTEMPTS) throw new Error(`${where}: ${error}`, { cause: error });
          log(`  ${where}: ${String(error).split("\n")[0]}; loading it again`);
        }
      }
    });
  } finally {
    await plain.close();
    await browser.close();
    await server.close();
  }

  let outsideArticle = 0;
  let negativePagesHighlighted = 0;
  let textChanged = 0;
  for (const outcome of outcomes) {
    const outside = outcome.highlights.filter((h) => !h.inArticle);
    outsideArticle += outside.length;
    const { article, family } = outcome.served;
    for (const h of outside)
      log(`  ${article.id} (${family}) OUTSIDE ${h.kind.padEnd(8)} ${JSON.stringify(h.text)}`);
    if (article.label === "negative" && outcome.highlights.length > 0) {
      negativePagesHighlighted++;
      log(
        `  ${article.id} (${family}) negative page highlighted at ${new URL(outcome.served.url).hostname}: ${outcome.highlights.length} highlights`,
      );
    }
    if (outcome.textChanged) {
      textChanged++;
      log(`  ${article.id} (${family}) page text changed by the extension`);
    }
  }
  const byId = new Map(outcomes.map((o) => [o.score.id, o]));
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0);
  log(`Browser evaluation: ${outcomes.length} pages in ${seconds} s`);

  return {
    scores: outcomes.map((o) => o.score),
    outsideArticle,
    negativePagesHighlighted,
    textChanged,
    differences(cli) {
      const differing: string[] = [];
      for (const score of cli) {
        const outcome = byId.get(score.id);
        if (!outcome || countsKey(outcome.score) === countsKey(score)) continue;
        differing.push(score.id);
        if (verbose || differing.length <= 20) {
          log(
            `  ${score.id} (${outcome.served.family}) tp/fp/fn per kind: command line ${countsKey(score)}, browser ${countsKey(outcome.score)}`,
          );
        }
      }
      // Not counted as a difference, but worth a line: the same items with other values or dates,
      // or another recognition (on pages without items).
      const other = cli.filter((score) => {
        const mine = byId.get(score.id)?.score;
        return (
          mine &&
          !differing.includes(score.id) &&
          (mine.recognised !== score.recognised ||
            mine.valueExact !== score.valueExact ||
            mine.dateExact !== score.dateExact)
        );
      });
      if (other.length > 0)
        log(
          `  same items, other recognition, values or dates: ${other.map((s) => s.id).join(", ")}`,
        );
      return differing;
    },
  };
}
