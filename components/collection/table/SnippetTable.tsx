/**
 * The collection's table: a WAI-ARIA treegrid (rows focusable, group headers expandable) with a
 * sticky header whose buttons sort (aria-sort), a checkbox per row, virtualised rows. Keys (one
 * tab stop, roving tabindex on the rows): ↑/↓, Home/End, PageUp/PageDown move; Space selects
 * (Shift: the range from the last selected); Shift+↑/↓ extend the selection; Enter opens the item
 * (or folds a group); → unfolds, ← folds a group or goes to the row's group.
 */
import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ListedEntry, SortSpec, TableLine } from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";
import type { ReviewStatus } from "../../../lib/snippets/types.ts";
import type { TableColumn } from "./columns.ts";
import { useVirtualRows } from "./use-virtual-rows.ts";

/** Every row is this tall (px): the virtualiser needs no measuring. */
export const ROW_HEIGHT = 32;
const PAGE_ROWS = 15;

type Line = TableLine<ListedEntry>;

/** A line's stable key: the group's or the snippet's id. */
export function lineKey(line: Line): string {
  return line.type === "group" ? `g:${line.key}` : `r:${line.row.snippet.id}`;
}

/** The index of the line with `key` (-1: none), without making each line's key. */
function indexOfKey(lines: readonly Line[], key: string): number {
  const id = key.slice(2);
  const group = key.startsWith("g:");
  return lines.findIndex((line) =>
    group
      ? line.type === "group" && line.key === id
      : line.type === "row" && line.row.snippet.id === id,
  );
}

export interface SnippetTableProps {
  lines: Line[];
  columns: readonly TableColumn[];
  sort: SortSpec | null;
  onSort(column: string): void;
  selected: ReadonlySet<string>;
  /** How many of the rows shown are selected (for the header's checkbox). */
  selectedShown: number;
  rowsShown: number;
  /** `toggle`: one row on/off; `range`: from the selection's anchor to this row, on. */
  onSelect(id: string, mode: "toggle" | "range"): void;
  onSelectAll(on: boolean): void;
  onToggleGroup(key: string): void;
  onOpen(entry: ListedEntry): void;
  /** The keyboard pass on a focused row: a accept, x reject, u unreview. */
  onReview(entry: ListedEntry, status: ReviewStatus): void;
}

/** The review keys of the table (as in the list). */
const REVIEW_KEYS: Record<"a" | "x" | "u", ReviewStatus> = {
  a: "accepted",
  x: "rejected",
  u: "unreviewed",
};

/**
 * The scrolling box's height as app.css sets it for a full collection (`.table-scroll`:
 * `max-height: calc(100vh - 140px)`, `min-height: 240px`).
 */
function expectedBoxHeight(): number {
  return Math.max(240, window.innerHeight - 140);
}

export function SnippetTable(props: SnippetTableProps) {
  const { lines, columns } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  /** Set by a key press: move the browser's focus to the focused row once it is rendered. */
  const moveFocus = useRef(false);
  const focusIndex = useMemo(() => {
    // A line gone (deleted, filtered out, folded away): the first one.
    return Math.max(0, focusKey === null ? -1 : indexOfKey(lines, focusKey));
  }, [lines, focusKey]);
  const rows = useVirtualRows({
    count: lines.length,
    rowHeight: ROW_HEIGHT,
    getScrollElement: () => scrollRef.current,
    initialHeight: expectedBoxHeight(),
    keep: focusIndex,
  });

  useLayoutEffect(() => {
    if (!moveFocus.current) return;
    const line = lines[focusIndex];
    const row = line
      ? tableRef.current?.querySelector<HTMLElement>(`tr[data-line="${focusIndex}"]`)
      : null;
    if (row) {
      moveFocus.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const focusLine = (index: number) => {
    const target = lines[Math.max(0, Math.min(lines.length - 1, index))];
    if (!target) return undefined;
    moveFocus.current = true;
    setFocusKey(lineKey(target));
    rows.scrollToIndex(lines.indexOf(target));
    return target;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const line = lines[focusIndex];
    if (!line || event.altKey || event.ctrlKey || event.metaKey) return;
    const move = (to: number) => {
      event.preventDefault();
      const target = focusLine(to);
      if (event.shiftKey && target?.type === "row") props.onSelect(target.row.snippet.id, "range");
    };
    switch (event.key) {
      case "ArrowDown":
        return move(focusIndex + 1);
      case "ArrowUp":
        return move(focusIndex - 1);
      case "PageDown":
        return move(focusIndex + PAGE_ROWS);
      case "PageUp":
        return move(focusIndex - PAGE_ROWS);
      case "Home":
        return move(0);
      case "End":
        return move(lines.length - 1);
      case " ":
      case "Enter":
        event.preventDefault();
        if (line.type === "group") props.onToggleGroup(line.key);
        else if (event.key === "Enter") props.onOpen(line.row);
        else props.onSelect(line.row.snippet.id, event.shiftKey ? "range" : "toggle");
        return;
      case "ArrowRight":
        if (line.type === "group" && line.collapsed) {
          event.preventDefault();
          props.onToggleGroup(line.key);
        }
        return;
      case "a":
      case "x":
      case "u":
        if (line.type !== "row" || event.shiftKey) return;
        event.preventDefault();
        props.onReview(line.row, REVIEW_KEYS[event.key]);
        return;
      case "ArrowLeft":
        event.preventDefault();
        if (line.type === "group") {
          if (!line.collapsed) props.onToggleGroup(line.key);
        } else if (line.group !== null) {
          focusLine(indexOfKey(lines, `g:${line.group}`));
        }
        return;
    }
  };

  const sortState = (column: string) =>
    props.sort?.column === column
      ? props.sort.direction === "asc"
        ? "ascending"
        : "descending"
      : "none";
  const items = rows.items;
  const bottom = rows.totalSize - (items[items.length - 1]?.end ?? 0);
  const span = columns.length + 1;
  const all = props.rowsShown > 0 && props.selectedShown === props.rowsShown;

  return (
    <div class="table-scroll" ref={scrollRef}>
      <table
        ref={tableRef}
        class="snippet-table"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table as a treegrid is the WAI-ARIA pattern (APG's treegrid example)
        role="treegrid"
        aria-label={t("tableLabel")}
        aria-multiselectable="true"
        aria-rowcount={lines.length + 1}
      >
        <colgroup>
          <col class="w-check" />
          {columns.map((column) => (
            <col key={column.id} class={column.width} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="check">
              <input
                type="checkbox"
                aria-label={t("selectAllShown")}
                checked={all}
                indeterminate={!all && props.selectedShown > 0}
                disabled={props.rowsShown === 0}
                onChange={() => props.onSelectAll(!all)}
                data-select-all=""
              />
            </th>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={sortState(column.id)}
                data-column={column.id}
              >
                <button
                  type="button"
                  class="sort"
                  title={t("sortBy", t(column.header))}
                  onClick={() => props.onSort(column.id)}
                >
                  {t(column.header)}
                  <span aria-hidden="true" class="sort-mark">
                    {sortState(column.id) === "ascending"
                      ? " ▲"
                      : sortState(column.id) === "descending"
                        ? " ▼"
                        : ""}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {items.map((item, n) => {
            const line = lines[item.index];
            if (!line) return null;
            const gap = item.start - (n === 0 ? 0 : (items[n - 1]?.end ?? 0));
            return [gap > 0 && spacer(`gap-${item.index}`, gap), renderLine(item.index, line)];
          })}
          {bottom > 0 && spacer("end", bottom)}
        </tbody>
      </table>
    </div>
  );

  /** An empty row standing for the rows not rendered (the scroll height stays right). */
  function spacer(key: string, height: number) {
    return (
      // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row, never focusable (no tabindex)
      <tr key={key} aria-hidden="true" class="spacer" style={{ height: `${height}px` }} />
    );
  }

  function renderLine(index: number, line: Line) {
    const common = {
      "data-line": index,
      "aria-rowindex": index + 2,
      tabIndex: index === focusIndex ? 0 : -1,
      onFocus: () => setFocusKey(lineKey(line)),
    };
    if (line.type === "group") {
      return (
        <tr
          key={lineKey(line)}
          {...common}
          class="group-row"
          aria-level={1}
          aria-expanded={!line.collapsed}
          data-group={line.key}
          onClick={() => props.onToggleGroup(line.key)}
        >
          <td colSpan={span}>
            <span aria-hidden="true" class="fold">
              {line.collapsed ? "▸" : "▾"}
            </span>{" "}
            <span class="group-label">{line.label || t("groupUnknown")}</span>{" "}
            <span class="muted" data-group-count={line.count}>
              · {t("groupCount", line.count)}
            </span>
          </td>
        </tr>
      );
    }
    const { snippet } = line.row;
    const isSelected = props.selected.has(snippet.id);
    return (
      <tr
        key={lineKey(line)}
        {...common}
        class={`entry-row kind-${snippet.kind}${isSelected ? " selected" : ""}`}
        aria-level={line.group === null ? undefined : 2}
        aria-selected={isSelected}
        data-snippet-row={snippet.id}
        onClick={(event) => {
          if (event.shiftKey) props.onSelect(snippet.id, "range");
          else if (event.ctrlKey || event.metaKey) props.onSelect(snippet.id, "toggle");
        }}
        onDblClick={() => props.onOpen(line.row)}
      >
        <td class="check">
          <input
            type="checkbox"
            tabIndex={-1}
            checked={isSelected}
            aria-label={t("selectRow", valueOrQuote(line.row))}
            onClick={(event) => {
              // The state decides what is checked (a shift-click may select a range).
              event.preventDefault();
              event.stopPropagation();
              props.onSelect(snippet.id, event.shiftKey ? "range" : "toggle");
            }}
          />
        </td>
        {columns.map((column) => {
          const text = column.text(line.row);
          return (
            <td key={column.id} class={column.cellClass} data-cell={column.id} title={text}>
              {text}
            </td>
          );
        })}
      </tr>
    );
  }
}

/** A short name for a row's checkbox: its indicator, else the start of its quote. */
function valueOrQuote(entry: ListedEntry): string {
  const { snippet } = entry;
  return snippet.indicator.trim() || snippet.text.slice(0, 60);
}
