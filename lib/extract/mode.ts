/**
 * Target or result: does a clause set a figure to reach, or report one reached?
 *
 * Each clause (a sentence cut at `;` and after a list head's `:`) is weighed by the mode signals
 * (`mode-signals.ts`); a clause without signals takes the clause before it in its sentence (a list
 * head governs its items), then the paragraph's carried mode, then the article's frame: its title
 * and lead when they name a review (`sơ kết`, `6 tháng đầu năm` …), else the mode most of the
 * article's decided clauses speak in, else target.
 */

import type { Steps } from "../steps.ts";
import { phraseAlternation, WORD_END } from "../text/boundaries.ts";
import { canonical } from "../text/normalize.ts";
import { registerPatterns } from "../text/patterns.ts";
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

/** Sentences weighed between two pauses (see lib/steps.ts). */
const SENTENCES_PER_STEP = 32;

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
  for (const m of text.matchAll(TURNING_COMMA)) ends.push(m.index as number);
  ends.sort((a, b) => a - b);
  ends.push(text.length);
  return ends;
}

/**
 * Decides every clause of every sentence up front (the article's frame needs the whole article),
 * carrying modes within a paragraph.
 */
export function* modeTrackerSteps(
  sentences: readonly Sentence[],
  titleAndLead: string,
  referenceYear: number | null,
): Steps<ModeTracker> {
  const weighed: Array<{ ends: number[]; evidence: ModeEvidence[] }> = [];
  for (const [index, s] of sentences.entries()) {
    if (index > 0 && index % SENTENCES_PER_STEP === 0) yield;
    const ends = clauseEnds(s.text);
    const evidence = ends.map((end, i) =>
      weighClause(s.text.slice(i === 0 ? 0 : (ends[i - 1] as number) + 1, end), referenceYear),
    );
    weighed.push({ ends, evidence });
  }
  let results = 0;
  let targets = 0;
  for (const w of weighed)
    for (const e of w.evidence) {
      if (e.balance > 0) results++;
      else if (e.balance < 0) targets++;
    }
  const frame: FigureKind = titleFrame(titleAndLead) ?? (results > targets ? "result" : "target");

  const decided: ClauseModes[] = [];
  let carried: ModeDecision | null = null;
  let paragraph = -1;
  for (const [index, sentence] of sentences.entries()) {
    if (sentence.paragraph !== paragraph) {
      carried = null;
      paragraph = sentence.paragraph;
    }
    const { ends, evidence } = weighed[index] as (typeof weighed)[number];
    const total = evidence.reduce((sum, e) => sum + e.balance, 0);
    const whole = sign(total);
    const decisions: ModeDecision[] = [];
    let previous: ModeDecision | null = null;
    for (const e of evidence) {
      const own = sign(e.balance);
      const decision: ModeDecision = own
        ? { kind: own, words: e.words, source: "clause" }
        : previous
          ? { ...previous, source: "list-head" }
          : whole
            ? {
                kind: whole,
                words: evidence.flatMap((x) => x.words),
                source: "sentence",
              }
            : carried
              ? { ...carried, source: "paragraph" }
              : { kind: frame, words: [], source: "article" };
      decisions.push(decision);
      if (own) previous = decision;
    }
    if (previous) carried = previous;
    decided.push({ ends, decisions });
  }

  return {
    modeFor(sentenceIndex, offset) {
      const sentence = decided[sentenceIndex];
      if (!sentence) return { kind: frame, words: [], source: "article" };
      const clause = sentence.ends.findIndex((end) => offset <= end);
      return sentence.decisions[
        clause < 0 ? sentence.decisions.length - 1 : clause
      ] as ModeDecision;
    },
  };
}

registerPatterns(TURNING_COMMA);
