/**
 * Storage faults in real Chromium, with what the reader is told and what the collection
 * (IndexedDB in the extension's origin, read back with the raw API) holds afterwards. The steps
 * share one browser and build on each other, in order:
 * 1. the collection page's open is blocked by another tab holding an old database open: the page
 *    says so, then opens once that tab lets go, with the old records;
 * 2. a full disk (the DevTools protocol's `Storage.overrideQuotaForOrigin` gives the extension's
 *    origin a 1-byte quota, so IndexedDB aborts every transaction that writes with
 *    `QuotaExceededError`; see `helpers/quota.ts`): saving from the page shows the clear quota
 *    message and every snippet saved before is unchanged; with room again, saving works again;
 * 3. the same on the collection page: an edit that cannot be written raises the alert, the
 *    editor keeps the reader's text and the record is unchanged; an import is refused whole
 *    with the same reason;
 * 4. a newer build upgrades the database (one more store, one more index): our pages and the
 *    background let it (they close their connections), then open it again: saving still works,
 *    the open collection page shows the new snippet, after a reload every record, and nothing is
 *    lost.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { toJson } from "../../lib/export/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { article as articleRecord, snippet as snippetRecord } from "../unit/helpers/records.ts";
import { type ExtensionBrowser, waitForReading } from "./harness.ts";
import {
  extensionUrl,
  listedIds,
  onExtensionPage,
  readSnippet,
  selectTab,
  sortedById,
  TAB,
  waitForCollectionRendered,
  waitForResults,
} from "./helpers/collection.ts";
import { COLLECTION_DB, readCollection, saveSelectionFromMenu } from "./helpers/extension.ts";
import { fixtureUrl, loadFixturePage } from "./helpers/fixtures.ts";
import { HIGHLIGHT, highlightPoint, selectText, ui } from "./helpers/page.ts";
import { type DiskControl, diskControl } from "./helpers/quota.ts";
import { useExtensionSession } from "./helpers/session.ts";

/** A regression here could leave an open waiting forever: fail instead. */
const TIMEOUT = { timeout: 60_000 };

/** The database's version and object stores, read with the raw API in the service worker. */
async function rawLayout(
  browser: ExtensionBrowser,
): Promise<{ version: number; stores: string[] }> {
  return browser.serviceWorker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const layout = { version: db.version, stores: [...db.objectStoreNames].sort() };
    db.close();
    return layout;
  }, COLLECTION_DB);
}

describe("storage faults", () => {
  const session = useExtensionSession();
  /** The extension origin's free space (a DevTools protocol session on a blank page). */
  let disk: DiskControl;

  before(async () => {
    const blank = await session.browser.context.newPage();
    const cdp = await session.browser.context.newCDPSession(blank);
    disk = diskControl(
      cdp,
      session.browser.serviceWorker,
      `chrome-extension://${session.browser.extensionId}`,
    );
    await disk.free();
  });

  describe("1. an open blocked by another tab", () => {
    const old = articleRecord("https://camgiang.haiduong.gov.vn/tin-tuc/hoc-tap-nghi-quyet.html", {
      title: "Huyện ủy Cẩm Giàng học tập Nghị quyết Đại hội",
      locality: "Cẩm Giàng",
      snapshot: "Phấn đấu đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.",
    });
    const oldSnippet = snippetRecord(old, "tỷ lệ bao phủ bảo hiểm y tế đạt 95%", {
      note: "ghi chú từ bản cũ",
    });
    let holder: Page;

    after(async () => {
      await holder?.close();
    });

    test(
      "the collection page says another tab holds it, then opens with the old records",
      TIMEOUT,
      async () => {
        // Another extension page (the options, which never opens the collection) holds an older
        // layout of the database open and ignores requests to close it.
        holder = await session.browser.context.newPage();
        await holder.goto(extensionUrl(session.browser, "options.html"));
        await holder.evaluate(
          async ({ name, article, snippet }) => {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const request = indexedDB.open(name, 5);
              request.onupgradeneeded = () => {
                request.result.createObjectStore("articles", { keyPath: "id" }).add(article);
                request.result.createObjectStore("snippets", { keyPath: "id" }).add(snippet);
              };
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            });
            Object.assign(window, { gvnHeldDatabase: db });
          },
          { name: COLLECTION_DB, article: old, snippet: oldSnippet },
        );

        const page = await session.browser.context.newPage();
        await page.goto(extensionUrl(session.browser, "collection.html?view=list"));
        const alert = page.locator("[role=alert][data-storage-blocked]");
        await alert.waitFor();
        assert.equal(await alert.textContent(), t("storageBlockedOpen"));

        await holder.evaluate(() => {
          (window as unknown as { gvnHeldDatabase: IDBDatabase }).gvnHeldDatabase.close();
        });
        await waitForCollectionRendered(page);
        await waitForResults(page, 1);
        await alert.waitFor({ state: "detached" });
        assert.deepEqual(await listedIds(page), [oldSnippet.id]);
        assert.equal(await page.locator("[role=alert]").count(), 0, "no alert left");
        const collection = await readCollection(session.browser.serviceWorker);
        assert.deepEqual(collection, { articles: [old], snippets: [oldSnippet] }, "nothing lost");
        await page.close();
      },
    );
  });

  describe("2–4. a full disk, then a newer build", () => {
    const fixture = loadFixturePage("travinh-tracu-hoc-tap-nghi-quyet-tinh");
    let page: Page;
    let url: string;

    before(async () => {
      url = fixtureUrl(session.server, fixture);
      page = await session.browser.context.newPage();
      await page.goto(url);
      await waitForReading(page, { recognised: true });
      await ui(page).panel.waitFor();
    });

    after(async () => {
      await disk.free().catch(() => undefined);
      await page?.close();
    });

    test(
      "2. saving on a full disk shows the clear message; earlier snippets are untouched",
      TIMEOUT,
      async () => {
        await page.bringToFront();
        const point = await highlightPoint(page, HIGHLIGHT.target, 0);
        await page.mouse.click(point.x, point.y);
        await ui(page).cardSave.click();
        await ui(page).panel.locator('[data-saved-count="1"]').waitFor();
        const saved = await readCollection(session.browser.serviceWorker);
        assert.equal(saved.snippets.length, 2, "the old snippet and the one saved now");

        await disk.fill();
        await ui(page).saveAll.click();
        const status = ui(page)
          .panel.getByRole("status")
          .filter({ hasText: t("saveFailed", "") });
        await status.waitFor();
        assert.equal(await status.textContent(), t("saveFailed", t("storageQuota")));
        assert.equal(await ui(page).savedNote.textContent(), "Đã lưu: 1", "the page saved nothing");
        assert.deepEqual(
          sortedById(await readCollection(session.browser.serviceWorker)),
          sortedById(saved),
          "every record saved before is unchanged",
        );

        await disk.free();
        await ui(page).saveAll.click();
        const items = fixture.expected.items.length;
        await ui(page).panel.locator(`[data-saved-count="${items}"]`).waitFor();
        const later = await readCollection(session.browser.serviceWorker);
        assert.equal(later.snippets.length, saved.snippets.length - 1 + items);
        for (const record of saved.snippets) {
          assert.deepEqual(
            later.snippets.find((s) => s.id === record.id),
            record,
            record.id,
          );
        }
      },
    );

    test("3. an edit or an import on a full disk raises the alert; nothing changes", TIMEOUT, () =>
      onExtensionPage(session.browser, "collection.html?view=list", async (collection) => {
        const [id] = await listedIds(collection);
        assert.ok(id);
        const stored = await readSnippet(session.browser.serviceWorker, id);
        const item = collection.locator(`li[data-snippet="${id}"]`);
        const note = "Ghi chú dài để vượt hạn mức. ".repeat(40);

        await disk.fill();
        await item.getByRole("button", { name: "Sửa", exact: true }).click();
        await item.getByLabel("Ghi chú").fill(note);
        await item.getByRole("button", { name: "Lưu thay đổi" }).click();
        const alert = collection.locator("[role=alert][data-write-error]");
        await alert.waitFor();
        assert.equal(await alert.textContent(), t("writeFailed", t("storageQuota")));
        assert.equal(await item.getByLabel("Ghi chú").inputValue(), note, "the editor keeps it");
        assert.deepEqual(await readSnippet(session.browser.serviceWorker, id), stored, "unchanged");

        // An import that would change every snippet's note: refused whole, with the same reason.
        const before = sortedById(await readCollection(session.browser.serviceWorker));
        const file = toJson({
          articles: before.articles,
          snippets: before.snippets.map((s) => ({
            ...s,
            note: "từ tệp",
            updatedAt: s.updatedAt + 1,
          })),
        });
        await selectTab(collection, TAB.transfer);
        await collection.locator("[data-import=json]").setInputFiles({
          name: "chi-tieu.json",
          mimeType: "application/json",
          buffer: Buffer.from(file),
        });
        const importAlert = collection.locator("[role=alert][data-storage-failure]");
        await importAlert.waitFor();
        assert.equal(await importAlert.textContent(), t("importWriteFailed", t("storageQuota")));
        assert.deepEqual(
          sortedById(await readCollection(session.browser.serviceWorker)),
          before,
          "the import changed nothing",
        );

        await disk.free();
        await selectTab(collection, TAB.collection);
        await item.getByRole("button", { name: "Sửa", exact: true }).click();
        await item.getByLabel("Ghi chú").fill(note);
        await item.getByRole("button", { name: "Lưu thay đổi" }).click();
        await alert.waitFor({ state: "detached" });
        assert.equal((await readSnippet(session.browser.serviceWorker, id))?.note, note.trim());
      }),
    );

    test(
      "4. a newer build's upgrade: nothing lost, the collection opens, saving works",
      TIMEOUT,
      () =>
        onExtensionPage(session.browser, "collection.html?view=list", async (collection) => {
          const saved = sortedById(await readCollection(session.browser.serviceWorker));
          const { version } = await rawLayout(session.browser);

          // The newer build, in an extension page: one more version, store and index, its own data.
          const upgrade = await collection.evaluate(
            async ({ name, version }) => {
              const events: string[] = [];
              const db = await new Promise<IDBDatabase>((resolve, reject) => {
                const request = indexedDB.open(name, version + 10);
                request.onblocked = () => events.push("blocked");
                request.onupgradeneeded = () => {
                  request.transaction?.objectStore("snippets").createIndex("color", "color");
                  request.result
                    .createObjectStore("highlights", { keyPath: "id" })
                    .add({ id: "h1", style: "underline" });
                };
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              });
              db.close();
              return events;
            },
            { name: COLLECTION_DB, version },
          );
          assert.deepEqual(
            upgrade,
            [],
            "our page and background closed: the upgrade was not blocked",
          );

          // Saving goes on: the background's connection, closed by the upgrade, opens again, and
          // the open collection page (its connection closed too) shows the new snippet.
          await page.bringToFront();
          const quote = "Tăng trưởng kinh tế GRDP";
          await selectText(page, quote);
          const answer = (await saveSelectionFromMenu(
            session.browser.serviceWorker,
            url,
            quote,
          )) as {
            ok: boolean;
            error?: string;
          };
          assert.equal(answer?.ok, true, answer?.error);
          await collection.bringToFront();
          await waitForResults(collection, saved.snippets.length + 1);

          await collection.reload();
          await waitForCollectionRendered(collection);
          await waitForResults(collection, saved.snippets.length + 1);
          assert.equal(await collection.locator("[role=alert]").count(), 0, "no error shown");
          const listed = await listedIds(collection);
          for (const { id } of saved.snippets) assert.ok(listed.includes(id), `${id} is listed`);

          const now = sortedById(await readCollection(session.browser.serviceWorker));
          for (const record of saved.snippets) {
            assert.deepEqual(
              now.snippets.find((s) => s.id === record.id),
              record,
              record.id,
            );
          }
          assert.equal(now.snippets.length, saved.snippets.length + 1, "the new excerpt");
          const layout = await rawLayout(session.browser);
          assert.equal(layout.version, version + 10, "the newer version stays");
          assert.ok(layout.stores.includes("highlights"), "the newer build's store stays");
        }),
    );
  });

  test("no errors in the pages or the service worker", () => {
    assert.equal(session.errors.errors.length, 0, session.errors.format());
  });
});
