/**
 * Renders a print-only tree into a host element just before the page prints, and removes it after:
 * a virtualised table shows a few rows on screen, its printout must hold them all. Preact's
 * `render` is synchronous, so the tree is in the page when the printout is laid out. Print preview,
 * `window.print()` (`beforeprint`/`afterprint`) and print emulation (the `print` media query) all
 * trigger it.
 */
import { type ComponentChild, type RefObject, render } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function usePrintRender(
  host: RefObject<HTMLElement | null>,
  tree: () => ComponentChild,
): void {
  // The latest tree builder, without re-subscribing on every render.
  const latest = useRef(tree);
  latest.current = tree;
  useEffect(() => {
    const show = () => {
      if (host.current) render(latest.current(), host.current);
    };
    const hide = () => {
      if (host.current) render(null, host.current);
    };
    const media = window.matchMedia("print");
    const onMedia = (event: MediaQueryListEvent) => (event.matches ? show() : hide());
    window.addEventListener("beforeprint", show);
    window.addEventListener("afterprint", hide);
    media.addEventListener("change", onMedia);
    if (media.matches) show();
    return () => {
      window.removeEventListener("beforeprint", show);
      window.removeEventListener("afterprint", hide);
      media.removeEventListener("change", onMedia);
      hide();
    };
  }, [host]);
}
