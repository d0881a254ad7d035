/**
 * The engine's output is what was recorded (`npm run engine-output`): a change meant to make the
 * engine faster changes no extracted item on the seed pages, the phrase and must-not-match corpora
 * and the real-article corpus. A change in what the engine finds is recorded with
 * `npm run engine-output -- --write` after review.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { corpusExists } from "../../lib/evaluation/corpus.ts";
import {
  changedOutputs,
  type EngineOutput,
  engineOutput,
  readEngineOutput,
} from "../../lib/evaluation/engine-output.ts";

describe("the engine's output", () => {
  test("is the recorded one on every input", async () => {
    const withCorpus = corpusExists();
    const now = await engineOutput(withCorpus ? undefined : null);
    let recorded = await readEngineOutput();
    if (!withCorpus) {
      // ../shared/corpus is absent: the project's own corpora only.
      recorded = Object.fromEntries(
        Object.entries(recorded).filter(([key]) => !key.startsWith("corpus:")),
      ) as EngineOutput;
    }
    assert.ok(Object.keys(now).length > 300, "every corpus was read");
    assert.deepEqual(
      changedOutputs(recorded, now),
      [],
      "output changed: review with npm run eval, then npm run engine-output -- --write",
    );
  });

  test("a changed item is told apart", () => {
    const recorded = { "phrase:1": "aaaa", "phrase:2": "bbbb" };
    assert.deepEqual(changedOutputs(recorded, { "phrase:1": "aaaa", "phrase:2": "cccc" }), [
      "phrase:2",
    ]);
    assert.deepEqual(changedOutputs(recorded, { "phrase:1": "aaaa" }), ["phrase:2"]);
  });
});
