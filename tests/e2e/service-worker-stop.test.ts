/**
 * The MV3 service worker stopped in the middle of saves (issue 5): the test stops it through the
 * DevTools protocol (`Target.closeTarget`, checked with the `ServiceWorker` domain) while saves
 * from several tabs are in flight, and the collection must end with every item the reader saved,
 * exactly once, with its fields and note, and every tab must show it as saved.
 *
 * The stops land at chosen moments, so that each one really breaks a save:
 * - after the save was written, before its answer (the worker's thread is kept busy once its
 *   transaction committed): the save is sent again and must merge, not double;
 * - before the save was written (an extension page holds the database, so the saves wait): the
 *   save is sent again and must be written once — from the panel's cards and from the popup;
 * - as the worker starts reading the saved snippets back after a save (to mark them on the page):
 *   the read is sent again and the item shows as saved;
 * - at whatever moment a stop lands during "Lưu tất cả" in several tabs.
 * Without the content script's retry the chosen moments fail: the reader gets "Không lưu được"
 * (or, for the read, a saved item that does not show as saved).
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { normalizeUrl } from "../../lib/snippets/keys.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { waitForReading } from "./harness.ts";
import { extensionUrl, openPopupOver } from "./helpers/collection.ts";
import { assertSameTexts, eventually, normalizeSpace } from "./helpers/compare.ts";
import { articleIn, readCollection } from "./helpers/extension.ts";
import {
  CAMGIANG,
  engineItems,
  type FixturePage,
  fixtureUrl,
  KINDS,
  loadFixturePage,
  TRAVINH,
} from "./helpers/fixtures.ts";
import { HIGHLIGHT, highlightTexts, UI_HOST, ui } from "./helpers/page.ts";
import {
  controlWorker,
  countSaveMessages,
  holdAfterWrites,
  holdCollection,
  holdReads,
  storedSnippets,
  type WorkerControl,
  waitUntilHeld,
  writeNote,
} from "./helpers/service-worker.ts";
import { testNoErrorsLogged, useExtensionSession } from "./helpers/session.ts";

const DAKRONG = loadFixturePage("dakrong-nghi-quyet-dai-hoi-vi");
const TRACU = loadFixturePage("tracu-so-ket-giua-nhiem-ky");

const NOTE = "Đối chiếu với kết quả nhiệm kỳ 2015–2020.";
const SAVE = "Lưu";
const SAVED = "Đã lưu ✓";
const SAVE_FAILED = "Không lưu được";
/** Each step waits for conditions; this only bounds a step that never gets there. */
const STEP_TIMEOUT = { timeout: 180_000 };

/** One tab of the reader's on an article, and the quotes saved from it one by one. */
interface ReaderTab {
  name: string;
  fixture: FixturePage;
  page: Page;
  url: string;
  quotes: string[];
}

const articleKey = (fixture: FixturePage) => normalizeUrl(fixture.expected.url);
const itemCount = (fixture: FixturePage) => fixture.expected.items.length;

function snippetsOf(snippets: SnippetRecord[], fixture: FixturePage): SnippetRecord[] {
  const key = articleKey(fixture);
  return snippets.filter((s) => s.articleId === key);
}

describe("saving while the service worker is stopped (DevTools protocol)", () => {
  const session = useExtensionSession({ cleanUp: () => workers?.dispose() });
  /** An extension page: reads and holds the collection database, reports the worker's status. */
  let control: Page;
  let workers: WorkerControl;
  /** A1 and A2 on the same article (two addresses), B, C, D each on another. */
  let tabs: Record<"a1" | "a2" | "b" | "c" | "d", ReaderTab>;
  /** The noted snippet as it was before the stops. */
  let noted: SnippetRecord | undefined;

  async function openTab(name: string, fixture: FixturePage, variant: string): Promise<ReaderTab> {
    const page = await session.browser.context.newPage();
    const url = fixtureUrl(session.server, fixture, variant);
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, url);
    await waitForReading(page, { recognised: true });
    await ui(page).panel.waitFor();
    return { name, fixture, page, url, quotes: [] };
  }

  /** Opens the card of the next item the tab does not show as saved and clicks its Lưu. */
  async function saveNextItem(tab: ReaderTab): Promise<string> {
    await tab.page.bringToFront();
    const { next, card, cardQuote, cardSave } = ui(tab.page);
    for (let i = 0; i < itemCount(tab.fixture); i++) {
      await next.click();
      await card.waitFor();
      if ((await cardSave.textContent()) !== SAVE) continue;
      const quote = (await cardQuote.textContent()) ?? "";
      await cardSave.click();
      tab.quotes.push(quote);
      return quote;
    }
    throw new Error(`${tab.name}: every item is shown as saved already`);
  }

  async function saveAll(tab: ReaderTab): Promise<void> {
    await tab.page.bringToFront();
    await ui(tab.page).saveAll.click();
  }

  /**
   * Waits until the tab shows its saves as saved (the quotes saved from it, or with `all` every
   * item), or reports a failed save; fails on the latter. Polls by time: a tab in the background
   * gets no animation frames.
   */
  async function shownSaved(tab: ReaderTab, all = false): Promise<void> {
    const handle = await tab.page.waitForFunction(
      ({ host, quotes, all, items, failed }) => {
        const root = document.querySelector(host)?.shadowRoot;
        const status = root?.querySelector("[role=status]")?.textContent ?? "";
        if (status.startsWith(failed)) return { failed: status };
        if (all) {
          const count = root?.querySelector("[data-saved-count]")?.getAttribute("data-saved-count");
          return count === String(items) ? { ok: true } : null;
        }
        const saved = new Set(
          [...(CSS.highlights.get("gvn-saved") ?? [])].map((range) =>
            String(range).replace(/\s+/g, " ").trim(),
          ),
        );
        return quotes.every((quote) => saved.has(quote.replace(/\s+/g, " ").trim()))
          ? { ok: true }
          : null;
      },
      {
        host: UI_HOST,
        quotes: tab.quotes,
        all,
        items: itemCount(tab.fixture),
        failed: SAVE_FAILED,
      },
      { polling: 100, timeout: 60_000 },
    );
    assert.deepEqual(await handle.jsonValue(), { ok: true }, `${tab.name} (${tab.url})`);
  }

  before(async () => {
    // A2 opens before anything is saved, so it still offers every item when A1 has saved one.
    tabs = {
      a1: await openTab("A1", TRAVINH, "a1"),
      a2: await openTab("A2", TRAVINH, "a2"),
      b: await openTab("B", CAMGIANG, "b"),
      c: await openTab("C", DAKRONG, "c"),
      d: await openTab("D", TRACU, "d"),
    };
    control = await session.browser.context.newPage();
    await control.goto(extensionUrl(session.browser, "options.html"));
    workers = await controlWorker(session.browser, control);
  });

  test(
    "a save written just before the worker stopped is sent again and merged: one record, its note kept",
    STEP_TIMEOUT,
    async () => {
      // The reader saves an item in A1, then writes a note on it in the collection.
      const quote = await saveNextItem(tabs.a1);
      await shownSaved(tabs.a1);
      const first = (await storedSnippets(control)).find(
        (s) => normalizeSpace(s.text) === normalizeSpace(quote),
      );
      assert.ok(first, `the saved item is stored: «${quote}»`);
      await writeNote(control, first.id, NOTE);
      noted = (await storedSnippets(control)).find((s) => s.id === first.id);
      assert.equal(noted?.note, NOTE);

      // "Lưu tất cả" in A2 (which still offers that item too): the worker writes all of them, then
      // stops before it can answer.
      await workers.running();
      await holdAfterWrites(session.browser.serviceWorker);
      const stopsBefore = workers.stops;
      await saveAll(tabs.a2);
      await waitUntilHeld(control);
      assert.equal(
        snippetsOf(await storedSnippets(control), TRAVINH).length,
        itemCount(TRAVINH),
        "written before the stop",
      );
      await workers.stop();
      assert.equal(workers.stops, stopsBefore + 1, "the worker stopped");

      await shownSaved(tabs.a2, true);
      const stored = snippetsOf(await storedSnippets(control), TRAVINH);
      assert.equal(stored.length, itemCount(TRAVINH), "one record per item");
      assert.equal(new Set(stored.map((s) => s.id)).size, stored.length, "distinct ids");
      assert.deepEqual(
        stored.find((s) => s.id === first.id),
        noted,
        "the item saved first is unchanged: note (once), createdAt, fields",
      );
    },
  );

  test(
    "saves waiting for the database when the worker stops are sent again and written once",
    STEP_TIMEOUT,
    async () => {
      // Three rounds; in each the database is held, one save per tab reaches the worker, the worker
      // is stopped, the database let go. A1 re-sends an item A2 already stored; B saves once from
      // the popup.
      const rounds: Array<{ tabs: ReaderTab[]; popupFor?: ReaderTab }> = [
        { tabs: [tabs.b, tabs.c, tabs.a1] },
        { tabs: [tabs.c, tabs.d], popupFor: tabs.b },
        { tabs: [tabs.b, tabs.c, tabs.d] },
      ];
      for (const [n, round] of rounds.entries()) {
        await workers.running();
        const popup = round.popupFor
          ? await openPopupOver(session.browser, round.popupFor.url)
          : null;
        const popupItem = popup?.locator(".this-page li.item", {
          has: popup.getByRole("button", { name: SAVE, exact: true }),
        });
        await popupItem?.first().waitFor();
        const stopsBefore = workers.stops;
        const release = await holdCollection(control);
        try {
          const senders = round.tabs.length + (popup ? 1 : 0);
          const arrived = await countSaveMessages(session.browser.serviceWorker, senders);
          if (popup && popupItem && round.popupFor) {
            await popup.bringToFront();
            const item = popupItem.first();
            round.popupFor.quotes.push((await item.locator(".quote").textContent()) ?? "");
            await item.getByRole("button", { name: SAVE, exact: true }).click();
          }
          for (const tab of round.tabs) await saveNextItem(tab);
          await arrived();
          await workers.stop();
        } finally {
          await release();
        }
        assert.equal(workers.stops, stopsBefore + 1, `round ${n + 1}: the worker stopped`);
        for (const tab of [...round.tabs, ...(round.popupFor ? [round.popupFor] : [])]) {
          await shownSaved(tab);
        }
        if (popup && round.popupFor) {
          const quote = round.popupFor.quotes.at(-1) ?? "";
          await popup
            .locator(".this-page li.item", { hasText: quote })
            .getByRole("button", { name: SAVED, exact: true })
            .waitFor();
          assert.equal(
            await popup.locator("[role=status]").count(),
            0,
            "the popup reports no failure",
          );
          await popup.close();
        }
      }
      const stored = await storedSnippets(control);
      for (const tab of [tabs.b, tabs.c, tabs.d]) {
        const texts = snippetsOf(stored, tab.fixture).map((s) => s.text);
        assertSameTexts(texts, tab.quotes, `${tab.name}: the stored snippets are the items saved`);
      }
    },
  );

  test(
    "a read of the saved snippets cut by a stop is sent again: the item shows as saved",
    STEP_TIMEOUT,
    async () => {
      // After a save the tab reads the article's saved snippets back to mark them; the worker
      // stops as it starts that read.
      await workers.running();
      await holdReads(session.browser.serviceWorker);
      const stopsBefore = workers.stops;
      const quote = await saveNextItem(tabs.d);
      await waitUntilHeld(control);
      await workers.stop();
      assert.equal(workers.stops, stopsBefore + 1, "the worker stopped");
      await shownSaved(tabs.d);
      const texts = snippetsOf(await storedSnippets(control), TRACU).map((s) => s.text);
      assert.ok(texts.includes(quote), "the item is stored");
    },
  );

  test(
    "a stop at whatever moment during Lưu tất cả in several tabs loses nothing",
    STEP_TIMEOUT,
    async () => {
      // Right after the clicks: the saves are being sent, read or written.
      await workers.running();
      let stopsBefore = workers.stops;
      await saveAll(tabs.b);
      await saveAll(tabs.c);
      await workers.stop();
      assert.equal(workers.stops, stopsBefore + 1, "the worker stopped");
      await shownSaved(tabs.b, true);
      await shownSaved(tabs.c, true);

      // As soon as the save is written: its answer may or may not have left.
      await workers.running();
      stopsBefore = workers.stops;
      const storedBefore = snippetsOf(await storedSnippets(control), TRACU).length;
      await saveAll(tabs.d);
      await eventually(
        () => storedSnippets(control),
        (stored) => snippetsOf(stored, TRACU).length > storedBefore,
        { timeout: 30_000, interval: 20 },
      );
      await workers.stop();
      assert.equal(workers.stops, stopsBefore + 1, "the worker stopped");
      await shownSaved(tabs.d, true);
    },
  );

  test(
    "every item saved is in the collection once, with its fields, and shown as saved",
    STEP_TIMEOUT,
    async () => {
      assert.ok(noted, "a note was written (first step)");
      assert.equal(workers.stops, 7, "the worker was stopped seven times");
      await workers.running();
      const collection = await readCollection(session.browser.serviceWorker);
      const fixtures = [TRAVINH, CAMGIANG, DAKRONG, TRACU];
      assert.equal(collection.articles.length, fixtures.length, "one record per article");
      const total = fixtures.reduce((sum, fixture) => sum + itemCount(fixture), 0);
      assert.equal(collection.snippets.length, total, "one record per item saved");
      assert.equal(new Set(collection.snippets.map((s) => s.id)).size, total, "distinct ids");
      const places = collection.snippets.map(
        (s) => `${s.articleId} ${s.kind} ${s.anchor.start}-${s.anchor.end}`,
      );
      assert.equal(new Set(places).size, total, "no two records for the same place");

      for (const fixture of fixtures) {
        const { article, snippets } = articleIn(collection, articleKey(fixture));
        assert.ok(article, `an article record for ${fixture.slug}`);
        assert.equal(snippets.length, itemCount(fixture), fixture.slug);
        // Fields as the engine gives them, each item once.
        const unmatched = await engineItems(fixture);
        for (const snippet of snippets) {
          const at = unmatched.findIndex(
            (item) =>
              item.kind === snippet.kind &&
              normalizeSpace(item.text) === normalizeSpace(snippet.text) &&
              JSON.stringify([item.value, item.unit, item.category, item.indicator]) ===
                JSON.stringify([snippet.value, snippet.unit, snippet.category, snippet.indicator]),
          );
          assert.ok(
            at >= 0,
            `${fixture.slug}: «${snippet.text}» (${snippet.kind}) with its fields`,
          );
          unmatched.splice(at, 1);
          assert.equal(
            article.snapshot.slice(snippet.anchor.start, snippet.anchor.end),
            snippet.anchor.quote,
            "the anchor indexes the snapshot",
          );
        }
        assert.deepEqual(unmatched, [], `${fixture.slug}: every item stored`);
      }
      assert.deepEqual(
        collection.snippets.find((s) => s.id === noted?.id),
        noted,
        "the noted snippet is as the reader left it",
      );
      assert.deepEqual(
        collection.snippets.filter((s) => s.note !== "").map((s) => s.note),
        [NOTE],
        "no note added or doubled",
      );

      for (const tab of Object.values(tabs)) {
        const { saveAll: button, savedNote } = ui(tab.page);
        assert.equal(
          await savedNote.getAttribute("data-saved-count"),
          String(itemCount(tab.fixture)),
          `${tab.name}: every item shown as saved`,
        );
        assert.equal(await button.isDisabled(), true, `${tab.name}: nothing left to save`);
        assert.equal(await ui(tab.page).panel.locator("[role=status]").count(), 0, tab.name);
        const texts = await highlightTexts(tab.page);
        assertSameTexts(
          texts[HIGHLIGHT.saved] ?? [],
          KINDS.flatMap((kind) => texts[HIGHLIGHT[kind]] ?? []),
          `${tab.name}: gvn-saved vs the items`,
        );
      }
    },
  );

  testNoErrorsLogged(session);
});
