/**
 * Page recognition: is this a party-news article? A score from host rules,
 * whether a readable article was found, and content signals, with the reasons.
 */
import { foldDiacritics } from "../text/fold.ts";

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

interface Signal {
  reason: string;
  weight: number;
  /** Folded pattern (no diacritics) tested on the title (`title`) or the text (`text`). */
  test: (title: string, text: string) => boolean;
  /**
   * The article's own text is about a resolution or congress. At least one such signal is
   * required: a portal's name in the title and its footer's committee names are not enough.
   */
  core?: boolean;
}

/** How much of an article's text the signals are looked for in. */
export const RECOGNITION_TEXT_CHARS = 100_000;

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

const SIGNALS: Signal[] = [
  {
    reason: "title names a resolution, congress, party committee or term",
    weight: 2,
    test: (t) =>
      /nghi quyet|dai hoi|dang bo|(?:tinh|huyen|thanh|thi|dang) uy|nhiem ky|chi bo|so ket|tong ket/.test(
        t,
      ),
  },
  {
    reason: "text names a party congress (Đại hội … Đảng bộ)",
    weight: 2,
    test: (_, x) => /dai hoi(?: dai bieu)? dang bo/.test(x),
    core: true,
  },
  {
    reason: "text cites the resolution (Nghị quyết) repeatedly",
    weight: 1,
    test: (_, x) => count(x, /nghi quyet/g) >= 2,
    core: true,
  },
  {
    reason: "text names a congress term (nhiệm kỳ YYYY-YYYY)",
    weight: 1,
    test: (_, x) => /nhiem ky \d{4}/.test(x),
    core: true,
  },
  {
    reason: "text names party committees or secretaries",
    weight: 1,
    test: (_, x) => /(?:tinh|huyen|thanh|dang) uy|bi thu|cap uy|ban thuong vu/.test(x),
  },
  {
    reason: "text speaks of targets or results (chỉ tiêu, mục tiêu, phấn đấu, đạt)",
    weight: 1,
    test: (_, x) => /chi tieu|muc tieu|phan dau/.test(x),
  },
  {
    reason: "administrative procedure page (thủ tục, lệ phí, hồ sơ)",
    weight: -4,
    test: (t, x) =>
      /thu tuc hanh chinh|le phi|thanh phan ho so|thoi han giai quyet|trinh tu thuc hien/.test(
        `${t} ${x.slice(0, 3000)}`,
      ),
  },
  {
    reason: "weather bulletin",
    weight: -4,
    test: (t, x) =>
      /thoi tiet|du bao|nhiet do|luong mua/.test(`${t} ${x.slice(0, 1500)}`) && !/dai hoi/.test(t),
  },
  {
    reason: "sports news",
    weight: -4,
    test: (t, x) =>
      /bong da|the thao|huy chuong|giai dau|ty so|van dong vien/.test(`${t} ${x.slice(0, 1500)}`),
  },
  {
    reason: "tender notice",
    weight: -4,
    test: (t, x) => /moi thau|goi thau|dau thau|ho so du thau/.test(`${t} ${x.slice(0, 1500)}`),
  },
  {
    reason: "recruitment notice",
    weight: -4,
    test: (t) => /tuyen dung|thi tuyen|xet tuyen/.test(t),
  },
  {
    reason: "market prices bulletin",
    weight: -3,
    test: (t) => /gia ca|thi truong|bang gia|gia vang|gia xang/.test(t),
  },
  { reason: "work schedule", weight: -4, test: (t) => /lich cong tac|lich lam viec/.test(t) },
];

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
  if (path === "/" || /^\/(?:index|default|home|trang-chu)(?:\.\w+)?$/i.test(path))
    add(-3, "home page address");

  if (!input.readable || input.text.length < 400) add(-4, "no readable article on the page");
  else add(1, `readable article of ${input.text.length} characters`);
  if ((input.linkDensity ?? 0) > 0.5) add(-4, "page text is mostly links (a list or home page)");

  const title = foldDiacritics(input.title);
  // The signals show early in an article: a very long one is judged on its beginning (bounded work).
  const text = foldDiacritics(input.text.slice(0, RECOGNITION_TEXT_CHARS));
  let core = false;
  for (const signal of SIGNALS) {
    if (!signal.test(title, text)) continue;
    add(signal.weight, signal.reason);
    if (signal.core) core = true;
  }
  if (!core) reasons.push("no resolution or congress content in the article text");
  return { recognised: core && score >= RECOGNITION_THRESHOLD, score, reasons };
}
