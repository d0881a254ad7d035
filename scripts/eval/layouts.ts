/**
 * Portal layouts for browser tests: an article (headline, paragraphs, date) rendered into the page
 * templates of `tests/fixtures/layouts/<family>.html`, modelled on the families of Vietnamese
 * portals (VNPT portal, Liferay, NukeViet, DNN, Joomla, WordPress, provincial party newspapers).
 * Each template has its own chrome with figures and deadlines of its own (related titles, notices,
 * schedules, counters), some of it inside the article's own container.
 *
 * Placeholders: `{{page_title}}`, `{{head_meta}}`, `{{headline}}`, `{{date_line}}`, `{{body}}`
 * (the paragraphs between the comments `<!--article-body-->` and `<!--/article-body-->`),
 * `{{body_json}}` (the same, as a JavaScript string, for the layout that inserts its body late).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const LAYOUTS_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/layouts");

export const LAYOUT_FAMILIES = [
  "vnpt",
  "liferay",
  "nukeviet",
  "dnn",
  "joomla",
  "wordpress",
  "bao-dang",
] as const;
export type LayoutFamily = (typeof LAYOUT_FAMILIES)[number];

/** Where the article is in each layout, for a test to tell the article from the chrome. */
export const HEADLINE_SELECTOR: Record<LayoutFamily, string> = {
  vnpt: "h1.title-detail",
  liferay: "h3.header-title > span",
  nukeviet: "h1.title",
  dnn: "#dnn_ctr1042_ViewTinTuc_lblTitle",
  joomla: ".item-page h2[itemprop=headline]",
  wordpress: "h1.entry-title",
  "bao-dang": "h1.detail-title",
};

/** The layout whose body is inserted by script about a second after load. */
export const LATE_BODY_FAMILY: LayoutFamily = "bao-dang";
/** How long after load the late layout inserts its body (ms). */
export const LATE_BODY_MS = 1000;
/** The performance mark the late layout records once its body is in place. */
export const LATE_BODY_MARK = "layout:body-inserted";

/** Comments around the article's body in every layout (the extension does not look at them). */
export const BODY_START_COMMENT = "article-body";
export const BODY_END_COMMENT = "/article-body";

export interface LayoutArticle {
  headline: string;
  /** The body, one paragraph an entry (plain text). */
  paragraphs: readonly string[];
  /** The article's date: ISO day (`2020-10-15`), month (`2023-07`) or year, or null (none shown). */
  date: string | null;
  /** The page's address (canonical link). */
  url: string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

const WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

interface DateParts {
  day: string | null;
  month: string | null;
  year: string;
  weekday: string | null;
}

function dateParts(iso: string): DateParts {
  const [year = "", month = null, day = null] = iso.split("-");
  const weekday = day ? (WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()] ?? null) : null;
  return { day, month, year, weekday };
}

/** The date line as each family writes it (a month or year alone: `Tháng 07/2023`, `Năm 2021`). */
function dateLine(family: LayoutFamily, iso: string | null): string {
  if (!iso) return "";
  const d = dateParts(iso);
  const dmy = `${d.day}/${d.month}/${d.year}`;
  const partial = d.month ? `Tháng ${d.month}/${d.year}` : `Năm ${d.year}`;
  const full = Boolean(d.day);
  switch (family) {
    case "vnpt":
      return `<div class="date-detail">${full ? `${d.weekday}, ${dmy} 10:34` : partial}</div>`;
    case "liferay":
      return `<div class="news-info"><span class="date">Ngày đăng: ${full ? dmy : partial}</span> | <span class="views">Lượt xem: 1.245</span></div>`;
    case "nukeviet":
      return `<span class="h5 date">${full ? `${(d.weekday ?? "").toLowerCase().replace(/^t/, "T")} - ${dmy} 10:34` : partial}</span>`;
    case "dnn":
      return `<span id="dnn_ctr1042_ViewTinTuc_lblDate" class="date">Cập nhật lúc 09:05 ${full ? `ngày ${dmy}` : partial}</span>`;
    case "joomla":
      return `<dl class="article-info muted"><dt class="article-info-term">Chi tiết</dt><dd class="published"><time datetime="${iso}">Ngày đăng: ${full ? dmy : partial}</time></dd><dd class="hits">Lượt xem: 3.402</dd></dl>`;
    case "wordpress":
      return `<div class="entry-meta"><span class="posted-on">Đăng ngày <time class="entry-date published" datetime="${iso}">${full ? `${Number(d.day)} Tháng ${Number(d.month)}, ${d.year}` : partial}</time></span> <span class="byline">bởi <a href="#">Ban biên tập</a></span></div>`;
    case "bao-dang":
      return `<div class="detail-time">${full ? `${dmy} 07:15 (GMT+7)` : partial}</div>`;
  }
}

/** Metadata in the head: some families give the publication time, some do not. */
function headMeta(family: LayoutFamily, article: LayoutArticle): string {
  const lines = [`<link rel="canonical" href="${escapeHtml(article.url)}">`];
  if (family !== "dnn" && family !== "nukeviet")
    lines.push(`<meta property="og:title" content="${escapeHtml(article.headline)}">`);
  if (article.date && (family === "wordpress" || family === "bao-dang"))
    lines.push(`<meta property="article:published_time" content="${article.date}">`);
  return lines.join("\n");
}

/** The body's HTML as each family's editor writes it. */
function bodyHtml(family: LayoutFamily, paragraphs: readonly string[]): string {
  const escaped = paragraphs.map(escapeHtml);
  let inner: string;
  switch (family) {
    case "dnn":
      // DNN's text/HTML module: lines separated by line breaks, no paragraphs.
      inner = escaped.join("<br>\n<br>\n");
      break;
    case "joomla":
      inner = escaped
        .map(
          (p) => `<p style="text-align: justify;"><span style="font-size: 12pt;">${p}</span></p>`,
        )
        .join("\n");
      break;
    default:
      inner = escaped.map((p) => `<p>${p}</p>`).join("\n");
  }
  return `<!--${BODY_START_COMMENT}-->\n${inner}\n<!--${BODY_END_COMMENT}-->`;
}

/** A JavaScript string literal that is safe inside a `<script>` element. */
function scriptString(text: string): string {
  return JSON.stringify(text)
    .replace(/</g, "\\u003c")
    .replace(/\u2028|\u2029/g, " ");
}

const templates = new Map<LayoutFamily, string>();

export function layoutTemplate(family: LayoutFamily): string {
  let template = templates.get(family);
  if (!template) {
    template = readFileSync(path.join(LAYOUTS_DIR, `${family}.html`), "utf8");
    templates.set(family, template);
  }
  return template;
}

/** The page of `article` in the layout of `family`. */
export function renderInLayout(family: LayoutFamily, article: LayoutArticle): string {
  const body = bodyHtml(family, article.paragraphs);
  const values: Record<string, string> = {
    page_title: escapeHtml(`${article.headline} - ${siteTitle(family)}`),
    head_meta: headMeta(family, article),
    headline: escapeHtml(article.headline),
    date_line: dateLine(family, article.date),
    body,
    body_json: scriptString(body),
    late_ms: String(LATE_BODY_MS),
    body_mark: LATE_BODY_MARK,
  };
  return layoutTemplate(family).replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${family}.html: unknown placeholder ${whole}`);
    return value;
  });
}

/** The site's name in the page title (the template's own `<meta name="gvn-site">`-free header). */
function siteTitle(family: LayoutFamily): string {
  const match = /<!--site:([^>]*)-->/.exec(layoutTemplate(family));
  return match?.[1]?.trim() ?? "Cổng thông tin điện tử";
}

/** Splits an article text (headline on its first line) into headline and paragraphs. */
export function articleFromText(text: string, date: string | null, url: string): LayoutArticle {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return { headline: lines[0] ?? "", paragraphs: lines.slice(1), date, url };
}

/** The `.gov.vn` host an article is served at. */
export function portalHost(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  if (host === "gov.vn" || host.endsWith(".gov.vn")) return host;
  return `${host.replace(/^www\./, "").replace(/\./g, "-")}.gov.vn`;
}
