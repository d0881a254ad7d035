/**
 * What a portal page's chrome looks like, as opposed to its article: elements that are never the
 * article (navigation, sidebars, footers, forms), the names portals give such boxes, the titles of
 * related-news lists and sidebar boxes, lists of links and repeated teaser blocks. Pure DOM: works on
 * the live page and on a server-side DOM (linkedom).
 */
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS } from "../text/dom-text.ts";
import { foldDiacritics } from "../text/fold.ts";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that hold no reader-visible text of the article. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  ...SKIPPED_ELEMENTS,
  "BUTTON",
  "INPUT",
  "LINK",
  "META",
]);

/** Elements that are chrome by what they are. */
const CHROME_TAGS = new Set(["NAV", "ASIDE", "FOOTER", "FORM", "MENU"]);

/** Elements that start a line of text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  ...BLOCK_ELEMENTS,
  "CENTER",
  "TBODY",
  "THEAD",
]);

/**
 * Class and id words of boxes that are not the article (a word inside a longer name counts:
 * `box-lichcongtac`, `tinlienquan`, `sidebar-right`, `other_news`).
 */
const CHROME_NAME =
  /sidebar|side-bar|aside|banner|breadcrumb|menu|navbar|footer|header|comment|binhluan|binh-luan|related|lienquan|lien-quan|lien_quan|tinkhac|tin-khac|tin_khac|othernews|other-news|other_news|tincungchuyenmuc|cung-chuyen-muc|samecat|same-cat|share|social|tags?(?:$|[-_\s])|keyword|tukhoa|tu-khoa|counter|thongke|thong-ke|visitor|truycap|truy-cap|lichcongtac|lich-cong-tac|lich_cong_tac|schedule|calendar|thongbao|thong-bao|notice|announce|advert|quangcao|quang-cao|(?:^|[-_\s])ads?(?:$|[-_\s])|poll|survey|widget|weblink|lienket|lien-ket|toolbar|pagination|pager|copyright|most-?read|docnhieu|doc-nhieu|mostview|xemnhieu|xem-nhieu|tinmoi|tin-moi|newest|latest|hotnews|tin-?noi-?bat/i;

/** Class and id words of the article itself, which outweigh a chrome word in the same name. */
const CONTENT_NAME =
  /(?:^|[-_\s])(?:content|article|detail|chitiet|chi-tiet|noidung|noi-dung|fulltext|body|post|entry|story|news-?detail|journal-content)(?:$|[-_\s])/i;

/** Titles of related-news lists and sidebar boxes (folded: no diacritics, lower case). */
const CHROME_TITLE =
  /^(?:(?:cac |nhung )?(?:tin|bai|bai viet|tin bai)(?: viet)? (?:lien quan|cung chuyen muc|cung danh muc|khac|moi|moi hon|cu hon|moi nhat|doc nhieu|xem nhieu|noi bat|da dua|truoc|tiep theo)|cac (?:tin|bai)(?: viet)?(?: khac| lien quan| da dua)?|xem them|doc them|thong bao|lich cong tac|lich lam viec|lien ket(?: website| web)?|thong ke truy cap|van ban moi|binh luan|y kien(?: ban doc)?|gui y kien|chia se|tu khoa|tags?|chuyen muc|tin anh|video|thu vien anh|su kien|tieu diem|tin tuc khac|tin nong)\b/;

/** Text of a node with runs of white space collapsed, trimmed. */
export function squashedText(node: Node): string {
  return (node.textContent ?? "").replace(/\s+/g, " ").trim();
}

function attributeNames(element: Element): string {
  return `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
}

/** Hidden by the page: `hidden`, `aria-hidden`, or an inline `display:none` / `visibility:hidden`. */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true") return true;
  const style = element.getAttribute("style");
  return style ? /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) : false;
}

/** Whether the element's class or id names a chrome box and not the article. */
export function hasChromeName(element: Element): boolean {
  const names = attributeNames(element).trim();
  if (!names) return false;
  return CHROME_NAME.test(names) && !CONTENT_NAME.test(names);
}

/** Whether the element's class or id names the article's content. */
export function hasContentName(element: Element): boolean {
  return CONTENT_NAME.test(attributeNames(element));
}

/** The longest title `isChromeTitle` takes, folded and trimmed. */
const MAX_CHROME_TITLE_CHARS = 48;

/**
 * Whether `text` holds more than `limit` ASCII letters and digits and Latin letters (U+00C0–U+024F,
 * U+1E00–U+1EFF, not × ÷): folding keeps each as at least one letter, which no trimming removes,
 * so such a text folds to more than `limit` characters. Cheaper than folding a whole paragraph.
 */
export function surelyFoldsLonger(text: string, limit: number): boolean {
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    if (
      (c >= 0x30 && c <= 0x39) ||
      (c < 0x80 && lower >= 0x61 && lower <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
      (c >= 0x1e00 && c <= 0x1eff)
    ) {
      kept++;
      if (kept > limit) return true;
    }
  }
  return false;
}

/** Whether a short text is the title of a related-news list or a sidebar box. */
export function isChromeTitle(text: string): boolean {
  // A paragraph of the article: too long to be a title, known without folding it.
  if (surelyFoldsLonger(text, MAX_CHROME_TITLE_CHARS)) return false;
  const folded = foldDiacritics(text)
    .replace(/[\s:»>›|.…-]+$/u, "")
    .replace(/^[\s«<‹|.-]+/u, "")
    .replace(/\s+/g, " ");
  return folded.length > 0 && folded.length <= MAX_CHROME_TITLE_CHARS && CHROME_TITLE.test(folded);
}

/** The first line of text inside an element (its first non-empty text node's block), short. */
export function leadingTitle(element: Element): string | null {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const text = (child as Text).data.trim();
      if (text) return text;
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as Element;
    if (SKIPPED_TAGS.has(el.tagName.toUpperCase()) || isHidden(el)) continue;
    const text = squashedText(el);
    if (!text) continue;
    return text.length <= 60 ? text : null;
  }
  return null;
}

/** Characters of text (no white space) inside links, and in all, under `element`. */
export function linkShare(element: Element): { links: number; total: number; count: number } {
  const total = squashedText(element).replace(/\s/g, "").length;
  let links = 0;
  let count = 0;
  for (const a of Array.from(element.querySelectorAll("a"))) {
    const text = squashedText(a).replace(/\s/g, "");
    links += text.length;
    if (text.length > 0) count++;
  }
  return { links, total, count };
}

/** Characters (no white space) a list of links may hold outside its links. */
const MAX_TEXT_BESIDE_LINKS = 160;

/**
 * A list of links: two or more links that make up most of its text (a related-news list, a menu),
 * or repeated blocks each led by a link (teasers: a linked title and a summary).
 */
export function isLinkList(element: Element): boolean {
  if (element.querySelector("a") === null) return false;
  const { links, total, count } = linkShare(element);
  // Little text outside the links: dates and bullets beside titles, not a short article's body
  // that shares its container with a related list.
  if (count >= 2 && total > 0 && links / total >= 0.5 && total - links < MAX_TEXT_BESIDE_LINKS)
    return true;
  return isRepeatedTeasers(element);
}

/** Two or more element children, (nearly) all of the same tag and each holding a titled link. */
function isRepeatedTeasers(element: Element): boolean {
  const children = Array.from(element.children).filter(
    (child) => !SKIPPED_TAGS.has(child.tagName.toUpperCase()) && squashedText(child).length > 0,
  );
  if (children.length < 2) return false;
  const tag = children[0]?.tagName;
  let linked = 0;
  for (const child of children) {
    if (child.tagName !== tag) return false;
    const link = Array.from(child.querySelectorAll("a")).find((a) => squashedText(a).length >= 12);
    if (link) linked++;
  }
  return linked >= 2 && linked >= children.length - 1;
}

/** Chrome by what the element is, what it is called or what its title says. */
export function isChromeElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (CHROME_TAGS.has(tag)) return true;
  if (hasChromeName(element)) return true;
  // A box under a title (a line of text is judged by its whole text, see the article region).
  if (!hasBlockChildren(element)) return false;
  const title = leadingTitle(element);
  return title !== null && isChromeTitle(title) && squashedText(element).length > title.length;
}

/** Whether an element holds block elements (other than line breaks) below it. */
export function hasBlockChildren(element: Element): boolean {
  for (const child of Array.from(element.children)) {
    const tag = child.tagName.toUpperCase();
    if (tag === "BR" || SKIPPED_TAGS.has(tag)) continue;
    if (BLOCK_TAGS.has(tag) || hasBlockChildren(child)) return true;
  }
  return false;
}

/** Tools above an article (font size, print, e-mail, share) and its view counter. */
const TOOLBAR =
  /^(?:[\s|·•-]*(?:(?:xem với )?cỡ chữ|in bài|in trang|bản in|gửi (?:bài|email|e-mail)|chia sẻ|lượt xem|lượt đọc|số lần xem|bình luận|print|email|zalo|facebook|twitter|tweet|like|share|a\+|a-|a)(?![\p{L}\p{M}])[\s:|·•\d+-]*)+$/iu;

/** Whether a short line is an article's toolbar or view counter. */
export function isToolbarLine(text: string): boolean {
  return text.length <= 80 && TOOLBAR.test(text);
}
