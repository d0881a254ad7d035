/**
 * Sending a save to the background with the panel's busy state and status: a failure (the
 * background unreachable, a storage failure) becomes an answer with a readable error, never a
 * rejection.
 */
import { t } from "@/lib/i18n/index.ts";
import { type SaveRequest, type SaveResponse, sendMessage } from "@/lib/messaging/protocol.ts";
import { sendIdempotent } from "@/lib/messaging/retry.ts";
import type { PageView } from "./page-view.ts";

export async function sendSave(
  request: SaveRequest,
  update: (patch: Partial<PageView>) => void,
): Promise<SaveResponse> {
  update({ busy: true, status: t("panelSaving") });
  let response: SaveResponse;
  try {
    // Saving is idempotent (stable snippet ids): sent again when the worker stopped mid-way.
    response = await sendIdempotent(() => sendMessage("saveSnippets", request));
  } catch (error) {
    response = {
      ok: false,
      saved: [],
      created: 0,
      alreadySaved: 0,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  update(
    response.ok
      ? { busy: false, status: null }
      : { busy: false, status: t("saveFailed", response.error ?? "") },
  );
  return response;
}
