/**
 * The article, not the page: articles written for this test, served in the portal layouts of
 * tests/fixtures/layouts (VNPT portal, Liferay, NukeViet, DNN, Joomla, WordPress, a provincial
 * party newspaper whose body arrives by script a second after load). Every layout's chrome has
 * figures and deadlines of its own — related titles, teasers, notices, schedules, counters — some
 * inside the article's own container. In every layout the article's items are highlighted, exactly
 * the items the command line finds in the article's text (headline included), and nothing outside
 * the article is; the page's own date dates a deadline without a year; a page that is not a party
 * article gets nothing; the page's text is what it is without the extension.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import type { ExtractedItem } from "../../lib/extract/types.ts";
import { analyzeText } from "../../lib/page.ts";
import {
  articleHighlights,
  nonSpaceOffsets,
  type PageHighlight,
  toArticleSpan,
} from "../../scripts/eval/article-highlights.ts";
import { type LayoutServer, startLayoutServer } from "../../scripts/eval/layout-server.ts";
import {
  HEADLINE_SELECTOR,
  LATE_BODY_FAMILY,
  LATE_BODY_MARK,
  LAYOUT_FAMILIES,
  type LayoutArticle,
  type LayoutFamily,
  renderInLayout,
} from "../../scripts/eval/layouts.ts";
import { pageItems } from "../../scripts/eval/page-readings.ts";
import { launchPlainBrowser, type PlainBrowser, READING_MARK, waitForReading } from "./harness.ts";
import { pageOwnContent } from "./helpers/page.ts";
import { useSessionOn } from "./helpers/session.ts";

/** How long the extension's readings must stay unchanged to count as settled (ms). */
const QUIET_MS = 1500;

interface TestArticle extends Omit<LayoutArticle, "url"> {
  /** Figures and deadlines that must be highlighted, as `kind: text inside the highlight`. */
  expected: Array<{ kind: "target" | "result" | "deadline"; includes: string }>;
}

/** A resolution article: targets to 2030, a deadline. Under 1,500 characters. */
const RESOLUTION: TestArticle = {
  headline: "Đảng bộ huyện Cái Nước đề ra 18 chỉ tiêu chủ yếu nhiệm kỳ 2025 - 2030",
  date: "2025-07-18",
  paragraphs: [
    "Ngày 17/7, Đại hội đại biểu Đảng bộ huyện Cái Nước lần thứ XV, nhiệm kỳ 2025 - 2030 đã bế mạc sau hai ngày làm việc.",
    "Nghị quyết Đại hội xác định phấn đấu đến năm 2030, thu nhập bình quân đầu người đạt 95 triệu đồng/năm; tỷ lệ hộ nghèo giảm xuống dưới 1,5%; tỷ lệ người dân tham gia bảo hiểm y tế đạt 96%.",
    "Huyện phấn đấu có thêm 05 xã đạt chuẩn nông thôn mới nâng cao; hằng năm kết nạp từ 120 đến 150 đảng viên mới.",
    "Ban Thường vụ Huyện ủy yêu cầu các chi, đảng bộ cơ sở xây dựng chương trình hành động thực hiện Nghị quyết trước ngày 30/9/2025.",
  ],
  expected: [
    { kind: "target", includes: "95 triệu đồng" },
    { kind: "target", includes: "96%" },
    { kind: "deadline", includes: "30/9/2025" },
  ],
};

/** A review: results against the resolution. Short. */
const REVIEW: TestArticle = {
  headline: "Thị xã Ba Đồn sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ",
  date: "2023-06-14",
  paragraphs: [
    "Sáng 13/6, Thị ủy Ba Đồn tổ chức hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ thị xã lần thứ IV, nhiệm kỳ 2020 - 2025.",
    "Sau hai năm rưỡi thực hiện, đã có 14/20 chỉ tiêu đạt và vượt kế hoạch. Tổng thu ngân sách trên địa bàn đạt 1.250 tỷ đồng; tỷ lệ hộ nghèo giảm còn 2,3%.",
    "Đến nay, toàn thị xã có 9/10 xã đạt chuẩn nông thôn mới.",
  ],
  expected: [
    { kind: "result", includes: "14/20 chỉ tiêu" },
    { kind: "result", includes: "1.250 tỷ đồng" },
  ],
};

/** A short conference report whose headline carries a figure. */
const HEADLINE_FIGURE: TestArticle = {
  headline: "Huyện Lộc Ninh phấn đấu 100% xã đạt chuẩn nông thôn mới vào năm 2025",
  date: "2021-03-09",
  paragraphs: [
    "Chiều 8/3, Ban Chấp hành Đảng bộ huyện Lộc Ninh khóa XI, nhiệm kỳ 2020 - 2025 họp phiên thường kỳ, bàn giải pháp thực hiện Nghị quyết Đại hội.",
    "Hội nghị thống nhất mục tiêu đến năm 2025, tỷ lệ che phủ cây xanh đạt 48%, giá trị sản xuất nông nghiệp tăng bình quân 4,5%/năm.",
  ],
  expected: [
    { kind: "target", includes: "100%" },
    { kind: "target", includes: "48%" },
  ],
};

const ARTICLES = [RESOLUTION, REVIEW, HEADLINE_FIGURE];

/** A deadline without a year: the page's date (1 December 2020 or 5 June 2023) gives it one. */
function yearlessDeadline(date: string): TestArticle {
  return {
    headline: "Ban Thường vụ Huyện ủy Vĩnh Thạnh triển khai học tập Nghị quyết Đại hội",
    date,
    paragraphs: [
      "Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ VII, nhiệm kỳ 2020 - 2025, Ban Thường vụ Huyện ủy ban hành kế hoạch học tập, quán triệt đến cán bộ, đảng viên.",
      "Các chi bộ, đảng bộ cơ sở hoàn thành việc học tập trước ngày 25/12 và báo cáo kết quả về Ban Tuyên giáo Huyện ủy.",
      "Phấn đấu có trên 95% cán bộ, đảng viên tham gia học tập.",
    ],
    expected: [{ kind: "deadline", includes: "25/12" }],
  };
}

/** Not a party article: a festival notice, in a layout whose chrome is full of figures. */
const NOT_PARTY: Omit<LayoutArticle, "url"> = {
  headline: "Khai mạc Hội chợ hoa xuân thị trấn Hòn Đất năm 2024",
  date: "2024-01-28",
  paragraphs: [
    "Tối 27/1, tại quảng trường trung tâm, Ủy ban nhân dân thị trấn Hòn Đất khai mạc Hội chợ hoa xuân với hơn 120 gian hàng của các nhà vườn trong và ngoài tỉnh.",
    "Hội chợ mở cửa đến hết ngày 08/02, phục vụ bà con mua sắm hoa, cây cảnh trang trí nhà cửa đón Tết.",
  ],
};

interface Served {
  name: string;
  family: LayoutFamily;
  article: TestArticle | Omit<LayoutArticle, "url">;
  url: string;
  text: string;
}

function serve(
  server: LayoutServer,
  name: string,
  family: LayoutFamily,
  article: Served["article"],
  host: string,
  path: string,
): Served {
  const canonical = `http://${host}${path}`;
  const url = server.add(host, path, renderInLayout(family, { ...article, url: canonical }));
  return { name, family, article, url, text: [article.headline, ...article.paragraphs].join("\n") };
}

/** Waits until the extension has read the page and no other reading came for a while. */
async function settle(page: Page): Promise<void> {
  await waitForReading(page, { timeout: 15_000 });
  let count = -1;
  for (;;) {
    const now = await page.evaluate(
      (name) => performance.getEntriesByName(name, "mark").length,
      READING_MARK,
    );
    if (now === count) return;
    count = now;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

/** The command line's items for the same article text (the same reference date). */
function cliItems(served: Served): ExtractedItem[] {
  return analyzeText(served.text, { url: served.url, date: served.article.date }).items;
}

/** Highlights inside the article as spans of the article's text, with their kind. */
function spans(served: Served, highlights: readonly PageHighlight[]) {
  const offsets = nonSpaceOffsets(served.text);
  return highlights
    .map((h) => ({ kind: h.kind, span: toArticleSpan(h, offsets) }))
    .filter((h) => h.span !== null)
    .map((h) => `${h.kind} ${h.span?.start}-${h.span?.end}`)
    .sort();
}

describe("portal layouts: the article, not the page", () => {
  const session = useSessionOn(startLayoutServer, async () => {
    await Promise.all([...pages.values()].map(({ page }) => page.close()));
    await plain?.close();
  });
  let plain: PlainBrowser;
  const cases: Served[] = [];
  const pages = new Map<string, { page: Page; highlights: PageHighlight[] }>();

  before(async () => {
    for (const [index, family] of LAYOUT_FAMILIES.entries()) {
      const article = ARTICLES[index % ARTICLES.length] as TestArticle;
      cases.push(
        serve(
          session.server,
          family,
          family,
          article,
          `${family}.tamnong.gov.vn`,
          `/tin-tuc/bai-${index}`,
        ),
      );
    }
    plain = await launchPlainBrowser();
  });

  test("every layout family is served", () => {
    assert.deepEqual(
      cases.map((c) => c.family),
      [...LAYOUT_FAMILIES],
    );
  });

  for (const family of LAYOUT_FAMILIES) {
    describe(`${family} layout${family === LATE_BODY_FAMILY ? " (body inserted a second after load)" : ""}`, () => {
      const served = () => cases.find((c) => c.family === family) as Served;

      before(async () => {
        const page = await session.browser.context.newPage();
        const response = await page.goto(served().url);
        assert.equal(response?.status(), 200);
        // The late layout's body is in place, and the extension read the page again since.
        await page.waitForFunction(
          ({ reading, body }) => {
            const inserted = performance.getEntriesByName(body, "mark")[0]?.startTime;
            if (inserted === undefined) return !document.querySelector(".loading");
            return performance
              .getEntriesByName(reading, "mark")
              .some((m) => m.startTime > inserted);
          },
          { reading: READING_MARK, body: LATE_BODY_MARK },
          { polling: 100, timeout: 15_000 },
        );
        await settle(page);
        pages.set(family, {
          page,
          highlights: await articleHighlights(page, HEADLINE_SELECTOR[family]),
        });
      });

      test("the article's figures and deadlines are highlighted as their kind", () => {
        const { highlights } = pages.get(family) ?? { highlights: [] };
        const missing = (served().article as TestArticle).expected.filter(
          (e) => !highlights.some((h) => h.kind === e.kind && h.text.includes(e.includes)),
        );
        assert.deepEqual(missing, [], JSON.stringify(highlights.map((h) => [h.kind, h.text])));
      });

      test("the highlights are exactly the command line's items on the article's text", () => {
        const { highlights } = pages.get(family) ?? { highlights: [] };
        const expected = cliItems(served())
          .map((item) => `${item.kind} ${item.start}-${item.end}`)
          .sort();
        assert.deepEqual(spans(served(), highlights), expected);
      });

      test("nothing outside the article is highlighted", () => {
        const { highlights } = pages.get(family) ?? { highlights: [] };
        const outside = highlights.filter((h) => !h.inArticle).map((h) => `${h.kind} ${h.text}`);
        assert.deepEqual(outside, []);
        assert.ok(highlights.length > 0, "the check saw highlights at all");
      });

      test("the page's text is what it is without the extension", async () => {
        const other = await plain.context.newPage();
        try {
          await other.goto(served().url);
          await other.waitForFunction(() => !document.querySelector(".loading"), null, {
            polling: 100,
          });
          const entry = pages.get(family);
          assert.ok(entry);
          assert.equal(
            (await pageOwnContent(entry.page)).renderedText,
            (await pageOwnContent(other)).renderedText,
          );
        } finally {
          await other.close();
        }
      });
    });
  }

  describe("the page's own date", () => {
    for (const [date, want] of [
      ["2020-12-01", "2020-12-25"],
      ["2023-06-05", "2023-12-25"],
    ] as const) {
      for (const family of ["vnpt", "wordpress"] as const) {
        test(`${family}: a page dated ${date} dates "trước ngày 25/12" to ${want}`, async () => {
          const served = serve(
            session.server,
            `date-${date}`,
            family,
            yearlessDeadline(date),
            "vinhthanh.binhdinh.gov.vn",
            `/tin/${family}-${date}.html`,
          );
          const page = await session.browser.context.newPage();
          try {
            await page.goto(served.url);
            await settle(page);
            const deadline = cliItems(served).find((i) => i.kind === "deadline");
            assert.equal(deadline?.deadline?.date, want, "the command line with --date");
            const highlights = await articleHighlights(page, HEADLINE_SELECTOR[family]);
            assert.deepEqual(spans(served, highlights), [
              ...cliItems(served)
                .map((item) => `${item.kind} ${item.start}-${item.end}`)
                .sort(),
            ]);
            // The extension's own item for it (what the popup lists).
            const shown = await pageItems(session.browser.serviceWorker, page.url());
            const dated = shown.filter((item) => item.kind === "deadline");
            assert.deepEqual(
              dated.map((item) => item.deadline?.date),
              [want],
              "the extension's deadline date",
            );
          } finally {
            await page.close();
          }
        });
      }
    }
  });

  test("a page that is not a party article gets nothing, whatever its chrome holds", async () => {
    const served = serve(
      session.server,
      "not-party",
      "joomla",
      NOT_PARTY,
      "hondat.kiengiang.gov.vn",
      "/tin/hoi-cho.html",
    );
    const page = await session.browser.context.newPage();
    try {
      await page.goto(served.url);
      await settle(page);
      const names = await page.evaluate(() => [...CSS.highlights.keys()]);
      assert.deepEqual(
        names.filter((n) => n.startsWith("gvn-")),
        [],
      );
    } finally {
      await page.close();
    }
  });

  test("no errors on any page", () => {
    assert.equal(session.errors.format(), "");
  });
});
