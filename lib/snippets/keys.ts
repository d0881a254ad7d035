/**
 * Stable identities: one article record per article however it was reached,
 * one snippet record per item however often it is saved.
 */
import type { SnippetKind, TextAnchor } from "./types.ts";

/** Query parameters that only track where a visitor came from. */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|zarsrc|zalo_[a-z]+)$/i;

/** A URL without its fragment and tracking parameters; the input unchanged if it is not a URL. */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  parsed.hash = "";
  // The parameters' own iterator, not `.keys()`: in a Firefox content script a DOM iterator that a
  // method returns is not iterable through the Xray wrapper ("….keys() is not iterable").
  const names = [...parsed.searchParams].map(([name]) => name);
  for (const name of names) {
    if (TRACKING_PARAM.test(name)) parsed.searchParams.delete(name);
  }
  parsed.hostname = parsed.hostname.toLowerCase();
  return parsed.toString();
}

/**
 * The article's key: its canonical URL when the page names one on an http(s)
 * address, else the page URL, both normalised.
 */
export function articleKey(url: string, canonicalUrl: string | null | undefined): string {
  if (canonicalUrl) {
    try {
      const canonical = new URL(canonicalUrl, url);
      if (canonical.protocol === "http:" || canonical.protocol === "https:") {
        return normalizeUrl(canonical.toString());
      }
    } catch {
      // Not a usable URL: fall back to the page URL.
    }
  }
  return normalizeUrl(url);
}

/**
 * 53-bit FNV-1a style hash of a string, as 11 base-36 digits (stable across runs and browsers).
 * The loop keeps both halves as signed 32-bit integers (`Math.imul` reads its arguments so, and
 * answers so): the same bits as unsigned, without the unsigned values past 2^31 that make the
 * JavaScript engine give up on its fast code for the loop, again and again, while the code is cold.
 */
export function stableHash(input: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 | 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const value = (h2 & 0x1fffff) * 0x100000000 + (h1 >>> 0);
  return value.toString(36).padStart(11, "0");
}

/** How much context takes part in a snippet's identity (the rest may change with the page). */
const IDENTITY_CONTEXT = 16;

/** The snippet's key: the article, the kind, the quote and the text right around it. */
export function snippetId(articleId: string, kind: SnippetKind, anchor: TextAnchor): string {
  const context = `${anchor.prefix.slice(-IDENTITY_CONTEXT)}\u0000${anchor.suffix.slice(0, IDENTITY_CONTEXT)}`;
  return `s-${stableHash(`${articleId}\u0000${kind}\u0000${anchor.quote}\u0000${context}`)}`;
}
