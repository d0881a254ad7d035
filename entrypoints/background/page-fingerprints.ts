/**
 * The content fingerprints of the articles the background analysed lately, by page address, so
 * that a page not yet saved finds the article it republishes (`savedSnippets`) without sending its
 * text again. Kept for the last few pages only; a page whose fingerprint is gone (the worker
 * stopped) is looked up by its address alone.
 */
import { textSignature } from "@/lib/article/fingerprint.ts";
import { normalizeUrl } from "@/lib/snippets/keys.ts";

const KEPT = 32;
const recent = new Map<string, number[] | null>();

/** Fingerprints an analysed article's text under its page's address. */
export function rememberPageText(url: string, text: string): void {
  const key = normalizeUrl(url);
  recent.delete(key);
  recent.set(key, textSignature(text));
  while (recent.size > KEPT) recent.delete(recent.keys().next().value as string);
}

/** The fingerprint of the article last analysed at `url`, if it is still kept. */
export function pageSignature(url: string): number[] | null {
  return recent.get(normalizeUrl(url)) ?? null;
}
