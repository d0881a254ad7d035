/**
 * npm run eval [-- --verbose]
 *
 * Precision / recall / F1 per kind over the fixture pages (and, separately, over
 * the language phrase corpus), plus value and deadline accuracy and recognition,
 * printed as tables. `--verbose` lists every missed and spurious item.
 */
import {
  evaluatePage,
  evaluatePhrase,
  listPageFixtures,
  loadNegatives,
  loadPhraseCases,
} from "../lib/evaluation/fixtures.ts";
import { type Comparison, mergeComparisons, precisionRecall } from "../lib/evaluation/match.ts";
import { extract } from "../lib/extract/index.ts";

const verbose = process.argv.includes("--verbose");
const pct = (n: number) => (Number.isFinite(n) ? (n * 100).toFixed(1).padStart(6) : "   n/a");
const ratio = (a: number, b: number) => (b === 0 ? "   n/a" : `${pct(a / b)} (${a}/${b})`);

function printTable(title: string, c: Comparison) {
  console.log(`\n${title}`);
  console.log("kind       precision  recall      F1    tp   fp   fn");
  for (const kind of ["target", "result", "deadline"] as const) {
    const s = c.perKind[kind];
    const m = precisionRecall(s);
    console.log(
      `${kind.padEnd(9)} ${pct(m.precision)}%  ${pct(m.recall)}% ${pct(m.f1)}% ${String(s.truePositives).padStart(5)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}`,
    );
  }
  console.log(`value accuracy (overlapping figures):     ${ratio(c.valueAgrees, c.overlapping)}`);
  console.log(
    `deadline accuracy (overlapping deadlines): ${ratio(c.deadlineAgrees, c.deadlineOverlapping)}`,
  );
  for (const [field, f] of Object.entries(c.fieldAgrees)) {
    console.log(`${field.padEnd(10)} agreement on matched figures:  ${ratio(f.agree, f.checked)}`);
  }
  if (verbose) {
    for (const m of c.missed)
      console.log(`  MISSED   ${m.kind.padEnd(8)} ${JSON.stringify(m.text)}`);
    for (const s of c.spurious)
      console.log(`  SPURIOUS ${s.kind.padEnd(8)} ${JSON.stringify(s.text)}`);
  }
}

const pages = await Promise.all((await listPageFixtures()).map(evaluatePage));
console.log("Recognition");
for (const p of pages) {
  const ok = p.result.recognised === p.expected.recognised;
  console.log(
    `  ${ok ? "ok  " : "FAIL"} ${p.slug.padEnd(42)} expected ${String(p.expected.recognised).padEnd(5)} got ${String(p.result.recognised).padEnd(5)} score ${p.result.score}`,
  );
}
printTable(
  "Fixture pages (seeds in portal chrome)",
  mergeComparisons(pages.map((p) => p.comparison)),
);

const phrases = await loadPhraseCases();
printTable(
  `Language phrase corpus (${phrases.length} cases)`,
  mergeComparisons(phrases.map(evaluatePhrase)),
);

const negatives = await loadNegatives();
const leaking = negatives.filter((n) => extract(n.text).length > 0);
console.log(
  `\nMust-not-match corpus: ${negatives.length - leaking.length}/${negatives.length} clean`,
);
if (verbose)
  for (const n of leaking)
    console.log(
      `  LEAK ${JSON.stringify(n.text)} → ${extract(n.text)
        .map((i) => i.text)
        .join(" | ")}`,
    );
