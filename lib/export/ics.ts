/**
 * The iCalendar export: one all-day event per distinct deadline and article
 * (snippets of any kind that have a deadline; two snippets of one article due
 * the same day are one event), built by the `ics` library (which escapes `\`,
 * `;`, `,` and line breaks in text and folds long lines).
 *
 * - UID `<hash of the article id>-<YYYYMMDD>@gvn-chi-tieu`: importing the
 *   file again updates the same events instead of adding copies.
 * - DTSTART;VALUE=DATE the deadline's date, DTEND the next day (one whole
 *   day); a year-only deadline (`năm 2025`, stored as 31/12) is still an event.
 * - SUMMARY: what is due, and where: the indicator and its value, or for a
 *   bare deadline the clause of its sentence it ends (never the start of the
 *   sentence, which may name another deadline), then the article's locality;
 *   `(và N mục khác)` when more is due that day. DESCRIPTION: per snippet the
 *   quote, indicator, value, deadline as written, sentence and note, then the
 *   article's title and address; URL: the article's address (http(s) only).
 * - Text is NFC-normalised, a lone CR becomes LF and other control
 *   characters but tab are removed first (the library escapes only CRLF and
 *   LF: a lone CR would end the content line).
 */
import { createEvents, type EventAttributes } from "ics";
import type { Deadline } from "../extract/types.ts";
import { t } from "../i18n/index.ts";
import { deadlineLabel, valueLabel } from "../i18n/item-format.ts";
import { stableHash } from "../snippets/keys.ts";
import { effectiveEntry, isRejected } from "../snippets/review.ts";
import { mapInChunks } from "./chunked.ts";
import { dueLabel } from "./due.ts";
import type { ListedEntry, ProgressCallback } from "./format.ts";

export type IcsResult = { ok: true; value: string; count: number } | { ok: false; error: string };

const PRODUCT_ID = "gvn-chi-tieu";
const SUMMARY_LENGTH = 100;

/** Text without characters iCalendar TEXT may not hold (C0 controls but tab and LF; lone CR). */
function clean(value: string): string {
  return (
    value
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
  );
}

/** `value` on one line, cut at a word boundary to about `max` characters with an ellipsis. */
export function shorten(value: string, max: number): string {
  const line = clean(value).replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** `[year, month, day]` of an ISO date, or null when it is not a calendar date. */
export function dateParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return [year, month, day];
}

function nextDay([year, month, day]: [number, number, number]): [number, number, number] {
  const date = new Date(Date.UTC(year, month - 1, day + 1));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** An http(s) URL the library accepts, or undefined. */
function eventUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/**
 * The UID of the event for an article's deadline: stable across exports
 * (importing the file again updates the same event), only characters that
 * need no escaping.
 */
export function eventUid(articleId: string, date: string): string {
  return `${stableHash(articleId)}-${date.replace(/[^0-9]/g, "")}@gvn-chi-tieu`;
}

/** The snippets of one article due on one day: one calendar event. */
interface DeadlineGroup {
  article: ListedEntry["article"];
  articleId: string;
  deadline: Deadline;
  start: [number, number, number];
  snippets: Array<ListedEntry["snippet"]>;
}

/** Snippets with an indicator title an event better than a bare deadline. */
function titleRank(snippet: ListedEntry["snippet"]): number {
  if (snippet.indicator.trim()) return 0;
  return snippet.kind === "deadline" ? 1 : 2;
}

/**
 * The entries with a valid deadline (the reader's corrected one where there is one; none of a
 * rejected snippet), one group per
 * article and date, in first-seen order; in a group the snippet that titles the event first (one
 * with an indicator), then text order.
 */
export function deadlineGroups(entries: readonly ListedEntry[]): DeadlineGroup[] {
  const groups = new Map<string, DeadlineGroup>();
  for (const stored of entries) {
    // A deadline the reader rejected is no date to keep.
    if (isRejected(stored.snippet)) continue;
    const { snippet, article } = effectiveEntry(stored);
    const deadline = snippet.deadline;
    const start = deadline ? dateParts(deadline.date) : null;
    if (!deadline || !start) continue;
    const key = `${snippet.articleId}\u0000${deadline.date}`;
    const group = groups.get(key);
    if (group) group.snippets.push(snippet);
    else {
      groups.set(key, {
        article,
        articleId: snippet.articleId,
        deadline,
        start,
        snippets: [snippet],
      });
    }
  }
  for (const group of groups.values()) {
    group.snippets.sort(
      (a, b) =>
        titleRank(a) - titleRank(b) ||
        a.anchor.start - b.anchor.start ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }
  return [...groups.values()];
}

function snippetLines(snippet: ListedEntry["snippet"]): string[] {
  const quote = snippet.text || snippet.anchor.quote;
  const value = valueLabel(snippet);
  return [
    `“${clean(quote)}”`,
    snippet.indicator.trim() ? `${t("fieldIndicator")}: ${clean(snippet.indicator)}` : "",
    value ? `${t("fieldValue")}: ${clean(value)}` : "",
    snippet.deadline ? `${t("kindDeadline")}: ${deadlineLabel(snippet.deadline)}` : "",
    snippet.sentence && snippet.sentence !== quote
      ? `${t("fieldSentence")}: ${clean(snippet.sentence)}`
      : "",
    snippet.note ? `${t("fieldNote")}: ${clean(snippet.note)}` : "",
  ].filter(Boolean);
}

/**
 * The calendar event of an article's deadline: titled with what is due and
 * where (`Tỷ lệ hộ nghèo: giảm 2 % — Trà Vinh`), every snippet due that day
 * in the description.
 */
export function groupEvent(group: DeadlineGroup, now: Date): EventAttributes {
  const { article, snippets, start } = group;
  const first = snippets[0] as ListedEntry["snippet"];
  const others = new Set(snippets.slice(1).map(dueLabel));
  others.delete(dueLabel(first));
  const locality = article?.locality ? clean(article.locality).trim() : "";
  const more = others.size > 0 ? ` ${t("icsMoreDue", others.size)}` : "";
  const title = `${shorten(dueLabel(first), SUMMARY_LENGTH)}${more}${locality ? ` — ${locality}` : ""}`;
  const url = eventUrl(article?.url);
  const source = [
    article ? `${t("columnArticle")}: ${clean(article.title)}` : "",
    article?.url ? clean(article.url) : "",
  ]
    .filter(Boolean)
    .join("\n");
  const description = [...snippets.map((snippet) => snippetLines(snippet).join("\n")), source]
    .filter(Boolean)
    .join("\n\n");
  const event: EventAttributes & { timestamp: number } = {
    uid: eventUid(group.articleId, group.deadline.date),
    title: clean(title),
    description,
    start,
    end: nextDay(start),
    transp: "TRANSPARENT",
    timestamp: now.getTime(),
    ...(url ? { url } : {}),
  };
  return event;
}

/** The calendar's properties, its name in the UI's language. */
const calendar = () => ({ productId: PRODUCT_ID, calName: t("icsCalendarName") });
const FOOTER = "END:VCALENDAR\r\n";

/** Events formatted per call of the library (its validation costs about 0.3 ms an event). */
const ICS_CHUNK = 250;

type Part = { ok: true; value: string; count: number } | { ok: false; error: string };

function failure(error: Error | null | undefined): { ok: false; error: string } {
  return { ok: false, error: t("icsFailed", error?.message ?? t("icsUnknownError")) };
}

/** The calendar's header lines (everything before the first event). */
function header(): Part {
  const { error, value } = createEvents([], calendar());
  if (error || typeof value !== "string" || !value.endsWith(FOOTER)) return failure(error);
  return { ok: true, value: value.slice(0, -FOOTER.length), count: 0 };
}

/** The VEVENT blocks of a chunk of deadline groups. */
function eventBlocks(groups: readonly DeadlineGroup[], now: Date): Part {
  const events = groups.map((group) => groupEvent(group, now));
  if (events.length === 0) return { ok: true, value: "", count: 0 };
  const { error, value } = createEvents(events, calendar());
  const start = typeof value === "string" ? value.indexOf("BEGIN:VEVENT\r\n") : -1;
  if (error || typeof value !== "string" || start < 0 || !value.endsWith(FOOTER)) {
    return failure(error);
  }
  return { ok: true, value: value.slice(start, -FOOTER.length), count: events.length };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function assemble(parts: Part[]): IcsResult {
  const head = header();
  if (!head.ok) return head;
  let body = "";
  let count = 0;
  for (const part of parts) {
    if (!part.ok) return part;
    body += part.value;
    count += part.count;
  }
  return { ok: true, value: head.value + body + FOOTER, count };
}

/** The entries' deadlines as an iCalendar file (a calendar with no event when none has a deadline). */
export function toIcs(entries: readonly ListedEntry[], now: Date = new Date()): IcsResult {
  return assemble(
    chunks(deadlineGroups(entries), ICS_CHUNK).map((chunk) => eventBlocks(chunk, now)),
  );
}

/** `toIcs` formatted in chunks of 250 events, reporting snippets done of all. */
export async function toIcsAsync(
  entries: readonly ListedEntry[],
  options: { now?: Date; onProgress?: ProgressCallback } = {},
): Promise<IcsResult> {
  const now = options.now ?? new Date();
  const total = entries.length;
  const groups = chunks(deadlineGroups(entries), ICS_CHUNK);
  // Progress in snippets: those of the groups done (all of them, with the ones without a deadline, at the end).
  const snippetsDone: number[] = [];
  let sum = 0;
  for (const chunk of groups) {
    for (const group of chunk) sum += group.snippets.length;
    snippetsDone.push(sum);
  }
  const parts = await mapInChunks(
    groups,
    (chunk) => eventBlocks(chunk, now),
    (done, all) =>
      options.onProgress?.(done === all ? total : (snippetsDone[done - 1] ?? 0), total),
    1,
  );
  return assemble(parts);
}
