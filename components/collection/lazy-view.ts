/**
 * Loads a view's module only when it is first shown: the export/import and
 * comparison code (CSV, iCalendar, schema validation) stays out of the
 * collection's first render.
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

/** A view's module loader: resolves with the view's component. */
export type ViewLoader<P> = () => Promise<ComponentType<P>>;

/** The views whose module has loaded, by loader: a render asking for one again has it at once. */
// biome-ignore lint/suspicious/noExplicitAny: one map for views of every props type
const loadedViews = new WeakMap<ViewLoader<any>, ComponentType<any>>();

function loadView<P>(load: ViewLoader<P>): Promise<ComponentType<P>> {
  return load().then((component) => {
    loadedViews.set(load, component);
    return component;
  });
}

/**
 * Gives a view's module that a page has already imported (statically, in its first chunk): the
 * view then renders at once, in the first render, without a load of its own.
 */
export function provideView<P>(load: ViewLoader<P>, component: ComponentType<P>): void {
  loadedViews.set(load, component);
}

export function useLazyView<P>(load: ViewLoader<P> | null): ComponentType<P> | null {
  const [view, setView] = useState<ComponentType<P> | null>(null);
  const loaded = view ?? (load ? (loadedViews.get(load) as ComponentType<P> | undefined) : null);
  useEffect(() => {
    if (!load || loaded) return;
    let cancelled = false;
    loadView(load).then(
      (component) => {
        if (!cancelled) setView(() => component);
      },
      // A failed load (a chunk that could not be fetched) leaves the view waiting; the next time
      // the view is shown, it is loaded again.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [load, loaded]);
  return loaded ?? null;
}
