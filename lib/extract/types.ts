/** What an item is: a figure the plan commits to, a figure already achieved, or a time limit. */
export type ItemKind = "target" | "result" | "deadline";

/** How the stated value relates to the figure: exactly, at least, more than, at most, less than, between. */
export type Comparator = "=" | ">=" | ">" | "<=" | "<" | "range";

/** The direction of change the text states ("tăng", "giảm"), when it states one. */
export type Direction = "increase" | "decrease";

/** A parsed value: a single number or range (`min`/`max`), or a ratio (`numerator`/`denominator`). */
export interface ItemValue {
  /** Lower bound (the value itself when not a range). */
  min: number;
  /** Upper bound (equal to `min` when not a range). */
  max: number;
  /** For ratios like `7/7 huyện` or `08/21 chỉ tiêu`. */
  numerator?: number;
  denominator?: number;
}

/** When a target is meant to be reached. */
export interface Horizon {
  /** `year`: by a given year; `period`: over a span of years; `annual`: every year; `term`: over the congress term. */
  type: "year" | "period" | "annual" | "term";
  /** End year for `year`, first and last year for `period`. */
  year?: number;
  from?: number;
  to?: number;
}

/** A deadline resolved to a calendar date. */
export interface Deadline {
  /** ISO date `YYYY-MM-DD`: the last day that still meets the deadline. */
  date: string;
  /** How much of the date the text gave: the day, only the month, only the year. */
  precision: "day" | "month" | "year";
  /** True when the year was not written and came from the article's date. */
  yearInferred?: boolean;
}

/** One extracted item. Offsets index the input text: `text === input.slice(start, end)`. */
export interface ExtractedItem {
  kind: ItemKind;
  start: number;
  end: number;
  text: string;
  /** The sentence the item stands in (trimmed). */
  sentence: string;
  /** The words that say what is measured, e.g. `GRDP bình quân đầu người`; empty for deadlines. */
  indicator: string;
  /** Taxonomy category id (see `lib/taxonomy/indicators.json`), or `null` when unknown. */
  category: string | null;
  value: ItemValue | null;
  unit: string | null;
  comparator: Comparator | null;
  direction: Direction | null;
  horizon: Horizon | null;
  deadline: Deadline | null;
  /** Name of the rule that produced the item. */
  rule: string;
  /**
   * The words that decided a figure's kind (`phấn đấu`, `đến nay`, `đạt`…), for the reader to
   * judge the reading at a glance; absent when none did (the article's frame decided, or a
   * deadline). Not part of the engine's measured output (left out of its fingerprints).
   */
  modeWords?: string[];
}

/** What an item says about its figure and its deadline: the fields a saved snippet keeps too. */
export type ItemFields = Pick<
  ExtractedItem,
  "indicator" | "category" | "value" | "unit" | "comparator" | "direction" | "horizon" | "deadline"
>;

/** The fields of an item that says nothing of a figure or a deadline (a plain excerpt). */
export const NO_FIELDS: Readonly<ItemFields> = Object.freeze({
  indicator: "",
  category: null,
  value: null,
  unit: null,
  comparator: null,
  direction: null,
  horizon: null,
  deadline: null,
});

/** The item fields of `source` (an item, a snippet) and nothing else, in their usual order. */
export function itemFields(source: ItemFields): ItemFields {
  return {
    indicator: source.indicator,
    category: source.category,
    value: source.value,
    unit: source.unit,
    comparator: source.comparator,
    direction: source.direction,
    horizon: source.horizon,
    deadline: source.deadline,
  };
}
