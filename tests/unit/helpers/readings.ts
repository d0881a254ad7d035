/**
 * The engine's readings of figures that unit tests in several files save: the fields a snippet
 * of each carries. The quotes the storage tests share are here too; elsewhere each test words
 * its sentence (and so the indicator) its own way.
 */
import type { ItemFields } from "../../../lib/extract/types.ts";
import type { SnippetInput } from "../../../lib/snippets/types.ts";

type Reading = Partial<ItemFields>;

/** Health-insurance coverage of 95% by 2025 (without its indicator's words). */
export const INSURANCE_95_BY_2025: Reading = {
  category: "health_insurance",
  value: { min: 95, max: 95 },
  unit: "%",
  comparator: "=",
  horizon: { type: "year", year: 2025 },
};

/** The poverty rate down by 1.5 to 2% a year. */
export const POVERTY_DOWN_1_5_TO_2_YEARLY: Reading = {
  indicator: "tỷ lệ hộ nghèo",
  category: "poverty_rate",
  value: { min: 1.5, max: 2 },
  unit: "%",
  comparator: "range",
  direction: "decrease",
  horizon: { type: "annual" },
};

/** Economic growth of 7.5% a year (without its indicator's words). */
export const GROWTH_7_5_YEARLY: Reading = {
  category: "growth",
  value: { min: 7.5, max: 7.5 },
  unit: "%",
  comparator: "=",
  horizon: { type: "annual" },
};

/** The storage tests' page: its insurance target, as saved. */
const INSURANCE_QUOTE = "tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%";
const INSURANCE_READING: Reading = {
  indicator: "tỷ lệ dân số tham gia bảo hiểm y tế",
  ...INSURANCE_95_BY_2025,
};

/** The storage tests' page: its poverty target (below 1% by 2025), as saved. */
const POVERTY_QUOTE = "tỷ lệ hộ nghèo giảm xuống dưới 1%";
const POVERTY_READING: Reading = {
  indicator: "tỷ lệ hộ nghèo",
  category: "poverty_rate",
  value: { min: 1, max: 1 },
  unit: "%",
  comparator: "<",
  direction: "decrease",
  horizon: { type: "year", year: 2025 },
};

/** The storage tests' page: its deadline, as saved. */
const MERGER_QUOTE = "trước ngày 30/6/2021";
const MERGER_READING: Partial<SnippetInput> = {
  kind: "deadline",
  deadline: { date: "2021-06-30", precision: "day" },
};

/**
 * The insurance target, the poverty target and the deadline of the storage tests' page, each made
 * by `save` from its quote and its reading.
 */
export function storagePageFigures<T>(save: (quote: string, reading: Partial<SnippetInput>) => T) {
  return {
    INSURANCE: save(INSURANCE_QUOTE, INSURANCE_READING),
    POVERTY: save(POVERTY_QUOTE, POVERTY_READING),
    MERGER: save(MERGER_QUOTE, MERGER_READING),
  };
}
