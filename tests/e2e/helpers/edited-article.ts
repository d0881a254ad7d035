/**
 * An article the portal edits between two visits, for the suites on changed figures and
 * re-attached snippets: the project's own demo article (tests/e2e/pages/demo-bai-viet, written for
 * tests) served in memory under its own slug, so a suite can serve an edited version at the same
 * address; and the few moves those suites share (open and wait, save all, give a snippet a note,
 * the context menu's re-attach).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import type { Page, Worker } from "playwright-core";
import type { SnippetRecord } from "../../../lib/snippets/types.ts";
import {
  E2E_PAGES_DIR,
  type ErrorCollector,
  type ExtensionBrowser,
  GOV_HOST,
  type PortalServer,
  portalUrl,
  type ReadingDetail,
} from "../harness.ts";
import { openArticle, reloadArticle, saveAllFromPanel } from "./article-tab.ts";
import { eventually } from "./compare.ts";
import { readCollection, tabIdFor } from "./extension.ts";
import { HIGHLIGHT, highlightTexts } from "./page.ts";
import { type ExtensionSession, openExtensionSession } from "./session.ts";
import { patchStoredSnippet } from "./stored-snippets.ts";

export const DEMO_HTML = readFileSync(
  path.join(E2E_PAGES_DIR, "demo-bai-viet/source.html"),
  "utf8",
);

/** How many items the demo article has (all saved by "Lưu tất cả"). */
export const DEMO_ITEMS = 14;

/** A target of the demo article, saved as it stands. */
export const DEMO_INSURANCE = "Tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95%";

/** `html` with each `[from, to]` replaced once (each `from` must be there). */
export function edited(html: string, edits: ReadonlyArray<readonly [string, string]>): string {
  let out = html;
  for (const [from, to] of edits) {
    assert.ok(out.includes(from), `the article has «${from}»`);
    out = out.replace(from, to);
  }
  return out;
}

export function articleUrl(server: PortalServer, slug: string): string {
  return portalUrl(GOV_HOST, server.port, slug);
}

/** "Lưu tất cả", then the collection's snippets once all `count` are there. */
export async function saveAll(
  browser: ExtensionBrowser,
  page: Page,
  count: number,
): Promise<SnippetRecord[]> {
  await saveAllFromPanel(page, count);
  const collection = await eventually(
    () => readCollection(browser.serviceWorker),
    (c) => c.snippets.length >= count,
  );
  return collection.snippets;
}

/** The collection's snippets, once `done` holds for them (or after the wait gives up). */
async function snippetsWhen(
  browser: ExtensionBrowser,
  done: (snippets: SnippetRecord[]) => boolean,
): Promise<SnippetRecord[]> {
  return (
    await eventually(
      () => readCollection(browser.serviceWorker),
      (c) => done(c.snippets),
    )
  ).snippets;
}

/**
 * Gives a stored snippet a note and tags as the reader would have (a raw write in the extension's
 * origin, standing for an earlier session in the collection page).
 */
export async function giveNote(
  serviceWorker: Worker,
  id: string,
  note: string,
  tags: string[],
): Promise<void> {
  await patchStoredSnippet(serviceWorker, id, { note, tags });
}

/**
 * The context menu's *Gắn lại vào đây* on the tab showing `url`. An automated browser cannot click
 * a context menu: this calls the function the menu's click handler calls, which the background
 * exposes to tests (service worker scope only).
 */
export async function reattachFromMenu(serviceWorker: Worker, url: string): Promise<unknown> {
  const tabId = await tabIdFor(serviceWorker, url);
  return serviceWorker.evaluate(async (tabId) => {
    const globals = globalThis as unknown as {
      gvnReattachSelectionInTab?: (tabId: number) => Promise<unknown>;
    };
    if (typeof globals.gvnReattachSelectionInTab !== "function") {
      throw new Error("the background does not expose gvnReattachSelectionInTab");
    }
    return globals.gvnReattachSelectionInTab(tabId);
  }, tabId);
}

/** The texts highlighted as saved on the page, white space folded. */
async function savedTexts(page: Page): Promise<string[]> {
  return ((await highlightTexts(page))[HIGHLIGHT.saved] ?? []).map((t) => t.replace(/\s+/g, " "));
}

/** A note and tags the reader gave the saved snippet with `text` in an earlier session. */
export interface EarlierNote {
  text: string;
  note: string;
  tags: string[];
}

/** The demo article saved, given notes, then edited by the portal and visited again. */
export interface EditedArticle {
  session: ExtensionSession;
  /** The article's tab, reloaded on the edited version. */
  page: Page;
  url: string;
  /** The reading of the edited version. */
  reading: ReadingDetail;
  /** The collection's snippets as saved (with their notes), before the edit. */
  saved: SnippetRecord[];
  /** The saved snippet with `text` (there must be one). */
  byText(text: string): SnippetRecord;
  /** The collection's snippets, once `done` holds for them (or after the wait gives up). */
  snippetsWhen(done: (snippets: SnippetRecord[]) => boolean): Promise<SnippetRecord[]>;
  /** The texts highlighted as saved on the tab, white space folded. */
  savedTexts(): Promise<string[]>;
  /** Closes the tab, then the session. */
  close(): Promise<void>;
}

/**
 * Serves the demo article at `slug`, opens it and saves all its items, gives the `notes`, then
 * serves the article with `edits` made at the same address and reloads the tab.
 */
export async function openEditedArticle(
  slug: string,
  notes: readonly EarlierNote[],
  edits: ReadonlyArray<readonly [string, string]>,
): Promise<EditedArticle> {
  const session = await openExtensionSession({ pages: { [slug]: DEMO_HTML } });
  let page: Page | undefined;
  try {
    const { server, browser } = session;
    const url = articleUrl(server, slug);
    ({ page } = await openArticle(browser, url));
    let saved = await saveAll(browser, page, DEMO_ITEMS);
    const byText = (text: string): SnippetRecord => {
      const found = saved.find((s) => s.text === text);
      assert.ok(found, `a saved snippet «${text}»`);
      return found;
    };
    for (const { text, note, tags } of notes) {
      await giveNote(browser.serviceWorker, byText(text).id, note, tags);
    }
    saved = await snippetsWhen(browser, (all) =>
      notes.every(({ note }) => all.some((s) => s.note === note)),
    );
    server.setPage(slug, edited(DEMO_HTML, edits));
    const reading = await reloadArticle(page);
    const tab = page;
    return {
      session,
      page: tab,
      url,
      reading,
      saved,
      byText,
      snippetsWhen: (done) => snippetsWhen(browser, done),
      savedTexts: () => savedTexts(tab),
      async close() {
        await tab.close();
        await session.close();
      },
    };
  } catch (error) {
    await page?.close();
    await session.close();
    throw error;
  }
}

/** The edited article as a suite's tests see it, with its session's browser and error log. */
export interface EditedSuite extends EditedArticle {
  browser: ExtensionBrowser;
  errors: ErrorCollector;
}

/**
 * `openEditedArticle` for a suite: opened before its tests (call it first in the `describe`),
 * closed after them. Its fields are read in the tests (before it opens, reading one fails).
 */
export function useEditedArticle(
  slug: string,
  notes: readonly EarlierNote[],
  edits: ReadonlyArray<readonly [string, string]>,
): EditedSuite {
  let opened: EditedArticle | undefined;
  before(async () => {
    opened = await openEditedArticle(slug, notes, edits);
  });
  after(async () => {
    await opened?.close();
  });
  return new Proxy({} as EditedSuite, {
    get(_, key) {
      assert.ok(opened, `the edited article is not open yet (reading ${String(key)})`);
      if (key === "browser") return opened.session.browser;
      if (key === "errors") return opened.session.errors;
      return Reflect.get(opened, key);
    },
    set() {
      throw new Error("the edited article is read, not written");
    },
  });
}
