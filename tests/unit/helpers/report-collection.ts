/**
 * A small collection for comparison tests: two localities (Phước Long, Tân Hòa), each a
 * resolution with targets and later reviews with results, read by the engine from sentences
 * written for the tests (not from the seed articles); the kind is the one a reader would confirm.
 */
import assert from "node:assert/strict";
import {
  type CompareSource,
  joinEntries,
  type ListedEntry,
} from "../../../lib/collection/index.ts";
import { extract } from "../../../lib/extract/index.ts";
import { itemFields } from "../../../lib/extract/types.ts";
import type { ArticleRecord, SnippetRecord } from "../../../lib/snippets/types.ts";
import { article, bareSnippet } from "./records.ts";

let position = 0;

/** The one figure the engine reads in `sentence`, saved from `source` as a `kind`. */
export function saved(
  source: ArticleRecord,
  kind: "target" | "result",
  sentence: string,
): SnippetRecord {
  const items = extract(sentence).filter((item) => item.kind !== "deadline");
  assert.equal(items.length, 1, sentence);
  const item = items[0] as (typeof items)[number];
  position += 100;
  return bareSnippet(
    `${source.id}-${position}`,
    source.id,
    kind,
    item.text,
    { sentence, ...itemFields(item) },
    position,
  );
}

export function place(id: string, locality: string, publishedAt: string): ArticleRecord {
  return article(`https://${id}.example.gov.vn/bai-viet`, {
    id,
    title: `Bài ${id}`,
    locality,
    level: "huyện",
    publishedAt,
    term: "2020-2025",
  });
}

export const A_PLAN = place("a-plan", "Phước Long", "2020-10-01");
export const A_MID = place("a-mid", "Phước Long", "2022-01-15");
export const A_REVIEW = place("a-review", "Phước Long", "2023-06-01");
export const B_PLAN = place("b-plan", "Tân Hòa", "2020-09-20");
export const B_REVIEW = place("b-review", "Tân Hòa", "2023-05-10");

export const SNIPPETS: SnippetRecord[] = [
  saved(A_PLAN, "target", "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%."),
  saved(A_PLAN, "target", "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn dưới 2%."),
  saved(A_PLAN, "target", "Phấn đấu tốc độ tăng trưởng kinh tế bình quân hằng năm đạt 8 - 8,5%."),
  saved(A_PLAN, "target", "Phấn đấu trong nhiệm kỳ kết nạp 600 đảng viên mới."),
  saved(A_PLAN, "target", "Phấn đấu đến năm 2025 có 12 xã đạt chuẩn nông thôn mới."),
  saved(A_MID, "result", "Đến nay, tỷ lệ dân số tham gia bảo hiểm y tế đạt 93%."),
  saved(A_REVIEW, "result", "Đến nay, tỷ lệ dân số tham gia bảo hiểm y tế đạt 96,5%."),
  saved(A_REVIEW, "result", "Đến nay, tỷ lệ hộ nghèo còn 2,5%."),
  saved(A_REVIEW, "result", "Tăng trưởng kinh tế bình quân giai đoạn 2021 - 2023 đạt 7,2%/năm."),
  saved(A_REVIEW, "result", "Đến nay đã kết nạp 450 đảng viên mới."),
  saved(A_REVIEW, "result", "Đến nay có 80% số xã đạt chuẩn nông thôn mới."),
  saved(B_PLAN, "target", "Phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế đạt 92%."),
  saved(B_PLAN, "target", "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn dưới 3%."),
  saved(B_PLAN, "target", "Phấn đấu trong nhiệm kỳ kết nạp 300 đảng viên mới."),
  saved(
    B_PLAN,
    "target",
    "Phấn đấu thu ngân sách trên địa bàn giai đoạn 2021 - 2025 đạt 2.000 tỷ đồng.",
  ),
  saved(B_REVIEW, "result", "Đến nay, tỷ lệ dân số tham gia bảo hiểm y tế đạt 92%."),
  saved(B_REVIEW, "result", "Đến nay, tỷ lệ hộ nghèo còn 1,5%."),
  saved(B_REVIEW, "result", "Đến nay đã kết nạp 330 đảng viên mới."),
  saved(B_REVIEW, "result", "Đến nay, thu ngân sách trên địa bàn đạt 1.500 tỷ đồng."),
];

export const ENTRIES: ListedEntry[] = joinEntries(
  [A_PLAN, A_MID, A_REVIEW, B_PLAN, B_REVIEW],
  SNIPPETS,
);
export const PLACES: CompareSource[] = [
  { type: "locality", name: "Phước Long" },
  { type: "locality", name: "Tân Hòa" },
];
