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
  comparedCorpusArticles,
  engineOutput,
  readEngineOutput,
} from "../../lib/evaluation/engine-output.ts";

describe("the engine's output", () => {
  test("is the recorded one on every input", async () => {
    const now = await engineOutput(corpusExists() ? undefined : null);
    const recorded = await readEngineOutput();
    assert.ok(Object.keys(now).length > 300, "every corpus was read");
    assert.deepEqual(
      changedOutputs(recorded, now),
      [],
      "output changed: review with npm run eval, then npm run engine-output -- --write",
    );
    if (corpusExists()) assert.ok(comparedCorpusArticles(recorded, now) > 100);
  });

  test("real articles are compared where both sides have them", () => {
    const recorded = { "seed:a": "s1", "corpus:x": "c1", "corpus:gone": "c2" };
    const now = { "seed:a": "s1", "corpus:x": "c9", "corpus:new": "c3" };
    assert.deepEqual(changedOutputs(recorded, now), ["corpus:x"]);
    assert.equal(comparedCorpusArticles(recorded, now), 1);
    // The project's own inputs are compared on both sides' keys.
    assert.deepEqual(changedOutputs({ "seed:a": "s1" }, { "seed:a": "s1", "seed:b": "s2" }), [
      "seed:b",
    ]);
  });

  test("a changed item is told apart", () => {
    const recorded = { "phrase:1": "aaaa", "phrase:2": "bbbb" };
    assert.deepEqual(changedOutputs(recorded, { "phrase:1": "aaaa", "phrase:2": "cccc" }), [
      "phrase:2",
    ]);
    assert.deepEqual(changedOutputs(recorded, { "phrase:1": "aaaa" }), ["phrase:2"]);
  });
});
