/**
 * The in-page interface (panel + card) in a shadow root, so page styles do
 * not reach it and its styles do not reach the page. It renders the
 * controller's state and calls its methods.
 */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import baseCss from "@/components/base.css?inline";
import { ChangeNotice } from "@/components/ChangeNotice.tsx";
import changeNoticeCss from "@/components/change-notice.css?inline";
import { ItemCard } from "@/components/ItemCard.tsx";
import { PagePanel } from "@/components/PagePanel.tsx";
import { SavedTrouble } from "@/components/SavedTrouble.tsx";
import tokensCss from "@/components/tokens.css?inline";
import { itemAsText } from "@/lib/i18n/item-format.ts";
import { UI_HOST_NAME } from "@/lib/in-page/boot.ts";
import { sendMessage } from "@/lib/messaging/protocol.ts";
import { type Box, placeCard } from "./card-placement.ts";
import { copyText } from "./clipboard.ts";
import type { PageController, PageItem, PageView } from "./page-view.ts";
import type { PointerHover } from "./pointer.ts";
import uiCss from "./ui.css?inline";

const CARD_WIDTH = 340;
/** The card's height until it is measured (a typical card with three fields). */
const CARD_HEIGHT = 240;

function boxesOf(range: Range | null): Box[] {
  if (!range) return [];
  return [...range.getClientRects()]
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .map(({ left, top, right, bottom }) => ({ left, top, right, bottom }));
}

/** The paragraph (nearest block box) an item stands in. */
function blockOf(range: Range | null): Box | null {
  let element = range?.commonAncestorContainer ?? null;
  if (element && !(element instanceof Element)) element = element.parentElement;
  while (element instanceof Element && element !== document.body) {
    const display = getComputedStyle(element).display;
    if (!display.startsWith("inline") && display !== "contents") {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    }
    element = element.parentElement;
  }
  return null;
}

function cardPosition(
  range: Range | null,
  others: ReadonlyArray<Range | null>,
  size: { width: number; height: number },
  shadow: ShadowRoot,
): { top: number; left: number } {
  const item = boxesOf(range);
  if (item.length === 0) return { top: 16, left: 16 };
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  // The panel is clickable too: the card keeps off it when it can.
  const panel = shadow.querySelector(".panel, .panel-open")?.getBoundingClientRect();
  const obstacles = others
    .flatMap(boxesOf)
    .filter(
      (b) => b.bottom > 0 && b.top < viewport.height && b.right > 0 && b.left < viewport.width,
    );
  if (panel)
    obstacles.push({ left: panel.left, top: panel.top, right: panel.right, bottom: panel.bottom });
  return placeCard({ item, block: blockOf(range), obstacles, size, viewport });
}

function useView(controller: PageController): PageView {
  const [view, setView] = useState(controller.getView());
  useEffect(() => controller.subscribe(() => setView(controller.getView())), [controller]);
  return view;
}

/** Re-render on scroll and resize so the card follows its highlight. */
function useViewportTick(active: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const onMove = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTick((n) => n + 1));
    };
    window.addEventListener("scroll", onMove, { passive: true, capture: true });
    window.addEventListener("resize", onMove, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onMove, { capture: true });
      window.removeEventListener("resize", onMove);
    };
  }, [active]);
}

/**
 * `Esc` with the focus anywhere in the UI closes the card. The card handles its own `Esc` (it
 * gives the focus back to where it came from); this catches the rest, the panel above all. Keys
 * in the UI never reach the page (the UI's body stops them, `isolateEvents`), so the page-level
 * listener in `pointer.ts` does not see them, and the UI's own listener has to capture them
 * before that body. The focus stays where it is, on the panel.
 */
function useEscapeClosesCard(controller: PageController, shadow: ShadowRoot): void {
  useEffect(() => {
    const onKeyDown = (event: Event) => {
      if (!(event instanceof KeyboardEvent) || event.key !== "Escape") return;
      if (!controller.getView().card) return;
      const inCard = event
        .composedPath()
        .some((target) => target instanceof Element && target.classList.contains("card"));
      if (inCard) return;
      controller.closeCard();
    };
    shadow.addEventListener("keydown", onKeyDown, { capture: true });
    return () => shadow.removeEventListener("keydown", onKeyDown, { capture: true });
  }, [controller, shadow]);
}

function App(props: { controller: PageController; hover: PointerHover; shadow: ShadowRoot }) {
  const { controller, hover } = props;
  const view = useView(controller);
  const [collapsed, setCollapsed] = useState(false);
  const [cardSize, setCardSize] = useState({ width: CARD_WIDTH, height: CARD_HEIGHT });
  useViewportTick(view.card !== null);
  useEscapeClosesCard(controller, props.shadow);
  // The context menu asked which orphan to re-attach: the panel must show its list.
  useEffect(() => {
    if (view.reattachPick) setCollapsed(false);
  }, [view.reattachPick]);
  if (!view.recognised) return null;

  const counts = { target: 0, result: 0, deadline: 0 };
  for (const p of view.items) counts[p.item.kind]++;
  const visibleOrder = view.items.filter(
    (p) => view.enabled && p.range && !view.hiddenKinds.includes(p.item.kind),
  );
  const focusAt = view.focus === null ? -1 : visibleOrder.findIndex((p) => p.index === view.focus);
  const card = view.card ? view.items[view.card.index] : undefined;
  // Every highlight the reader can click, which the card must leave uncovered.
  const clickable = visibleOrder.filter((p) => p !== card).map((p) => p.range);
  const cardChange = card?.changed
    ? view.changes.find((c) => c.snippet.id === card.changed)
    : undefined;

  return (
    <>
      <PagePanel
        counts={counts}
        hiddenKinds={view.hiddenKinds}
        enabled={view.enabled}
        savedCount={view.items.filter((p) => p.saved).length}
        unsavedCount={view.items.filter((p) => !p.saved).length}
        orphanCount={view.orphans.length}
        position={focusAt >= 0 ? { index: focusAt + 1, total: visibleOrder.length } : null}
        collapsed={collapsed}
        busy={view.busy}
        status={view.status}
        onToggleKind={controller.toggleKind}
        onSaveAll={() => void controller.saveAll()}
        onMove={controller.move}
        onCollapse={setCollapsed}
        items={visibleOrder.map((p) => ({
          index: p.index,
          kind: p.item.kind,
          text: p.item.text,
          saved: p.saved,
          review: p.review,
        }))}
        onFocusItem={controller.focusItem}
        onReview={(index, status) => void controller.review([index], status)}
        onCorrect={(index) => {
          const item = view.items[index];
          if (item) openEditor(item);
        }}
        oversized={view.oversized}
        extra={
          <SavedTrouble
            changes={view.changes}
            orphans={view.orphans}
            busy={view.busy}
            picking={view.reattachPick}
            onDecide={(id, decision) => void controller.decideChange(id, decision)}
            onReachReattach={controller.rememberSelection}
            onReattach={(id) => void controller.reattach(id)}
          />
        }
      />
      {card && view.card && (
        <ItemCard
          item={card.item}
          saved={card.saved}
          review={card.review}
          onReview={(status) => void controller.review([card.index], status)}
          onCorrect={() => openEditor(card)}
          busy={view.busy}
          position={cardPosition(card.range, clickable, cardSize, props.shadow)}
          onSize={(size) => {
            if (size.width !== cardSize.width || size.height !== cardSize.height) {
              setCardSize(size);
            }
          }}
          focusOnOpen={view.card.focus}
          onSave={() => void controller.save([card.index])}
          onCopy={() =>
            copyText(
              itemAsText(card.item.kind, card.item, controller.articleSource()),
              props.shadow,
            )
          }
          onClose={() => {
            controller.closeCard();
            hover.returnFocus();
          }}
          onPointerEnter={hover.enterCard}
          onPointerLeave={hover.leaveCard}
          notice={
            cardChange && (
              <ChangeNotice
                kind={cardChange.snippet.kind}
                saved={cardChange.snippet}
                now={cardChange.change}
                busy={view.busy}
                onAccept={() => void controller.decideChange(cardChange.snippet.id, "accept")}
                onKeep={() => void controller.decideChange(cardChange.snippet.id, "keep")}
              />
            )
          }
        />
      )}
    </>
  );
}

/** Opens a saved item in the collection's editor (the background opens the tab). */
function openEditor(item: PageItem): void {
  // Nothing to show on the page if it cannot: the item stays as it is.
  sendMessage("openEditor", { id: item.savedId ?? item.snippetId }).catch(() => undefined);
}

export async function mountPageUi(
  ctx: ContentScriptContext,
  controller: PageController,
  hover: PointerHover,
) {
  const ui = await createShadowRootUi(ctx, {
    name: UI_HOST_NAME,
    css: `${tokensCss}\n${baseCss}\n${uiCss}\n${changeNoticeCss}`,
    position: "inline",
    anchor: "body",
    append: "last",
    isolateEvents: true,
    onMount(container, shadow) {
      render(<App controller={controller} hover={hover} shadow={shadow} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
