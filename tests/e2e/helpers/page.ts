/**
 * What a reader sees on a portal page, read from the page's main world: the extension's custom
 * highlights (`CSS.highlights`), its panel and card (an open shadow root under `<gvn-chi-tieu>`,
 * which Playwright locators pierce), and the page's own text and DOM.
 */
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { HIGHLIGHT_NAMES, type HighlightName } from "../../../lib/highlight/styles.ts";
import { eventually, type Span } from "./compare.ts";

/** The names of the extension's highlights in `CSS.highlights`. */
export const HIGHLIGHT = HIGHLIGHT_NAMES;

export type { HighlightName };

export const UI_HOST = "gvn-chi-tieu";

/** Names of the `gvn-*` highlights registered on the page. */
export async function highlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith("gvn-")));
}

/** The texts of every `gvn-*` highlight's ranges, in document order (no entry: not registered). */
export async function highlightTexts(
  page: Page,
): Promise<Partial<Record<HighlightName, string[]>>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith("gvn-")) continue;
      const ranges = [...highlight].filter((r): r is Range => r instanceof Range);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      out[name] = ranges.map((range) => range.toString());
    }
    return out;
  });
}

/**
 * The page's text (`document.body.textContent`) and every `gvn-*` highlight's ranges as spans of
 * it, in document order.
 */
export async function highlightSpans(
  page: Page,
): Promise<{ text: string; spans: Partial<Record<HighlightName, Span[]>> }> {
  // No named functions inside evaluated code: tsx (esbuild keepNames) would wrap them in a
  // `__name` helper the page does not have.
  return page.evaluate(() => {
    const body = document.body;
    const spans: Record<string, Array<{ start: number; end: number; text: string }>> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith("gvn-")) continue;
      const list: Array<{ start: number; end: number; text: string }> = [];
      for (const range of highlight) {
        if (!(range instanceof Range)) continue;
        const before = document.createRange();
        before.setStart(body, 0);
        before.setEnd(range.startContainer, range.startOffset);
        const start = before.toString().length;
        before.setEnd(range.endContainer, range.endOffset);
        list.push({ start, end: before.toString().length, text: range.toString() });
      }
      spans[name] = list.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    return { text: body.textContent ?? "", spans };
  });
}

/** Ranges of one highlight that have the same boundaries as an earlier one (should be none). */
export async function duplicateRanges(page: Page, name: HighlightName): Promise<number> {
  return page.evaluate((name) => {
    const nodeIds = new Map<Node, number>();
    const keys = new Set<string>();
    let duplicates = 0;
    for (const r of CSS.highlights.get(name) ?? []) {
      for (const node of [r.startContainer, r.endContainer]) {
        if (!nodeIds.has(node)) nodeIds.set(node, nodeIds.size);
      }
      const key = `${nodeIds.get(r.startContainer)}:${r.startOffset}-${nodeIds.get(r.endContainer)}:${r.endOffset}`;
      if (keys.has(key)) duplicates++;
      keys.add(key);
    }
    return duplicates;
  }, name);
}

/** The extension's UI on the page. */
export function ui(page: Page) {
  const host = page.locator(UI_HOST);
  const panel = host.locator("section.panel");
  const card = host.locator("[role=dialog].card");
  return {
    host,
    panel,
    card,
    count: (kind: string): Locator => panel.locator(`[data-count=${kind}]`),
    toggle: (kind: string): Locator => panel.locator(`input[data-kind=${kind}]`),
    next: panel.locator("[data-action=next]"),
    previous: panel.locator("[data-action=previous]"),
    saveAll: panel.locator("[data-action=save-all]"),
    savedNote: panel.locator("[data-saved-count]"),
    orphans: panel.locator("[data-orphans]"),
    cardQuote: card.locator(".quote"),
    cardSave: card.locator("[data-action=save]"),
    cardCopy: card.locator("[data-action=copy]"),
  };
}

/** The panel's count per kind, as numbers. */
export async function panelCounts(page: Page): Promise<Record<string, number>> {
  const { count } = ui(page);
  const out: Record<string, number> = {};
  for (const kind of ["target", "result", "deadline"]) {
    out[kind] = Number(await count(kind).textContent());
  }
  return out;
}

/** `data-action` (or tag name) of the element focused inside the UI's shadow root, or null. */
export async function focusedInUi(page: Page): Promise<string | null> {
  return page.evaluate((hostName) => {
    const active = document.querySelector(hostName)?.shadowRoot?.activeElement;
    if (!active) return null;
    return active.getAttribute("data-action") ?? active.localName;
  }, UI_HOST);
}

/** The focus in the UI once it settles on `action` (or where it is when the wait gives up). */
export function focusSettledOn(page: Page, action: string): Promise<string | null> {
  return eventually(
    () => focusedInUi(page),
    (focused) => focused === action,
  );
}

/**
 * Scrolls the `index`-th range (document order) of a highlight to the middle of the viewport and
 * returns its text and the centre of its first line box (viewport coordinates).
 */
export async function highlightPoint(
  page: Page,
  name: HighlightName,
  index: number,
): Promise<{ x: number; y: number; text: string }> {
  const point = await page.evaluate(
    ({ name, index }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])].filter(
        (r): r is Range => r instanceof Range,
      );
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
      const rect = range.getClientRects()[0];
      if (!rect) return null;
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        text: range.toString(),
      };
    },
    { name, index },
  );
  if (!point) throw new Error(`no range ${index} in highlight ${name}`);
  return point;
}

/**
 * Selects the first occurrence of `text` in the page's body (it may cross elements), as a reader
 * would with the mouse. Returns the selection's text.
 */
export async function selectText(page: Page, text: string): Promise<string> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    const starts: number[] = [];
    let all = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest("script, style, template")) continue;
      nodes.push(node as Text);
      starts.push(all.length);
      all += (node as Text).data;
    }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`text not on the page: ${wanted}`);
    const end = at + wanted.length;
    // The node holding the first character, and the node holding the last one.
    let first = 0;
    while (first + 1 < nodes.length && (starts[first + 1] as number) <= at) first++;
    let last = first;
    while (last + 1 < nodes.length && (starts[last + 1] as number) < end) last++;
    const range = document.createRange();
    range.setStart(nodes[first] as Text, at - (starts[first] as number));
    range.setEnd(nodes[last] as Text, end - (starts[last] as number));
    const selection = document.getSelection();
    if (!selection) throw new Error("no selection object");
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, text);
}

/**
 * The page's own DOM, serialised: `document.documentElement.outerHTML` of a copy without the
 * extension's UI host (the one element the extension may add), and the body's rendered text
 * (`document.body.innerText`).
 */
export async function pageOwnContent(page: Page): Promise<{ html: string; renderedText: string }> {
  return page.evaluate((hostName) => {
    const copy = document.documentElement.cloneNode(true) as Element;
    for (const host of Array.from(copy.querySelectorAll(hostName))) host.remove();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared.
    return { html: copy.outerHTML, renderedText: document.body.innerText };
  }, UI_HOST);
}

/**
 * Asserts that `withExtension` is the same page `without` the extension but for the extension's UI
 * host: the same rendered text and DOM, and the host the one element added, the last child of
 * `<body>`. Resolves with the page's own content as read without the extension.
 */
export async function assertOnlyHostAdded(
  withExtension: Page,
  without: Page,
): Promise<{ html: string; renderedText: string }> {
  const bare = await pageOwnContent(without);
  const own = await pageOwnContent(withExtension);
  assert.equal(own.renderedText, bare.renderedText, "document.body.innerText");
  assert.equal(own.html, bare.html, "the page's DOM (without <gvn-chi-tieu>)");
  const added = await withExtension.evaluate(
    (name) => ({
      hosts: document.querySelectorAll(name).length,
      last: document.body.lastElementChild?.localName,
    }),
    UI_HOST,
  );
  assert.deepEqual(added, { hosts: 1, last: UI_HOST }, "the one element added, last");
  return bare;
}
