/**
 * The reader's review of saved items from the page (the card's Duyệt / Loại bỏ, the panel's a/x/u
 * keys): written by the background through lib/storage, then the page places its snippets again
 * so the items show their new status.
 */
import { t } from "@/lib/i18n/index.ts";
import { sendMessage } from "@/lib/messaging/protocol.ts";
import type { PageController } from "./page-view.ts";
import type { SavedActionsHost } from "./saved-actions.ts";

export function createReviewAction(host: SavedActionsHost): PageController["review"] {
  return async (indices, status) => {
    const items = host.getView().items;
    // The saved record's own id: another copy's, for an article saved from another portal.
    const ids = indices.flatMap((i) => {
      const item = items[i];
      return item?.saved ? [item.savedId ?? item.snippetId] : [];
    });
    if (!host.article() || ids.length === 0) return;
    const response = await sendMessage("reviewSnippets", { ids, status }).catch(
      (error: unknown) => ({ ok: false, reviewed: [], error: String(error) }),
    );
    if (!response.ok) host.update({ status: t("saveFailed", response.error ?? "") });
    else await host.refresh();
  };
}
