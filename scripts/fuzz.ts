/**
 * npm run fuzz [-- --runs N] [-- --seed S]
 *
 * Runs the engine's properties (tests/unit/properties/engine.properties.ts) on
 * N generated inputs each — by default enough for ≥ 100,000 inputs in all,
 * where the unit test runs 1,000 per property with one fixed seed. Prints, per
 * property, the runs, the time and pass or fail with fast-check's report
 * (seed, path, shrunk counterexample); the seed is random unless given. Exits 1
 * when a property fails. Last line: `fuzz: N inputs, M properties, K failed`.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { checkProperty, engineProperties } from "../tests/unit/properties/engine.properties.ts";

const TOTAL = 100_000;

const { values } = parseArgs({
  options: { runs: { type: "string" }, seed: { type: "string" } },
});
const seed =
  values.seed !== undefined ? Number(values.seed) : Date.now() ^ (Math.random() * 2 ** 31);
const count = engineProperties(1).length;
const runs = values.runs !== undefined ? Number(values.runs) : Math.ceil(TOTAL / count);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error("usage: npm run fuzz [-- --runs N] [-- --seed S]  (integers, N >= 1)");
  process.exit(2);
}

console.log(`fuzz: seed ${seed}, ${runs} runs per property`);
let inputs = 0;
let failed = 0;
const started = performance.now();
for (const entry of engineProperties(runs)) {
  const t0 = performance.now();
  const outcome = checkProperty(entry, seed);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  inputs += outcome.runs;
  console.log(
    `${outcome.failed ? "FAIL" : "ok  "} ${entry.name}: ${outcome.runs} runs, ${seconds} s`,
  );
  if (outcome.failed) {
    failed++;
    console.log(`${outcome.report}\n`);
  }
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(`fuzz: ${inputs} inputs, ${count} properties, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
