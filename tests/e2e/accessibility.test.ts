/**
 * Accessibility in Chromium with the built extension: axe-core finds no serious or critical
 * violation on the in-page panel and card (the open shadow root under `<gvn-chi-tieu>`, the page's
 * own markup left out), on the popup (opened as a tab), on the collection page with two saved
 * articles (each tab: the list with an editor open, the comparison with two sources chosen, export
 * and import) and on the options page. And the interfaces work by keyboard alone: Tab reaches every
 * control of the panel and of an open card; on the collection page Tab reaches the search field
 * and the tabs switch with the arrow keys, Home and End (WAI-ARIA tabs).
 *
 * Each axe run prints what it found of every impact; only serious and critical fail the test.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { waitForReading } from "./harness.ts";
import { openArticle, saveAllFromPanel, useArticleTab } from "./helpers/article-tab.ts";
import {
  type AxeOptions,
  axePasses,
  axeVersion,
  formatViolations,
  runAxe,
  seriousViolations,
} from "./helpers/axe.ts";
import { TAB } from "./helpers/collection.ts";
import { CAMGIANG, fixtureUrl, TRAVINH } from "./helpers/fixtures.ts";
import {
  focusedInUi,
  focusSettledOn,
  HIGHLIGHT,
  highlightPoint,
  UI_HOST,
  ui,
} from "./helpers/page.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

/** Only the extension's UI on a portal page: its host element and the shadow tree under it. */
const IN_PAGE_UI: AxeOptions["context"] = { include: [UI_HOST] };

/**
 * Runs axe, prints every violation (any impact) and fails on serious or critical ones, listing
 * them with their nodes.
 */
async function assertNoSeriousViolations(
  page: Page,
  where: string,
  options: AxeOptions = {},
): Promise<void> {
  const violations = await runAxe(page, options);
  if (violations.length > 0) console.log(formatViolations(violations, `axe ${where}`));
  const serious = seriousViolations(violations);
  assert.equal(serious.length, 0, formatViolations(serious, `axe ${where}: serious/critical`));
}

/** Waits for the collection interface's first render with data (`gvn:collection-rendered`). */
async function waitForCollectionRendered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName("gvn:collection-rendered", "mark").length > 0,
    undefined,
    { timeout: 15_000 },
  );
}

/** What has the keyboard focus: `tag#id[role]"text"`, looking into open shadow roots. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return "(nothing)";
    const id = active.id ? `#${active.id}` : "";
    const role = active.getAttribute("role");
    const text = (active.getAttribute("aria-label") ?? active.textContent ?? "").trim();
    return `${active.localName}${id}${role ? `[${role}]` : ""}"${text.slice(0, 30)}"`;
  });
}

describe("accessibility", () => {
  const session = useExtensionSession();

  before(async () => {
    console.log(`axe-core ${axeVersion()}`);
  });

  const extensionUrl = (path: string) =>
    `chrome-extension://${session.browser.extensionId}/${path}`;

  /** Opens an extension page in a new tab, brought to the front, runs `use` on it and closes it. */
  async function onExtensionPage(path: string, use: (page: Page) => Promise<void>): Promise<void> {
    const page = await session.browser.context.newPage();
    try {
      await page.goto(extensionUrl(path));
      await page.bringToFront();
      await use(page);
    } finally {
      await page.close();
    }
  }

  describe("the in-page panel and card (seed article)", () => {
    const tab = useArticleTab(session, () => fixtureUrl(session.server, TRAVINH, "a11y"));

    test("axe checks the shadow tree: it sees the panel's controls", async () => {
      // Without this, «no violations» below could mean that axe never looked inside the root.
      const targets = await axePasses(tab.page, "button-name", IN_PAGE_UI);
      const inShadow = targets.filter(
        (target) => Array.isArray(target[0]) && (target[0] as unknown[])[0] === UI_HOST,
      );
      const buttons = await ui(tab.page).panel.locator("button").count();
      assert.ok(
        inShadow.length >= buttons,
        `axe checked the panel's ${buttons} buttons in the shadow root: ${JSON.stringify(targets)}`,
      );
    });

    test("self-check: axe reports a nameless button put into the shadow root", async () => {
      await tab.page.evaluate((host) => {
        const root = document.querySelector(host)?.shadowRoot;
        const panel = root?.querySelector("section.panel");
        const button = document.createElement("button");
        button.id = "gvn-a11y-self-check";
        panel?.append(button);
      }, UI_HOST);
      try {
        const serious = seriousViolations(await runAxe(tab.page, { context: IN_PAGE_UI }));
        const names = serious.find((v) => v.id === "button-name");
        assert.ok(names, `button-name is reported: ${formatViolations(serious, "self-check")}`);
        assert.ok(
          names.nodes.some((node) => JSON.stringify(node.target).includes("gvn-a11y-self-check")),
          formatViolations([names], "self-check"),
        );
      } finally {
        await tab.page.evaluate((host) => {
          document.querySelector(host)?.shadowRoot?.getElementById("gvn-a11y-self-check")?.remove();
        }, UI_HOST);
      }
    });

    test("axe: the panel has no serious or critical violations", async () => {
      await assertNoSeriousViolations(tab.page, "in-page panel", { context: IN_PAGE_UI });
    });

    test("axe: the panel with a card open has no serious or critical violations", async () => {
      const point = await highlightPoint(tab.page, HIGHLIGHT.target, 0);
      await tab.page.mouse.click(point.x, point.y);
      await ui(tab.page).card.waitFor();
      await assertNoSeriousViolations(tab.page, "in-page panel + card", { context: IN_PAGE_UI });
      await tab.page.keyboard.press("Escape");
      await ui(tab.page).card.waitFor({ state: "detached" });
    });

    test("axe, dark colours: the panel with a card open", async () => {
      await tab.page.emulateMedia({ colorScheme: "dark" });
      try {
        const point = await highlightPoint(tab.page, HIGHLIGHT.target, 0);
        await tab.page.mouse.click(point.x, point.y);
        await ui(tab.page).card.waitFor();
        const surface = await ui(tab.page).card.evaluate(
          (card) => getComputedStyle(card).backgroundColor,
        );
        assert.notEqual(surface, "rgb(255, 255, 255)", "the card follows the dark scheme");
        await assertNoSeriousViolations(tab.page, "in-page panel + card, dark", {
          context: IN_PAGE_UI,
        });
        await tab.page.keyboard.press("Escape");
        await ui(tab.page).card.waitFor({ state: "detached" });
      } finally {
        await tab.page.emulateMedia({ colorScheme: "light" });
      }
    });

    test("axe: the collapsed panel has no serious or critical violations", async () => {
      await ui(tab.page).panel.locator("[data-action]").first().waitFor();
      await ui(tab.page).panel.locator(".panel-head button").click();
      const reopen = ui(tab.page).host.locator("button.panel-open");
      await reopen.waitFor();
      try {
        await assertNoSeriousViolations(tab.page, "in-page panel, collapsed", {
          context: IN_PAGE_UI,
        });
      } finally {
        await reopen.click(); // the next tests need the panel open
        await ui(tab.page).panel.waitFor();
      }
    });

    test("keyboard: Tab goes through every control of the panel, in order", async () => {
      const { panel } = ui(tab.page);
      // The enabled controls of the panel, in document order, as focusedInUi names them.
      const controls = await panel
        .locator("button:not([disabled]), input:not([disabled])")
        .evaluateAll((elements) =>
          elements.map((e) => e.getAttribute("data-action") ?? e.localName),
        );
      assert.ok(controls.length >= 6, `the panel's controls: ${controls.join(", ")}`);
      // Start from the last focusable element of the page's own content: the UI comes after it.
      await tab.page.evaluate((host) => {
        const focusable = [
          ...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea"),
        ].filter((e) => !e.closest(host) && e.tabIndex >= 0 && e.getClientRects().length > 0);
        focusable.at(-1)?.focus();
      }, UI_HOST);
      const reached: string[] = [];
      for (let presses = 0; presses < controls.length + 5; presses++) {
        await tab.page.keyboard.press("Tab");
        const focused = await focusedInUi(tab.page);
        if (focused === null) {
          if (reached.length > 0) break; // left the UI again
          continue;
        }
        reached.push(focused);
      }
      assert.deepEqual(reached, controls, "Tab reaches each control of the panel once, in order");
    });

    test("keyboard: an item's card opened with the panel's next button; Tab reaches its controls", async () => {
      const { next, card } = ui(tab.page);
      await next.focus();
      await tab.page.keyboard.press("Enter");
      await card.waitFor();
      // The card takes the focus in an effect after it renders: give it a moment.
      assert.equal(
        await focusSettledOn(tab.page, "save"),
        "save",
        "the card's first action has the focus",
      );
      const controls = await card
        .locator("button:not([disabled])")
        .evaluateAll((elements) =>
          elements.map((e) => e.getAttribute("data-action") ?? e.localName),
        );
      // Forward from the save button until the focus leaves the card, then backward from it.
      const inCard = () =>
        tab.page.evaluate((host) => {
          const root = document.querySelector(host)?.shadowRoot;
          return root?.activeElement?.closest("[role=dialog]") != null;
        }, UI_HOST);
      const forward = ["save"];
      for (let i = 0; i < controls.length; i++) {
        await tab.page.keyboard.press("Tab");
        if (!(await inCard())) break;
        forward.push((await focusedInUi(tab.page)) ?? "(outside the UI)");
      }
      await ui(tab.page).cardSave.focus();
      const backward: string[] = [];
      for (let i = 0; i < controls.length; i++) {
        await tab.page.keyboard.press("Shift+Tab");
        if (!(await inCard())) break;
        backward.push((await focusedInUi(tab.page)) ?? "(outside the UI)");
      }
      for (const control of controls) {
        assert.ok(
          forward.includes(control) || backward.includes(control),
          `${control} is reached from the card's first action (Tab: ${forward.join(" → ")}; Shift+Tab: ${backward.join(" → ")})`,
        );
      }
      // Escape from within the card closes it and gives the focus back to the panel.
      await ui(tab.page).cardSave.focus();
      await tab.page.keyboard.press("Escape");
      await card.waitFor({ state: "detached" });
      assert.equal(
        await focusSettledOn(tab.page, "next"),
        "next",
        "Escape gives the focus back to next",
      );
    });
  });

  describe("the extension's pages, with two articles saved", () => {
    before(async () => {
      // Save both seed articles from their pages' panels ("Lưu tất cả").
      for (const fixture of [TRAVINH, CAMGIANG]) {
        const { page } = await openArticle(session.browser, fixtureUrl(session.server, fixture));
        await saveAllFromPanel(page, fixture.expected.items.length);
        await page.close();
      }
    });

    test("axe: popup.html (as a tab), on each of its tabs", async () => {
      await onExtensionPage("popup.html", async (page) => {
        await waitForCollectionRendered(page);
        await page.getByText(/^Trang này không có bài viết/).waitFor();
        await assertNoSeriousViolations(page, "popup.html, Trang này");
        for (const name of [TAB.collection, TAB.compare, TAB.transfer]) {
          await page.getByRole("tab", { name, exact: true }).click();
          await page.locator("[role=tab][aria-selected=true]", { hasText: name }).waitFor();
          await assertNoSeriousViolations(page, `popup.html, ${name}`);
        }
      });
    });

    test("axe: popup.html over an article, Trang này listing its items", async () => {
      const articleUrl = fixtureUrl(session.server, CAMGIANG, "popup");
      const article = await session.browser.context.newPage();
      await article.goto(articleUrl);
      await waitForReading(article, { recognised: true });
      // As if opened from the toolbar over the article: the popup asks for its window's active tab.
      const popupUrl = extensionUrl("popup.html");
      const opened = session.browser.context.waitForEvent("page", {
        predicate: (page) => page.url() === popupUrl,
      });
      await session.browser.serviceWorker.evaluate(
        async ({ articleUrl, popupUrl }) => {
          const { chrome } = globalThis as unknown as {
            chrome: {
              tabs: {
                query(q: object): Promise<Array<{ id?: number; url?: string; windowId?: number }>>;
                update(id: number, props: object): Promise<unknown>;
                create(props: object): Promise<unknown>;
              };
            };
          };
          const tab = (await chrome.tabs.query({})).find((t) => t.url === articleUrl);
          if (tab?.id === undefined) throw new Error(`no tab shows ${articleUrl}`);
          await chrome.tabs.update(tab.id, { active: true });
          await chrome.tabs.create({ url: popupUrl, windowId: tab.windowId, active: false });
        },
        { articleUrl, popupUrl },
      );
      const popup = await opened;
      try {
        await popup.locator(".this-page li.item").first().waitFor();
        await popup.bringToFront();
        await assertNoSeriousViolations(popup, "popup.html over an article, Trang này");
      } finally {
        await popup.close();
        await article.close();
      }
    });

    test("axe: collection.html, Bộ sưu tập with an editor open, then an article's saved copy", async () => {
      await onExtensionPage("collection.html?view=list", async (page) => {
        await waitForCollectionRendered(page);
        await page.locator("li[data-snippet]").first().waitFor();
        await assertNoSeriousViolations(page, "collection.html, Bộ sưu tập");
        const item = page.locator("li[data-snippet]").first();
        await item.getByRole("button", { name: "Sửa", exact: true }).click();
        await item.locator("form.editor").waitFor();
        await assertNoSeriousViolations(page, "collection.html, Bộ sưu tập, editor open");
        // The saved copy of an article, with its snippets marked.
        const other = page.locator("li[data-snippet]").nth(1);
        await other.getByRole("button", { name: "Đọc bản lưu", exact: true }).click();
        await page.locator("article.offline").waitFor();
        await assertNoSeriousViolations(page, "collection.html, an article's saved copy");
      });
    });

    test("axe: collection.html, So sánh with two localities chosen", async () => {
      await onExtensionPage("collection.html?tab=compare", async (page) => {
        await waitForCollectionRendered(page);
        await assertNoSeriousViolations(page, "collection.html, So sánh (nothing chosen)");
        await page.locator('input[data-source="l:Trà Vinh"]').check();
        await page.locator('input[data-source="l:Cẩm Giàng"]').check();
        await page.locator("table.compare-table tr[data-category]").first().waitFor();
        await assertNoSeriousViolations(page, "collection.html, So sánh (two localities)");
      });
    });

    test("axe: collection.html, Xuất / Nhập", async () => {
      await onExtensionPage("collection.html?tab=transfer", async (page) => {
        await waitForCollectionRendered(page);
        await page.locator("[data-export=json]").waitFor();
        await assertNoSeriousViolations(page, "collection.html, Xuất / Nhập");
      });
    });

    test("axe, dark colours: the popup's tabs, the collection's table and list, the options", async () => {
      const checks: Array<{ path: string; ready: (page: Page) => Promise<unknown>; tab?: string }> =
        [
          { path: "popup.html", ready: (page) => waitForCollectionRendered(page) },
          {
            path: "popup.html",
            ready: (page) => waitForCollectionRendered(page),
            tab: TAB.collection,
          },
          {
            path: "collection.html",
            ready: (page) =>
              page.getByRole("treegrid").locator("tr[data-snippet-row]").first().waitFor(),
          },
          {
            path: "collection.html?view=list",
            ready: (page) => page.locator("li[data-snippet]").first().waitFor(),
          },
          { path: "options.html", ready: (page) => page.locator("main h1").waitFor() },
        ];
      for (const check of checks) {
        const page = await session.browser.context.newPage();
        try {
          await page.emulateMedia({ colorScheme: "dark" });
          await page.goto(extensionUrl(check.path));
          await check.ready(page);
          if (check.tab) {
            await page.getByRole("tab", { name: check.tab, exact: true }).click();
            await page.locator("[role=tab][aria-selected=true]", { hasText: check.tab }).waitFor();
          }
          const background = await page.evaluate(
            () => getComputedStyle(document.body).backgroundColor,
          );
          assert.notEqual(
            background,
            "rgb(255, 255, 255)",
            `${check.path} follows the dark scheme`,
          );
          await assertNoSeriousViolations(
            page,
            `${check.path}${check.tab ? `, ${check.tab}` : ""}, dark`,
          );
        } finally {
          await page.close();
        }
      }
    });

    test("axe: options.html", async () => {
      await onExtensionPage("options.html", async (page) => {
        await page.locator("main h1").waitFor();
        await assertNoSeriousViolations(page, "options.html");
      });
    });

    test("keyboard: on the collection page Tab reaches the search field", async () => {
      await onExtensionPage("collection.html?view=list", async (page) => {
        await waitForCollectionRendered(page);
        await page.locator("#search").waitFor();
        const path: string[] = [];
        for (let presses = 0; presses < 20; presses++) {
          await page.keyboard.press("Tab");
          path.push(await describeFocus(page));
          if (await page.evaluate(() => document.activeElement?.id === "search")) break;
        }
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          "search",
          `Tab reaches #search (focus went: ${path.join(" → ")})`,
        );
        // Typing there searches.
        await page.keyboard.type("bảo hiểm y tế");
        await page.waitForFunction(() => {
          const results = document.querySelector("[data-results]")?.getAttribute("data-results");
          return results !== null && results !== undefined && Number(results) > 0;
        });
        assert.ok(
          (await page.locator("li[data-snippet]").count()) <
            TRAVINH.expected.items.length + CAMGIANG.expected.items.length,
          "the search narrowed the list",
        );
      });
    });

    test("keyboard: the tabs switch with the arrow keys, Home and End", async () => {
      await onExtensionPage("collection.html", async (page) => {
        await waitForCollectionRendered(page);
        const selected = () =>
          page.locator("[role=tab][aria-selected=true]").textContent({ timeout: 2_000 });
        const focusedTab = () =>
          page.evaluate(() =>
            document.activeElement?.getAttribute("role") === "tab"
              ? document.activeElement.textContent
              : `(not a tab: ${document.activeElement?.localName})`,
          );
        // Tab from the top of the page lands on the selected tab (the others have tabindex -1).
        let presses = 0;
        while ((await focusedTab())?.startsWith("(not a tab") && presses++ < 10) {
          await page.keyboard.press("Tab");
        }
        assert.equal(await focusedTab(), TAB.collection, "Tab reaches the selected tab");
        const steps: Array<[string, string]> = [
          ["ArrowRight", TAB.compare],
          ["ArrowRight", TAB.progress],
          ["ArrowRight", TAB.transfer],
          ["ArrowRight", TAB.collection], // wraps around
          ["ArrowLeft", TAB.transfer],
          ["Home", TAB.collection],
          ["End", TAB.transfer],
        ];
        for (const [key, name] of steps) {
          await page.keyboard.press(key);
          await page.locator("[role=tab][aria-selected=true]", { hasText: name }).waitFor();
          assert.equal(await selected(), name, `${key} selects ${name}`);
          assert.equal(await focusedTab(), name, `${key} moves the focus to ${name}`);
          const panel = page.locator("[role=tabpanel]");
          assert.equal(
            await panel.getAttribute("aria-labelledby"),
            await page.locator("[role=tab][aria-selected=true]").getAttribute("id"),
            "the panel belongs to the selected tab",
          );
        }
        // Tab from the selected tab goes into its panel: the first export button.
        await page.keyboard.press("Tab");
        assert.match(await describeFocus(page), /^input|^button/, "Tab enters the tab panel");
        assert.equal(
          await page.evaluate(() => document.activeElement?.closest("[role=tabpanel]") !== null),
          true,
          `the focus is in the tab panel (${await describeFocus(page)})`,
        );
      });
    });
  });

  testNoErrorsLogged(session);
});
