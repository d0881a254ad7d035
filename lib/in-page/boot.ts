/**
 * The hand-over between the two halves of the content script. The small half
 * (`content.js`, on every portal page) reads the page and recognises the
 * article; only on a party-news article does the background inject the large
 * half (`article-tools.js`: extraction, highlights, panel), which runs in the
 * same isolated world and takes the reading over from here.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { Recognition } from "../recognition/recognize.ts";
import type { RunTimer } from "./main-thread.ts";
import type { PageReading } from "./page-reading.ts";

export const UI_HOST_NAME = "gvn-chi-tieu";

export interface Boot {
  ctx: ContentScriptContext;
  /** The reading that recognised the article, waiting for the article tools. */
  pending: { reading: PageReading; recognition: Recognition; timer: RunTimer } | null;
  /** Set by the article tools once they run: reads the page again after it changed. */
  rerun: (() => Promise<void>) | null;
}

const BOOT_KEY = Symbol.for("gvn-chi-tieu.boot");

export function setBoot(boot: Boot): void {
  (globalThis as Record<symbol, unknown>)[BOOT_KEY] = boot;
}

export function getBoot(): Boot | undefined {
  return (globalThis as Record<symbol, unknown>)[BOOT_KEY] as Boot | undefined;
}

/** Whether a node belongs to the extension's own UI (its shadow host). */
export function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return Boolean(element?.closest(UI_HOST_NAME));
}
