/**
 * The content script: on a portal page, find the article (Readability on a
 * clone), and when it is a party-news article, highlight its targets, results
 * and deadlines on the live page and show the panel. On any other page it
 * shows nothing and changes nothing. Everything is undone when the extension
 * reloads (`ctx` invalidated).
 */
import { onMessage } from "@/lib/messaging/protocol.ts";
import { loadLanguage } from "@/lib/settings.ts";
import { createPageController } from "./page-controller.ts";
import { watchPointer } from "./pointer.ts";
import { mountPageUi, UI_HOST_NAME } from "./ui.tsx";
import { watchMutations } from "./watch.ts";

export default defineContentScript({
  matches: ["http://*.gov.vn/*", "https://*.gov.vn/*"],
  runAt: "document_idle",
  // The UI styles are passed to the shadow root as text (ui.tsx): no web-accessible CSS file.
  cssInjectionMode: "manual",
  async main(ctx) {
    await loadLanguage();

    const controller = createPageController(document, () => location.href);
    const isOwnNode = (node: Node) => {
      const element = node instanceof Element ? node : node.parentElement;
      return Boolean(element?.closest(UI_HOST_NAME));
    };
    const isOwnUi = (event: Event) =>
      event
        .composedPath()
        .some((target) => target instanceof Element && target.localName === UI_HOST_NAME);
    const hover = watchPointer(document, controller, isOwnUi);

    let ui: Awaited<ReturnType<typeof mountPageUi>> | null = null;
    const annotate = async () => {
      await controller.run();
      if (!ui && controller.getView().recognised && ctx.isValid) {
        ui = await mountPageUi(ctx, controller, hover);
      }
    };

    const removeListeners = [
      onMessage("toggleHighlights", () => controller.toggleAll()),
      onMessage("moveHighlight", ({ data }) => controller.move(data)),
      onMessage("saveSelection", () => controller.saveSelection()),
    ];
    const watch = watchMutations(document, isOwnNode, annotate);

    ctx.onInvalidated(() => {
      watch.dispose();
      hover.dispose();
      for (const remove of removeListeners) remove();
      controller.dispose();
      ui?.remove();
    });

    await annotate();
  },
});
