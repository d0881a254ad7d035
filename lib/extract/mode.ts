/**
 * Target or result: does a clause set a figure to reach, or report one reached?
 *
 * Each clause (a sentence cut at `;` and after a list head's `:`) is weighed by the mode signals
 * (`mode-signals.ts`); a clause without signals takes the clause before it in its sentence (a list
 * head governs its items), then the paragraph's carried mode, then the article's frame: its title
 * and lead when they name a review (`sơ kết`, `6 tháng đầu năm` …), else the mode most of the
 * article's decided clauses speak in, else target.
 */

import { phraseAlternation, WORD_END } from "../text/boundaries.ts";
import { allMatches } from "../text/matches.ts";
import { canonical } from "../text/normalize.ts";
import type { Sentence } from "../text/sentences.ts";
import { type ModeEvidence, weighClause, weighTitle } from "./mode-signals.ts";
import type { ItemKind } from "./types.ts";
import { CLAUSE_TURNING_WORDS } from "./vocabulary.ts";

export type FigureKind = Exclude<ItemKind, "deadline">;

/** Signal balance of one stretch of text: > 0 result, < 0 target, 0 undecided. */
export function signalBalance(text: string, referenceYear: number | null): number {
  return weighClause(text, referenceYear).balance;
}

/** The mode a whole article's title and lead give, or null when they say nothing. */
export function titleFrame(titleAndLead: string): FigureKind | null {
  const balance = weighTitle(canonical(titleAndLead));
  return balance > 0 ? "result" : balance < 0 ? "target" : null;
}

/** A figure's mode and the words that decided it. */
export interface ModeDecision {
  kind: FigureKind;
  /** The signal words that decided (empty when the mode came from the article's frame). */
  words: string[];
  /** Where the decision came from. */
  source: "clause" | "list-head" | "sentence" | "paragraph" | "article";
}

export interface ModeTracker {
  /** The mode for a figure at `offset` in sentence `sentenceIndex`. */
  modeFor(sentenceIndex: number, offset: number): ModeDecision;
}

interface ClauseModes {
  /** Where each clause ends in the sentence. */
  ends: number[];
  decisions: ModeDecision[];
}

const TURNING_COMMA = new RegExp(
  `,(?=\\s*(?:${phraseAlternation(CLAUSE_TURNING_WORDS)})${WORD_END})`,
  "giu",
);

const sign = (balance: number): FigureKind | null =>
  balance > 0 ? "result" : balance < 0 ? "target" : null;

/** Clause ends in a sentence: at every `;`, at a `:` that opens a list, and at a comma that turns
 * from a report to a plan or back (`… đạt 13,45 tiêu chí/xã, phấn đấu đến cuối năm …`). */
function clauseEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ";" || (c === ":" && !/\d/.test(text[i + 1] ?? "") && !/\d/.test(text[i - 1] ?? "")))
      ends.push(i);
  }
  for (const m of allMatches(TURNING_COMMA, text)) ends.push(m.index);
  ends.sort((a, b) => a - b);
  ends.push(text.length);
  return ends;
}

/**
 * Decides the clauses of a sentence when a figure or a deadline in it asks, carrying modes within
 * a paragraph. Sentences nothing asks about are never weighed, unless a clause falls back on the
 * article's frame and the title and lead give none: every sentence is weighed then, once.
 */
export function modeTracker(
  sentences: readonly Sentence[],
  titleAndLead: string,
  referenceYear: number | null,
): ModeTracker {
  const weighed: Array<{ ends: number[]; evidence: ModeEvidence[] } | undefined> = [];
  const weigh = (index: number) => {
    let w = weighed[index];
    if (!w) {
      const text = (sentences[index] as Sentence).text;
      const ends = clauseEnds(text);
      const evidence = ends.map((end, i) =>
        weighClause(text.slice(i === 0 ? 0 : (ends[i - 1] as number) + 1, end), referenceYear),
      );
      w = { ends, evidence };
      weighed[index] = w;
    }
    return w;
  };
  const titled = titleFrame(titleAndLead);
  let counted: FigureKind | null = null;
  /**
   * The mode most of the article's decided clauses speak in: every sentence weighed once, the
   * first time a clause falls back on the article (most articles never do: their clauses, lists,
   * sentences or paragraphs decide).
   */
  const frame = (): FigureKind => {
    if (titled) return titled;
    if (counted) return counted;
    let results = 0;
    let targets = 0;
    for (let index = 0; index < sentences.length; index++)
      for (const e of weigh(index).evidence) {
        if (e.balance > 0) results++;
        else if (e.balance < 0) targets++;
      }
    counted = results > targets ? "result" : "target";
    return counted;
  };

  const lastOwn = (evidence: readonly ModeEvidence[]): ModeDecision | null => {
    for (let i = evidence.length - 1; i >= 0; i--) {
      const e = evidence[i] as ModeEvidence;
      const own = sign(e.balance);
      if (own) return { kind: own, words: e.words, source: "clause" };
    }
    return null;
  };
  /** The last clause decided by its own words in an earlier sentence of the same paragraph. */
  const carriedInto = (index: number): ModeDecision | null => {
    const paragraph = (sentences[index] as Sentence).paragraph;
    for (let i = index - 1; i >= 0 && (sentences[i] as Sentence).paragraph === paragraph; i--) {
      const own = lastOwn(weigh(i).evidence);
      if (own) return own;
    }
    return null;
  };

  const decided: Array<ClauseModes | undefined> = [];
  const decide = (index: number): ClauseModes => {
    const known = decided[index];
    if (known) return known;
    const { ends, evidence } = weigh(index);
    const total = evidence.reduce((sum, e) => sum + e.balance, 0);
    const whole = sign(total);
    let carried: ModeDecision | null | undefined;
    const decisions: ModeDecision[] = [];
    let previous: ModeDecision | null = null;
    for (const e of evidence) {
      const own = sign(e.balance);
      let decision: ModeDecision;
      if (own) decision = { kind: own, words: e.words, source: "clause" };
      else if (previous) decision = { ...previous, source: "list-head" };
      else if (whole)
        decision = { kind: whole, words: evidence.flatMap((x) => x.words), source: "sentence" };
      else {
        if (carried === undefined) carried = carriedInto(index);
        decision = carried
          ? { ...carried, source: "paragraph" }
          : { kind: frame(), words: [], source: "article" };
      }
      decisions.push(decision);
      if (own) previous = decision;
    }
    const result = { ends, decisions };
    decided[index] = result;
    return result;
  };

  return {
    modeFor(sentenceIndex, offset) {
      if (!sentences[sentenceIndex]) return { kind: frame(), words: [], source: "article" };
      const sentence = decide(sentenceIndex);
      const clause = sentence.ends.findIndex((end) => offset <= end);
      return sentence.decisions[
        clause < 0 ? sentence.decisions.length - 1 : clause
      ] as ModeDecision;
    },
  };
}
