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
 * Loads a view's module before the first render asks for it (which then shows the view at once,
 * not after its own load). Never rejects: a failed load is tried again when the view is shown.
 */
export function preloadView<P>(load: ViewLoader<P>): Promise<void> {
  return loadView(load).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Gives a view's module that a page has already imported (statically, in its first chunk): the
 * view then renders at once, as after `preloadView`, without a load of its own.
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
    loadView(load).then((component) => {
      if (!cancelled) setView(() => component);
    });
    return () => {
      cancelled = true;
    };
  }, [load, loaded]);
  return loaded ?? null;
}
