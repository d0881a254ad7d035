/**
 * Indicator categories: the taxonomy's shape, each phrasing family and rule of
 * `lib/extract/figure-category.ts` on sentences written for these tests, and the hand-checked
 * corpus sample (`tests/fixtures/corpus-categories.json`) held at the agreement it has reached.
 * The corpus lives beside the project (`../shared/corpus`); without it the corpus tests skip.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateCategories, loadCategorySample } from "../../lib/evaluation/categories.ts";
import {
  corpusExists,
  DEFAULT_CORPUS_DIR,
  loadCorpus,
  locateGold,
} from "../../lib/evaluation/corpus.ts";
import { extract } from "../../lib/extract/index.ts";
import {
  CATEGORIES,
  CATEGORY_GROUPS,
  categorize,
  categoryById,
} from "../../lib/taxonomy/taxonomy.ts";
import { foldDiacritics } from "../../lib/text/fold.ts";

/** The category of the figure whose text contains `value` in `sentence`. */
function categoryOf(sentence: string, value: string): string | null {
  const items = extract(sentence, { referenceDate: "2024-06-01", titleAndLead: "" });
  const at = sentence.indexOf(value);
  assert.ok(at >= 0, `${value} not in the sentence`);
  const figure = items.find(
    (i) => i.kind !== "deadline" && i.start < at + value.length && at < i.end,
  );
  assert.ok(
    figure,
    `no figure on ${value} in: ${sentence} (found: ${items.map((i) => i.text).join(" | ")})`,
  );
  return figure.category ?? null;
}

function expectCategory(sentence: string, value: string, category: string | null) {
  assert.equal(categoryOf(sentence, value), category, `${value} in: ${sentence}`);
}

describe("taxonomy", () => {
  test("every category has an id, Vietnamese and English labels and phrasings", () => {
    const ids = new Set<string>();
    for (const c of CATEGORIES) {
      assert.match(c.id, /^[a-z][a-z0-9_]*$/);
      assert.ok(!ids.has(c.id), `duplicate id ${c.id}`);
      ids.add(c.id);
      assert.ok(c.vi.trim().length > 0 && c.en.trim().length > 0, c.id);
      assert.ok(c.phrases.length > 0, c.id);
    }
  });

  test("every category sits in one of the resolution's groups, and every group has categories", () => {
    for (const c of CATEGORIES) assert.ok(CATEGORY_GROUPS.includes(c.group), `${c.id}: ${c.group}`);
    for (const group of CATEGORY_GROUPS)
      assert.ok(
        CATEGORIES.some((c) => c.group === group),
        group,
      );
    assert.equal(categoryById("poverty_rate")?.group, "society");
    assert.equal(categoryById("growth")?.group, "economy");
    assert.equal(categoryById("security_safe")?.group, "defence");
    assert.equal(categoryById("new_party_members")?.group, "party");
  });

  test("no phrasing names two categories", () => {
    const seen = new Map<string, string>();
    for (const c of CATEGORIES) {
      for (const p of c.phrases) {
        const key = foldDiacritics(p).replace(/\s+/g, " ");
        const other = seen.get(key);
        assert.ok(!other || other === c.id, `${p}: ${other} and ${c.id}`);
        seen.set(key, c.id);
      }
    }
  });

  test("ids that saved collections refer to are still there", () => {
    for (const id of [
      "grdp_per_capita",
      "growth",
      "budget_revenue",
      "new_rural_communes",
      "new_rural_model",
      "cultural_villages",
      "poverty_rate",
      "health_insurance",
      "schools_national_standard",
      "party_org_rating",
      "party_member_rating",
      "digital_government",
      "indicators_met",
      "resolution_completion",
    ])
      assert.ok(categoryById(id), id);
  });

  test("abbreviations and synonyms name their categories", () => {
    const cases: Array<[string, string]> = [
      ["xã đạt chuẩn NTM", "new_rural_communes"],
      ["xã đạt chuẩn NTM nâng cao", "new_rural_advanced"],
      ["xã NTM kiểu mẫu", "new_rural_model"],
      ["tỷ lệ tham gia BHYT", "health_insurance"],
      ["tăng trưởng GRDP", "growth"],
      ["hồ sơ TTHC", "admin_procedures"],
      ["chỉ tiêu KT-XH", "indicators_met"],
      ["cơ sở đạt ATTP", "food_safety"],
      ["trường THCS", "schools_national_standard"],
      ["sản phẩm OCOP", "ocop"],
      ["tổng thu NSNN", "budget_revenue"],
      ["TCCSĐ hoàn thành tốt nhiệm vụ", "party_org_rating"],
      ["giá trị sản xuất CN-TTCN", "production_value"],
      ["trên 1ha canh tác", "land_productivity"],
    ];
    for (const [phrase, id] of cases) assert.equal(categorize(phrase), id, phrase);
  });
});

/** [sentence, the figure's text in it, the category expected of that figure]. */
type CategoryCase = readonly [sentence: string, value: string, category: string | null];

/** One test per name, each checking the category of every figure it lists. */
function categoryTests(tests: Record<string, readonly CategoryCase[]>) {
  for (const [name, cases] of Object.entries(tests)) {
    test(name, () => {
      for (const [sentence, value, category] of cases) expectCategory(sentence, value, category);
    });
  }
}

describe("new categories", () => {
  categoryTests({
    "each is found in a sentence of its own": [
      ["Quy mô nền kinh tế năm 2025 đạt 85.000 tỷ đồng.", "85.000", "grdp_size"],
      [
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 9.870 tỷ đồng.",
        "9.870",
        "trade_revenue",
      ],
      [
        "Giải ngân vốn đầu tư công của huyện đạt 642 tỷ đồng.",
        "642",
        "public_investment_disbursement",
      ],
      ["Tổng chi ngân sách địa phương là 1.250 tỷ đồng.", "1.250", "budget_expenditure"],
      ["Năng suất lao động xã hội tăng 6,2%.", "6,2%", "labour_productivity"],
      ["Tỷ trọng lao động nông nghiệp giảm còn 38%.", "38%", "labour_structure"],
      [
        "Kết nạp 40 đảng viên mới, nâng tổng số đảng viên lên 3.412 đồng chí.",
        "3.412",
        "party_membership",
      ],
      ["Đến nay toàn huyện có 45 thôn đạt chuẩn nông thôn mới.", "45 thôn", "new_rural_villages"],
      [
        "Năm qua có 4 xã được công nhận đạt chuẩn văn hóa nông thôn mới.",
        "4 xã",
        "cultural_communes",
      ],
      ["Phấn đấu kinh tế số chiếm 15% GRDP.", "15%", "digital_economy"],
      ["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt 99%.", "99%", "admin_procedures"],
      [
        "Phấn đấu 100% cơ sở kinh doanh thực phẩm đạt chuẩn an toàn thực phẩm.",
        "100%",
        "food_safety",
      ],
      ["Năm nay hỗ trợ xóa 620 căn nhà tạm cho hộ khó khăn.", "620", "temporary_housing"],
    ],
  });
});

describe("what a figure measures", () => {
  categoryTests({
    "a sector that grows is the sector's growth; its share stays the structure": [
      ["Ngành công nghiệp - xây dựng tăng 9,4%.", "9,4%", "sector_growth"],
      ["Tỷ trọng công nghiệp - xây dựng chiếm 45%.", "45%", "economic_structure"],
      ["Giá trị sản xuất nông nghiệp tăng 3,1% so với cùng kỳ.", "3,1%", "sector_growth"],
    ],
    "a production value in percent is growth; a sector's money amount is its production value": [
      ["Tổng giá trị sản xuất tăng 11% so với năm trước.", "11%", "growth"],
      ["Lĩnh vực thương mại - dịch vụ đạt 3.200 tỷ đồng.", "3.200", "production_value"],
    ],
    "money per hectare is land productivity, per person GDP per capita": [
      ["Giá trị sản xuất nông nghiệp đạt 210 triệu đồng/ha.", "210", "land_productivity"],
      ["GRDP của tỉnh năm 2024 đạt 62.000 tỷ đồng.", "62.000", "grdp_size"],
    ],
    "a share of the plan is the plan's completion, a comparison with the past is not": [
      ["Thu ngân sách đạt 212 tỷ đồng, đạt 104% so dự toán.", "104%", "resolution_completion"],
      ["Thu ngân sách đạt 212 tỷ đồng, đạt 104% so dự toán.", "212", "budget_revenue"],
      ["Năm 2024 kết nạp 64 đảng viên, đạt 116%.", "116%", "resolution_completion"],
      ["Thu ngân sách đạt 118% so với cùng kỳ.", "118%", "budget_revenue"],
    ],
    "indicators in a completion band are not indicators met": [
      ["Có 5/18 chỉ tiêu đạt dưới 60%.", "5/18", null],
      ["Đã có 12/18 chỉ tiêu đạt và vượt kế hoạch.", "12/18", "indicators_met"],
    ],
    "a count of party members is not their rating; a share of them is": [
      [
        "Đảng bộ kết nạp 58 đảng viên mới, tăng 9 đảng viên so với năm trước.",
        "9 đảng viên",
        "new_party_members",
      ],
      ["Có 92% đảng viên được xếp loại hoàn thành tốt nhiệm vụ.", "92%", "party_member_rating"],
    ],
  });
});

/** Two counts of communes, one inside a parenthesis, before a share of schools. */
const NESTED =
  "Số xã đạt chuẩn nông thôn mới đến năm 2027 là 8 xã (trong đó 2 xã nông thôn mới kiểu mẫu) và đến năm 2030 là 12 xã; phấn đấu 70% trường học đạt chuẩn quốc gia.";

describe("the nearest phrasing", () => {
  categoryTests({
    "a closed parenthesis before the figure is skipped": [
      [NESTED, "12 xã", "new_rural_communes"],
      [NESTED, "2 xã", "new_rural_model"],
    ],
    "a list goes on, but not through a share of the plan": [
      [
        "Doanh thu du lịch đạt 830 tỷ đồng, đạt 104% kế hoạch, tăng 12% so với cùng kỳ.",
        "12%",
        "tourism",
      ],
      [
        "Thu ngân sách đạt 96 tỷ đồng (đạt 120% chỉ tiêu Nghị quyết, tăng 15%).",
        "15%",
        "budget_revenue",
      ],
    ],
    "a predicate shared with a later figure of the same noun": [
      [
        "Năm nay có thêm 14 thôn; đến năm 2027 có 90% số thôn đạt chuẩn nông thôn mới.",
        "14 thôn",
        "new_rural_villages",
      ],
    ],
    "a qualifying figure does not stop the search forward": [
      ["Toàn huyện có 7 xã đạt 18 tiêu chí nông thôn mới.", "7 xã", "new_rural_criteria"],
    ],
    "the whole a share is taken of is not what it measures": [
      ["Có 95,2% dân số tham gia bảo hiểm y tế.", "95,2%", "health_insurance"],
    ],
    "a name cut at a comma and an indicator carried over from another clause": [
      ["Tổng doanh thu thương mại, dịch vụ đạt 5.400 tỷ đồng.", "5.400", "trade_revenue"],
      [
        "Tỷ lệ che phủ rừng đạt 43%; thu ngân sách đến năm 2027 đạt 320 tỷ đồng.",
        "320",
        "budget_revenue",
      ],
    ],
  });
});

describe("corpus category sample", () => {
  const skip = corpusExists()
    ? false
    : `real-article corpus not found at ${DEFAULT_CORPUS_DIR} (../shared/corpus beside the project)`;

  test("the sample has at least 200 entries, both splits, and known categories", async () => {
    const sample = await loadCategorySample();
    assert.ok(sample.length >= 200, `${sample.length} entries`);
    assert.ok(sample.some((e) => e.split === "dev") && sample.some((e) => e.split === "check"));
    const keys = new Set<string>();
    for (const e of sample) {
      assert.ok(e.category === null || categoryById(e.category), `${e.id} ${e.category}`);
      assert.ok(e.kind === "target" || e.kind === "result", `${e.id} ${e.kind}`);
      const key = `${e.id}|${e.kind}|${e.quote}|${e.occurrence}`;
      assert.ok(!keys.has(key), `duplicate ${key}`);
      keys.add(key);
    }
  });

  test("every entry is a figure of the gold annotation on a positive page", { skip }, async () => {
    const sample = await loadCategorySample();
    const corpus = new Map((await loadCorpus()).map((a) => [a.id, a]));
    for (const e of sample) {
      const article = corpus.get(e.id);
      assert.ok(article, `article ${e.id}`);
      assert.equal(article.label, "positive", e.id);
      assert.equal(article.split, e.split, e.id);
      const gold = article.gold.find(
        (g) => g.kind === e.kind && g.quote === e.quote && (g.occurrence ?? 0) === e.occurrence,
      );
      assert.ok(gold && gold.doubt === undefined, `${e.id} ${e.kind} ${e.quote}`);
      assert.ok(locateGold(article.text, [gold])[0]?.start !== -1, `${e.id} ${e.quote}`);
    }
  });

  test("category agreement stays at the level reached", { skip }, async () => {
    const result = evaluateCategories(await loadCorpus(), await loadCategorySample());
    // Measured (npm run eval): dev 378/381, check 104/107, all 482/488; 12 entries with no figure.
    // Raise these as the engine improves, never lower them (check, 107 entries, has one entry's slack).
    const detail = result.pairs
      .filter((p) => p.predicted !== undefined && p.predicted !== p.entry.category)
      .map((p) => `${p.entry.id} ${p.entry.quote}: ${p.entry.category} ≠ ${p.predicted}`)
      .join("; ");
    assert.ok(result.dev.agreement >= 0.985, `dev ${result.dev.agreement}: ${detail}`);
    assert.ok(result.check.agreement >= 0.95, `check ${result.check.agreement}: ${detail}`);
    assert.ok(result.all.agreement >= 0.98, `all ${result.all.agreement}: ${detail}`);
    assert.ok(result.all.paired >= 450, `only ${result.all.paired} entries paired with a figure`);
  });
});
