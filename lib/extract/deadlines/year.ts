import { WORD_END, WORD_START } from "../../text/boundaries.ts";
import { isNotPast, isPlanningYear, textBefore, yearDeadline } from "./calendar.ts";
import type { DeadlineRule } from "./types.ts";

// `Đến năm 2025`, `đến 2025`, `Đến cuối năm 2025`, `trước năm 2030`,
// `trong năm 2023`, `từ nay đến năm 2025` → the end of that year. Past years
// (`đến năm 2020` in a 2021 review) report results, they set no limit; a plan's
// title (`tầm nhìn đến năm 2045`) is no deadline either.
const TRIGGER =
  "từ nay đến hết năm|từ nay đến cuối năm|từ nay đến năm|từ nay đến|đến hết năm|đến cuối năm|đến năm|đến hết|đến cuối|đến|tới năm|trước năm|trong năm|chậm nhất đến năm|chậm nhất vào năm|chậm nhất là năm|chậm nhất năm|vào năm|vào cuối năm|cuối năm";
// `3 tháng cuối năm 2022`, `nhiệm vụ 6 tháng cuối năm 2023`: the name of a period of work.
const PERIOD_NAME_BEFORE = /(?:\d+|ba|sáu)\s+tháng\s*$/u;

const NOT_AFTER = /^\s*(?:[-–—]\s*\d{4}|\/|\.\d)/u;
const PLAN_TITLE_BEFORE = /(?:tầm nhìn|định hướng|giai đoạn|\d{4}\s*-\s*)\s*$/u;

export const yearRule: DeadlineRule = {
  name: "deadline.year",
  pattern: new RegExp(`${WORD_START}(${TRIGGER})\\s+(\\d{4})${WORD_END}`, "giu"),
  extract(match, context) {
    const [whole, trigger, yearText] = match;
    const year = Number(yearText);
    if (!isPlanningYear(year)) return null;
    const after = context.text.slice(match.index + whole.length, match.index + whole.length + 8);
    if (NOT_AFTER.test(after)) return null; // `đến 2025-2030`, a date, a period
    if (PLAN_TITLE_BEFORE.test(textBefore(context, match.index, 20))) return null;
    if (
      /^cuối/iu.test(trigger as string) &&
      PERIOD_NAME_BEFORE.test(textBefore(context, match.index, 12))
    )
      return null;
    // `so với năm 2020`, `từ năm 2021 đến năm 2025` as a span: only the bare `đến` is ambiguous.
    const lowerTrigger = (trigger as string).toLowerCase();
    if (
      lowerTrigger === "đến" &&
      /(?:từ\s+(?:năm\s+)?\d{4}|tính)\s*$/u.test(textBefore(context, match.index))
    ) {
      return null;
    }
    // `vào năm 2020`, `vào cuối năm 2017` say when something happens; only in a clause that plans
    // do they set a limit (`đạt chuẩn vào năm 2025`).
    if (/^vào/iu.test(lowerTrigger) && context.modeAt && context.modeAt(match.index) !== "target")
      return null;
    const deadline = yearDeadline(year);
    if (!isNotPast(deadline, context)) return null;
    return { start: match.index, end: match.index + whole.length, deadline };
  },
};

// `năm 2030 trở thành thị xã`: a future year that a plan verb follows, opening its clause. (The
// look-behind follows `năm`, where it is tried only after the word: the same matches, faster.)
export const yearThenVerbRule: DeadlineRule = {
  name: "deadline.year-verb",
  needs: ["năm"],
  pattern: new RegExp(
    `năm(?<=(?:^|[,;:.]\\s*|\\svà\\s)năm)\\s+(\\d{4})(?=\\s*,?\\s*(?:trở thành|sẽ|phấn đấu|hoàn thành|đạt chuẩn|được công nhận|lên)${WORD_END})`,
    "giu",
  ),
  extract(match, context) {
    const year = Number(match[1]);
    if (!isPlanningYear(year)) return null;
    const deadline = yearDeadline(year);
    const ref = context.reference;
    if (ref ? year <= ref.year : false) return null;
    return { start: match.index, end: match.index + match[0].length, deadline };
  },
};

// `phấn đấu đến cuối năm 2 xã về đích`: the end of the article's own year.
export const yearEndRule: DeadlineRule = {
  name: "deadline.year-end",
  needs: ["cuối năm", "hết năm"],
  pattern: new RegExp(
    `${WORD_START}(?:từ nay\\s+)?(?:đến|tới|trước|trong)\\s+(?:hết|cuối)\\s+năm(?!\\s*(?:\\d{4}|nay|qua|trước|ngoái|học|tài chính))${WORD_END}`,
    "giu",
  ),
  extract(match, context) {
    const ref = context.reference;
    if (!ref) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      deadline: yearDeadline(ref.year),
    };
  },
};

// `Năm 2023, huyện phấn đấu …`, `đạt chuẩn nông thôn mới nâng cao năm 2023` in a plan: a later year
// named on its own in a clause that sets targets. Not a comparison's base, a period, or the name
// of a year's work (`phương hướng, nhiệm vụ năm 2023`).
const NOT_BEFORE_BARE_YEAR =
  /(?:so với|so sánh|giai đoạn|nhiệm kỳ|từ|nhiệm vụ|phương hướng|kế hoạch|chương trình|công tác|dự toán|ngân sách|ngân sách nhà nước|giá|ngày|tháng|quý|đầu|cuối|hết|trong|đến|tới|trước|vào|tháng\s+\d{1,2})\s*,?\s*$/iu;
const SETS_SOMETHING =
  /\d|(?<![\p{L}\p{M}])(?:đạt|hoàn thành|về đích|trở thành|có|xây dựng)(?![\p{L}\p{M}])/iu;

const SEMICOLON = 59;
const FULL_STOP = 46;
const LINE_BREAK = 10;
const isDigitCode = (code: number) => code >= 48 && code <= 57;

/**
 * The clause around `[start, end)`: cut at `;`, a full stop or a line break (a label keeps its
 * colon). Read by character code; forward it stops at `;`, a line break, a full stop before no digit,
 * or one character before a full stop.
 */
function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0) {
    const before = text.charCodeAt(from - 1);
    if (before === SEMICOLON || before === FULL_STOP || before === LINE_BREAK) break;
    from--;
  }
  let to = end;
  while (to < text.length) {
    const code = text.charCodeAt(to);
    const next = text.charCodeAt(to + 1);
    if (code === SEMICOLON || code === LINE_BREAK) break;
    if ((code === FULL_STOP && !isDigitCode(next)) || next === FULL_STOP) break;
    to++;
  }
  return text.slice(from, to);
}

export const bareYearRule: DeadlineRule = {
  name: "deadline.bare-year",
  needs: ["năm"],
  pattern: new RegExp(`${WORD_START}năm\\s+(\\d{4})(?!\\s*[-–/]\\s*\\d)${WORD_END}`, "giu"),
  extract(match, context) {
    const year = Number(match[1]);
    const ref = context.reference;
    if (!ref || year <= ref.year || !isPlanningYear(year)) return null;
    if (NOT_BEFORE_BARE_YEAR.test(textBefore(context, match.index, 24))) return null;
    if (context.modeAt?.(match.index) !== "target") return null;
    // The clause must set something: a figure or an achievement (`năm 2025 có 50% số xã …`,
    // `đạt chuẩn nâng cao năm 2023`), not only name a plan (`kế hoạch đầu tư công huyện X năm 2022`).
    const clause = clauseAround(context.text, match.index, match.index + match[0].length);
    if (!SETS_SOMETHING.test(clause.replace(match[0], " "))) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      deadline: yearDeadline(year),
    };
  },
};
