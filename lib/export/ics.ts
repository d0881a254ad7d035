/**
 * The iCalendar export: one all-day event per snippet that has a deadline
 * (any kind), built by the `ics` library (which escapes `\`, `;`, `,` and line
 * breaks in text and folds long lines).
 *
 * - UID `<snippet id>@gvn-chi-tieu`: importing the file again updates the
 *   same events instead of adding copies.
 * - DTSTART;VALUE=DATE the deadline's date, DTEND the next day (one whole
 *   day); a year-only deadline (`năm 2025`, stored as 31/12) is still an event.
 * - SUMMARY: kind and the sentence (or quote), shortened; DESCRIPTION: the
 *   quote, the deadline as written, the sentence, the article's title and
 *   address, the note; URL: the article's address (http(s) only).
 * - Text is NFC-normalised, a lone CR becomes LF and other control
 *   characters but tab are removed first (the library escapes only CRLF and
 *   LF: a lone CR would end the content line).
 */
import { createEvents, type EventAttributes } from "ics";
import { deadlineLabel, kindLabel } from "../../components/item-format.ts";
import type { Deadline } from "../extract/types.ts";
import { mapInChunks } from "./chunked.ts";
import type { ExportEntry, ProgressCallback } from "./format.ts";

export type IcsResult = { ok: true; value: string; count: number } | { ok: false; error: string };

const PRODUCT_ID = "gvn-chi-tieu";
const CALENDAR_NAME = "Thời hạn trong nghị quyết (gvn-chi-tieu)";
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

/** A UID from the snippet id: stable across exports, only characters that need no escaping. */
export function eventUid(snippetId: string): string {
  return `${snippetId.replace(/[^A-Za-z0-9._-]/g, "_")}@gvn-chi-tieu`;
}

/** The calendar event of an entry, or null when it has no (valid) deadline. */
export function icsEvent({ snippet, article }: ExportEntry, now: Date): EventAttributes | null {
  const deadline: Deadline | null = snippet.deadline;
  const start = deadline ? dateParts(deadline.date) : null;
  if (!deadline || !start) return null;
  const quote = snippet.text || snippet.anchor.quote;
  const summary = `${kindLabel(snippet.kind)}: ${shorten(snippet.sentence || quote, SUMMARY_LENGTH)}`;
  const url = eventUrl(article?.url);
  const description = [
    `“${clean(quote)}”`,
    `Thời hạn: ${deadlineLabel(deadline)}`,
    snippet.sentence && snippet.sentence !== quote ? `Câu: ${clean(snippet.sentence)}` : "",
    article ? `Bài: ${clean(article.title)}` : "",
    article?.url ? clean(article.url) : "",
    snippet.note ? `Ghi chú: ${clean(snippet.note)}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  const event: EventAttributes & { timestamp: number } = {
    uid: eventUid(snippet.id),
    title: clean(summary),
    description,
    start,
    end: nextDay(start),
    transp: "TRANSPARENT",
    timestamp: now.getTime(),
    ...(url ? { url } : {}),
  };
  return event;
}

const HEADER = { productId: PRODUCT_ID, calName: CALENDAR_NAME };
const FOOTER = "END:VCALENDAR\r\n";

/** Entries formatted per call of the library (its validation costs about 0.3 ms an event). */
const ICS_CHUNK = 250;

type Part = { ok: true; value: string; count: number } | { ok: false; error: string };

function failure(error: Error | null | undefined): { ok: false; error: string } {
  return { ok: false, error: `Không tạo được tệp lịch: ${error?.message ?? "không rõ lỗi"}` };
}

/** The calendar's header lines (everything before the first event). */
function header(): Part {
  const { error, value } = createEvents([], HEADER);
  if (error || typeof value !== "string" || !value.endsWith(FOOTER)) return failure(error);
  return { ok: true, value: value.slice(0, -FOOTER.length), count: 0 };
}

/** The VEVENT blocks of a chunk of entries (those with a deadline). */
function eventBlocks(entries: readonly ExportEntry[], now: Date): Part {
  const events = entries
    .map((entry) => icsEvent(entry, now))
    .filter((event): event is EventAttributes => event !== null);
  if (events.length === 0) return { ok: true, value: "", count: 0 };
  const { error, value } = createEvents(events, HEADER);
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
export function toIcs(entries: readonly ExportEntry[], now: Date = new Date()): IcsResult {
  return assemble(chunks(entries, ICS_CHUNK).map((chunk) => eventBlocks(chunk, now)));
}

/** `toIcs` formatted in chunks of 250 entries, reporting snippets done of all. */
export async function toIcsAsync(
  entries: readonly ExportEntry[],
  options: { now?: Date; onProgress?: ProgressCallback } = {},
): Promise<IcsResult> {
  const now = options.now ?? new Date();
  const total = entries.length;
  const parts = await mapInChunks(
    chunks(entries, ICS_CHUNK),
    (chunk) => eventBlocks(chunk, now),
    (done, all) => options.onProgress?.(done === all ? total : done * ICS_CHUNK, total),
    1,
  );
  return assemble(parts);
}
