/**
 * The messages a refused import file gets: a bounded list (`IMPORT_LIMITS.messages`, then
 * "… và N lỗi khác"), and valibot issues in Vietnamese with the path of the value each is about.
 */
import type * as v from "valibot";
import { expectedName, preview, received } from "./describe.ts";
import { IMPORT_LIMITS } from "./limits.ts";
import { joinPath, keySegment } from "./paths.ts";

/**
 * Collects messages up to `IMPORT_LIMITS.messages`, counting the rest. Once
 * the list is full, records are only checked for whether they fail (valibot's
 * `abortEarly`), so a file of 200,000 bad records is refused quickly: those
 * are counted as records, not as messages.
 */
export class Messages {
  readonly list: string[] = [];
  private moreMessages = 0;
  private moreRecords = 0;

  /** Adds a message (a function when it is costly to build: called only while the list has room). */
  add(message: string | (() => string)): void {
    if (!this.full) this.list.push(typeof message === "string" ? message : message());
    else this.moreMessages++;
  }

  /** A record found bad after the list was full. */
  addRecord(): void {
    this.moreRecords++;
  }

  get full(): boolean {
    return this.list.length >= IMPORT_LIMITS.messages;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  result(): string[] {
    const tail: string[] = [];
    if (this.moreMessages > 0) tail.push(`${this.moreMessages} lỗi khác`);
    if (this.moreRecords > 0) tail.push(`${this.moreRecords} bản ghi khác cũng có lỗi`);
    return tail.length > 0 ? [...this.list, `… và ${tail.join(", ")}`] : [...this.list];
  }
}

/** `snippets[3].anchor.quote`: a prefix and valibot path items. */
function issuePath(prefix: string, path: v.BaseIssue<unknown>["path"]): string {
  const segments = [prefix];
  for (const item of path ?? []) {
    const key = (item as { key: unknown }).key;
    segments.push(typeof key === "number" ? `[${key}]` : keySegment(String(key)));
  }
  return joinPath(segments);
}

/** One valibot issue as a Vietnamese message with its path. */
export function issueMessage(issue: v.BaseIssue<unknown>, prefix: string): string {
  const path = issuePath(prefix, issue.path);
  if (issue.kind === "schema") {
    if (issue.type === "object" && issue.input === undefined && issue.expected?.startsWith('"')) {
      return `${path}: thiếu trường bắt buộc`;
    }
    // Our own messages as they are: picklists, custom checks, and the type messages of fields
    // that may be null (`orNull` in schema.ts; valibot's own messages are English).
    if (issue.type === "picklist" || issue.type === "custom" || issue.message.startsWith("cần ")) {
      return `${path}: ${issue.message}`;
    }
    if (issue.type === "literal") {
      return `${path}: cần ${issue.expected}, nhận ${preview(issue.input)}`;
    }
    return `${path}: cần ${expectedName(issue.expected)}, nhận ${received(issue.input)}`;
  }
  return `${path}: ${issue.message}`;
}
