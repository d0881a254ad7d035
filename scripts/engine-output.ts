/**
 * npm run engine-output [-- --write]
 *
 * Compares the engine's output on every corpus (seed pages, phrases, must-not-match, and the
 * real-article corpus when `../shared/corpus` is there) with the fingerprints recorded in
 * `tests/fixtures/engine-output.json`, and lists the inputs whose output changed. A change meant
 * only to make the engine faster must list none. `--write` records the output as it is now (after
 * a change in what the engine finds has been reviewed with `npm run eval`).
 */
import {
  changedOutputs,
  comparedCorpusArticles,
  engineOutput,
  readEngineOutput,
  writeEngineOutput,
} from "../lib/evaluation/engine-output.ts";

const now = await engineOutput();
if (process.argv.includes("--write")) {
  await writeEngineOutput(now);
  console.log(`Recorded the engine's output on ${Object.keys(now).length} inputs.`);
} else {
  const recorded = await readEngineOutput();
  const changed = changedOutputs(recorded, now);
  const articles = comparedCorpusArticles(recorded, now);
  if (changed.length === 0)
    console.log(
      `Output unchanged on ${Object.keys(now).length} inputs (${articles} real articles compared).`,
    );
  else {
    console.log(`Output changed on ${changed.length} inputs:\n${changed.join("\n")}`);
    process.exitCode = 1;
  }
}
