/**
 * The article's headline element: the heading (or title-named element) whose text is the page's
 * title as its metadata gives it (`og:title`, `<title>` with or without the site's name). Without
 * such a match, a page's single `<h1>` when it is not the site's name. A related-news title is a
 * link, so linked headings are not headlines.
 */
import { runSteps, type Steps } from "../steps.ts";
import { isHidden, squashedText } from "./chrome.ts";
import { type MetaKey, metaContents } from "./page-meta.ts";

const TITLE_NAME = /title|tieude|tieu-de|tieu_de|headline|heading|tenbai|ten-bai/i;
/** A heading longer than this is a headline only when the page's metadata gives it as its title. */
const MAX_PLAIN_HEADLINE_CHARS = 600;
const MAX_HEADLINE_CHARS = 4000;
/** Elements looked at between two pauses (most are no candidate and cost next to nothing). */
const ELEMENTS_PER_STEP = 200;

/** Lower-case text with runs of white space and trailing punctuation removed (NFC). */
export function comparable(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s.:;,!?…]+$/u, "")
    .trim();
}

const TITLE_META: readonly MetaKey[] = [
  { attribute: "property", value: "og:title" },
  { attribute: "name", value: "twitter:title" },
];

/** What the page's metadata says its title is: `og:title`, then `<title>`. */
export function titleHints(doc: Document): string[] {
  const hints = [...metaContents(doc, TITLE_META).map((c) => c?.trim() || null), doc.title];
  return hints.map((h) => comparable(h ?? "")).filter((h) => h.length > 0);
}

/** How well a candidate's text matches the title hints: 3 exactly, 2 inside `<title>`, else 0. */
function matchScore(text: string, hints: readonly string[]): number {
  let best = 0;
  for (const hint of hints) {
    if (hint === text) return 3;
    // "<headline> - <site>": any part of the title but its last (the site's name) is whole.
    const parts = hint.split(/\s+[-–|:]{1,2}\s+/);
    if (parts.length > 1 && parts.slice(0, -1).includes(text)) best = 2;
    // "<headline> - <site>", "<site> | <headline>": the headline is a large part of the title.
    if (text.length >= 2 && hint.includes(text) && text.length >= hint.length * 0.35) best = 2;
  }
  return best;
}

function isCandidateTag(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (/^H[1-4]$/.test(tag)) return true;
  if (!/^(?:DIV|SPAN|P|TD|STRONG|B|HEADER)$/.test(tag)) return false;
  return TITLE_NAME.test(
    `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`,
  );
}

function insideLinkOrHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.tagName.toUpperCase() === "A" || isHidden(node)) return true;
  }
  return false;
}

/** Whether most of the element's text is a link (a related title, a logo). */
function isMostlyLink(element: Element, text: string): boolean {
  let linked = 0;
  for (const a of Array.from(element.querySelectorAll("a"))) linked += squashedText(a).length;
  return linked > text.length / 2;
}

/** The headline element of the page, or null when none can be told apart. */
export function findHeadline(doc: Document): Element | null {
  return runSteps(findHeadlineSteps(doc));
}

/**
 * `findHeadline` in steps (see lib/steps.ts): the title's hints, then the page's elements a few
 * hundred at a time. The first text comparisons of a fresh page are slow (Unicode normalisation
 * is set up then), so they get a step of their own.
 */
export function* findHeadlineSteps(doc: Document): Steps<Element | null> {
  const body = doc.body;
  if (!body) return null;
  const hints = titleHints(doc);
  const [siteNameMeta] = metaContents(doc, [{ attribute: "property", value: "og:site_name" }]);
  const siteName = comparable(siteNameMeta?.trim() || "");
  yield;
  let best = null as Element | null;
  let bestScore = 0;
  const h1s: Element[] = [];
  let looked = 0;
  for (const element of Array.from(body.querySelectorAll("*"))) {
    if (++looked % ELEMENTS_PER_STEP === 0) yield;
    if (!isCandidateTag(element)) continue;
    const raw = squashedText(element);
    if (raw.length === 0 || raw.length > MAX_HEADLINE_CHARS) continue;
    if (insideLinkOrHidden(element) || isMostlyLink(element, raw)) continue;
    const text = comparable(raw);
    if (element.tagName.toUpperCase() === "H1" && raw.length <= MAX_PLAIN_HEADLINE_CHARS)
      h1s.push(element);
    const score = matchScore(text, hints);
    if (score === 0) continue;
    // A title-named element inside a matching heading (or around one) is the same headline:
    // the innermost wins on a tie, since its text is exactly the headline's.
    const bonus = element.tagName.toUpperCase() === "H1" ? 0.5 : 0;
    if (score + bonus > bestScore || (score + bonus === bestScore && best?.contains(element))) {
      best = element;
      bestScore = score + bonus;
    }
  }
  if (best) return best;
  const own = h1s.filter((h) => !siteName || comparable(squashedText(h)) !== siteName);
  return own.length === 1 ? (own[0] as Element) : null;
}
