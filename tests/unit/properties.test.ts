/**
 * Property-based tests of the text layer, the number parsers, the extractor and
 * the anchoring (tests/unit/properties/engine.properties.ts): the counterexamples
 * of known bugs, then 1,000 generated inputs per property from a fixed seed, so
 * that a run is reproducible (`PROPERTY_SEED=n`, `PROPERTY_RUNS=n` override
 * them; about 6 s on two cores). `npm run fuzz` runs the same properties on
 * ≥ 100,000 inputs.
 */
import { test } from "node:test";
import { checkProperty, engineProperties } from "./properties/engine.properties.ts";

const SEED = Number(process.env.PROPERTY_SEED ?? 20250417);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

for (const entry of engineProperties(RUNS)) {
  test(entry.name, () => {
    const outcome = checkProperty(entry, SEED);
    if (outcome.failed) throw new Error(outcome.report);
  });
}
