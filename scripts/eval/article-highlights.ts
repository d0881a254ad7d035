/**
 * The extension's highlights on a layout page, told apart by where they are: inside the article
 * (its headline element, or its body between the `<!--article-body-->` comments) or outside it.
 * Inside, each highlight is placed in the article's own text by counting the characters that are
 * not white space before its ends (so collapsed spaces and line breaks do not matter); `toArticleSpan`
 * turns those counts into offsets of the article text the page was made from.
 */
import type { Page } from "playwright-core";
import type { ItemKind } from "../../lib/extract/types.ts";
import { BODY_END_COMMENT, BODY_START_COMMENT } from "./layouts.ts";

export const HIGHLIGHT_KINDS: Record<string, ItemKind> = {
  "gvn-target": "target",
  "gvn-result": "result",
  "gvn-deadline": "deadline",
};

export interface PageHighlight {
  kind: ItemKind;
  text: string;
  /** Inside the article's headline or body. */
  inArticle: boolean;
  /** Characters other than white space in the article before the range's start / end. */
  startCount: number;
  endCount: number;
}

/**
 * Every `gvn-target`, `gvn-result` and `gvn-deadline` range of the page, in document order.
 * `headlineSelector` finds the article's headline element.
 */
export async function articleHighlights(
  page: Page,
  headlineSelector: string,
): Promise<PageHighlight[]> {
  // No named functions inside evaluated code: tsx (esbuild keepNames) would wrap them in a
  // `__name` helper the page does not have.
  return page.evaluate(
    ({ headlineSelector, startComment, endComment, kinds }) => {
      const nodes: Text[] = [];
      const headline = document.querySelector(headlineSelector);
      const walker = document.createTreeWalker(
        document.body,
        NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT,
      );
      let inBody = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.COMMENT_NODE) {
          const data = (node as Comment).data.trim();
          if (data === startComment) inBody = true;
          if (data === endComment) inBody = false;
          continue;
        }
        if (inBody || headline?.contains(node)) nodes.push(node as Text);
      }
      const before = new Map<Text, number>();
      let count = 0;
      for (const node of nodes) {
        before.set(node, count);
        count += node.data.replace(/\s+/g, "").length;
      }
      const out: Array<{
        kind: string;
        text: string;
        inArticle: boolean;
        startCount: number;
        endCount: number;
      }> = [];
      for (const [name, kind] of Object.entries(kinds)) {
        for (const range of CSS.highlights.get(name) ?? []) {
          if (!(range instanceof Range)) continue;
          const start = range.startContainer as Text;
          const end = range.endContainer as Text;
          const startBase = before.get(start);
          const endBase = before.get(end);
          const inArticle = startBase !== undefined && endBase !== undefined;
          out.push({
            kind,
            text: range.toString(),
            inArticle,
            startCount: inArticle
              ? startBase + start.data.slice(0, range.startOffset).replace(/\s+/g, "").length
              : -1,
            endCount: inArticle
              ? endBase + end.data.slice(0, range.endOffset).replace(/\s+/g, "").length
              : -1,
          });
        }
      }
      return out;
    },
    {
      headlineSelector,
      startComment: BODY_START_COMMENT,
      endComment: BODY_END_COMMENT,
      kinds: HIGHLIGHT_KINDS,
    },
  ) as Promise<PageHighlight[]>;
}

/** Offsets in `text` of the characters that are not white space, in order. */
export function nonSpaceOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i] as string)) offsets.push(i);
  return offsets;
}

/** The span of `text` a highlight inside the article covers (`offsets` from `nonSpaceOffsets`). */
export function toArticleSpan(
  highlight: PageHighlight,
  offsets: readonly number[],
): { start: number; end: number } | null {
  if (!highlight.inArticle || highlight.endCount <= highlight.startCount) return null;
  const first = offsets[highlight.startCount];
  const last = offsets[highlight.endCount - 1];
  if (first === undefined || last === undefined) return null;
  return { start: first, end: last + 1 };
}
