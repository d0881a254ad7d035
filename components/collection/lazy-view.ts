/**
 * Loads a view's module only when it is first shown: the export/import and
 * comparison code (CSV, iCalendar, schema validation) stays out of the
 * collection's first render.
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

export function useLazyView<P>(
  load: (() => Promise<ComponentType<P>>) | null,
): ComponentType<P> | null {
  const [view, setView] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (!load || view) return;
    let cancelled = false;
    load().then((component) => {
      if (!cancelled) setView(() => component);
    });
    return () => {
      cancelled = true;
    };
  }, [load, view]);
  return view;
}
