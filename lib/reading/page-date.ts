/**
 * The article's own date, which dates the deadlines that omit the year (as `--date` does on the
 * command line): the publication metadata, a `<time>` of the article, the date line beside the
 * headline (`Thứ Năm, 15/10/2020 10:34`, `Ngày đăng: 15/09/2020`, `Cập nhật lúc 09:05 ngày
 * 22/12/2020`, `Tháng 7/2023`), then a date in the address (`/2020/10/15/`, `-20201015`). The date
 * a portal's header shows (today's) is never looked at: only the headline's surroundings are.
 *
 * Gives an ISO day (`2020-10-15`) or, when the page names only a month, an ISO month (`2023-07`).
 */
import { isHidden, squashedText } from "./chrome.ts";
import { type MetaKey, metaContents } from "./page-meta.ts";

/** Publication metadata, most trusted first. */
const META_KEYS: readonly MetaKey[] = [
  { attribute: "property", value: "article:published_time" },
  { attribute: "name", value: "article:published_time" },
  { attribute: "itemprop", value: "datePublished" },
  { attribute: "name", value: "pubdate" },
  { attribute: "name", value: "publishdate" },
  { attribute: "name", value: "date" },
  { attribute: "name", value: "dc.date" },
  { attribute: "name", value: "DC.date.issued" },
];

/** `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` (not inside a longer number or path). */
const NUMERIC_DAY = /(?<![\d/.-])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?((?:19|20)\d{2})(?![\d/])/;
/** `ngày 15 tháng 10 năm 2020`, `15 tháng 10, 2020` */
const WORDED_DAY =
  /(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+|\s+)((?:19|20)\d{2})(?!\d)/iu;
/** `tháng 7/2023`, `Tháng 07 năm 2023` */
const WORDED_MONTH = /tháng\s+(\d{1,2})\s*(?:\/|năm)\s*((?:19|20)\d{2})(?!\d)/iu;
/** A date line is short: a line of metadata, not a paragraph that mentions a date. */
const MAX_DATE_LINE_CHARS = 140;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoDay(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The ISO date (day, or month) a date line states, or null. */
export function dateInLine(line: string): string | null {
  const text = line.normalize("NFC");
  const numeric = NUMERIC_DAY.exec(text);
  if (numeric) return isoDay(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const worded = WORDED_DAY.exec(text);
  if (worded) return isoDay(Number(worded[1]), Number(worded[2]), Number(worded[3]));
  const month = WORDED_MONTH.exec(text);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12)
    return `${month[2]}-${pad(Number(month[1]))}`;
  return null;
}

/** Whether a short text looks like a date line (a date or a time, and little else). */
export function isDateLine(text: string): boolean {
  if (text.length === 0 || text.length > MAX_DATE_LINE_CHARS) return false;
  return dateInLine(text) !== null || /(?<!\d)\d{1,2}:\d{2}(?!\d)/.test(text);
}

/** An ISO day or month at the start of a metadata value (`2020-10-15T10:34:00+07:00`, `2023-07`). */
function isoFromMeta(value: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (day) return isoDay(Number(day[3]), Number(day[2]), Number(day[1]));
  const month = /^(\d{4})-(\d{2})(?![\d-])/.exec(value);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${month[1]}-${month[2]}`;
  return null;
}

function fromMetadata(doc: Document): string | null {
  for (const content of metaContents(doc, META_KEYS)) {
    const value = content?.trim();
    const iso = value ? isoFromMeta(value) : null;
    if (iso) return iso;
  }
  return null;
}

/** `/2020/10/15/`, `/2020-10-15-`, `-20201015.html` in the page's address. */
export function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const ymd = /(?<!\d)((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?!\d)/.exec(path);
  if (ymd) return isoDay(Number(ymd[3]), Number(ymd[2]), Number(ymd[1]));
  // yyyymmdd, alone or at the head of a time stamp (yyyymmddhhmm, …ss, …sss).
  for (const run of path.matchAll(/(?<!\d)(?:19|20)\d{6}(?:\d{4}|\d{6}|\d{9})?(?!\d)/g)) {
    const digits = run[0];
    const iso = isoDay(
      Number(digits.slice(6, 8)),
      Number(digits.slice(4, 6)),
      Number(digits.slice(0, 4)),
    );
    if (iso) return iso;
  }
  // Not `…-18-8-2021-…`: a slug's day-month-year is usually a cited document's date.
  return null;
}

/**
 * The elements just around the headline, nearest first: where a date line sits. Above the headline
 * only its own previous siblings (a date over the title); below it the next siblings of the
 * headline and of its two nearest containers. Never further up: that is where a portal's header
 * shows today's date.
 */
function nearHeadline(headline: Element): Element[] {
  const out: Element[] = [];
  let node: Element | null = headline;
  for (let level = 0; node && level < 3; level++) {
    let next = node.nextElementSibling;
    for (let i = 0; next && i < 4; i++, next = next.nextElementSibling) out.push(next);
    if (level === 0) {
      let previous = node.previousElementSibling;
      for (let i = 0; previous && i < 2; i++, previous = previous.previousElementSibling)
        out.push(previous);
    }
    node = node.parentElement;
    if (!node || /^(?:BODY|HTML)$/.test(node.tagName.toUpperCase())) break;
  }
  return out.filter((element) => {
    const box = element.closest("header, nav, footer, aside");
    return !box || box.contains(headline);
  });
}

/** The date of a date line among `elements` (short lines only, visible ones). */
function fromDateLines(elements: readonly Element[]): string | null {
  for (const element of elements) {
    if (isHidden(element)) continue;
    const time = element.matches("time[datetime]")
      ? element
      : element.querySelector("time[datetime]");
    const datetime = time?.getAttribute("datetime");
    if (datetime) {
      const iso = isoFromMeta(datetime.trim());
      if (iso) return iso;
    }
    const text = squashedText(element);
    if (!isDateLine(text)) continue;
    const iso = dateInLine(text);
    if (iso) return iso;
  }
  return null;
}

export interface PageDateSources {
  /** The headline element, when found: the date line is looked for beside it. */
  headline: Element | null;
  /** Date lines the article reading passed over between the headline and the body. */
  dateLines: readonly Element[];
  /** The page's address. */
  url: string | null;
  /** The body's first node, when the body was found. */
  firstBodyNode?: Node | null;
}

const PRECEDING = 2;

/** The article's own date (ISO day or month), or null. */
export function findPageDate(doc: Document, sources: PageDateSources): string | null {
  const meta = fromMetadata(doc);
  if (meta) return meta;
  const lines = fromDateLines(sources.dateLines);
  if (lines) return lines;
  if (sources.headline) {
    const first = sources.firstBodyNode;
    // Only before the body: a date in the body or after it (a related list's) is not the page's.
    const beforeBody = (element: Element) =>
      !first ||
      (!element.contains(first) && Boolean(first.compareDocumentPosition(element) & PRECEDING));
    const near = fromDateLines(nearHeadline(sources.headline).filter(beforeBody));
    if (near) return near;
  }
  return sources.url ? dateInUrl(sources.url) : null;
}
