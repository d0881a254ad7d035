/**
 * The Excel export's fast path for plain XML text (lib/export/xlsx-plain-xml.ts) and the build's
 * change to two of write-excel-file's files (scripts/lib/xlsx-plain-xml.ts): attributes and texts
 * come out exactly as the library's own functions write them, plain or not; the build changes
 * those files of the installed library, and a file it does not know stays as it is.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { patchSource } from "../../lib/cli/file-patch.ts";
import { attributesString, textContent } from "../../lib/export/xlsx-plain-xml.ts";
import {
  ATTRIBUTES_PATCH,
  LIBRARY_ATTRIBUTES,
  LIBRARY_TEXT_CONTENT,
  TEXT_CONTENT_PATCH,
  xlsxPlainXml,
} from "../../scripts/lib/xlsx-plain-xml.ts";

// The library's own modules, by file (its package exports none of them).
const LIBRARY_XML = path.join(
  path.dirname(createRequire(import.meta.url).resolve("write-excel-file/package.json")),
  "modules",
  "xml",
);
async function libraryFunction<F>(name: string): Promise<F> {
  return (await import(pathToFileURL(path.join(LIBRARY_XML, name)).href)).default as F;
}
const getAttributesString =
  await libraryFunction<(attributes: Record<string, unknown>) => string>("getAttributesString.js");
const sanitizeName = await libraryFunction<(name: string) => string>("sanitizeAttributeName.js");
const sanitizeValue = await libraryFunction<(value: string) => string>("sanitizeAttributeValue.js");
const sanitizeText = await libraryFunction<(text: unknown) => string>("sanitizeTextContent.js");

const fastAttributes = (attributes: Record<string, unknown>) =>
  attributesString(attributes, sanitizeName, sanitizeValue);
const fastText = (text: unknown) => textContent(text, sanitizeText);

/** Any UTF-16 code unit: lone surrogates, controls and noncharacters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Strings of every kind: ASCII, Vietnamese, lone surrogates, controls, XML's special characters. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "r",
    "A1",
    "inlineStr",
    "x:y",
    "&",
    '"',
    "'",
    "<b>",
    "\u0000",
    "\uFFFE",
    "\u0085",
  ),
  fc.constantFrom("Tỉnh ủy Trà Vinh", "Tỷ lệ hộ nghèo giảm 1,5%/năm", "tab\tand\nline"),
);

describe("the Excel export's fast path for plain XML", () => {
  test("a cell's attributes, plain, are written as the library writes them", () => {
    const cell = { r: "AB1234", t: "s", s: 3 };
    assert.equal(fastAttributes(cell), ' r="AB1234" t="s" s="3"');
    assert.equal(fastAttributes(cell), getAttributesString(cell));
    assert.equal(fastAttributes({}), "");
  });

  test("names, values and texts that need the sanitizers still get them", () => {
    const tricky = {
      "1bad name": "a \"quoted\" <b> & 'c'",
      "x:y": "tab\there",
      "ok-name.2": "control\u0001\u007f\u0085",
      _: "\uD800 lone and \uD83D\uDE00 pair \uFFFE",
      tên: "Tỉnh ủy Trà Vinh",
    };
    assert.equal(fastAttributes(tricky), getAttributesString(tricky));
    assert.match(fastAttributes(tricky), /&quot;quoted&quot; &lt;b&gt; &amp; &apos;c&apos;/);
    const text = "Đạt 100% \"chỉ tiêu\" <NQ> & 'KH'\u0001";
    assert.equal(fastText(text), sanitizeText(text));
    assert.equal(fastText(text), "Đạt 100% \"chỉ tiêu\" &lt;NQ&gt; &amp; 'KH'");
    assert.throws(() => fastText(12), TypeError);
  });

  test("any attributes come out exactly as the library writes them", () => {
    const value = fc.oneof(anyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(anyText, value), (attributes) => {
        assert.equal(fastAttributes(attributes), getAttributesString(attributes));
      }),
      { numRuns: 2000 },
    );
  });

  test("any text comes out exactly as the library writes it", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assert.equal(fastText(text), sanitizeText(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("the build's change to write-excel-file", () => {
  const plugin = xlsxPlainXml();
  for (const [name, patch, known, call] of [
    [
      "getAttributesString.js",
      ATTRIBUTES_PATCH,
      LIBRARY_ATTRIBUTES,
      /attributesString\(attributes, sanitizeAttributeName, sanitizeAttributeValue\)/,
    ],
    [
      "sanitizeTextContent.js",
      TEXT_CONTENT_PATCH,
      LIBRARY_TEXT_CONTENT,
      /textContent\(text, librarySanitizeTextContent\)/,
    ],
  ] as const) {
    const file = path.join(LIBRARY_XML, name);
    const source = readFileSync(file, "utf8");

    test(`${name}: the installed function is the one the build knows, and hands over`, () => {
      assert.ok(source.includes(known), `write-excel-file's ${name} changed`);
      const changed = plugin.transform(source, file);
      assert.ok(changed, "the file is changed");
      assert.equal(changed.split("export default function").length, 2, "one default export");
      assert.match(changed, call);
      assert.match(changed, /^import \{ \w+ \} from ".*lib\/export\/xlsx-plain-xml\.ts";$/m);
    });

    test(`${name}: elsewhere, or in a version it does not know, nothing changes`, () => {
      assert.equal(plugin.transform(source, `/app/lib/export/${name}`), null);
      assert.equal(
        plugin.transform(source, path.join(LIBRARY_XML, "getOpeningTagMarkup.js")),
        null,
      );
      assert.equal(
        patchSource(patch, source.replace("' '", "'  '").replace("false", "true")),
        null,
      );
    });
  }
});
