/**
 * Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs,
 * Home/End jump, the selected tab's panel follows.
 */
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";

export interface TabSpec<K extends string> {
  key: K;
  label: string;
}

export function Tabs<K extends string>(props: {
  tabs: TabSpec<K>[];
  selected: K;
  onSelect(key: K): void;
  label: string;
  children: ComponentChildren;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const index = props.tabs.findIndex((tab) => tab.key === props.selected);
  const focusTab = (next: number) => {
    const count = props.tabs.length;
    const target = (next + count) % count;
    const tab = props.tabs[target];
    if (!tab) return;
    props.onSelect(tab.key);
    refs.current[target]?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={props.label}>
        {props.tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(element) => {
              refs.current[i] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={tab.key === props.selected}
            aria-controls={`panel-${tab.key}`}
            tabIndex={tab.key === props.selected ? 0 : -1}
            onClick={() => props.onSelect(tab.key)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight") focusTab(index + 1);
              else if (event.key === "ArrowLeft") focusTab(index - 1);
              else if (event.key === "Home") focusTab(0);
              else if (event.key === "End") focusTab(props.tabs.length - 1);
              else return;
              event.preventDefault();
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        class="tab-panel"
        role="tabpanel"
        id={`panel-${props.selected}`}
        aria-labelledby={`tab-${props.selected}`}
      >
        {props.children}
      </div>
    </>
  );
}
