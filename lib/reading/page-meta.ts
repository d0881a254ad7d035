/**
 * A page's `<meta>` values, several looked up in one pass over its meta elements: for each key,
 * what `doc.querySelector('meta[attribute="value"]')?.getAttribute("content")` gives (the first
 * such element in document order; its `content`, or null). Cheaper than a selector per key on a
 * server-side DOM, where each is a walk over the whole page. The values of `name`, `property` and
 * `itemprop` match with their case, as in a selector.
 */
export interface MetaKey {
  attribute: "name" | "property" | "itemprop";
  value: string;
}

export function metaContents(doc: Document, keys: readonly MetaKey[]): Array<string | null> {
  const found: Array<Element | null> = keys.map(() => null);
  let missing = keys.length;
  // A selector, not getElementsByTagName: linkedom keeps a template's content among its children,
  // and only its selectors pass over them, as a browser's DOM does.
  const metas = doc.querySelectorAll("meta");
  for (let i = 0; i < metas.length && missing > 0; i++) {
    const meta = metas[i] as Element;
    for (const [k, key] of keys.entries()) {
      if (found[k] === null && meta.getAttribute(key.attribute) === key.value) {
        found[k] = meta;
        missing--;
      }
    }
  }
  return found.map((meta) => meta?.getAttribute("content") ?? null);
}
