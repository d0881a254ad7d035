/**
 * The signals recognition weighs (recognize.ts adds them up), each a test on what the page says
 * with its weight and the reason it gives: the title and address, whether a party body speaks,
 * a congress or a resolution with content, targets and results with figures, and the genres that
 * are not party news (weather, sports, procedures, prices, schedules).
 */
import {
  carriesOutResolution,
  citesPartyResolutionNumber,
  commitsToTargets,
  namesActionProgramme,
  namesPartyBody,
  namesPartyConference,
  namesPartyTerm,
  namesTargets,
  namesTheParty,
  reportsMembership,
  resolutionMentions,
  setsTargetsForHorizon,
  speaksOfReview,
  speaksOfTargets,
} from "./signals.ts";

/** What the signals look at: the folded title and text, and what is derived from them once. */
export interface Context {
  /** Folded title. */
  title: string;
  /** The title in NFC with its case. */
  nfcTitle: string;
  /** Folded words of the address's headline slug (`hoi-nghi-ban-chap-hanh-…`), or empty. */
  address: string;
  /** Folded text. */
  text: string;
  /** The text in NFC, lower case (the marks kept). */
  lower: string;
  /** The title in NFC, lower case. */
  lowerTitle: string;
  /** The distinct measures of targets or results in the text (`đạt 106,6%`, `38/54 chỉ tiêu`). */
  measures: string[];
  /** The distinct measures, amounts and counts in the text (`975 tỷ đồng`, `67 Đảng bộ`). */
  figures: string[];
  /** The distinct deadlines and horizons of the text. */
  deadlines: string[];
  /** The text names a party body, or the address's headline slug does. */
  party: boolean;
}

export interface Signal {
  reason: string;
  weight: number;
  test: (c: Context) => boolean;
  /**
   * The article's own text is about a resolution, a congress or a party committee's targets and
   * results. At least one such signal is required: a portal's name in the title and its footer's
   * committee names are not enough.
   */
  core?: boolean;
}

/** Figures (a measure among them) needed for a party body's text to be a report of results. */
const REPORT_FIGURES = 2;

/**
 * A party congress: `Đại hội (đại biểu) Đảng bộ …`, `Đại hội XIII của Đảng`, `Đại hội đại biểu
 * toàn quốc lần thứ XIV của Đảng`, a congress of a term (`Đại hội nhiệm kỳ 2020-2025`).
 */
export const CONGRESS =
  /dai hoi(?: dai bieu)? dang bo|dai hoi (?:(?:dai bieu )?(?:toan quoc )?(?:lan thu )?[ivxlc]+ )?cua dang\b|dai hoi(?: dang bo)? nhiem ky \d{4}/;

const TITLE_WORDS =
  /nghi quyet|dai hoi|dang bo|(?:tinh|huyen|thanh|thi|dang) uy|nhiem ky|chi bo|so ket|tong ket|ban chap hanh|ban thuong vu|dang vien|chuong trinh hanh dong/;

/**
 * A congress or a term named in a text without a single figure, deadline or mention of the
 * resolution is the report of an event (a congress held, prepared, remembered), not of targets or
 * results.
 */
export const withContent = (c: Context) =>
  c.figures.length > 0 || c.deadlines.length > 0 || resolutionMentions(c.text) > 0;

/**
 * A party body's text reports targets or results: a measure (`đạt 106,6%`, `tăng 8,36%`) with
 * other figures, or with its deadline. Amounts alone (a gift's value) are not a report.
 */
const reportsFigures = (c: Context) =>
  c.party &&
  c.measures.length >= 1 &&
  (c.figures.length >= REPORT_FIGURES || c.deadlines.length >= 1);

/** Weather words a bulletin is made of (a portal's weather widget names one at most). */
const WEATHER =
  /nhiet do|luong mua|ap thap|khong khi lanh|mua rao|gio (?:dong bac|tay nam|giat)|do am/g;
/** Sports words; `văn hóa, thể thao` is the culture and sports sector, named in any report. */
const SPORTS =
  /bong da|(?<!van hoa,? (?:- )?(?:va )?)the thao|huy chuong|giai dau|ty so|van dong vien/g;
/** The headings of an administrative procedure's page. */
const PROCEDURE =
  /thu tuc hanh chinh|le phi|thanh phan ho so|thoi han giai quyet|trinh tu thuc hien|cach thuc thuc hien|doi tuong thuc hien|co quan thuc hien|ma thu tuc/g;
/** The people's committee and council: the government's reports and sessions, not the party's. */
const GOVERNMENT = /\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\b/;
const distinct = (text: string, pattern: RegExp) => new Set(text.match(pattern) ?? []).size;

export const SIGNALS: Signal[] = [
  {
    reason:
      "title or address names a resolution, congress, party committee, term, review or targets (chỉ tiêu)",
    weight: 2,
    test: (c) =>
      TITLE_WORDS.test(`${c.title} ${c.address}`) ||
      namesTheParty(c.nfcTitle) > 0 ||
      namesTargets(c.lowerTitle, c.address),
  },
  {
    reason: "text names a party congress (Đại hội … Đảng bộ) with figures or the resolution",
    weight: 2,
    test: (c) => CONGRESS.test(c.text) && withContent(c),
    core: true,
  },
  {
    reason: "text cites the resolution (Nghị quyết) repeatedly",
    weight: 1,
    test: (c) => resolutionMentions(c.text) >= 2,
    core: true,
  },
  {
    reason: "text carries out or measures against the resolution (thực hiện, so với Nghị quyết)",
    weight: 1,
    test: (c) => carriesOutResolution(c.text),
    core: true,
  },
  {
    reason:
      "text names a party term (nhiệm kỳ YYYY-YYYY, not a council's) with figures or the resolution",
    weight: 1,
    test: (c) => namesPartyTerm(c.text) && withContent(c),
    core: true,
  },
  {
    reason: "text cites a party resolution by its number (…-NQ/TW, …-NQ/TU)",
    weight: 1,
    test: (c) => citesPartyResolutionNumber(c.text),
    core: true,
  },
  {
    reason:
      "text reports a party committee's conference (Hội nghị Ban Chấp hành, lần thứ N) reviewing results or with figures",
    weight: 1,
    test: (c) => namesPartyConference(c.text) && (withContent(c) || speaksOfReview(c.text)),
    core: true,
  },
  {
    reason: "text names a programme carrying out a resolution (chương trình hành động)",
    weight: 1,
    test: (c) => namesActionProgramme(c.text),
    core: true,
  },
  {
    reason:
      "a party body reports targets or results (figures such as đạt X%, X/Y chỉ tiêu, tăng X%, or a figure and its deadline)",
    weight: 2,
    test: reportsFigures,
    core: true,
  },
  {
    reason:
      "a party body reports its own membership figures (kết nạp N đảng viên, chỉ tiêu kết nạp)",
    weight: 1,
    test: (c) => c.party && reportsMembership(c.lower),
    core: true,
  },
  {
    reason: "a party body sets targets for a horizon (mục tiêu … đến năm YYYY)",
    weight: 1,
    test: (c) => c.party && setsTargetsForHorizon(c.lower),
    core: true,
  },
  {
    reason:
      "text commits a locality to its set of targets (phấn đấu hoàn thành N chỉ tiêu) with figures",
    weight: 1,
    test: (c) => commitsToTargets(c.lower) && c.figures.length >= REPORT_FIGURES,
    core: true,
  },
  {
    reason: "text names party committees, organisations or secretaries",
    weight: 1,
    test: (c) => namesPartyBody(c.lower),
  },
  {
    reason: "text speaks of targets or results (chỉ tiêu, mục tiêu, phấn đấu, đạt)",
    weight: 1,
    test: (c) => speaksOfTargets(c.lower),
  },
  {
    reason:
      "text speaks of a review or plan (sơ kết, tổng kết, 6 tháng đầu năm, phương hướng nhiệm vụ)",
    weight: 1,
    test: (c) => speaksOfReview(c.text),
  },
  {
    reason: "administrative procedure page (thủ tục, lệ phí, hồ sơ)",
    weight: -4,
    test: (c) => /^thu tuc\b/.test(c.title) || distinct(c.text.slice(0, 3000), PROCEDURE) >= 2,
  },
  {
    reason: "weather bulletin",
    weight: -4,
    test: (c) =>
      !/dai hoi/.test(c.title) &&
      (/thoi tiet|khi tuong|ap thap|bao so \d/.test(c.title) ||
        distinct(c.text.slice(0, 1500), WEATHER) >= 2),
  },
  {
    reason: "sports news",
    weight: -4,
    test: (c) => distinct(c.title, SPORTS) >= 1 || distinct(c.text.slice(0, 1500), SPORTS) >= 2,
  },
  {
    reason:
      "title names a people's committee or council as the actor, no party body (a government report)",
    weight: -3,
    test: (c) => GOVERNMENT.test(c.title) && !namesPartyBody(c.lowerTitle),
  },
  {
    reason: "tender notice",
    weight: -4,
    test: (c) =>
      /moi thau|goi thau|dau thau|ho so du thau/.test(`${c.title} ${c.text.slice(0, 1500)}`),
  },
  {
    reason: "recruitment notice",
    weight: -4,
    test: (c) => /tuyen dung|thi tuyen|xet tuyen/.test(c.title),
  },
  {
    reason: "market prices bulletin",
    weight: -3,
    test: (c) => /gia ca|thi truong|bang gia|gia vang|gia xang/.test(c.title),
  },
  { reason: "work schedule", weight: -4, test: (c) => /lich cong tac|lich lam viec/.test(c.title) },
];
