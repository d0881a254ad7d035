/**
 * Page recognition: is this a party-news article? A score from host rules,
 * whether a readable article was found, and content signals, with the reasons.
 * One "core" signal at least is required: the text itself is about a congress or a
 * resolution, or a party body reports targets and results with figures (see
 * `signals.ts` for the language each signal reads, `weighed-signals.ts` for their weights).
 */
import { foldDiacritics } from "../text/fold.ts";
import {
  addressWords,
  amounts,
  deadlines,
  isPartyHost,
  measures,
  namesPartyBody,
  namesPartyTerm,
  namesTheParty,
  slugNamesPartyBody,
} from "./signals.ts";
import { CONGRESS, type Context, SIGNALS, withContent } from "./weighed-signals.ts";

export interface RecognitionInput {
  url: string;
  title: string;
  /** The article text Readability found (empty when none). */
  text: string;
  /** Whether Readability found a readable article at all. */
  readable: boolean;
  /** Share of the page's text that sits inside links (0–1): list and home pages are mostly links. */
  linkDensity?: number;
}

export interface Recognition {
  recognised: boolean;
  score: number;
  reasons: string[];
}

/** Score at and above which a page is a party-news article. */
export const RECOGNITION_THRESHOLD = 5;

/** How much of an article's text the signals are looked for in. */
export const RECOGNITION_TEXT_CHARS = 100_000;

/** A text shorter than this is no article (an empty or stub extraction). */
const MIN_TEXT_CHARS = 150;
/** A text shorter than this is a brief: no bonus for being readable. */
const BRIEF_TEXT_CHARS = 400;

/**
 * The share of a text (its first 800 characters at least) a party body must be named in to be
 * the one speaking: a portal's footer, at the end, names its own committee under every article.
 */
const PARTY_BODY_SHARE = 0.7;

export function recognize(input: RecognitionInput): Recognition {
  const reasons: string[] = [];
  let score = 0;
  const add = (weight: number, reason: string) => {
    score += weight;
    reasons.push(`${weight > 0 ? "+" : ""}${weight} ${reason}`);
  };

  let host = "";
  let path = "/";
  try {
    const url = new URL(input.url);
    host = url.hostname.toLowerCase();
    path = url.pathname;
  } catch {
    // Not a URL: no host signal.
  }
  if (host === "gov.vn" || host.endsWith(".gov.vn")) add(1, "government portal host (.gov.vn)");
  else if (isPartyHost(host)) add(1, "party organ's portal host (dcs.vn, tỉnh ủy, báo + province)");
  if (path === "/" || /^\/(?:index|default|home|trang-chu)(?:\.\w+)?$/i.test(path))
    add(-3, "home page address");

  const length = input.text.length;
  if (!input.readable || length < MIN_TEXT_CHARS) add(-4, "no readable article on the page");
  else if (length < BRIEF_TEXT_CHARS) reasons.push(`+0 a brief of ${length} characters`);
  else add(1, `readable article of ${length} characters`);
  if ((input.linkDensity ?? 0) > 0.5) add(-4, "page text is mostly links (a list or home page)");

  const title = foldDiacritics(input.title);
  const lowerTitle = input.title.normalize("NFC").toLowerCase();
  const address = foldDiacritics(addressWords(path));
  // The signals show early in an article: a very long one is judged on its beginning (bounded work).
  const nfc = input.text.slice(0, RECOGNITION_TEXT_CHARS).normalize("NFC");
  const lower = nfc.toLowerCase();
  const text = foldDiacritics(nfc);
  const measured = measures(lower);
  const context: Context = {
    title,
    nfcTitle: input.title.normalize("NFC"),
    address,
    text,
    lower,
    lowerTitle,
    measures: measured,
    figures: [...measured, ...amounts(lower)],
    deadlines: deadlines(lower),
    // The title is left out: a party portal's name follows every headline on it.
    party:
      namesPartyBody(lower.slice(0, Math.max(800, Math.floor(lower.length * PARTY_BODY_SHARE)))) ||
      // A government text's boilerplate names the Party once (`chủ trương của Đảng`).
      namesTheParty(nfc) >= 2 ||
      slugNamesPartyBody(address),
  };
  let core = false;
  for (const signal of SIGNALS) {
    if (!signal.test(context)) continue;
    add(signal.weight, signal.reason);
    if (signal.core) core = true;
  }
  if ((CONGRESS.test(text) || namesPartyTerm(text)) && !withContent(context))
    reasons.push("a congress or term named without figures, deadlines or the resolution: an event");
  if (!core)
    reasons.push(
      "no resolution or congress content in the article text, nor a party body's report of figures",
    );
  return { recognised: core && score >= RECOGNITION_THRESHOLD, score, reasons };
}
