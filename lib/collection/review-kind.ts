/**
 * What kind of review an article is, told from a few words of its title: a six-month review
 * (*sơ kết 6 tháng*), a year's (*tổng kết năm 2023*, *kết quả năm*), the mid-term one (*giữa
 * nhiệm kỳ*) or the term's end (*tổng kết nhiệm kỳ*, *5 năm thực hiện*). Small and word-based on
 * purpose: a title that says none of these has no kind (null), and the progress view shows it
 * as a plain report.
 */
import { foldForSearch } from "./search-fold.ts";

export type ReviewKind = "six_months" | "annual" | "mid_term" | "term_end";

export const REVIEW_KINDS: readonly ReviewKind[] = ["six_months", "annual", "mid_term", "term_end"];

/** Folded title words of each kind, tried in this order (the first that matches decides). */
const RULES: ReadonlyArray<[ReviewKind, RegExp]> = [
  ["mid_term", /\bgiua (?:nhiem ky|ky)\b/],
  ["six_months", /\b(?:6|sau) thang\b/],
  [
    "term_end",
    /\b(?:tong ket|ket qua|danh gia)\b.*\bnhiem ky\b|\bnhiem ky qua\b|\b(?:5|nam) nam (?:thuc hien|qua)\b|\bsau (?:5|nam) nam\b/,
  ],
  ["annual", /\b(?:tong ket|ket qua|so ket|danh gia)\b.*\bnam\b|\bca nam\b|\bnam (?:19|20)\d\d\b/],
];

/** The kind of review `title` names, or null when it names none of them. */
export function reviewKindOf(title: string): ReviewKind | null {
  const folded = foldForSearch(title);
  for (const [kind, pattern] of RULES) if (pattern.test(folded)) return kind;
  return null;
}
