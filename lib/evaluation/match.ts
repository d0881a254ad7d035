/**
 * Scoring extracted items against hand-checked expectations: an item matches an
 * expected one of the same kind when their spans overlap and their values agree
 * (figures: min/max or numerator/denominator; deadlines: the date). Spans are
 * compared in canonical text, so spacing and dash variants do not matter.
 */
import type { ExtractedItem, ItemKind } from "../extract/types.ts";
import { normalizeText } from "../text/normalize.ts";

export interface ExpectedItem {
  kind: ItemKind;
  text: string;
  value?: { min: number; max: number; numerator?: number; denominator?: number } | null;
  unit?: string | null;
  comparator?: string | null;
  direction?: string | null;
  horizon?: Record<string, unknown> | null;
  deadline?: { date: string; precision?: string } | null;
  category?: string | null;
}

export interface KindScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Comparison {
  perKind: Record<ItemKind, KindScore>;
  /** Pairs whose spans overlap (same kind), and how many of them agree on each field. */
  overlapping: number;
  valueAgrees: number;
  deadlineOverlapping: number;
  deadlineAgrees: number;
  fieldAgrees: Record<
    "unit" | "comparator" | "category" | "horizon",
    { checked: number; agree: number }
  >;
  missed: ExpectedItem[];
  spurious: ExtractedItem[];
  /** Expected items whose text was not found in the article text. */
  unlocated: ExpectedItem[];
}

const EPSILON = 1e-9;
const KINDS: ItemKind[] = ["target", "result", "deadline"];

export function valuesAgree(item: ExtractedItem, expected: ExpectedItem): boolean {
  if (expected.kind === "deadline") return item.deadline?.date === expected.deadline?.date;
  const e = expected.value;
  const v = item.value;
  if (!e || !v) return !e && !v;
  if (e.denominator !== undefined)
    return v.numerator === e.numerator && v.denominator === e.denominator;
  return Math.abs(v.min - e.min) < EPSILON && Math.abs(v.max - e.max) < EPSILON;
}

const canonicalUnit = (u: string | null | undefined) => (u ?? "").replace(/\s+/g, "").toLowerCase();

/** Finds each expected item's span in the text, in order (each search starts after the previous start). */
export function locateExpected(
  text: string,
  expected: readonly ExpectedItem[],
): Array<
  { item: ExpectedItem; start: number; end: number } | { item: ExpectedItem; start: -1; end: -1 }
> {
  const canonicalText = normalizeText(text);
  let from = 0;
  return expected.map((item) => {
    const needle = normalizeText(item.text).text;
    let at = canonicalText.text.indexOf(needle, from);
    if (at < 0) at = canonicalText.text.indexOf(needle);
    if (at < 0) return { item, start: -1, end: -1 };
    from = at + 1;
    return {
      item,
      start: canonicalText.starts[at] as number,
      end: canonicalText.ends[at + needle.length - 1] as number,
    };
  });
}

export function compareItems(
  text: string,
  predicted: readonly ExtractedItem[],
  expected: readonly ExpectedItem[],
): Comparison {
  const perKind = Object.fromEntries(
    KINDS.map((k) => [k, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  ) as Record<ItemKind, KindScore>;
  const fieldAgrees: Comparison["fieldAgrees"] = {
    unit: { checked: 0, agree: 0 },
    comparator: { checked: 0, agree: 0 },
    category: { checked: 0, agree: 0 },
    horizon: { checked: 0, agree: 0 },
  };
  const located = locateExpected(text, expected);
  const used = new Set<number>();
  const missed: ExpectedItem[] = [];
  const unlocated: ExpectedItem[] = [];
  let overlapping = 0;
  let valueAgrees = 0;
  let deadlineOverlapping = 0;
  let deadlineAgrees = 0;

  for (const e of located) {
    if (e.start < 0) {
      unlocated.push(e.item);
      perKind[e.item.kind].falseNegatives++;
      missed.push(e.item);
      continue;
    }
    const candidates = predicted
      .map((p, index) => ({ p, index }))
      .filter(
        ({ p, index }) =>
          !used.has(index) && p.kind === e.item.kind && p.start < e.end && e.start < p.end,
      );
    const agreeing = candidates.find(({ p }) => valuesAgree(p, e.item));
    const overlap = agreeing ?? candidates[0];
    if (overlap) {
      if (e.item.kind === "deadline") {
        deadlineOverlapping++;
        if (agreeing) deadlineAgrees++;
      } else {
        overlapping++;
        if (agreeing) valueAgrees++;
      }
    }
    if (!agreeing) {
      perKind[e.item.kind].falseNegatives++;
      missed.push(e.item);
      continue;
    }
    used.add(agreeing.index);
    perKind[e.item.kind].truePositives++;
    const p = agreeing.p;
    if (e.item.kind !== "deadline") {
      if (e.item.unit !== undefined) {
        fieldAgrees.unit.checked++;
        if (canonicalUnit(p.unit) === canonicalUnit(e.item.unit)) fieldAgrees.unit.agree++;
      }
      if (e.item.comparator !== undefined) {
        fieldAgrees.comparator.checked++;
        if (p.comparator === e.item.comparator) fieldAgrees.comparator.agree++;
      }
      if (e.item.category !== undefined) {
        fieldAgrees.category.checked++;
        if (p.category === e.item.category) fieldAgrees.category.agree++;
      }
      if (e.item.horizon !== undefined) {
        fieldAgrees.horizon.checked++;
        if (JSON.stringify(p.horizon ?? null) === JSON.stringify(e.item.horizon ?? null))
          fieldAgrees.horizon.agree++;
      }
    }
  }
  const spurious = predicted.filter((_, index) => !used.has(index));
  for (const s of spurious) perKind[s.kind].falsePositives++;
  return {
    perKind,
    overlapping,
    valueAgrees,
    deadlineOverlapping,
    deadlineAgrees,
    fieldAgrees,
    missed,
    spurious,
    unlocated,
  };
}

export function mergeComparisons(all: readonly Comparison[]): Comparison {
  const merged = compareItems("", [], []);
  for (const c of all) {
    for (const k of KINDS) {
      merged.perKind[k].truePositives += c.perKind[k].truePositives;
      merged.perKind[k].falsePositives += c.perKind[k].falsePositives;
      merged.perKind[k].falseNegatives += c.perKind[k].falseNegatives;
    }
    merged.overlapping += c.overlapping;
    merged.valueAgrees += c.valueAgrees;
    merged.deadlineOverlapping += c.deadlineOverlapping;
    merged.deadlineAgrees += c.deadlineAgrees;
    for (const f of Object.keys(merged.fieldAgrees) as Array<keyof Comparison["fieldAgrees"]>) {
      merged.fieldAgrees[f].checked += c.fieldAgrees[f].checked;
      merged.fieldAgrees[f].agree += c.fieldAgrees[f].agree;
    }
    merged.missed.push(...c.missed);
    merged.spurious.push(...c.spurious);
    merged.unlocated.push(...c.unlocated);
  }
  return merged;
}

export function precisionRecall(score: KindScore): {
  precision: number;
  recall: number;
  f1: number;
} {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = score;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
