/**
 * Stretches of text where no item may stand: document references with their
 * dates and quoted titles, and chrome lines (phone, address, e-mail, visitor
 * counters) when plain page text is given.
 */

import { allMatches } from "../text/matches.ts";

export interface Span {
  start: number;
  end: number;
}

const DOCUMENT_REFERENCE =
  /(?:Nghị quyết|Quyết định|Kế hoạch|Chỉ thị|Kết luận|Thông báo|Công văn|Hướng dẫn|Quy định|Thông tư|Nghị định|Chương trình|Đề án|Văn bản|Luật)\s+(?:số\s+)?\d+[\p{L}\p{N}/.-]*(?:\s*,?\s*(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})?/giu;
// A vote, not an indicator: `100% đại biểu có mặt biểu quyết thông qua`, `98,5% đại biểu tán thành`.
const VOTE =
  /(?:\d[\d.,]*\s*%|\d+\s*\/\s*\d+)\s+(?:số\s+)?(?:đại biểu|đảng viên|cử tri|ủy viên)(?:\s+(?:có mặt|dự đại hội|tham dự|dự họp))?(?:\s+(?:đã|đều))?\s+(?:biểu quyết|tán thành|nhất trí|bỏ phiếu|thống nhất|bầu)(?![\p{L}\p{M}])/giu;
// Counters and attendance: `1834 lượt xem`, `Lượt xem: 1834`, `có sự tham dự của 350 đại biểu thay
// mặt cho gần 125 nghìn đảng viên`, `biểu quyết 100% thông qua`; merged bodies (`hợp nhất 3 đảng bộ`).
const NOT_A_FIGURE =
  /\d[\d.,]*\s+lượt\s+(?:xem|truy cập|đọc)|lượt\s+(?:xem|truy cập|đọc)\s*:\s*\d[\d.,]*|(?:tham dự|về dự|dự đại hội)(?:\s+(?:của|có))?\s+(?:gần|hơn|trên|khoảng)?\s*\d[\d.,]*\s+đại biểu(?:[^.;]{0,30}?thay mặt cho\s+(?:gần|hơn|trên|khoảng)?\s*\d[\d.,]*(?:\s+(?:nghìn|ngàn|vạn))?\s+(?:đảng viên)?)?|biểu quyết\s+(?:với\s+)?(?:tỷ lệ\s+)?\d[\d.,]*\s*%|(?:hợp nhất|sáp nhập)(?:\s+(?:từ|của))?\s+\d+\s+[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?/giu;
const QUOTED = /^[^.;\n]{0,160}?(["“«])[^"”»\n]{1,400}["”»]/u;
// Chrome lines: visitor counters (a counter label, then only a number), contact lines and
// boilerplate. Prose that merely starts with such a word (`Trong tháng 11/2020, …`) is kept.
const COUNTER_LABEL =
  "đang online|đang truy cập|hôm nay|hôm qua|trong tuần|tuần này|trong tháng|tháng này|tất cả|tổng cộng|tổng lượt truy cập|tổng số lượt truy cập|lượt truy cập|tổng|khách|thành viên|người trực tuyến|truy cập|online";
const CHROME_LINE = new RegExp(
  [
    `^[\\s•·*-]*(?:(?:${COUNTER_LABEL})\\s*)+:?\\s*[\\d.,\\s]+$`,
    "^[\\s•·*-]*(?:điện thoại|đt|fax|e-?mail|địa chỉ|website|hotline)\\s*:",
    "(?:điện thoại|e-?mail|fax)\\s*:\\s*[\\d\\w]",
    "^[\\s•·*-]*(?:bản quyền|ghi rõ nguồn|designed by|giấy phép|chịu trách nhiệm|trưởng ban biên tập|chức vụ)(?![\\p{L}\\p{M}])",
  ].join("|"),
  "iu",
);

export function findExcludedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of allMatches(DOCUMENT_REFERENCE, text)) {
    const start = m.index as number;
    let end = start + m[0].length;
    const quoted = QUOTED.exec(text.slice(end, end + 600));
    if (quoted) end += quoted[0].length;
    spans.push({ start, end });
  }
  for (const m of allMatches(NOT_A_FIGURE, text)) {
    const start = m.index as number;
    spans.push({ start, end: start + m[0].length });
  }
  for (const m of allMatches(VOTE, text)) {
    const start = m.index as number;
    spans.push({ start, end: start + m[0].length });
  }
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Only short lines: a chrome line is not a paragraph of prose.
    if (lineEnd - lineStart <= 160 && CHROME_LINE.test(text.slice(lineStart, lineEnd))) {
      spans.push({ start: lineStart, end: lineEnd });
    }
    lineStart = lineEnd + 1;
  }
  return spans;
}

export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}
