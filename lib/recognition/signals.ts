/**
 * The language signals recognition weighs: who speaks (a party body), what about (a congress,
 * a resolution, a committee's conference or review), and whether the article reports figures
 * against targets or plans. Each is a plain test on the article text so that recognition can
 * say why it decided.
 */

/** Not preceded by a letter or digit (JavaScript's `\b` knows only ASCII letters). */
const START = String.raw`(?<![\p{L}\p{N}])`;
/** Not followed by a letter or digit. */
const END = String.raw`(?![\p{L}\p{N}])`;
/** A number as Vietnamese texts write it: `1.270`, `35,34`, `832.270.966.973`. */
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;

/** `ủy` as both spellings write it (`ủy`, the older `uỷ`), in a lower-case NFC text. */
const UY = "(?:ủy|uỷ)";

/**
 * Party bodies and members named in a lower-case NFC text: committees (tỉnh ủy, huyện ủy,
 * thành ủy, thị ủy, quận ủy, đảng ủy), the executive and standing committees, party
 * organisations (đảng bộ, chi bộ), secretaries and members, the Politburo and the Secretariat.
 * The marks matter: `bị thu hồi` (taken back) is no `bí thư`, `đang bỏ` (leaving) no `đảng bộ`,
 * and `ủy quyền` (to delegate) no committee.
 */
const PARTY_BODY = new RegExp(
  [
    `${START}(?:tỉnh|huyện|thành|thị|quận|đảng) ${UY}${END}(?! (?:quyền|thác|nhiệm|tín))`,
    `${START}(?:ban chấp hành|ban thường vụ|bch|btv|đảng bộ|chi bộ|cấp ${UY}|bí thư|đảng viên|bộ chính trị|ban bí thư|trung ương đảng)${END}`,
  ].join("|"),
  "u",
);

/**
 * The same in folded words, where the marks are gone (a headline slug in an address): the
 * compounds only.
 */
const PARTY_BODY_FOLDED =
  /\b(?:tinh|huyen|thanh|thi|quan|dang) uy\b(?! (?:quyen|thac|nhiem|tin))|\bban chap hanh\b|\bban thuong vu\b|\b(?:bch|btv)\b|\bdang bo\b|\bchi bo\b|\bcap uy\b|\bbi thu\b(?! (?:hoi|giu))|\bdang vien\b|\bbo chinh tri\b/;

/** The Party itself, capitalised (`ý Đảng`, `của Đảng`), in an NFC text with its case. */
const THE_PARTY = new RegExp(`${START}Đảng${END}`, "gu");

export function namesPartyBody(lower: string): boolean {
  return PARTY_BODY.test(lower);
}

export function slugNamesPartyBody(folded: string): boolean {
  return PARTY_BODY_FOLDED.test(folded);
}

/** How many times an NFC text names the Party itself. */
export function namesTheParty(nfc: string): number {
  return (nfc.match(THE_PARTY) ?? []).length;
}

/**
 * Measures a report of targets and results is made of, in a lower-case NFC text: a level
 * reached (`đạt 106,6%`, `vượt 2 chỉ tiêu`), a rise or fall (`tăng 8,36%`, `giảm 3,92%`), a
 * share (`53,8%`), targets met out of set (`38/54 chỉ tiêu`), targets set (`12 mục tiêu chủ
 * yếu`), members admitted (`kết nạp 200 đảng viên`), units reaching a standard (`25 xã đạt
 * chuẩn`), the result of a campaign (`xóa 7.161 nhà tạm`) and a total raised (`nâng tổng số
 * đảng viên lên 5.257`). Dates, terms and ordinals are none of these.
 */
const MEASURE = new RegExp(
  [
    `${START}(?:đạt|vượt)(?: và vượt| được| khoảng| trên| gần| hơn| mức| xấp xỉ| bình quân| ước| tăng trưởng| tỷ lệ| tỉ lệ)* ${NUMBER}`,
    `${START}(?:tăng|giảm)(?: bình quân| thêm| được| còn| xuống còn| trên| hơn| gần)* ${NUMBER} ?%`,
    `${START}(?:tăng|giảm) ${NUMBER} [\\p{L} ]{1,30}so với`,
    `${START}${NUMBER} ?%`,
    `${START}\\d+\\/\\d+ (?:chỉ tiêu|tiêu chí)`,
    `${START}${NUMBER} (?:chỉ tiêu|mục tiêu)${END}`,
    `${START}kết nạp(?: được| mới)* ${NUMBER}`,
    `${START}${NUMBER} (?:xã|phường|thị trấn|huyện|thôn|bản|đơn vị)[^.;\\d]{0,20}(?:đạt chuẩn|về đích)`,
    `${START}(?:xóa|xoá)(?: sổ| hoàn toàn| được)* ${NUMBER}`,
    `${START}nâng(?: tổng)?[^.;\\d]{0,50} lên ${NUMBER}`,
  ].join("|"),
  "giu",
);

/**
 * Amounts and counts that fill a report but also any other news (a gift's value, a history's
 * count of cells): money (`975 tỷ đồng`) and party organisations (`67 Đảng bộ`).
 */
const AMOUNT = new RegExp(
  [
    `${START}${NUMBER} (?:tỷ|tỉ|triệu|nghìn|ngàn) (?:đồng|usd)`,
    `${START}${NUMBER} (?:đảng bộ|chi bộ|tổ chức cơ sở đảng)${END}`,
  ].join("|"),
  "giu",
);

const distinctMatches = (text: string, pattern: RegExp) => [...new Set(text.match(pattern) ?? [])];

/** The distinct measures of targets or results of a lower-case NFC text. */
export function measures(lower: string): string[] {
  return distinctMatches(lower, MEASURE);
}

/** The distinct amounts and counts of a lower-case NFC text. */
export function amounts(lower: string): string[] {
  return distinctMatches(lower, AMOUNT);
}

/**
 * Deadlines and horizons of a plan in a lower-case NFC text: `đến năm 2025`, `vào năm 2030`,
 * `trước ngày 15/01/2021`, `trước 30/6`, and a yearly rate (`mỗi năm giảm 3%`, `hàng năm, tăng`,
 * `3,02%/năm`).
 */
const DEADLINE = new RegExp(
  [
    `${START}(?:đến|vào) năm \\d{4}${END}`,
    `${START}(?:trước|chậm nhất)(?: ngày)? \\d{1,2}[/-]\\d{1,2}`,
    `${START}(?:hàng|hằng|mỗi) năm,? (?:đều )?(?:tăng|giảm|đạt|kết nạp|xóa|xoá)${END}`,
    `%\\/năm${END}`,
  ].join("|"),
  "giu",
);

/** The distinct deadlines and horizons of a lower-case NFC text. */
export function deadlines(lower: string): string[] {
  return distinctMatches(lower, DEADLINE);
}

/**
 * Targets set for a horizon in a lower-case NFC text: `mục tiêu … đến năm 2030`, `phấn đấu đến
 * năm 2025 …`, `chỉ tiêu … vào năm 2030` (`chi tiêu`, spending, is no `chỉ tiêu`).
 */
const TARGET_HORIZON = new RegExp(
  `${START}(?:mục tiêu|phấn đấu|chỉ tiêu)${END}[^.;]{0,150}?${START}(?:đến|vào) năm \\d{4}${END}`,
  "u",
);

/**
 * The party's own membership figures: admitting members (`kết nạp 141 đảng viên`, `kết nạp được
 * 21 ĐV mới`, `kết nạp 8 quần chúng`) or its admission target met (`vượt chỉ tiêu kết nạp đảng
 * viên`) — a result of party building that every congress resolution sets a target for.
 */
const MEMBERSHIP_FIGURE = new RegExp(
  [
    `${START}kết nạp (?:được )?(?:tổng số )?(?:gần |hơn |trên )?${NUMBER} (?:đảng viên|đv|quần chúng)${END}`,
    `${START}(?:vượt|đạt|hoàn thành) (?:\\S+ ){0,2}chỉ tiêu kết nạp (?:đảng viên|đv)${END}`,
  ].join("|"),
  "u",
);
export function reportsMembership(lower: string): boolean {
  return MEMBERSHIP_FIGURE.test(lower);
}

/**
 * A locality commits itself to its set of targets: `phấn đấu hoàn thành 12 chỉ tiêu chủ yếu`,
 * `phấn đấu thực hiện thắng lợi các chỉ tiêu`, `phấn đấu đạt và vượt các mục tiêu` — the words a
 * party committee's plan is announced in; a government report speaks of `kế hoạch` and `nhiệm vụ`.
 */
const COMMITS_TO_TARGETS = new RegExp(
  `${START}phấn đấu (?:hoàn thành|thực hiện|đạt)${END}(?: (?:\\S+)){0,4}? (?:các|những|\\d+) (?:chỉ tiêu|mục tiêu)${END}`,
  "u",
);

export function commitsToTargets(lower: string): boolean {
  return COMMITS_TO_TARGETS.test(lower);
}

export function setsTargetsForHorizon(lower: string): boolean {
  return TARGET_HORIZON.test(lower);
}

/** Targets spoken of in a lower-case NFC text: `chỉ tiêu`, `mục tiêu`, `phấn đấu`. */
const TARGET_WORDS = new RegExp(`${START}(?:chỉ tiêu|mục tiêu|phấn đấu)${END}`, "u");

/**
 * A headline naming targets (`chỉ tiêu`, marked: `chi tiêu` is spending), or an address slug
 * naming them (`…-chi-tieu-…`, where the marks are lost).
 */
const TARGETS_IN_TITLE = new RegExp(`${START}chỉ tiêu${END}`, "u");

export function namesTargets(lowerTitle: string, addressFolded: string): boolean {
  return TARGETS_IN_TITLE.test(lowerTitle) || /\bchi tieu\b/.test(addressFolded);
}

export function speaksOfTargets(lower: string): boolean {
  return TARGET_WORDS.test(lower);
}

/**
 * A party resolution cited by its number: `13-NQ/TU` (a provincial committee), `57-NQ/TW`
 * (the Central Committee), `NQ/HU`, `NQ/ĐU`, `NQ/TƯ`. Government and council resolutions are
 * numbered `NQ-CP`, `NQ-HĐND` and are not party resolutions.
 */
const PARTY_RESOLUTION_NUMBER = /\bnq\/(?:tw|tu|hu|du|thu|qu|bcs|dh)\b/;

export function citesPartyResolutionNumber(folded: string): boolean {
  return PARTY_RESOLUTION_NUMBER.test(folded);
}

/**
 * A party term named in a folded text: `nhiệm kỳ 2020-2025`, not a council's or the National
 * Assembly's (`đại biểu HĐND các cấp, nhiệm kỳ 2021-2026`: the state body in the same clause).
 */
export function namesPartyTerm(folded: string): boolean {
  for (const m of folded.matchAll(/nhiem ky \d{4}/g)) {
    const clause =
      folded
        .slice(Math.max(0, m.index - 80), m.index)
        .split(/[.;]/)
        .pop() ?? "";
    if (!STATE_TERM.test(clause)) return true;
  }
  return false;
}

const STATE_TERM = /\b(?:hdnd|hoi dong nhan dan|quoc hoi|dbqh|ubnd|uy ban nhan dan)\b/;

/**
 * A party committee's conference: `Hội nghị Ban Chấp hành Đảng bộ`, `Hội nghị Ban Thường vụ`,
 * `Hội nghị Thành ủy lần thứ 25`, or a committee holding its `hội nghị lần thứ 14 (khóa XXV)`.
 */
const PARTY_CONFERENCE = new RegExp(
  [
    String.raw`\bhoi nghi (?:lan thu \w+ )?(?:cua )?(?:ban chap hanh|bch|ban thuong vu|btv|(?:tinh|huyen|thanh|thi|quan|dang) uy\b)`,
    String.raw`\b(?:ban chap hanh|bch|ban thuong vu|btv|(?:tinh|huyen|thanh|thi|quan|dang) uy)\b[^.;]{0,80}\bhoi nghi (?:lan thu|thuong ky|mo rong)`,
    String.raw`\bhoi nghi lan thu \w+,? \(?khoa [ivxlc]+\b`,
  ].join("|"),
);

export function namesPartyConference(folded: string): boolean {
  return PARTY_CONFERENCE.test(folded);
}

/**
 * A resolution of the state (the government's `NQ-CP`, a council's `NQ-HĐND`, the National
 * Assembly's): its number or its body, in the words after `Nghị quyết`.
 */
const STATE_RESOLUTION =
  /\/nq-|\bnq-(?:cp|hdnd|ubtvqh|qh)|\b(?:hdnd|hoi dong nhan dan|chinh phu|quoc hoi|ubtvqh)\b/;

/** Is the resolution named here (the words after `Nghị quyết`, to the clause's end) a state one? */
const stateResolution = (qualifier: string) =>
  STATE_RESOLUTION.test(qualifier) && !PARTY_BODY_FOLDED.test(qualifier);

/** Mentions of a resolution that is not the state's (the party's, or unqualified), in a folded text. */
export function resolutionMentions(folded: string): number {
  let n = 0;
  for (const m of folded.matchAll(/\bnghi quyet\b([^.;,]{0,60})/g))
    if (!stateResolution(m[1] ?? "")) n++;
  return n;
}

/**
 * The resolution carried out or measured against, named once is enough: `thực hiện Nghị quyết
 * Đại hội`, `đạt 53,8% so với nghị quyết`, `quán triệt Nghị quyết`, `Nghị quyết … đề ra`. A
 * council's or the government's resolution (`Nghị quyết của HĐND`, `Nghị quyết số 17/NQ-CP`)
 * is not the party's.
 */
export function carriesOutResolution(folded: string): boolean {
  for (const m of folded.matchAll(
    /\b(?:(?:so voi|thuc hien|trien khai|quan triet|hoc tap|theo) nghi quyet\b([^.;,]{0,60})|nghi quyet\b([^.;]{0,60})\bde ra\b)/g,
  ))
    if (!stateResolution(m[1] ?? m[2] ?? "")) return true;
  return false;
}

/**
 * A programme or plan carrying out a resolution: `Chương trình hành động … thực hiện Nghị
 * quyết`, `Kế hoạch triển khai Nghị quyết số …`.
 */
const ACTION_PROGRAMME =
  /\b(?:chuong trinh hanh dong|ke hoach)\b[^.;]{0,80}\b(?:thuc hien|trien khai|quan triet)\s+nghi quyet\b/;

export function namesActionProgramme(folded: string): boolean {
  return ACTION_PROGRAMME.test(folded);
}

/**
 * The vocabulary of a review or a plan: a review (`sơ kết`, `tổng kết`, `giữa nhiệm kỳ`,
 * `những năm qua`), a period reported on (`6 tháng đầu năm`, `9 tháng`), results against a plan
 * (`kế hoạch đề ra`, `so với nghị quyết`, `dự toán`), the tasks ahead (`phương hướng, nhiệm vụ`).
 */
const REVIEW =
  /\b(?:so ket|tong ket|giua nhiem ky|(?:nhung|cac) nam qua|thoi gian qua|nhiem ky qua|(?:\d+|sau|chin) thang (?:dau nam|qua|cuoi nam|nam \d{4})|phuong huong,? nhiem vu|danh gia (?:tinh hinh|ket qua) thuc hien|ket qua thuc hien|(?:ke hoach|chi tieu) de ra|so voi nghi quyet|du toan (?:giao|tinh giao))\b/;

export function speaksOfReview(folded: string): boolean {
  return REVIEW.test(folded);
}

/** Address words: the last path segment of a URL written as a headline slug (`hoi-nghi-ban-chap-hanh`). */
export function addressWords(path: string): string {
  const segments = path.split("/").filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    let segment = segments[i] ?? "";
    try {
      segment = decodeURIComponent(segment);
    } catch {
      // Keep it as it is.
    }
    const words = segment
      .replace(/\.\w{2,5}$/, "")
      .split(/[-_]+/)
      .filter((w) => /^\p{L}+$/u.test(w));
    if (words.length >= 4) return words.join(" ");
  }
  return "";
}

/** Provinces and cities as their newspapers' hosts spell them (`baodongthap`, `baosonla`). */
const PROVINCES = (
  "angiang bariavungtau bacgiang backan baclieu bacninh bentre binhdinh binhduong " +
  "binhphuoc binhthuan camau cantho caobang danang daklak daknong dienbien dongnai " +
  "dongthap gialai hagiang hanam hanoi hatinh haiduong haiphong haugiang hoabinh hue " +
  "hungyen khanhhoa kiengiang kontum laichau lamdong langson laocai longan namdinh nghean " +
  "ninhbinh ninhthuan phutho phuyen quangbinh quangnam quangngai quangninh quangtri " +
  "soctrang sonla tayninh thaibinh thainguyen thanhhoa thuathienhue tiengiang travinh " +
  "tuyenquang vinhlong vinhphuc yenbai"
).split(" ");
/** A provincial party committee's newspaper: `báo` and the province (`baodongthap.vn`). */
const PROVINCIAL_PAPER = new RegExp(`^(?:www\\.|m\\.)?bao(?:${PROVINCES.join("|")})\\.`);

/**
 * A party organ's portal: the party's domain (`dcs.vn`), a committee's own (`tinhuy…`,
 * `thanhuy…`, `huyenuy…`, `dangbo…`), or a provincial party committee's newspaper (`báo` and
 * the province: `baodongthap.vn`).
 */
export function isPartyHost(host: string): boolean {
  return (
    host === "dcs.vn" ||
    host.endsWith(".dcs.vn") ||
    /(?:^|\.)(?:[a-z]*(?:tinhuy|thanhuy|huyenuy|dangbo|dangcongsan)[a-z]*)\./.test(host) ||
    PROVINCIAL_PAPER.test(host)
  );
}
