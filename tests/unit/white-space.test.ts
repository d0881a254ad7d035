/** White space by character code (lib/text/white-space.ts) is exactly what `\s` matches. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isWhiteSpaceCode } from "../../lib/text/white-space.ts";

describe("isWhiteSpaceCode", () => {
  test("every UTF-16 code unit is white space exactly when `\\s` matches it", () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhiteSpaceCode(code) !== /\s/.test(String.fromCharCode(code)))
        differ.push(code.toString(16));
    }
    assert.deepEqual(differ, []);
  });

  test("past a text's end (NaN) there is none", () => {
    assert.equal(isWhiteSpaceCode("a".charCodeAt(5)), false);
  });
});
