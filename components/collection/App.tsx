/**
 * The collection interface, shared by the popup (≤ 800×600, with "Trang này")
 * and the full-tab collection page (with each article's offline text).
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import {
  type CompareSource,
  createSearchIndex,
  joinEntries,
  type SnippetFilter,
} from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import type { ChangeDecision } from "../../lib/messaging/protocol.ts";
import type { ReviewStatus, SnippetRecord } from "../../lib/snippets/types.ts";
import type { CollectionDb } from "../../lib/storage/index.ts";
import {
  acceptPageChange,
  articleCopies,
  correctSnippet,
  deleteSnippets,
  errorMessage,
  keepSavedFigure,
  rematchResult,
  restoreSnippets,
  setReview,
  splitCopy,
  storedArticle,
  storedEntries,
  tagSnippets,
  unmatchResult,
  updateSnippet,
} from "../../lib/storage/index.ts";
import { ArticleAddresses } from "./ArticleAddresses.tsx";
import { ArticleText } from "./ArticleText.tsx";
import { CollectionList } from "./CollectionList.tsx";
import { useLazyView } from "./lazy-view.ts";
import { NarrowingSearch } from "./narrow-search.ts";
import type { SnippetChanges } from "./SnippetEditor.tsx";
import { Tabs } from "./Tabs.tsx";
import { ThisPage } from "./ThisPage.tsx";
import { useCollection } from "./use-collection.ts";
import { ViewSwitch } from "./ViewSwitch.tsx";
import { loadCompare, loadProgress, loadTable, loadTransfer } from "./view-loaders.ts";

type TabKey = "page" | "collection" | "compare" | "progress" | "transfer";
/** How the collection page shows the collection: the table (its main view) or the list. */
export type CollectionView = "table" | "list";

export function App(props: {
  db: CollectionDb;
  mode: "popup" | "page";
  initialTab?: TabKey;
  initialView?: CollectionView;
  /** A snippet to open in the table's editor at once (`collection.html?edit=<id>`). */
  initialEdit?: string | null;
  /** The comparison's columns to start with (`collection.html?tab=compare&sources=…`). */
  initialCompareSources?: CompareSource[];
}) {
  const { db, mode } = props;
  const state = useCollection(db);
  const [tab, setTab] = useState<TabKey>(
    props.initialTab ?? (mode === "popup" ? "page" : "collection"),
  );
  const [filter, setFilter] = useState<SnippetFilter>({});
  const [view, setView] = useState<CollectionView>(props.initialView ?? "table");
  const [reading, setReading] = useState<string | null>(null);
  /** Why the last edit, delete or undo could not be written (cleared by the next that is). */
  const [writeError, setWriteError] = useState<string | null>(null);
  const entries = useMemo(
    () => joinEntries(state.articles, state.snippets),
    [state.articles, state.snippets],
  );
  const filtering = Object.values(filter).some((v) =>
    Array.isArray(v) ? v.length > 0 : Boolean(v),
  );
  // The search index is built on the first search (then kept), not before the first render.
  const searched = useRef(false);
  searched.current ||= filtering;
  // A keystroke that narrows the last search scans only the last results (narrow-search.ts).
  const search = useMemo(
    () => (searched.current ? new NarrowingSearch(createSearchIndex(entries)) : null),
    [entries, searched.current],
  );
  const filtered = useMemo(
    () => (search ? search.search(filter) : entries),
    [search, filter, entries],
  );
  const Compare = useLazyView(tab === "compare" ? loadCompare : null);
  const Transfer = useLazyView(tab === "transfer" ? loadTransfer : null);
  const Progress = useLazyView(mode === "page" && tab === "progress" ? loadProgress : null);
  const TableView = useLazyView(mode === "page" && view === "table" ? loadTable : null);

  useEffect(() => {
    // For the benchmark and tests: the first render with data (perhaps only the newest
    // snippets), then the render with the whole collection loaded.
    const mark = (name: string) => {
      if (performance.getEntriesByName(name).length > 0) return;
      const detail = {
        snippets: state.snippets.length,
        total: state.total,
        partial: state.partial,
      };
      requestAnimationFrame(() => performance.mark(name, { detail }));
    };
    if (state.loading) return;
    mark("gvn:collection-rendered");
    if (!state.partial) mark("gvn:collection-loaded");
  }, [state.loading, state.partial, state.snippets.length, state.total]);

  useEffect(() => {
    // Ask the browser to keep the collection when space runs low (best effort).
    navigator.storage?.persist?.().catch(() => false);
  }, []);

  const tabs = [
    ...(mode === "popup" ? [{ key: "page" as const, label: t("tabThisPage") }] : []),
    { key: "collection" as const, label: t("tabCollection") },
    { key: "compare" as const, label: t("tabCompare") },
    ...(mode === "page" ? [{ key: "progress" as const, label: t("tabProgress") }] : []),
    { key: "transfer" as const, label: t("tabTransfer") },
  ];

  /** Runs a write; a failure is shown (and passed on, so the caller keeps the reader's input). */
  const write = async <T,>(action: () => Promise<T>): Promise<T> => {
    try {
      const result = await action();
      setWriteError(null);
      return result;
    } catch (error) {
      setWriteError(errorMessage(error));
      throw error;
    }
  };

  /** The note and tags, then the corrections when the reader changed or reverted a field. */
  const edit = async (id: string, changes: SnippetChanges) => {
    await write(async () => {
      await updateSnippet(db, id, { note: changes.note, tags: changes.tags });
      if (Object.keys(changes.corrections).length > 0)
        await correctSnippet(db, id, changes.corrections);
    });
  };
  const decidePageChange = async (id: string, decision: ChangeDecision) => {
    await write(() => (decision === "accept" ? acceptPageChange(db, id) : keepSavedFigure(db, id)));
  };

  const review = async (ids: string[], status: ReviewStatus) => {
    await write(() => setReview(db, ids, status));
  };

  /** What the list and the table both show and do. */
  const listing = {
    entries,
    results: filtered,
    partial: state.partial,
    filter,
    onFilter: setFilter,
    onEdit: edit,
    onReview: review,
    onDelete: (ids: string[]) => write(() => deleteSnippets(db, ids)),
    onRestore: (records: SnippetRecord[]) => write(() => restoreSnippets(db, records)),
    onPageChange: decidePageChange,
    loadStored: (ids: string[]) => storedEntries(db, ids),
  };

  const article = reading ? state.articles.find((a) => a.id === reading) : undefined;

  return (
    <main class={`app mode-${mode}`}>
      <header class="app-head">
        <h1>{t("appTitle")}</h1>
        {mode === "popup" && (
          <button
            type="button"
            onClick={() => {
              void browser.tabs.create({ url: browser.runtime.getURL("/collection.html") });
              window.close();
            }}
          >
            {t("openFullTab")}
          </button>
        )}
      </header>
      {state.blocked && (
        <p class="error banner" role="alert" data-storage-blocked="">
          {t("storageBlockedOpen")}
        </p>
      )}
      {state.error && (
        <p class="error banner" role="alert" data-storage-error="">
          {t("storageError", state.error)}
        </p>
      )}
      {writeError && (
        <p class="error banner" role="alert" data-write-error="">
          {t("writeFailed", writeError)}
        </p>
      )}
      {article ? (
        <ArticleText
          article={article}
          version={state.snippets}
          loadStored={() => storedArticle(db, article.id)}
          onBack={() => setReading(null)}
        >
          <ArticleAddresses
            article={article}
            version={state.snippets}
            loadCopies={() => articleCopies(db, article.id)}
            onSplit={(url) => write(() => splitCopy(db, url))}
          />
        </ArticleText>
      ) : (
        <Tabs<TabKey> tabs={tabs} selected={tab} onSelect={setTab} label={t("appTitle")}>
          {(state.loading || (state.partial && tab !== "collection")) && tab !== "page" ? (
            <p>{t("loading")}</p>
          ) : tab === "page" ? (
            <ThisPage />
          ) : tab === "collection" ? (
            // Unreadable and nothing shown yet: the alert says why, not "the collection is empty".
            state.error && entries.length === 0 ? null : mode === "page" && view === "table" ? (
              <>
                <ViewSwitch view={view} onView={setView} />
                {TableView ? (
                  <TableView
                    {...listing}
                    onTag={(ids, tag) => write(() => tagSnippets(db, ids, tag))}
                    initialOpened={props.initialEdit ?? null}
                    onOpenArticle={setReading}
                  />
                ) : (
                  <p>{t("loading")}</p>
                )}
              </>
            ) : (
              <>
                {mode === "page" && <ViewSwitch view={view} onView={setView} />}
                <CollectionList
                  {...listing}
                  onOpenArticle={mode === "page" ? setReading : undefined}
                />
              </>
            )
          ) : tab === "compare" ? (
            Compare ? (
              <Compare entries={entries} mode={mode} initialSources={props.initialCompareSources} />
            ) : (
              <p>{t("loading")}</p>
            )
          ) : tab === "progress" ? (
            Progress ? (
              <Progress
                entries={entries}
                onUnmatch={(resultId, targetId) =>
                  write(() => unmatchResult(db, resultId, targetId))
                }
                onRematch={(resultId, targetId) =>
                  write(() => rematchResult(db, resultId, targetId))
                }
              />
            ) : (
              <p>{t("loading")}</p>
            )
          ) : Transfer ? (
            <Transfer db={db} all={entries} filtered={filtered} articles={state.articles} />
          ) : (
            <p>{t("loading")}</p>
          )}
        </Tabs>
      )}
    </main>
  );
}
