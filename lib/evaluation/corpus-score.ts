/**
 * Scores the engine on the real-article corpus with the corpus's own matching rule (see its
 * README):
 *
 * - per article and kind, each gold item is paired with at most one predicted item of the same kind
 *   whose span overlaps it, the largest overlap first, each prediction used once;
 * - a paired gold item is a true positive, an unpaired one a false negative; an unpaired
 *   prediction is a false positive unless it overlaps a doubtful gold item (`doubt`), which is
 *   neither rewarded nor penalised;
 * - on pairs, the value (min/max or numerator/denominator) and the deadline's date (to the gold's
 *   precision) are compared exactly;
 * - negative pages should not be recognised and should yield no items.
 */
import type { ExtractedItem, ItemKind } from "../extract/types.ts";
import {
  type CorpusArticle,
  type CorpusLabel,
  type CorpusSplit,
  type GoldItem,
  locateGold,
} from "./corpus.ts";

export interface KindCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface CorpusMiss {
  id: string;
  kind: ItemKind;
  /** The gold quote (missed) or the predicted text (spurious). */
  text: string;
  /** What the engine said instead, when it found the span as another kind or value. */
  note?: string;
  context: string;
}

export interface ArticleScore {
  id: string;
  split: CorpusSplit;
  label: CorpusLabel;
  recognised: boolean;
  perKind: Record<ItemKind, KindCounts>;
  /** Figure pairs, and how many have the gold's value exactly. */
  valuePairs: number;
  valueExact: number;
  /** Deadline pairs with a gold date, and how many have it to the gold's precision. */
  datePairs: number;
  dateExact: number;
  /** Items predicted on a negative page (should be none). */
  negativeItems: number;
  missed: CorpusMiss[];
  spurious: CorpusMiss[];
  wrongValue: CorpusMiss[];
  unlocated: GoldItem[];
}

const KINDS: readonly ItemKind[] = ["target", "result", "deadline"];
const EPSILON = 1e-9;

function emptyCounts(): Record<ItemKind, KindCounts> {
  return {
    target: { tp: 0, fp: 0, fn: 0 },
    result: { tp: 0, fp: 0, fn: 0 },
    deadline: { tp: 0, fp: 0, fn: 0 },
  };
}

/** Whether a predicted figure has the gold value exactly. */
export function goldValueExact(item: ExtractedItem, gold: GoldItem): boolean {
  const g = gold.value;
  const v = item.value;
  if (!g || !v) return !g && !v;
  if ("num" in g) return v.numerator === g.num && v.denominator === g.den;
  return Math.abs(v.min - g.min) < EPSILON && Math.abs(v.max - g.max) < EPSILON;
}

/** Whether a predicted deadline has the gold date to the gold's precision. */
export function goldDateExact(item: ExtractedItem, gold: GoldItem): boolean {
  if (!gold.date || !item.deadline) return false;
  const length = gold.precision === "year" ? 4 : gold.precision === "month" ? 7 : 10;
  return item.deadline.date.slice(0, length) === gold.date.slice(0, length);
}

const contextOf = (text: string, start: number, end: number) =>
  text
    .slice(Math.max(0, start - 60), Math.min(text.length, end + 40))
    .replace(/\s+/g, " ")
    .trim();

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Scores one article's predicted items (offsets into `article.text`) against its gold. */
export function scoreArticle(
  article: CorpusArticle,
  predicted: readonly ExtractedItem[],
  recognised: boolean,
): ArticleScore {
  const score: ArticleScore = {
    id: article.id,
    split: article.split,
    label: article.label,
    recognised,
    perKind: emptyCounts(),
    valuePairs: 0,
    valueExact: 0,
    datePairs: 0,
    dateExact: 0,
    negativeItems: 0,
    missed: [],
    spurious: [],
    wrongValue: [],
    unlocated: [],
  };
  const { text } = article;
  const report = (
    list: CorpusMiss[],
    kind: ItemKind,
    quoted: string,
    note: string | undefined,
    span: { start: number; end: number },
  ) =>
    list.push({
      id: article.id,
      kind,
      text: quoted,
      note,
      context: contextOf(text, span.start, span.end),
    });
  if (article.label === "negative") {
    score.negativeItems = predicted.length;
    for (const p of predicted) report(score.spurious, p.kind, p.text, "on a negative page", p);
    return score;
  }
  const located = locateGold(text, article.gold);
  for (const l of located) if (l.start < 0) score.unlocated.push(l.item);
  const doubtful = located.filter((l) => l.start >= 0 && l.item.doubt !== undefined);
  const counted = located.filter((l) => l.start >= 0 && l.item.doubt === undefined);

  const usedPrediction = new Set<number>();
  for (const kind of KINDS) {
    const gold = counted.filter((l) => l.item.kind === kind);
    const pairs: Array<{ g: number; p: number; size: number }> = [];
    for (const [g, l] of gold.entries()) {
      for (const [p, item] of predicted.entries()) {
        if (item.kind !== kind) continue;
        const size = overlap(l, item);
        if (size > 0) pairs.push({ g, p, size });
      }
    }
    pairs.sort((a, b) => b.size - a.size || a.g - b.g || a.p - b.p);
    const pairedGold = new Map<number, number>();
    for (const pair of pairs) {
      if (pairedGold.has(pair.g) || usedPrediction.has(pair.p)) continue;
      pairedGold.set(pair.g, pair.p);
      usedPrediction.add(pair.p);
    }
    for (const [g, l] of gold.entries()) {
      const p = pairedGold.get(g);
      if (p === undefined) {
        score.perKind[kind].fn++;
        const other = predicted.find((item) => overlap(l, item) > 0);
        const note = other ? `found as ${other.kind} "${other.text}"` : undefined;
        report(score.missed, kind, l.item.quote, note, l);
        continue;
      }
      score.perKind[kind].tp++;
      const item = predicted[p] as ExtractedItem;
      if (kind === "deadline") {
        if (l.item.date) {
          score.datePairs++;
          if (goldDateExact(item, l.item)) score.dateExact++;
          else {
            const note = `date ${item.deadline?.date} vs gold ${l.item.date}`;
            report(score.wrongValue, kind, l.item.quote, note, l);
          }
        }
      } else {
        score.valuePairs++;
        if (goldValueExact(item, l.item)) score.valueExact++;
        else {
          const note = `value ${JSON.stringify(item.value)} vs gold ${JSON.stringify(l.item.value)}`;
          report(score.wrongValue, kind, l.item.quote, note, l);
        }
      }
    }
  }
  for (const [p, item] of predicted.entries()) {
    if (usedPrediction.has(p)) continue;
    if (doubtful.some((l) => overlap(l, item) > 0)) continue;
    score.perKind[item.kind].fp++;
    const gold = counted.find((l) => overlap(l, item) > 0);
    const note = gold ? `gold says ${gold.item.kind} "${gold.item.quote}"` : undefined;
    report(score.spurious, item.kind, item.text, note, item);
  }
  return score;
}

export interface CorpusSummary {
  articles: number;
  perKind: Record<ItemKind, KindCounts & { precision: number; recall: number; f1: number }>;
  valuePairs: number;
  valueExact: number;
  datePairs: number;
  dateExact: number;
  /** Positive pages recognised, negative pages not recognised. */
  recognitionChecked: number;
  recognitionRight: number;
  negativePages: number;
  negativePagesWithItems: number;
  recognitionWrong: string[];
}

export function f1Of(c: KindCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Sums article scores (of one split, say). */
export function summarize(scores: readonly ArticleScore[]): CorpusSummary {
  const totals = emptyCounts();
  for (const s of scores) {
    for (const kind of KINDS) {
      totals[kind].tp += s.perKind[kind].tp;
      totals[kind].fp += s.perKind[kind].fp;
      totals[kind].fn += s.perKind[kind].fn;
    }
  }
  const perKind = Object.fromEntries(
    KINDS.map((k) => [k, { ...totals[k], ...f1Of(totals[k]) }]),
  ) as CorpusSummary["perKind"];
  const sum = (of: (s: ArticleScore) => number) => scores.reduce((total, s) => total + of(s), 0);
  // Recognition is right when positive pages are recognised and negative ones are not.
  const checked = scores.filter((s) => s.label !== "borderline");
  const wrong = checked.filter((s) => s.recognised !== (s.label === "positive"));
  const negatives = scores.filter((s) => s.label === "negative");
  return {
    articles: scores.length,
    perKind,
    valuePairs: sum((s) => s.valuePairs),
    valueExact: sum((s) => s.valueExact),
    datePairs: sum((s) => s.datePairs),
    dateExact: sum((s) => s.dateExact),
    recognitionChecked: checked.length,
    recognitionRight: checked.length - wrong.length,
    negativePages: negatives.length,
    negativePagesWithItems: negatives.filter((s) => s.negativeItems > 0).length,
    recognitionWrong: wrong.map((s) => `${s.id} (${s.label})`),
  };
}
