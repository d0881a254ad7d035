/**
 * The extension's icon files (`npm run icons` writes them): a PNG at each size WXT puts in the
 * manifest, square, with an alpha channel for the rounded corners.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { pngHeader } from "../e2e/helpers/png.ts";

const ICON_SIZES = [16, 32, 48, 128];

describe("extension icon", () => {
  for (const size of ICON_SIZES) {
    test(`public/icon/${size}.png is a ${size}×${size} RGBA PNG`, () => {
      const header = pngHeader(readFileSync(`public/icon/${size}.png`));
      assert.deepEqual(header, { width: size, height: size, bitDepth: 8, colourType: 6 });
    });
  }

  test("the icons are not all the same file", () => {
    const files = new Set(ICON_SIZES.map((s) => readFileSync(`public/icon/${s}.png`, "base64")));
    assert.equal(files.size, ICON_SIZES.length);
  });

  test("the README shows the icon", () => {
    assert.match(readFileSync("README.md", "utf8"), /!\[[^\]]*\]\(public\/icon\/128\.png\)/);
  });
});
