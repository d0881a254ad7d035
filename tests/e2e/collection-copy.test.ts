/**
 * The collection page loaded from its copy (lib/storage/view-cache.ts), in the real page: the copy
 * lists the collection without each article's saved text and each anchor's context, so what needs
 * those reads the stored records when asked. A collection of more snippets than the first read
 * shows is imported (JSON, through the page's own import), the page writes its copy, and a reload
 * loads from it (the copy checked current in the database); then the saved-text view shows the
 * article's stored text with every snippet marked, and the whole collection's JSON and Web
 * Annotation exports and the table's JSON export of a selection hold the records as stored.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import type { ArticleRecord, SnippetRecord } from "../../lib/snippets/types.ts";
import { FIRST_READ } from "../../lib/storage/newest-read.ts";
import { article, snippet, T0 } from "../unit/helpers/records.ts";
import {
  downloadFrom,
  importThroughPage,
  openExtensionPage,
  selectTab,
  sortedById,
  TAB,
  waitForResults,
} from "./helpers/collection.ts";
import { readCollection } from "./helpers/extension.ts";
import { useExtensionSession } from "./helpers/session.ts";

const PLACES = ["Cẩm Giàng", "Trà Cú", "Đakrông"];
const PER_ARTICLE = 45;

/** An article on each place, each line of its text one target with its own figure. */
const ARTICLES: ArticleRecord[] = PLACES.map((place, a) =>
  article(`https://tinh${a}.gov.vn/tin-tuc/nghi-quyet-dai-hoi.html`, {
    title: `Nghị quyết Đại hội Đảng bộ huyện ${place}`,
    locality: place,
    snapshot: Array.from(
      { length: PER_ARTICLE },
      (_, i) => `Đến năm 2030, tỷ lệ xã ${place} đạt chuẩn số ${i + 1} là ${50 + i}% trở lên.`,
    ).join("\n"),
  }),
);

const SNIPPETS: SnippetRecord[] = ARTICLES.flatMap((source, a) =>
  Array.from({ length: PER_ARTICLE }, (_, i) => {
    const quote = `chuẩn số ${i + 1} là ${50 + i}%`;
    // One snippet whose text is not its anchor's quote (the copy keeps that quote).
    const text = a === 0 && i === 0 ? `${50 + i}%` : quote;
    return snippet(source, quote, {
      text,
      createdAt: T0 + a * PER_ARTICLE + i,
      updatedAt: T0 + a * PER_ARTICLE + i,
    });
  }),
);

/** Runs in the page: the copy's record (its key, the fields it has, its text) and the stamp. */
function readCopyRecord(): Promise<{
  stamp: string | null;
  key: string | null;
  fields: string[];
  text: string | null;
}> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("gvn-collection");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const views = db.transaction(["views"], "readonly").objectStore("views");
      const stamp = views.get("stamp");
      const copy = views.get("collection");
      copy.onsuccess = async () => {
        db.close();
        const record = copy.result as { key: string; listing?: Blob } | undefined;
        resolve({
          stamp: (stamp.result as { key: string } | undefined)?.key ?? null,
          key: record?.key ?? null,
          fields: record ? Object.keys(record).sort() : [],
          text: record?.listing ? await record.listing.text() : null,
        });
      };
      copy.onerror = () => reject(copy.error);
    };
  });
}

/** Waits until the page has written its copy. */
async function waitForCopy(page: Page): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await page.evaluate(readCopyRecord)).key) {
    assert.ok(Date.now() < until, "the page writes its copy after reading the records");
    await page.waitForTimeout(100);
  }
}

/** Reloads the page and waits until every snippet is loaded (the `gvn:collection-loaded` mark). */
async function reloadLoaded(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(
    () => performance.getEntriesByName("gvn:collection-loaded", "mark").length > 0,
  );
}

describe("the collection page from its copy: what needs stored records reads them", () => {
  const session = useExtensionSession();
  let page: Page;

  before(async () => {
    assert.ok(SNIPPETS.length > FIRST_READ, "more snippets than the first read shows");
    session.browser.context.setDefaultTimeout(15_000);
    page = await openExtensionPage(session.browser, "collection.html?view=list");
    await importThroughPage(page, { articles: ARTICLES, snippets: SNIPPETS });
  });

  test("a reload loads from the copy, which leaves out saved texts and anchor context", async () => {
    // The load after the import reads the records and writes the copy.
    await reloadLoaded(page);
    await waitForCopy(page);
    await reloadLoaded(page);
    await waitForResults(page, SNIPPETS.length);
    const copy = await page.evaluate(readCopyRecord);
    assert.ok(copy.key && copy.text, "the copy is there");
    assert.equal(JSON.parse(copy.key)[0], copy.stamp, "and current: the reload loaded from it");
    assert.deepEqual(copy.fields, ["id", "key", "listing"]);
    const firstLine = ARTICLES[0]?.snapshot.split("\n")[1] ?? "";
    const escaped = JSON.stringify(firstLine)
      .slice(1, -1)
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    assert.ok(copy.text.includes("chu\\u1ea9n s\\u1ed1"), "Vietnamese text, escaped");
    assert.equal(copy.text.includes(`${escaped}\\n`), false, "no saved text");
    assert.equal(copy.text.includes('"prefix"'), false, "no anchor context");
  });

  test("the saved-text view shows the stored text with every snippet of the article marked", async () => {
    // The newest snippet, on the list's first page.
    const newest = SNIPPETS[SNIPPETS.length - 1] as SnippetRecord;
    const source = ARTICLES.find((a) => a.id === newest.articleId) as ArticleRecord;
    const item = page.locator(`li[data-snippet="${newest.id}"]`);
    await item.getByRole("button", { name: "Đọc bản lưu", exact: true }).click();
    const text = page.locator(".offline-text");
    await text.waitFor();
    assert.equal(await text.textContent(), source.snapshot);
    const marked = await text
      .locator("mark[data-snippet]")
      .evaluateAll((marks) => marks.map((m) => m.getAttribute("data-snippet")));
    const mine = SNIPPETS.filter((s) => s.articleId === source.id).map((s) => s.id);
    assert.deepEqual([...marked].sort(), [...mine].sort());
    await page.getByRole("button", { name: /Quay lại/ }).click();
  });

  test("the JSON export holds every record exactly as stored", async () => {
    await selectTab(page, TAB.transfer);
    const file = await downloadFrom(page, page.locator("[data-export=json]"));
    const exported = JSON.parse(file.text) as {
      articles: ArticleRecord[];
      snippets: SnippetRecord[];
    };
    const stored = await readCollection(session.browser.serviceWorker);
    assert.equal(stored.snippets.length, SNIPPETS.length);
    assert.deepEqual(sortedById(exported), sortedById(stored));
  });

  test("the Web Annotation export's quote selectors carry each anchor's context", async () => {
    const file = await downloadFrom(page, page.locator("[data-export=web-annotation]"));
    const items = (
      JSON.parse(file.text) as {
        first: {
          items: Array<{
            id: string;
            target: { selector: Array<{ type: string; prefix?: string; suffix?: string }> };
          }>;
        };
      }
    ).first.items;
    assert.equal(items.length, SNIPPETS.length);
    for (const stored of SNIPPETS) {
      const annotation = items.find((a) => a.id === `urn:gvn-chi-tieu:snippet:${stored.id}`);
      const quote = annotation?.target.selector.find((s) => s.type === "TextQuoteSelector");
      assert.equal(quote?.prefix ?? "", stored.anchor.prefix, stored.id);
      assert.equal(quote?.suffix ?? "", stored.anchor.suffix, stored.id);
    }
  });

  test("the table's JSON export of a selection holds the stored records", async () => {
    await selectTab(page, TAB.collection);
    await page.locator("[data-view=table]").click();
    const rows = page.locator("tr[data-snippet-row]");
    await rows.first().locator("input[type=checkbox]").click();
    await rows.nth(1).locator("input[type=checkbox]").click();
    await page.locator("[data-selected='2']").waitFor();
    const chosen = await page
      .locator("tr[data-snippet-row][aria-selected=true]")
      .evaluateAll((r) => r.map((row) => row.getAttribute("data-snippet-row") ?? ""));
    const file = await downloadFrom(page, page.locator("[data-export-selection=json]"));
    const exported = JSON.parse(file.text) as {
      articles: ArticleRecord[];
      snippets: SnippetRecord[];
    };
    const stored = await readCollection(session.browser.serviceWorker);
    const expected = stored.snippets.filter((s) => chosen.includes(s.id));
    assert.equal(expected.length, 2);
    assert.deepEqual(
      sortedById(exported),
      sortedById({
        articles: stored.articles.filter((a) => expected.some((s) => s.articleId === a.id)),
        snippets: expected,
      }),
    );
  });
});
