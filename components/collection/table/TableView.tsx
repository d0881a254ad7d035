/**
 * The collection page's table view: the collection's search and filters, then the table of the
 * results (sorted, grouped, selectable), the actions on the selection, and the item the reader
 * opened (Enter or a double click) in the editor, with its article's saved text a click away.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  groupRows,
  idRange,
  nextSort,
  type SortSpec,
  sortRows,
  tableLines,
  withIds,
} from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";
import { effectiveEntry } from "../../../lib/snippets/review.ts";
import { ListingFrame } from "../ListingFrame.tsx";
import type { ListingProps } from "../listing.ts";
import { PageChangeBadge } from "../PageChangeBadge.tsx";
import { SnippetEditor } from "../SnippetEditor.tsx";
import { usePrintRender } from "../use-print-render.ts";
import { BulkActions } from "./BulkActions.tsx";
import { COLUMNS, columnById, groupOf } from "./columns.ts";
import { PrintTable } from "./PrintTable.tsx";
import { SnippetTable } from "./SnippetTable.tsx";
import { TableToolbar } from "./TableToolbar.tsx";
import { useTablePrefs } from "./use-table-prefs.ts";

export interface TableViewProps extends ListingProps {
  /** Adds the tag to the snippets; resolves with how many took it. */
  onTag(ids: string[], tag: string): Promise<number>;
  /** The snippet opened in the editor when the view first shows (a card's "Sửa"). */
  initialOpened?: string | null;
}

export function TableView(props: TableViewProps) {
  const { results } = props;
  const [prefs, setPrefs] = useTablePrefs();
  const [sort, setSort] = useState<SortSpec | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const [opened, setOpened] = useState<string | null>(props.initialOpened ?? null);
  const openedRef = useRef<HTMLElement>(null);

  const columns = useMemo(() => COLUMNS.filter((c) => !prefs.hidden.includes(c.id)), [prefs]);
  // What the rows show and sort by: the reader's corrected values (selection and exports keep the
  // stored records, so the JSON stays lossless).
  const rows = useMemo(() => results.map(effectiveEntry), [results]);
  const sorted = useMemo(() => {
    const column = sort ? columnById(sort.column) : undefined;
    return sort && column ? sortRows(rows, column.sortValue, sort.direction) : rows;
  }, [rows, sort]);
  const groups = useMemo(
    () => (prefs.groupBy === "none" ? null : groupRows(sorted, groupOf(prefs.groupBy))),
    [sorted, prefs.groupBy],
  );
  const lines = useMemo(() => tableLines(sorted, groups, collapsed), [sorted, groups, collapsed]);
  // The printout: every row, no group folded (built only when the page prints).
  const printHost = useRef<HTMLDivElement>(null);
  usePrintRender(printHost, () => (
    <PrintTable lines={tableLines(sorted, groups, new Set())} columns={columns} />
  ));
  // Nothing selected (the usual case): no pass over the 10,000 rows for the selection.
  const selectedEntries = useMemo(
    () => (selected.size === 0 ? [] : results.filter((entry) => selected.has(entry.snippet.id))),
    [results, selected],
  );

  // What the filter no longer shows (or is deleted) is no longer selected.
  useEffect(() => {
    if (selectedEntries.length < selected.size) {
      setSelected(new Set(selectedEntries.map((entry) => entry.snippet.id)));
    }
  }, [selectedEntries, selected]);

  useEffect(() => {
    // For the benchmark and tests: the frame after the table first showed rows.
    if (lines.length === 0 || performance.getEntriesByName("gvn:table-rendered").length > 0) return;
    requestAnimationFrame(() =>
      performance.mark("gvn:table-rendered", { detail: { lines: lines.length } }),
    );
  }, [lines.length]);

  const select = (id: string, mode: "toggle" | "range") => {
    if (mode === "range") {
      // The snippet ids in the order the table shows them: a range follows it.
      const order = lines.flatMap((line) => (line.type === "row" ? [line.row.snippet.id] : []));
      const range = idRange(order, anchor.current, id);
      setSelected((previous) => withIds(previous, range, true));
    } else {
      setSelected((previous) => withIds(previous, [id], !previous.has(id)));
    }
    anchor.current = id;
  };

  const openedEntry = opened ? results.find((entry) => entry.snippet.id === opened) : undefined;
  // An opened item takes the focus (its first field), as a row's Enter asks; one opened from the
  // page's card does once the collection holding it has loaded.
  const openedShown = openedEntry !== undefined;
  useEffect(() => {
    if (opened && openedShown)
      openedRef.current?.querySelector<HTMLElement>("textarea, input, select")?.focus();
  }, [opened, openedShown]);
  const closeEditor = () => {
    const id = opened;
    setOpened(null);
    // Back to the row the reader opened.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`tr[data-snippet-row="${id}"]`)?.focus(),
    );
  };

  return (
    <ListingFrame class="collection table-view" listing={props}>
      <TableToolbar
        groupBy={prefs.groupBy}
        onGroupBy={(groupBy) => {
          setCollapsed(new Set());
          setPrefs({ groupBy });
        }}
        hidden={prefs.hidden}
        onHidden={(hidden) => setPrefs({ hidden })}
      />
      <BulkActions
        selected={selectedEntries}
        onTag={(tag) =>
          props.onTag(
            selectedEntries.map((e) => e.snippet.id),
            tag,
          )
        }
        onDelete={async () => {
          const records = await props.onDelete(selectedEntries.map((e) => e.snippet.id));
          setSelected(new Set());
          return records;
        }}
        onRestore={props.onRestore}
        loadStored={() => props.loadStored(selectedEntries.map((e) => e.snippet.id))}
        onReview={(status) =>
          props.onReview(
            selectedEntries.map((e) => e.snippet.id),
            status,
          )
        }
        onClear={() => setSelected(new Set())}
      />
      {openedEntry && (
        <section
          ref={openedRef}
          class="opened-item"
          aria-label={t("openedItem")}
          data-opened={opened}
        >
          <p class="quote">{openedEntry.snippet.text}</p>
          <PageChangeBadge snippet={openedEntry.snippet} onDecide={props.onPageChange} />
          <SnippetEditor
            snippet={openedEntry.snippet}
            onCancel={closeEditor}
            onSave={async (changes) => {
              try {
                await props.onEdit(openedEntry.snippet.id, changes);
                closeEditor();
              } catch {
                // Not written: the editor stays open with the reader's changes.
              }
            }}
          />
          {props.onOpenArticle && openedEntry.article && (
            <button
              type="button"
              onClick={() => props.onOpenArticle?.(openedEntry.snippet.articleId)}
            >
              {t("readArticle")}
            </button>
          )}
        </section>
      )}
      <div ref={printHost} class="print-only" data-print-table="" />
      {results.length === 0 ? (
        <p class="muted">{t("noMatches")}</p>
      ) : (
        <SnippetTable
          lines={lines}
          columns={columns}
          sort={sort}
          onSort={(column) => setSort(nextSort(sort, column))}
          selected={selected}
          selectedShown={selectedEntries.length}
          rowsShown={results.length}
          onSelect={select}
          onSelectAll={(on) => {
            setSelected(on ? new Set(results.map((entry) => entry.snippet.id)) : new Set());
            anchor.current = null;
          }}
          onToggleGroup={(key) =>
            setCollapsed((previous) => withIds(previous, [key], !previous.has(key)))
          }
          onOpen={(entry) => setOpened(entry.snippet.id)}
          onReview={(entry, status) => {
            // A failure is shown by the app; the row keeps its status.
            props.onReview([entry.snippet.id], status).catch(() => undefined);
          }}
        />
      )}
    </ListingFrame>
  );
}
