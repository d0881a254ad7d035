/**
 * The article region of a portal page (lib/reading via readArticle, on linkedom): the headline
 * and the body after it, never the related lists, teasers, notices, schedules, counters or
 * footers around it — also when they share the article's container and the article is short —
 * and the page's own date from its date line, metadata or address, never the header's "today".
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHTML } from "linkedom";
import { findArticleRegion } from "../../lib/reading/article-region.ts";
import { isChromeTitle, isLinkList } from "../../lib/reading/chrome.ts";
import { dateInLine, dateInUrl } from "../../lib/reading/page-date.ts";
import { readArticle } from "../../lib/recognition/readable.ts";

const HEADLINE = "Huyện ủy Tam Nông sơ kết 6 tháng thực hiện nghị quyết";
const BODY = [
  "Sáng 12/7, Huyện ủy Tam Nông tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.",
  "Tổng giá trị sản xuất ước đạt 2.150 tỷ đồng, tăng 7,2% so với cùng kỳ; có 14/18 chỉ tiêu đạt và vượt kế hoạch.",
  "Huyện phấn đấu đến cuối năm có thêm 02 xã đạt chuẩn nông thôn mới nâng cao.",
];

/** A page around the article: header with today's date, the headline, a date line, the body. */
function page(options: {
  afterBody?: string;
  afterColumn?: string;
  dateLine?: string;
  head?: string;
  body?: string;
}): Document {
  const body = options.body ?? BODY.map((p) => `<p>${p}</p>`).join("\n");
  const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>${HEADLINE} - Cổng thông tin điện tử huyện Tam Nông</title>${options.head ?? ""}</head>
<body>
<div class="header"><span class="today">Hôm nay: Thứ Sáu, 04/12/2026</span>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li></ul></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin">Tin tức</a></div>
<div class="main">
  <div class="col-content">
    <h1 class="title">${HEADLINE}</h1>
    ${options.dateLine ?? '<div class="date">Thứ Hai, 13/07/2020 09:15</div>'}
    <div class="content">
${body}
${options.afterBody ?? ""}
    </div>
  </div>
  ${options.afterColumn ?? ""}
</div>
<div class="footer">Đang truy cập: 175 - Tổng lượt truy cập: 2.018.554. Điện thoại: 0277.3827.100</div>
</body></html>`;
  return parseHTML(html).document;
}

const lines = (text: string) => text.split("\n");

describe("the article region", () => {
  test("the headline is the first line, then the body's paragraphs one a line", () => {
    const read = readArticle(page({}));
    assert.deepEqual(lines(read.text), [HEADLINE, ...BODY]);
    assert.equal(read.title, HEADLINE);
    assert.equal(read.readable, true);
  });

  test("a related list inside the body's own container, after a short body, is left out", () => {
    const read = readArticle(
      page({
        afterBody: `<p><strong>Tin liên quan:</strong></p>
<ul><li><a href="/a">Xã Phú Thọ đạt 95% chỉ tiêu thu ngân sách</a> (02/07/2020)</li>
<li><a href="/b">Hoàn thành nạo vét kênh trước ngày 30/6/2024</a> (28/06/2020)</li></ul>`,
      }),
    );
    assert.deepEqual(lines(read.text), [HEADLINE, ...BODY]);
    assert.ok(read.text.length < 1500, "a short article");
  });

  test("repeated teasers with figures in their summaries (Tin cùng chuyên mục) are left out", () => {
    const teaser = (title: string, summary: string) =>
      `<div class="item"><a href="/x"><img src="data:," alt=""></a><h3><a href="/x">${title}</a></h3><p>${summary}</p></div>`;
    const read = readArticle(
      page({
        afterBody: `<div class="box-same">${teaser(
          "Thị trấn Tràm Chim vượt 12% dự toán thu",
          "Tỷ lệ hộ nghèo giảm còn 2,1% vào cuối năm.",
        )}${teaser("Xã An Long kết nạp 9 đảng viên", "Đạt 100% kế hoạch năm, sớm 3 tháng.")}</div>`,
      }),
    );
    assert.deepEqual(lines(read.text), [HEADLINE, ...BODY]);
  });

  test("a notice and a schedule after the article's column are left out", () => {
    const read = readArticle(
      page({
        afterColumn: `<div class="col-side">
<div class="box"><div class="box-title">Thông báo</div><p>Tỷ lệ hồ sơ giải quyết đúng hạn đạt 87%.</p></div>
<div class="box"><div class="box-title">Lịch công tác</div><p>Thứ Ba 14/07: làm việc với 05 xã, báo cáo trước ngày 20/7/2020.</p></div>
</div>`,
      }),
    );
    assert.deepEqual(lines(read.text), [HEADLINE, ...BODY]);
  });

  test("a box without a chrome name after the body's container ends the body", () => {
    const read = readArticle(
      page({
        afterColumn: `<div class="col-2"><p>Tỷ lệ che phủ cây xanh toàn huyện đạt 41%.</p></div>`,
        afterBody: "",
      }),
    );
    assert.equal(read.text.includes("41%"), false, read.text);
  });

  test("a pointer to another article between paragraphs is passed over, not the body's end", () => {
    const [first, ...rest] = BODY.map((p) => `<p>${p}</p>`);
    const read = readArticle(
      page({
        body: [first, '<p>Xem thêm: <a href="/x">Kết nạp 20 đảng viên</a></p>', ...rest].join("\n"),
      }),
    );
    assert.deepEqual(lines(read.text), [HEADLINE, ...BODY]);
  });

  test("a body of lines and line breaks (DNN's text module) is read line by line", () => {
    const read = readArticle(page({ body: BODY.join("<br>\n<br>\n") }));
    assert.deepEqual(lines(read.text), [HEADLINE, ...BODY]);
  });

  test("the region's parts are the body's paragraphs, and the date line is passed over", () => {
    const region = findArticleRegion(page({}));
    assert.ok(region);
    assert.equal(region.headline.textContent, HEADLINE);
    assert.equal(region.dateLines.length, 1);
    assert.equal(
      region.parts.filter((p) => p.nodeType === 1).length,
      BODY.length,
      "one part a paragraph",
    );
  });

  test("a page without a headline falls back to Readability", () => {
    const { document } = parseHTML(`<html><head><title>Tin tức</title></head><body>
<div class="article">${BODY.map((p) => `<p>${p} ${p}</p>`).join("")}</div></body></html>`);
    assert.equal(findArticleRegion(document), null);
    const read = readArticle(document);
    assert.ok(read.text.includes("14/18 chỉ tiêu"), read.text);
  });
});

describe("the page's own date", () => {
  test("from the date line, not from the header's date of today", () => {
    assert.equal(readArticle(page({})).publishedAt, "2020-07-13");
  });

  test("metadata first", () => {
    const read = readArticle(
      page({
        head: '<meta property="article:published_time" content="2020-07-12T18:00:00+07:00">',
      }),
    );
    assert.equal(read.publishedAt, "2020-07-12");
  });

  test("a month alone (Tháng 7/2020) gives an ISO month", () => {
    assert.equal(
      readArticle(page({ dateLine: '<div class="date">Tháng 7/2020</div>' })).publishedAt,
      "2020-07",
    );
  });

  test("no date line: the address's date; none there: no date (never today's)", () => {
    const withAddress = page({
      dateLine: "",
      head: '<link rel="canonical" href="https://tamnong.dongthap.gov.vn/2020/07/13/so-ket/">',
    });
    assert.equal(readArticle(withAddress).publishedAt, "2020-07-13");
    assert.equal(readArticle(page({ dateLine: "" })).publishedAt, null);
  });

  test("date lines as portals write them", () => {
    assert.equal(dateInLine("Thứ Năm, 15/10/2020 10:34"), "2020-10-15");
    assert.equal(dateInLine("Ngày đăng: 15/09/2020"), "2020-09-15");
    assert.equal(dateInLine("Cập nhật lúc 09:05 ngày 22-12-2020"), "2020-12-22");
    assert.equal(dateInLine("Đăng ngày 3 Tháng 8, 2021"), "2021-08-03");
    assert.equal(dateInLine("Lượt xem: 1.245"), null);
    assert.equal(dateInUrl("https://x.gov.vn/tin-tuc/bai-viet-20201015093000.htm"), "2020-10-15");
    assert.equal(dateInUrl("https://x.gov.vn/nghi-quyet-so-10-ngay-18-8-2021/"), null);
  });
});

describe("chrome", () => {
  test("titles of related lists and sidebar boxes", () => {
    for (const title of ["Tin liên quan", "CÁC TIN KHÁC:", "Tin cùng chuyên mục", "Lịch công tác"])
      assert.equal(isChromeTitle(title), true, title);
    for (const text of ["Tin tưởng vào sự lãnh đạo của Đảng", "Thông qua nghị quyết"])
      assert.equal(isChromeTitle(text), false, text);
  });

  test("a list of links is chrome; a paragraph with one link is not", () => {
    const { document } = parseHTML(`<div>
<ul id="list"><li><a href="/a">Kết nạp 12 đảng viên mới</a></li><li><a href="/b">Thu ngân sách vượt dự toán</a></li></ul>
<p id="para">Theo <a href="/c">kế hoạch</a>, huyện hoàn thành 05 công trình trước ngày 30/9.</p></div>`);
    assert.equal(isLinkList(document.getElementById("list") as Element), true);
    assert.equal(isLinkList(document.getElementById("para") as Element), false);
  });
});
