/**
 * What the reader does with saved snippets the page changed under: a figure the page now gives
 * differently is recorded on its snippet and the reader takes the new one or keeps the saved one;
 * an orphan is re-attached to text the reader selects (from the panel, or the context menu). All
 * writes go to the background (lib/storage there); the page then places its snippets again.
 */
import { describeSpan } from "@/lib/anchoring/index.ts";
import type { TextMap } from "@/lib/dom/text-map.ts";
import { t } from "@/lib/i18n/index.ts";
import { type ChangeDecision, type ReattachAnswer, sendMessage } from "@/lib/messaging/protocol.ts";
import type { ChangedSnippet, PageController, PageView } from "./page-view.ts";
import { selectionSpan } from "./positions.ts";

/** What the actions need of the page controller. */
export interface SavedActionsHost {
  doc: Document;
  /** The article being shown: its text and the map of that text onto the page, or null. */
  article(): { text: string; map: TextMap } | null;
  getView(): PageView;
  update(patch: Partial<PageView>): void;
  /** Fetches the article's saved snippets again and places them (highlights, panel, badge). */
  refresh(): Promise<void>;
}

interface SavedActions {
  /** Records on their snippets the changes not recorded yet (once per new text). */
  noteChanges(changes: readonly ChangedSnippet[]): void;
  /** The controller's methods for the reader's choices. */
  controls: Pick<
    PageController,
    "decideChange" | "rememberSelection" | "reattach" | "reattachSelection"
  >;
}

function failure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createSavedActions(host: SavedActionsHost): SavedActions {
  /** The selection as it was when the reader reached for a panel button. */
  let remembered: { start: number; end: number } | null = null;

  const selectedSpan = () => {
    const article = host.article();
    const selection = host.doc.getSelection();
    if (!article || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    return selectionSpan(article.map, article.text, selection.getRangeAt(0));
  };

  const attach = async (id: string, span: { start: number; end: number }): Promise<boolean> => {
    const article = host.article();
    if (!article) return false;
    const anchor = describeSpan(article.text, span.start, span.end);
    host.update({ busy: true, status: null });
    try {
      const record = await sendMessage("reattachSnippet", { id, anchor, snapshot: article.text });
      if (!record) throw new Error(t("reattachGone"));
    } catch (error) {
      host.update({ busy: false, status: t("reattachFailed", failure(error)) });
      return false;
    }
    remembered = null;
    host.update({ busy: false, reattachPick: false, status: t("reattachDone") });
    await host.refresh();
    return true;
  };

  const noteChanges = (changes: readonly ChangedSnippet[]) => {
    const fresh = changes
      .filter(({ snippet, change }) => snippet.pageChange?.text !== change.text)
      .map(({ snippet, change }) => ({ id: snippet.id, change }));
    if (fresh.length === 0) return;
    sendMessage("notePageChanges", fresh).catch(() => {
      // Shown on the page all the same; recorded with the reader's choice, or on the next visit.
    });
  };

  const controls: SavedActions["controls"] = {
    async decideChange(id: string, decision: ChangeDecision) {
      const article = host.article();
      const changed = host.getView().changes.find((c) => c.snippet.id === id);
      if (!article || !changed) return;
      host.update({ busy: true, status: null });
      try {
        await sendMessage("decidePageChange", {
          id,
          decision,
          change: changed.change,
          snapshot: article.text,
        });
      } catch (error) {
        host.update({ busy: false, status: t("saveFailed", failure(error)) });
        return;
      }
      host.update({ busy: false });
      await host.refresh();
    },

    rememberSelection() {
      const span = selectedSpan();
      // A pick started from the context menu keeps its selection when the click cleared it.
      if (span || !host.getView().reattachPick) remembered = span;
    },

    async reattach(id) {
      const span = remembered ?? selectedSpan();
      if (!span) {
        host.update({ status: t("reattachNeedSelection") });
        return false;
      }
      return attach(id, span);
    },

    async reattachSelection(): Promise<ReattachAnswer> {
      const span = selectedSpan();
      const { orphans } = host.getView();
      if (!span) {
        host.update({ status: t("reattachNeedSelection") });
        return "no-selection";
      }
      if (orphans.length === 0) {
        host.update({ status: t("reattachNoOrphans") });
        return "no-orphans";
      }
      const only = orphans.length === 1 ? orphans[0] : undefined;
      if (only) return (await attach(only.id, span)) ? "reattached" : "failed";
      remembered = span;
      host.update({ reattachPick: true, status: t("reattachPick") });
      return "pick";
    },
  };
  return { noteChanges, controls };
}
