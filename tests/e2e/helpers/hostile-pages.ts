/**
 * Hostile portal pages for the hardening tests, built from a real seed page (its portal chrome and
 * article text kept): the article grown to megabytes, cut into tens of thousands of text nodes,
 * buried under thousands of nested elements, rewritten by the page every 100 ms, or framed.
 * Every page records `hostile:ready` (a performance mark) once it has finished building itself.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FIXTURE_PAGES_DIR } from "../harness.ts";

/** The seed page the hostile pages are made from (a party-news article in its portal's chrome). */
export const HOSTILE_SEED = "travinh-tracu-hoc-tap-nghi-quyet-tinh";

export const READY_MARK = "hostile:ready";

const CONTENT_OPEN = '<div class="content">';

interface SeedParts {
  /** The page up to and including the article's content element's start tag. */
  head: string;
  /** The article's paragraphs (HTML). */
  body: string;
  /** The rest of the page, from the content element's end tag. */
  tail: string;
}

function seedParts(): SeedParts {
  const html = readFileSync(path.join(FIXTURE_PAGES_DIR, HOSTILE_SEED, "source.html"), "utf8");
  const start = html.indexOf(CONTENT_OPEN);
  const end = html.indexOf("</div>", start);
  if (start < 0 || end < 0) throw new Error(`${HOSTILE_SEED}: no ${CONTENT_OPEN} in the seed`);
  return {
    head: html.slice(0, start + CONTENT_OPEN.length),
    body: html.slice(start + CONTENT_OPEN.length, end),
    tail: html.slice(end),
  };
}

/** The paragraphs of the seed's article (their inner HTML: plain text with entities). */
function seedParagraphs(): string[] {
  return [...seedParts().body.matchAll(/<p>([\s\S]*?)<\/p>/g)]
    .map((m) => m[1] ?? "")
    .filter((p) => p.trim().length > 40);
}

/** A script that runs at the end of the page and marks it ready. */
function readyScript(code = ""): string {
  return `<script>${code}\nperformance.mark(${JSON.stringify(READY_MARK)});</script>`;
}

function withArticle(body: string, extra = ""): string {
  const { head, tail } = seedParts();
  const end = tail.lastIndexOf("</body>");
  return `${head}${body}${tail.slice(0, end)}${extra}${tail.slice(end)}`;
}

/** The seed page unchanged, but marked ready (a baseline for the others). */
export function plainPage(): string {
  return withArticle(seedParts().body, readyScript());
}

/** The seed's article repeated, part after numbered part, until the page holds `bytes` of text. */
export function hugeArticlePage(bytes = 5 * 1024 * 1024): string {
  const paragraphs = seedParagraphs();
  const parts: string[] = [];
  let size = 0;
  for (let part = 1; size < bytes; part++) {
    const heading = `<h2>Phần ${part}</h2>`;
    parts.push(heading);
    size += heading.length;
    for (const paragraph of paragraphs) {
      const html = `<p>${paragraph}</p>\n`;
      parts.push(html);
      size += Buffer.byteLength(html);
    }
  }
  return withArticle(parts.join(""), readyScript());
}

/** The seed's article repeated until `chars` characters, each part one long paragraph (few elements). */
export function longParagraphsPage(chars = 5 * 1024 * 1024): string {
  const paragraph = seedParagraphs().join(" ");
  const parts: string[] = [];
  let size = 0;
  for (let part = 1; size < chars; part++) {
    parts.push(`<h2>Phần ${part}</h2>\n<p>${paragraph}</p>\n`);
    size += paragraph.length;
  }
  return withArticle(parts.join(""), readyScript());
}

/** The seed's article with every word in an element of its own: `nodes` text nodes or more. */
export function manyTextNodesPage(nodes = 50_000): string {
  const paragraphs = seedParagraphs();
  const parts: string[] = [];
  let count = 0;
  while (count < nodes) {
    for (const paragraph of paragraphs) {
      const words = paragraph.split(/\s+/).filter(Boolean);
      parts.push(`<p>${words.map((word) => `<span>${word}</span>`).join(" ")}</p>\n`);
      count += words.length * 2;
    }
  }
  return withArticle(parts.join(""), readyScript());
}

/**
 * The seed's article inside `depth` nested elements. The HTML parser flattens nesting past a few
 * hundred levels, so the page's own script builds the nesting before the page finishes loading.
 * (Headless Chromium's renderer itself crashes from about 3,000 levels, extension or not.)
 */
export function deepNestingPage(depth = 2_000): string {
  const code = `(() => {
    const content = document.querySelector(".content");
    let outer = document.createElement("div");
    let inner = outer;
    for (let i = 1; i < ${depth}; i++) {
      const next = document.createElement(i % 2 ? "div" : "section");
      inner.appendChild(next);
      inner = next;
    }
    while (content.firstChild) inner.appendChild(content.firstChild);
    content.appendChild(outer);
  })();`;
  return withArticle(seedParts().body, readyScript(code));
}

/**
 * The seed page whose script rewrites its DOM every 100 ms for `forMs`: a ticking clock in the
 * header, a rotating sidebar, and the article's paragraphs re-rendered with the same text (new
 * nodes each time). `hostile:rewrites-stopped` marks the end.
 */
export function rewritingPage(forMs = 6_000): string {
  const code = `(() => {
    const content = document.querySelector(".content");
    const html = content.innerHTML;
    const clock = document.createElement("div");
    clock.id = "hostile-clock";
    document.body.prepend(clock);
    const aside = document.createElement("aside");
    document.body.append(aside);
    let tick = 0;
    const timer = setInterval(() => {
      tick++;
      clock.textContent = "Cập nhật lúc " + new Date().toISOString() + " (" + tick + ")";
      aside.innerHTML = "<ul>" + Array.from({ length: 20 }, (_, i) =>
        "<li><a href='#'>Tin " + (tick * 20 + i) + "</a></li>").join("") + "</ul>";
      content.innerHTML = html;
    }, 100);
    setTimeout(() => {
      clearInterval(timer);
      performance.mark("hostile:rewrites-stopped");
    }, ${forMs});
  })();`;
  return withArticle(seedParts().body, readyScript(code));
}

/**
 * The seed page with frames: a same-site frame showing the article again, a frame of another
 * portal, an inline (srcdoc) frame, a sandboxed one and frames nested three deep.
 */
export function framedPage(frameUrl: string, otherPortalUrl: string): string {
  const srcdoc = `<p>Khung nội tuyến: chỉ tiêu 95% dân số tham gia bảo hiểm y tế.</p>`;
  const nested = `<iframe title="Khung lồng 2" srcdoc="${escapeAttribute(
    `<iframe title="Khung lồng 3" srcdoc="${escapeAttribute(srcdoc)}"></iframe>`,
  )}"></iframe>`;
  const frames = [
    `<iframe title="Bài viết trong khung" src="${escapeAttribute(frameUrl)}" width="600" height="300"></iframe>`,
    `<iframe title="Cổng khác" src="${escapeAttribute(otherPortalUrl)}" width="600" height="300"></iframe>`,
    `<iframe title="Khung nội tuyến" srcdoc="${escapeAttribute(srcdoc)}"></iframe>`,
    `<iframe title="Khung hộp cát" sandbox="" srcdoc="${escapeAttribute(srcdoc)}"></iframe>`,
    `<iframe title="Khung lồng 1" srcdoc="${escapeAttribute(nested)}"></iframe>`,
  ].join("\n");
  return withArticle(seedParts().body, `${frames}\n${readyScript()}`);
}

/** An old-style page made of a frameset (no body): the article in one frame, a menu in another. */
export function framesetPage(frameUrl: string): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin (khung)</title></head>
<frameset cols="200,*">
  <frame name="menu" title="Danh mục" srcdoc="<ul><li>Trang chủ</li><li>Tin tức</li></ul>">
  <frame name="main" title="Nội dung" src="${escapeAttribute(frameUrl)}">
</frameset>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}
