/**
 * Hover and click on highlights. Custom highlights are not elements, so the
 * pointer is hit-tested: the caret position under it, then the item ranges
 * that contain that point and the pointer. Hover opens the card after a short
 * delay; a click opens it to stay. Nothing is prevented: links still work.
 */
import type { PageController } from "./page-view.ts";

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 350;

export interface PointerHover {
  enterCard(): void;
  leaveCard(): void;
  /** After the card closes, give focus back to where the reader was. */
  returnFocus(): void;
  dispose(): void;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === "function") {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function watchPointer(
  doc: Document,
  controller: PageController,
  isOwnUi: (event: Event) => boolean,
): PointerHover {
  let openTimer = 0;
  let closeTimer = 0;
  let frame = 0;
  let overCard = false;
  let lastPoint: { x: number; y: number } | null = null;
  let focusBefore: Element | null = null;

  const hit = (x: number, y: number) => {
    const caret = caretAt(doc, x, y);
    return caret ? controller.itemAtPoint(caret.node, caret.offset, x, y) : null;
  };

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = window.setTimeout(() => {
      const card = controller.getView().card;
      if (card && !card.pinned && !overCard) controller.closeCard();
    }, HOVER_CLOSE_MS);
  };

  const onMove = () => {
    frame = 0;
    if (!lastPoint || !controller.getView().recognised) return;
    const index = hit(lastPoint.x, lastPoint.y);
    const card = controller.getView().card;
    clearTimeout(openTimer);
    if (index === null) {
      if (card && !card.pinned) scheduleClose();
      return;
    }
    clearTimeout(closeTimer);
    if (card?.index === index) return;
    if (card?.pinned) return;
    openTimer = window.setTimeout(
      () => controller.openCard(index, { pinned: false, focus: false }),
      HOVER_OPEN_MS,
    );
  };

  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === "touch" || isOwnUi(event)) return;
    lastPoint = { x: event.clientX, y: event.clientY };
    if (!frame) frame = requestAnimationFrame(onMove);
  };

  const onClick = (event: MouseEvent) => {
    if (isOwnUi(event) || !controller.getView().recognised) return;
    const index = hit(event.clientX, event.clientY);
    if (index !== null) {
      clearTimeout(openTimer);
      focusBefore = doc.activeElement;
      controller.openCard(index, { pinned: true, focus: false });
    } else if (controller.getView().card) {
      controller.closeCard();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Escape inside the card is the card's own (it also gives the focus back).
    if (event.key === "Escape" && !isOwnUi(event) && controller.getView().card) {
      controller.closeCard();
    }
  };

  doc.addEventListener("pointermove", onPointerMove, { passive: true, capture: true });
  doc.addEventListener("click", onClick, { capture: true });
  doc.addEventListener("keydown", onKeyDown, { capture: true });

  return {
    enterCard() {
      overCard = true;
      clearTimeout(closeTimer);
    },
    leaveCard() {
      overCard = false;
      scheduleClose();
    },
    returnFocus() {
      if (focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus();
      focusBefore = null;
    },
    dispose() {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      cancelAnimationFrame(frame);
      doc.removeEventListener("pointermove", onPointerMove, { capture: true });
      doc.removeEventListener("click", onClick, { capture: true });
      doc.removeEventListener("keydown", onKeyDown, { capture: true });
    },
  };
}
