/**
 * "Trang này": the items the content script found on the active tab, grouped
 * by kind, each with save; "save all"; saved snippets it could not place.
 */
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import type { ItemKind } from "../../lib/extract/types.ts";
import { t } from "../../lib/i18n/index.ts";
import { fieldRows, kindLabel } from "../../lib/i18n/item-format.ts";
import {
  type PageItemsResponse,
  sendMessage,
  type TabState,
  tabStateKey,
} from "../../lib/messaging/protocol.ts";
import { ChangeNotice } from "../ChangeNotice.tsx";
import { oversizedReason } from "../PagePanel.tsx";

const KINDS: ItemKind[] = ["target", "result", "deadline"];

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function ThisPage() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [page, setPage] = useState<PageItemsResponse | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const load = async (id: number | undefined) => {
    if (id === undefined) return setLoaded(true);
    // Only a tab whose content script reported an article has someone to answer.
    const key = tabStateKey(id);
    const stored = await browser.storage.session.get(key).catch(() => ({}));
    const state = (stored as Record<string, TabState | undefined>)[key];
    if (!state?.recognised) {
      setPage(null);
      return setLoaded(true);
    }
    const answer = await sendMessage("pageItems", undefined, id).catch(() => null);
    setPage(answer ?? null);
    setLoaded(true);
  };
  useEffect(() => {
    activeTabId().then((id) => {
      setTabId(id);
      return load(id);
    });
  }, []);

  const save = async (indices: number[] | "all") => {
    if (tabId === undefined) return;
    setStatus(t("panelSaving"));
    const answer = await sendMessage("savePageItems", indices, tabId).catch(() => null);
    setStatus(answer && !answer.ok ? t("saveFailed", answer.error ?? "") : null);
    await load(tabId);
  };

  const decide = async (id: string, decision: "accept" | "keep") => {
    if (tabId === undefined) return;
    const done = await sendMessage("decideChange", { id, decision }, tabId).catch(() => false);
    setStatus(done ? null : t("saveFailed", ""));
    await load(tabId);
  };

  if (!loaded) return <p>{t("loading")}</p>;
  if (!page?.recognised) return <p class="muted">{t("thisPageNone")}</p>;
  if (page.oversized) {
    return (
      <div class="this-page">
        <h2 class="page-title">{page.title}</h2>
        <p class="muted" data-oversized={page.oversized.limit}>
          {t("panelOversized", oversizedReason(page.oversized))}
        </p>
      </div>
    );
  }
  const count = (kind: ItemKind) => page.items.filter((p) => p.item.kind === kind).length;
  const unsaved = page.items.filter((p) => !p.saved).length;
  return (
    <div class="this-page">
      <h2 class="page-title">{page.title}</h2>
      <p class="muted">
        {t("thisPageCounts", count("target"), count("result"), count("deadline"))}
      </p>
      <button
        type="button"
        class="primary"
        disabled={unsaved === 0}
        onClick={() => void save("all")}
        data-action="save-all"
      >
        {unsaved === 0 ? t("panelAllSaved") : t("actionSaveAll")}
      </button>
      {status && <p role="status">{status}</p>}
      {KINDS.map((kind) => {
        const items = page.items.filter((p) => p.item.kind === kind);
        if (items.length === 0) return null;
        return (
          <section key={kind} class="kind-group" aria-label={kindLabel(kind)}>
            <h3>
              {kindLabel(kind)} ({items.length})
            </h3>
            <ul class="items">
              {items.map((p) => (
                <li key={p.index} class={`item kind-${kind}`}>
                  <p class="quote">{p.item.text}</p>
                  <p class="fields">
                    {fieldRows(p.item)
                      .map(([label, value]) => `${label}: ${value}`)
                      .join(" · ")}
                  </p>
                  <button
                    type="button"
                    disabled={p.saved}
                    onClick={() => void save([p.index])}
                    data-action="save"
                  >
                    {p.saved ? t("stateSaved") : t("actionSave")}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {(page.changes ?? []).length > 0 && (
        <section class="changes" aria-label={t("pageChanged")}>
          <h3>{t("panelChanged", page.changes?.length ?? 0)}</h3>
          <ul class="items">
            {page.changes?.map(({ id, kind, saved, change }) => (
              <li key={id} class={`item kind-${kind}`} data-changed-snippet={id}>
                <p class="quote">{saved.text}</p>
                <ChangeNotice
                  kind={kind}
                  saved={saved}
                  now={change}
                  onAccept={() => void decide(id, "accept")}
                  onKeep={() => void decide(id, "keep")}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {page.orphans.length > 0 && (
        <section class="orphans" aria-label={t("thisPageOrphans")}>
          <h3>{t("thisPageOrphans")}</h3>
          <ul>
            {page.orphans.map((orphan) => (
              <li key={orphan.id}>
                <span class="tag">{kindLabel(orphan.kind)}</span> {orphan.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
