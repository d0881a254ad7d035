/**
 * The article tools: injected by the background into a page whose article the
 * content script recognised (see entrypoints/content/boot.ts). Extracts the
 * items, highlights them, shows the panel and card, and answers the commands
 * and the context menu. Everything is undone when the extension reloads.
 */

import { getBoot, UI_HOST_NAME } from "@/lib/in-page/boot.ts";
import { yieldToPage } from "@/lib/in-page/main-thread.ts";
import { onMessage } from "@/lib/messaging/protocol.ts";
import { loadLanguage } from "@/lib/settings.ts";
import { createPageController } from "./page-controller.ts";
import { watchPointer } from "./pointer.ts";
import { mountPageUi } from "./ui.tsx";

export default defineUnlistedScript(async () => {
  // Compiling and starting this script is a task of its own: the page runs before the first work.
  await yieldToPage();
  const boot = getBoot();
  // Injected twice (a second request while the first ran) or without the content script: nothing to do.
  if (!boot || boot.rerun || !boot.ctx.isValid) return;
  const { ctx } = boot;
  const controller = createPageController(document, () => location.href);
  let ui: Awaited<ReturnType<typeof mountPageUi>> | null = null;
  const isOwnUi = (event: Event) =>
    event
      .composedPath()
      .some((target) => target instanceof Element && target.localName === UI_HOST_NAME);
  const hover = watchPointer(document, controller, isOwnUi);

  let mounting: Promise<unknown> | null = null;
  const annotate = async (initial?: NonNullable<typeof boot.pending>) => {
    await controller.run(initial);
    if (mounting || !controller.getView().recognised) return;
    // The panel's first render is a task of its own, after the highlights.
    mounting = yieldToPage().then(async () => {
      if (ctx.isValid) ui = await mountPageUi(ctx, controller, hover);
    });
    await mounting;
  };
  boot.rerun = () => annotate();

  const removeListeners = [
    onMessage("toggleHighlights", () => controller.toggleAll()),
    onMessage("moveHighlight", ({ data }) => controller.move(data)),
    onMessage("saveSelection", () => controller.saveSelection()),
    onMessage("pageItems", () => {
      const view = controller.getView();
      return {
        recognised: view.recognised,
        title: view.title,
        url: view.url,
        items: view.items.map((p) => ({ index: p.index, saved: p.saved, item: p.item })),
        orphans: view.orphans.map(({ id, kind, text }) => ({ id, kind, text })),
        changes: view.changes.map(({ snippet, change }) => ({
          id: snippet.id,
          kind: snippet.kind,
          saved: snippet,
          change,
        })),
        oversized: view.oversized,
      };
    }),
    onMessage("savePageItems", ({ data }) =>
      data === "all" ? controller.saveAll() : controller.save(data),
    ),
    onMessage("reattachSelection", () => controller.reattachSelection()),
    onMessage("decideChange", async ({ data }) => {
      await controller.decideChange(data.id, data.decision);
      return true;
    }),
  ];
  ctx.onInvalidated(() => {
    hover.dispose();
    for (const remove of removeListeners) remove();
    controller.dispose();
    ui?.remove();
  });

  await loadLanguage();
  const pending = boot.pending ?? undefined;
  boot.pending = null;
  await annotate(pending);
});
