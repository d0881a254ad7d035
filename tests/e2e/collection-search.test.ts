/**
 * Collection search shows and marks what it matched, in the real collection page: a collection
 * written for this test is imported (JSON, through the page's own import), then searched without
 * diacritics. Every hit shows each word of the query — in its quote, fields, note, tags or
 * source, or else in the part of its sentence that holds it — and the words are marked with
 * `<mark>` elements around the page's text, which stays text.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { queryWords } from "../../lib/collection/index.ts";
import { article, snippet } from "../unit/helpers/records.ts";
import {
  foldVi,
  importThroughPage,
  listedIds,
  openExtensionPage,
  selectTab,
  TAB,
  waitForResults,
} from "./helpers/collection.ts";
import { useExtensionSession } from "./helpers/session.ts";

const HOSTILE = "<img src=x onerror=\"document.title='owned'\">";

const A = article("https://tuyengiao.travinh.gov.vn/tin/dai-hoi-xa-an-binh.html", {
  title: "Đại hội Đảng bộ xã An Bình nhiệm kỳ 2025 - 2030",
  locality: "An Bình",
  organization: "Đảng ủy xã An Bình",
  snapshot: [
    "Đại hội Đảng bộ xã An Bình nhiệm kỳ 2025 - 2030",
    "Đến năm 2030, tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%.",
    "Phấn đấu thu nhập bình quân đầu người tăng gấp 1,5 lần so với năm 2025; duy trì tỷ lệ bao phủ bảo hiểm y tế trên 92% dân số; giữ vững quốc phòng, an ninh.",
    "Xây dựng xã đạt chuẩn nông thôn mới nâng cao.",
    "Hằng năm kết nạp từ 10 đến 12 đảng viên mới.",
    `Ghi nhận ${HOSTILE} tỷ lệ hộ nghèo dưới 1%.`,
  ].join("\n"),
});

const SNIPPETS = [
  // The words in the quote itself.
  snippet(A, "tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%", { indicator: "tỷ lệ tham gia" }),
  // The words only in the sentence, which the list does not show.
  snippet(A, "trên 92% dân số", { kind: "result" }),
  // The words in the note.
  snippet(A, "kết nạp từ 10 đến 12 đảng viên mới", { note: "Liên quan Bảo hiểm Y tế? Không." }),
  // Page text that looks like HTML, with the words.
  snippet(A, `${HOSTILE} tỷ lệ hộ nghèo dưới 1%`, { tags: ["bảo hiểm y tế"] }),
  // No such words anywhere.
  snippet(A, "xã đạt chuẩn nông thôn mới nâng cao"),
];

const QUERY = "bao hiem y te";

/** What each listed hit shows: its visible text, its marks, its sentence line. */
async function hits(page: Page) {
  return page.locator("li[data-snippet]").evaluateAll((items) =>
    items.map((item) => ({
      id: item.getAttribute("data-snippet") ?? "",
      // What the reader sees (rendered text), not the DOM's text.
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here
      visible: (item as HTMLElement).innerText,
      marks: [...item.querySelectorAll("mark.match")].map((m) => m.textContent ?? ""),
      sentence: item.querySelector("[data-match=sentence]")?.textContent ?? null,
      marksAreText: [...item.querySelectorAll("mark.match")].every(
        (m) => m.childNodes.length === 1 && m.firstChild?.nodeType === Node.TEXT_NODE,
      ),
      images: item.querySelectorAll("img").length,
    })),
  );
}

describe("collection search shows and marks what matched", () => {
  const session = useExtensionSession();
  let page: Page;

  before(async () => {
    session.browser.context.setDefaultTimeout(10_000);
    page = await openExtensionPage(session.browser, "collection.html?view=list");
    await importThroughPage(page, { articles: [A], snippets: SNIPPETS });
    await selectTab(page, TAB.collection);
    await waitForResults(page, SNIPPETS.length);
  });

  test("without a query nothing is marked and no sentence is added", async () => {
    for (const hit of await hits(page)) {
      assert.deepEqual(hit.marks, [], hit.id);
      assert.equal(hit.sentence, null, hit.id);
    }
  });

  test("bao hiem y te: every hit shows and marks the words it matched", async () => {
    const search = page.getByLabel("Tìm trong bộ sưu tập");
    await search.fill(QUERY);
    const expected = SNIPPETS.slice(0, 4).map((s) => s.id);
    await waitForResults(page, expected.length);
    assert.deepEqual((await listedIds(page)).sort(), [...expected].sort());
    const words = queryWords(QUERY);
    const shown = await hits(page);
    for (const hit of shown) {
      const visible = foldVi(hit.visible);
      for (const word of words) {
        assert.ok(visible.includes(word), `hit ${hit.id} shows “${word}”: ${hit.visible}`);
      }
      const marked = new Set(hit.marks.map(foldVi));
      for (const word of words) assert.ok(marked.has(word), `“${word}” marked: ${hit.marks}`);
      for (const mark of hit.marks) {
        assert.ok(words.includes(foldVi(mark)), `only query words are marked: ${mark}`);
      }
      assert.ok(hit.marksAreText, "each mark holds one text node");
      assert.equal(hit.images, 0, "page text that looks like HTML stays text");
    }
    // The hit whose words are only in its sentence shows that part of the sentence.
    const hidden = shown.find((hit) => hit.id === SNIPPETS[1]?.id);
    assert.ok(hidden?.sentence, "the sentence line is shown");
    assert.match(hidden.sentence, /^Câu: …?.*bảo hiểm y tế trên 92% dân số/);
    // `bao` starts «bao phủ» too; nothing is marked inside words («nhiệm kỳ» in the title).
    assert.deepEqual(hidden.marks, ["bao", "bảo", "hiểm", "y", "tế"]);
    // The others show the words where they are, without a sentence line.
    for (const hit of shown.filter((h) => h.id !== SNIPPETS[1]?.id)) {
      assert.equal(hit.sentence, null, `${hit.id}: the words are in what it shows`);
    }
    const hostile = shown.find((hit) => hit.id === SNIPPETS[3]?.id);
    assert.ok(hostile?.visible.includes(HOSTILE), "the quote's markup is shown as text");
    await page.screenshot({ path: "/tmp/gs/wt-ux-search.png", fullPage: true });
  });

  test("with diacritics and in capitals the same hits are marked", async () => {
    await page.getByLabel("Tìm trong bộ sưu tập").fill("BẢO HIỂM");
    await waitForResults(page, 4);
    for (const hit of await hits(page)) {
      assert.deepEqual(
        [...new Set(hit.marks.map(foldVi))].sort(),
        ["bao", "hiem"],
        `${hit.id}: ${hit.marks}`,
      );
    }
    await page.getByLabel("Tìm trong bộ sưu tập").fill("");
    await waitForResults(page, SNIPPETS.length);
  });

  test("no errors, and the page's title untouched", async () => {
    assert.notEqual(await page.title(), "owned");
    assert.equal(session.errors.errors.length, 0, session.errors.format());
  });
});
