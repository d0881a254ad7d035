/**
 * One article, many portals: an article written for this test, published on a district portal, a
 * provincial portal and a party paper — three portal layouts, three addresses, small edits (a
 * caption and a source line; a sentence added with a figure of its own). Saved from the first, it
 * shows as saved on the second, with nothing left to save there; saving from the third adds only
 * its new items, to the one article; the collection lists the addresses it was saved from; a copy
 * split off becomes an article of its own with the items first saved from it.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page, Worker } from "playwright-core";
import { startLayoutServer } from "../../scripts/eval/layout-server.ts";
import {
  type LayoutArticle,
  type LayoutFamily,
  renderInLayout,
} from "../../scripts/eval/layouts.ts";
import { waitForReading } from "./harness.ts";
import { extensionUrl, waitForCollectionRendered } from "./helpers/collection.ts";
import { eventually } from "./helpers/compare.ts";
import { type Collection, readCollection } from "./helpers/extension.ts";
import { ui } from "./helpers/page.ts";
import { useSessionOn } from "./helpers/session.ts";

const PARAGRAPHS = [
  "Ngày 14/6, Ban Chấp hành Đảng bộ huyện Sông Mây tổ chức hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XX, nhiệm kỳ 2020 - 2025.",
  "Sau hai năm rưỡi thực hiện Nghị quyết, đến nay thu nhập bình quân đầu người đạt 61 triệu đồng; toàn huyện có 14 xã đạt chuẩn nông thôn mới.",
  "Hội nghị chỉ ra hạn chế: chuyển dịch cơ cấu kinh tế còn chậm, thu hút đầu tư chưa tương xứng với tiềm năng của địa phương.",
  "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm xuống dưới 2%; tỷ lệ trường đạt chuẩn quốc gia đạt 90%.",
];
const ADDED = "Huyện phấn đấu đến năm 2025 có 100% thôn đạt chuẩn khu dân cư văn hóa.";

interface Publication {
  family: LayoutFamily;
  host: string;
  path: string;
  article: Omit<LayoutArticle, "url">;
}

const DISTRICT: Publication = {
  family: "vnpt",
  host: "songmay.vidu.gov.vn",
  path: "/tin-tuc/so-ket-giua-nhiem-ky.html",
  article: {
    headline: "Huyện Sông Mây sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội",
    date: "2023-06-15",
    paragraphs: PARAGRAPHS,
  },
};
const PROVINCE: Publication = {
  family: "joomla",
  host: "vidu.gov.vn",
  path: "/chinh-tri/song-may-so-ket.html",
  article: {
    headline: "Sông Mây sơ kết giữa nhiệm kỳ",
    date: "2023-06-15",
    paragraphs: ["Ảnh: Quang cảnh hội nghị.", ...PARAGRAPHS, "Nguồn: huyện Sông Mây."],
  },
};
const PAPER: Publication = {
  family: "wordpress",
  host: "baovidu.gov.vn",
  path: "/thoi-su/song-may-so-ket.html",
  article: {
    headline: "Sông Mây: sơ kết giữa nhiệm kỳ Nghị quyết Đại hội Đảng bộ huyện",
    date: "2023-06-16",
    paragraphs: [...PARAGRAPHS, ADDED],
  },
};

/** The republications the collection database keeps (the `copies` store), by address. */
async function storedCopies(
  serviceWorker: Worker,
): Promise<Array<{ url: string; articleId: string }>> {
  return serviceWorker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("gvn-collection");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains("copies")) return [];
      return await new Promise<Array<{ url: string; articleId: string }>>((resolve, reject) => {
        const request = db.transaction("copies").objectStore("copies").getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  });
}

describe("one article on three portals", () => {
  const session = useSessionOn(startLayoutServer);
  const urls = new Map<Publication, string>();

  before(async () => {
    for (const p of [DISTRICT, PROVINCE, PAPER]) {
      const canonical = `http://${p.host}${p.path}`;
      urls.set(
        p,
        session.server.add(
          p.host,
          p.path,
          renderInLayout(p.family, { ...p.article, url: canonical }),
        ),
      );
    }
  });

  const collectionWhen = (done: (c: Collection) => boolean) =>
    eventually(() => readCollection(session.browser.serviceWorker), done);

  async function openPublication(p: Publication): Promise<Page> {
    const page = await session.browser.context.newPage();
    await page.goto(urls.get(p) as string);
    await waitForReading(page, { recognised: true });
    await page.bringToFront();
    return page;
  }

  /** How many items the panel shows on the page, all kinds together. */
  async function itemCount(page: Page): Promise<number> {
    let total = 0;
    for (const kind of ["target", "result", "deadline"]) {
      const text = (await ui(page).count(kind).textContent()) ?? "0";
      total += Number(text.replace(/\D/g, "") || 0);
    }
    return total;
  }

  let firstSaved = 0;

  test("saved from the district portal: one article", async () => {
    const page = await openPublication(DISTRICT);
    firstSaved = await itemCount(page);
    assert.ok(firstSaved >= 3, `items on the page: ${firstSaved}`);
    await ui(page).saveAll.click();
    await ui(page).panel.locator(`[data-saved-count="${firstSaved}"]`).waitFor();
    const collection = await collectionWhen((c) => c.snippets.length >= firstSaved);
    assert.equal(collection.articles.length, 1);
    assert.equal(collection.snippets.length, firstSaved);
    await page.close();
  });

  test("on the provincial portal its items show as saved: nothing is left to save there", async () => {
    const page = await openPublication(PROVINCE);
    assert.equal(await itemCount(page), firstSaved);
    await ui(page).panel.locator(`[data-saved-count="${firstSaved}"]`).waitFor();
    assert.equal(await ui(page).saveAll.isDisabled(), true);
    assert.equal(await ui(page).saveAll.textContent(), "Đã lưu tất cả");
    const collection = await readCollection(session.browser.serviceWorker);
    assert.deepEqual([collection.articles.length, collection.snippets.length], [1, firstSaved]);
    await page.close();
  });

  let paperItems = 0;

  test("from the party paper only the items of its added sentence are new, in the one article", async () => {
    const page = await openPublication(PAPER);
    paperItems = await itemCount(page);
    assert.ok(paperItems > firstSaved, `items on the paper's page: ${paperItems}`);
    await ui(page).panel.locator(`[data-saved-count="${firstSaved}"]`).waitFor();
    await ui(page).saveAll.click();
    await ui(page).panel.locator(`[data-saved-count="${paperItems}"]`).waitFor();
    const collection = await collectionWhen((c) => c.snippets.length === paperItems);
    assert.equal(collection.articles.length, 1);
    assert.equal(collection.snippets.length, paperItems);
    const copies = await eventually(
      () => storedCopies(session.browser.serviceWorker),
      (list) => list.length === 1,
    );
    assert.deepEqual(
      copies.map((c) => [new URL(c.url).hostname, c.articleId]),
      [[PAPER.host, collection.articles[0]?.id]],
    );
    await page.close();
  });

  test("the collection lists the addresses; the paper's copy is split off with its items", async () => {
    const page = await session.browser.context.newPage();
    // The list view: each item offers the saved copy of its article.
    await page.goto(extensionUrl(session.browser, "collection.html?view=list"));
    await waitForCollectionRendered(page);
    await page.getByRole("button", { name: "Đọc bản lưu" }).first().click();
    const addresses = page.locator("section.addresses");
    await addresses.waitFor();
    assert.deepEqual(
      (await addresses.locator("li a").allTextContents()).sort(),
      [DISTRICT.host, PAPER.host].sort(),
    );
    await addresses
      .getByRole("button", { name: `Tách bản đăng tại ${PAPER.host} thành bài riêng` })
      .click();
    await addresses.getByRole("status").filter({ hasText: PAPER.host }).waitFor();
    const collection = await collectionWhen((c) => c.articles.length === 2);
    const paper = collection.articles.find((a) => a.site === PAPER.host);
    assert.ok(paper, "the paper's copy is an article of its own");
    const moved = collection.snippets.filter((s) => s.articleId === paper.id);
    assert.equal(moved.length, paperItems - firstSaved);
    assert.ok(moved.every((s) => s.sentence.includes("khu dân cư văn hóa")));
    assert.equal(collection.snippets.length, paperItems);
    // Only the first address is left.
    assert.deepEqual(
      await eventually(
        () => addresses.locator("li a").allTextContents(),
        (list) => list.length === 1,
      ),
      [DISTRICT.host],
    );
    await page.close();
    assert.deepEqual(session.errors.errors, [], session.errors.format());
  });
});
