import { createTextMap, type TextMap } from "@/lib/dom/text-map.ts";
import { createHighlightRegistry, type HighlightRegistry } from "@/lib/highlight/registry.ts";
import { analyzeArticle, findInSelection } from "@/lib/in-page/analyze-article.ts";
import { type RunTimer, startRunTimer, yieldToPage } from "@/lib/in-page/main-thread.ts";
import { type OversizedPage, readingKey, readPage } from "@/lib/in-page/page-reading.ts";
import { recognizePage } from "@/lib/in-page/recognize-page.ts";
import { type SaveResponse, sendMessage } from "@/lib/messaging/protocol.ts";
import { sendIdempotent } from "@/lib/messaging/retry.ts";
import type { ReadableArticle } from "@/lib/recognition/readable.ts";
import type { Recognition } from "@/lib/recognition/recognize.ts";
import { articleInput, itemSnippet, selectionSnippet } from "@/lib/snippets/build.ts";
import { type ArticleAnalysis, itemSnippetId } from "@/lib/snippets/item-ids.ts";
import type { SnippetInput, SnippetRecord } from "@/lib/snippets/types.ts";
import { itemAtPoint, nextFocus } from "./item-navigation.ts";
import {
  ARTICLE_RESET,
  EMPTY_VIEW,
  type PageController,
  type PageItem,
  type PageView,
} from "./page-view.ts";
import { pageReport, paintHighlights } from "./paint.ts";
import { selectionSpan } from "./positions.ts";
import { createReviewAction } from "./review-action.ts";
import { createSavedActions } from "./saved-actions.ts";
import { placeSnippets, standsOnText } from "./saved-places.ts";
import { sendSave } from "./send-save.ts";

interface ArticleRun {
  analysis: ArticleAnalysis;
  map: TextMap;
  savedRanges: Range[];
  /** The article's saved snippets, as last fetched. */
  saved: SnippetRecord[];
}

export function createPageController(doc: Document, url: () => string): PageController {
  let view: PageView = { ...EMPTY_VIEW, url: url() };
  let run: ArticleRun | null = null;
  let lastKey: string | null = null;
  let registry: HighlightRegistry | null = null;
  let disposed = false;
  const listeners = new Set<() => void>();

  const update = (patch: Partial<PageView>) => {
    view = { ...view, ...patch };
    for (const listener of listeners) listener();
  };

  const paint = () => {
    if (!view.recognised) return;
    registry ??= createHighlightRegistry(doc);
    paintHighlights(registry, view, run?.savedRanges ?? []);
  };

  const report = () => {
    sendMessage("reportPage", pageReport(view)).catch(() => {
      // The background may be restarting; the next report will carry the same facts.
    });
  };

  /** Places the article's saved snippets on the page and marks the items they are. */
  const placeSaved = (current: ArticleRun, saved: SnippetRecord[]) => {
    current.saved = saved;
    const placed = placeSnippets(current.analysis.article.text, current.map, saved, view.items);
    current.savedRanges = placed.ranges;
    const { items, orphans, changes, ranges } = placed;
    update({ items, savedPlaced: ranges.length, orphans, changes });
    actions.noteChanges(changes);
  };

  /** Fetches the saved snippets again and shows them (after a save or a reader's decision). */
  const refreshSaved = async (current: ArticleRun) => {
    if (run !== current) return;
    placeSaved(current, await fetchSaved(current));
    paint();
    report();
  };

  const actionsHost = {
    doc,
    article: () => (run ? { text: run.analysis.article.text, map: run.map } : null),
    getView: () => view,
    update,
    refresh: () => (run ? refreshSaved(run) : Promise.resolve()),
  };
  const actions = createSavedActions(actionsHost);
  const reviewAction = createReviewAction(actionsHost);

  const fetchSaved = async (current: ArticleRun): Promise<SnippetRecord[]> => {
    try {
      const page = { url: url(), canonicalUrl: current.analysis.article.canonicalUrl };
      // A read: sent again when the worker stopped mid-way, so a save just made shows as saved.
      return await sendIdempotent(() => sendMessage("savedSnippets", page));
    } catch {
      // The background cannot answer: keep showing what was known to be saved.
      return current.saved;
    }
  };

  const isLive = (current: ArticleRun) =>
    view.items.every((p) => p.range !== null && standsOnText(p.range)) &&
    current.savedRanges.every(standsOnText);

  /** Places the run's items and saved snippets on the page's new text nodes. */
  const remap = (current: ArticleRun, pieces: NonNullable<ReadableArticle["pieces"]>) => {
    current.map = createTextMap(pieces);
    const items = view.items.map((p) => ({
      ...p,
      range: current.map.rangeFor(p.item.start, p.item.end),
    }));
    update({ items, card: null });
    placeSaved(current, current.saved);
    paint();
  };

  /** The article went away (the page replaced its content, or grew too big): clear what was shown. */
  const clearArticle = (pageUrl: string, patch: Partial<PageView> = {}) => {
    run = null;
    update({ ...EMPTY_VIEW, url: pageUrl, enabled: view.enabled, ...patch });
    paint();
    registry?.dispose();
    registry = null;
  };

  /** A page past the size limits: no highlights, a note in the panel (when it is an article). */
  const showOversized = async (page: OversizedPage, timer: RunTimer, known?: Recognition) => {
    const pageUrl = url();
    const recognition = known ?? (await recognizePage({ kind: "oversized", page }, pageUrl));
    if (disposed) return;
    const recognised = recognition?.recognised ?? false;
    clearArticle(pageUrl, {
      recognised,
      title: page.title,
      oversized: recognised
        ? { limit: page.limit, elements: page.elements, chars: page.chars }
        : null,
    });
    timer.finish({ recognised, items: 0, oversized: page.limit });
    report();
  };

  const controller: PageController = {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async run(initial) {
      const timer = initial?.timer ?? startRunTimer();
      const reading = initial?.reading ?? (await readPage(doc, timer));
      if (disposed) return;
      const key = readingKey(reading);
      if (key === lastKey) {
        // The same text in new nodes (a page that re-renders itself): move the highlights there.
        if (reading.kind === "article" && run && reading.read.pieces && !isLive(run)) {
          const current = run;
          const pieces = reading.read.pieces;
          timer.phase("highlight", () => remap(current, pieces));
        }
        return;
      }
      lastKey = key;
      if (reading.kind === "oversized") {
        await showOversized(reading.page, timer, initial?.recognition);
        return;
      }
      const read = reading.read;
      await yieldToPage();
      if (disposed) return;
      const pageUrl = url();
      // Recognition and extraction in the background: the page's main thread reads and highlights.
      const analysis = await analyzeArticle(read, {
        url: pageUrl,
        ...(initial?.recognition ? { recognition: initial.recognition } : {}),
      });
      if (!analysis || disposed) return;
      if (!analysis.recognised || !read.pieces) {
        if (view.recognised) clearArticle(pageUrl);
        timer.finish({ recognised: false, items: 0 });
        report();
        return;
      }
      await yieldToPage();
      if (disposed) return;
      const pieces = read.pieces;
      const { articleId, snippetIds } = analysis;
      // The text map is the page's own work too: it is made in the phase that uses it.
      const current = timer.phase("highlight", () => {
        const text = analysis.article.text;
        const map = createTextMap(pieces);
        const next: ArticleRun = { analysis, map, savedRanges: [], saved: [] };
        const items = analysis.items.map((item, index) => ({
          index,
          item,
          range: map.rangeFor(item.start, item.end),
          // The background worked the ids out with the analysis.
          snippetId: snippetIds[index] ?? itemSnippetId(articleId, text, item),
          saved: false,
        }));
        run = next;
        update({
          ...ARTICLE_RESET,
          recognised: true,
          title: analysis.article.title,
          url: pageUrl,
          items,
        });
        paint();
        return next;
      });
      const saved = await fetchSaved(current);
      if (disposed || run !== current) return;
      timer.phase("anchor", () => {
        placeSaved(current, saved);
        paint();
      });
      timer.finish({
        recognised: true,
        items: view.items.length,
        saved: view.savedPlaced,
        orphans: view.orphans.length,
      });
      report();
    },

    async save(indices) {
      const current = run;
      if (!current) return null;
      const text = current.analysis.article.text;
      const chosen = indices.map((i) => view.items[i]).filter((p): p is PageItem => Boolean(p));
      if (chosen.length === 0) return null;
      return saveInputs(
        current,
        chosen.map((p) => itemSnippet(text, p.item)),
      );
    },

    async saveAll() {
      return controller.save(view.items.filter((p) => !p.saved).map((p) => p.index));
    },

    review: reviewAction,

    async saveSelection() {
      const current = run;
      const selection = doc.getSelection();
      if (!current || !selection || selection.isCollapsed || selection.rangeCount === 0)
        return null;
      const range = selection.getRangeAt(0);
      const span = selectionSpan(current.map, current.analysis.article.text, range);
      if (!span) return null;
      const analysis = current.analysis;
      const { text } = analysis.article;
      const found = await findInSelection({
        quote: text.slice(span.start, span.end),
        referenceDate: analysis.article.publishedAt,
        titleAndLead: `${analysis.article.title}\n${text.slice(0, 400)}`,
      });
      const input = selectionSnippet(text, span.start, span.end, found);
      return saveInputs(current, [input]);
    },

    toggleKind(kind) {
      const hidden = view.hiddenKinds.includes(kind)
        ? view.hiddenKinds.filter((k) => k !== kind)
        : [...view.hiddenKinds, kind];
      update({ hiddenKinds: hidden, card: null });
      paint();
    },

    toggleAll() {
      update({ enabled: !view.enabled, card: null });
      paint();
      return view.enabled;
    },

    move(step) {
      const next = nextFocus(view, step);
      if (next !== undefined) controller.focusItem(next);
    },

    focusItem(index) {
      const item = view.items[index];
      if (!item) return;
      item.range?.startContainer.parentElement?.scrollIntoView({
        block: "center",
        behavior: "auto",
      });
      update({ focus: index, card: { index, pinned: true, focus: true } });
      paint();
    },

    openCard(index, options) {
      if (!view.items[index]) return;
      update({ card: { index, ...options } });
    },

    closeCard() {
      if (view.card) update({ card: null });
    },

    itemAtPoint: (node, offset, x, y) => itemAtPoint(view, node, offset, x, y),

    articleSource: () => ({ title: view.title, url: view.url }),
    ...actions.controls,

    dispose() {
      disposed = true;
      registry?.dispose();
      registry = null;
      listeners.clear();
    },
  };

  async function saveInputs(current: ArticleRun, inputs: SnippetInput[]): Promise<SaveResponse> {
    const article = articleInput(current.analysis, url());
    const response = await sendSave({ article, snippets: inputs }, update);
    if (response.ok) await refreshSaved(current);
    return response;
  }

  return controller;
}
