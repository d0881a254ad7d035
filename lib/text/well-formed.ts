/**
 * Well-formed text for storage. Page text can hold lone surrogates (half of a UTF-16 pair, left by
 * a page's script); a collection storing them could not be exported as valid UTF-8 and imported
 * again (the importer refuses them). Each becomes U+FFFD, the same length, so stored offsets hold.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** `value` with every string in it (at any depth of plain objects and arrays) made well-formed. */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === "string") return wellFormedText(value) as T;
  if (Array.isArray(value)) return value.map(wellFormedDeep) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = wellFormedDeep(inner);
    return out as T;
  }
  return value;
}
