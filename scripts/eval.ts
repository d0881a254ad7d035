/**
 * npm run eval [-- --verbose] [--json] [--corpus DIR] [--browser] [--republished]
 *
 * Precision / recall / F1 per kind over
 * - the fixture pages (seeds in portal chrome) and the language phrase corpus, with value and
 *   deadline accuracy, field agreement and recognition;
 * - the real-article corpus (`../shared/corpus`, or `--corpus DIR`), separately for its `dev` and
 *   `check` splits, with its own matching rule (lib/evaluation/corpus-score.ts): P / R / F1 per kind,
 *   value exact and deadline-date exact on matched items, recognition on positive and negative
 *   pages, negative pages with items;
 * - with `--browser`, the same corpus articles served inside portal layouts to the built extension
 *   in Chromium, scored from `CSS.highlights` (see scripts/eval/browser.ts).
 *
 * - with `--republished`, the content fingerprint that makes one article of its republications on
 *   other portals: missed and false merges on the corpus (scripts/eval/republished.ts).
 *
 * `--always` extracts on every corpus page, recognised or not (the engine apart from recognition).
 * `--verbose` lists every miss. `--json` prints one JSON array of `{ name, value, unit }` (progress
 * goes to stderr), like `npm run bench -- --json`.
 */
import { parseArgs } from "node:util";
import { corpusExists, DEFAULT_CORPUS_DIR, loadCorpus } from "../lib/evaluation/corpus.ts";
import { scoreArticleWithEngine } from "../lib/evaluation/corpus-engine.ts";
import {
  type ArticleScore,
  type CorpusSummary,
  summarize,
} from "../lib/evaluation/corpus-score.ts";
import {
  evaluatePage,
  evaluatePhrase,
  listPageFixtures,
  loadNegatives,
  loadPhraseCases,
} from "../lib/evaluation/fixtures.ts";
import { type Comparison, mergeComparisons, precisionRecall } from "../lib/evaluation/match.ts";
import { extract } from "../lib/extract/index.ts";

const { values } = parseArgs({
  options: {
    verbose: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    browser: { type: "boolean", default: false },
    corpus: { type: "string" },
    always: { type: "boolean", default: false },
    republished: { type: "boolean", default: false },
  },
});
const verbose = Boolean(values.verbose);
const json = Boolean(values.json);
const corpusDir = values.corpus ? String(values.corpus) : DEFAULT_CORPUS_DIR;

interface Figure {
  name: string;
  value: number;
  unit: string;
}
const figures: Figure[] = [];
const out = json ? (line = "") => console.error(line) : (line = "") => console.log(line);
const pct = (n: number) => (Number.isFinite(n) ? (n * 100).toFixed(1).padStart(6) : "   n/a");
const ratio = (a: number, b: number) => (b === 0 ? "   n/a" : `${pct(a / b)} (${a}/${b})`);
const share = (a: number, b: number) => (b === 0 ? 1 : a / b);
/** The figure `name`: the share `a / b` (1 when `b` is 0). */
const shareFigure = (name: string, a: number, b: number): Figure => ({
  name,
  value: share(a, b),
  unit: "ratio",
});
const KINDS = ["target", "result", "deadline"] as const;

function printTable(title: string, c: Comparison, prefix: string) {
  out(`\n${title}`);
  out("kind       precision  recall      F1    tp   fp   fn");
  for (const kind of KINDS) {
    const s = c.perKind[kind];
    const m = precisionRecall(s);
    out(
      `${kind.padEnd(9)} ${pct(m.precision)}%  ${pct(m.recall)}% ${pct(m.f1)}% ${String(s.truePositives).padStart(5)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}`,
    );
    figures.push({ name: `${prefix}.${kind}.f1`, value: m.f1, unit: "ratio" });
  }
  out(`value accuracy (overlapping figures):     ${ratio(c.valueAgrees, c.overlapping)}`);
  out(
    `deadline accuracy (overlapping deadlines): ${ratio(c.deadlineAgrees, c.deadlineOverlapping)}`,
  );
  figures.push(shareFigure(`${prefix}.value_exact`, c.valueAgrees, c.overlapping));
  for (const [field, f] of Object.entries(c.fieldAgrees)) {
    out(`${field.padEnd(10)} agreement on matched figures:  ${ratio(f.agree, f.checked)}`);
    figures.push(shareFigure(`${prefix}.${field}_agreement`, f.agree, f.checked));
  }
  if (verbose) {
    for (const m of c.missed) out(`  MISSED   ${m.kind.padEnd(8)} ${JSON.stringify(m.text)}`);
    for (const s of c.spurious) out(`  SPURIOUS ${s.kind.padEnd(8)} ${JSON.stringify(s.text)}`);
  }
}

/** Prints a corpus summary table and records its figures under `prefix`. */
export function printCorpusTable(title: string, s: CorpusSummary, prefix: string) {
  out(`\n${title} (${s.articles} articles)`);
  out("kind       precision  recall      F1    tp   fp   fn");
  for (const kind of KINDS) {
    const k = s.perKind[kind];
    out(
      `${kind.padEnd(9)} ${pct(k.precision)}%  ${pct(k.recall)}% ${pct(k.f1)}% ${String(k.tp).padStart(5)} ${String(k.fp).padStart(4)} ${String(k.fn).padStart(4)}`,
    );
    figures.push({ name: `${prefix}.${kind}.precision`, value: k.precision, unit: "ratio" });
    figures.push({ name: `${prefix}.${kind}.recall`, value: k.recall, unit: "ratio" });
    figures.push({ name: `${prefix}.${kind}.f1`, value: k.f1, unit: "ratio" });
  }
  out(`value exact (matched figures):      ${ratio(s.valueExact, s.valuePairs)}`);
  out(`deadline date exact (matched):      ${ratio(s.dateExact, s.datePairs)}`);
  out(`recognition right (pos. and neg.):  ${ratio(s.recognitionRight, s.recognitionChecked)}`);
  out(`negative pages with items:          ${s.negativePagesWithItems} of ${s.negativePages}`);
  if (s.recognitionWrong.length > 0) out(`recognition wrong on: ${s.recognitionWrong.join(", ")}`);
  figures.push(shareFigure(`${prefix}.value_exact`, s.valueExact, s.valuePairs));
  figures.push(shareFigure(`${prefix}.deadline_exact`, s.dateExact, s.datePairs));
  figures.push(shareFigure(`${prefix}.recognition`, s.recognitionRight, s.recognitionChecked));
  figures.push({
    name: `${prefix}.negative_pages_with_items`,
    value: s.negativePagesWithItems,
    unit: "pages",
  });
}

function printMisses(scores: readonly ArticleScore[]) {
  for (const s of scores) {
    for (const m of s.missed)
      out(
        `  ${s.id} MISSED   ${m.kind.padEnd(8)} ${JSON.stringify(m.text)}${m.note ? ` (${m.note})` : ""}  … ${m.context}`,
      );
    for (const m of s.spurious)
      out(
        `  ${s.id} SPURIOUS ${m.kind.padEnd(8)} ${JSON.stringify(m.text)}${m.note ? ` (${m.note})` : ""}  … ${m.context}`,
      );
    for (const m of s.wrongValue)
      out(
        `  ${s.id} VALUE    ${m.kind.padEnd(8)} ${JSON.stringify(m.text)} ${m.note}  … ${m.context}`,
      );
    for (const g of s.unlocated) out(`  ${s.id} UNLOCATED ${g.kind} ${JSON.stringify(g.quote)}`);
  }
}

const pages = await Promise.all((await listPageFixtures()).map(evaluatePage));
out("Recognition");
for (const p of pages) {
  const ok = p.result.recognised === p.expected.recognised;
  out(
    `  ${ok ? "ok  " : "FAIL"} ${p.slug.padEnd(42)} expected ${String(p.expected.recognised).padEnd(5)} got ${String(p.result.recognised).padEnd(5)} score ${p.result.score}`,
  );
}
figures.push({
  name: "seeds.recognition",
  value: share(
    pages.filter((p) => p.result.recognised === p.expected.recognised).length,
    pages.length,
  ),
  unit: "ratio",
});
printTable(
  "Fixture pages (seeds in portal chrome)",
  mergeComparisons(pages.map((p) => p.comparison)),
  "seeds",
);

const phrases = await loadPhraseCases();
printTable(
  `Language phrase corpus (${phrases.length} cases)`,
  mergeComparisons(phrases.map(evaluatePhrase)),
  "phrases",
);

const negatives = await loadNegatives();
const leaking = negatives.filter((n) => extract(n.text).length > 0);
out(`\nMust-not-match corpus: ${negatives.length - leaking.length}/${negatives.length} clean`);
figures.push({ name: "negatives.leaking", value: leaking.length, unit: "sentences" });
if (verbose)
  for (const n of leaking)
    out(
      `  LEAK ${JSON.stringify(n.text)} → ${extract(n.text)
        .map((i) => i.text)
        .join(" | ")}`,
    );

if (corpusExists(corpusDir)) {
  const corpus = await loadCorpus(corpusDir);
  const scores = corpus.map((article) => scoreArticleWithEngine(article, Boolean(values.always)));
  for (const split of ["dev", "check"] as const) {
    const inSplit = scores.filter((s) => s.split === split);
    printCorpusTable(
      `Real-article corpus, ${split} split (${corpusDir})`,
      summarize(inSplit),
      `corpus.${split}`,
    );
    if (verbose) printMisses(inSplit);
  }
  if (values.browser) {
    const { evaluateCorpusInBrowser } = await import("./eval/browser.ts");
    const browser = await evaluateCorpusInBrowser(corpus, { log: out, verbose });
    for (const split of ["dev", "check"] as const) {
      const inSplit = browser.scores.filter((s) => s.split === split);
      printCorpusTable(
        `Browser, corpus ${split} split in portal layouts`,
        summarize(inSplit),
        `browser.${split}`,
      );
      if (verbose) printMisses(inSplit);
    }
    const differing = browser.differences(scores);
    out(
      `\nBrowser vs command line: ${differing.length === 0 ? "same items on every article" : `${differing.length} articles differ: ${differing.join(", ")}`}`,
    );
    out(`highlights outside the article: ${browser.outsideArticle}`);
    out(`negative pages highlighted:     ${browser.negativePagesHighlighted}`);
    out(`pages whose text changed:       ${browser.textChanged}`);
    figures.push({
      name: "browser.articles_differing_from_cli",
      value: differing.length,
      unit: "articles",
    });
    figures.push({
      name: "browser.outside_article",
      value: browser.outsideArticle,
      unit: "highlights",
    });
    figures.push({
      name: "browser.negative_pages_highlighted",
      value: browser.negativePagesHighlighted,
      unit: "pages",
    });
    figures.push({ name: "browser.text_changed", value: browser.textChanged, unit: "pages" });
  }
} else {
  out(`\nReal-article corpus: not found at ${corpusDir} (give --corpus DIR); skipped`);
}

// ── Categories on the real-article corpus: the hand-checked sample (tests/fixtures/corpus-categories.json,
// lib/evaluation/categories.ts), agreement on the figures the engine found, dev and check apart.
if (corpusExists(corpusDir)) {
  const { evaluateCategories, loadCategorySample } = await import(
    "../lib/evaluation/categories.ts"
  );
  const sample = evaluateCategories(await loadCorpus(corpusDir), await loadCategorySample());
  out(`\nCategory sample on the real-article corpus (${sample.all.entries} hand-checked figures)`);
  for (const split of ["dev", "check", "all"] as const) {
    const a = sample[split];
    out(
      `${split.padEnd(6)} agreement ${ratio(a.agree, a.paired)}   no overlapping figure: ${a.unpaired}`,
    );
    figures.push({
      name: `corpus.categories.${split === "all" ? "agreement" : `${split}.agreement`}`,
      value: a.agreement,
      unit: "ratio",
    });
    figures.push({
      name: `corpus.categories.${split === "all" ? "" : `${split}.`}unpaired`,
      value: a.unpaired,
      unit: "entries",
    });
  }
  if (verbose)
    for (const p of sample.pairs.filter((x) => x.predicted !== x.entry.category))
      out(
        `  ${p.entry.id} ${p.entry.split.padEnd(5)} ${JSON.stringify(p.entry.quote)} want ${p.entry.category} got ${p.predicted === undefined ? "(no figure)" : p.predicted}  … ${p.context}`,
      );
}

if (values.republished && corpusExists(corpusDir)) {
  const { evaluateRepublished } = await import("./eval/republished.ts");
  const r = evaluateRepublished(await loadCorpus(corpusDir));
  out(
    `\nOne article, many portals (content fingerprint, threshold ${r.threshold}): ${r.samePairs} same-article pairs, ${r.differentPairs} different-article pairs`,
  );
  out(
    `missed merges: ${ratio(r.missedMerges, r.samePairs)}   lowest same-article similarity ${r.lowestSame.toFixed(2)}`,
  );
  out(
    `false merges:  ${ratio(r.falseMerges, r.differentPairs)}   highest different-article similarity ${r.highestDifferent.toFixed(2)}`,
  );
  out("similarity   same  different");
  for (const b of r.bands)
    out(
      `${b.from.toFixed(1)}–${(b.from + 0.1).toFixed(1)}  ${String(b.same).padStart(6)}  ${String(b.different).padStart(9)}`,
    );
  if (verbose) {
    for (const p of r.lowestSamePairs) out(`  lowest same: ${p.id} ${p.similarity.toFixed(3)}`);
    for (const p of r.closestDifferent)
      out(`  closest different: ${p.a} ~ ${p.b} ${p.similarity.toFixed(3)}`);
  }
  figures.push({
    name: "republished.missed_merges",
    value: share(r.missedMerges, r.samePairs),
    unit: "ratio",
  });
  figures.push({
    name: "republished.false_merges",
    value: share(r.falseMerges, r.differentPairs),
    unit: "ratio",
  });
}

if (json) console.log(JSON.stringify(figures));
