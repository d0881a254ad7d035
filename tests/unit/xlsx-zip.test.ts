/**
 * The Excel export's synchronous zip step (lib/export/xlsx-zip.ts) and the build's redirect of
 * write-excel-file's own zip module to it (scripts/lib/sync-xlsx-zip.ts): the archive holds every
 * part unchanged, compressed as fflate's asynchronous `zip` compresses it (same level, same size);
 * only write-excel-file's import of its zip module is redirected.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { strToU8, unzipSync, zip } from "fflate";
import zipToArrayBuffer from "../../lib/export/xlsx-zip.ts";
import { syncXlsxZip } from "../../scripts/lib/sync-xlsx-zip.ts";

const SHEET = "xl/worksheets/sheet1.xml";

/** Parts like a workbook's: small XML files and one sheet large enough for fflate's worker. */
function workbookParts(): Record<string, Uint8Array> {
  const rows: string[] = [];
  for (let r = 1; r <= 6000; r++) {
    rows.push(
      `<row r="${r}"><c r="A${r}" t="s"><v>${r % 97}</v></c><c r="B${r}"><v>${r * 1.5}</v></c></row>`,
    );
  }
  return {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types/>'),
    "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="Bảng"/></sheets></workbook>'),
    [SHEET]: strToU8(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`),
  };
}

describe("the Excel export's zip step", () => {
  test("the archive holds every part with its bytes unchanged", async () => {
    const parts = workbookParts();
    assert.ok((parts[SHEET]?.length ?? 0) > 160_000, "one part goes past fflate's worker size");
    const unzipped = unzipSync(new Uint8Array(await zipToArrayBuffer(parts)));
    assert.deepEqual(Object.keys(unzipped).sort(), Object.keys(parts).sort());
    for (const [name, bytes] of Object.entries(parts))
      assert.deepEqual(unzipped[name], bytes, name);
  });

  // The archives differ only in the parts' modification times (each call stamps its own).
  test("it compresses as fflate's asynchronous zip does: the same level, the same size", async () => {
    const parts = workbookParts();
    const asynchronous = await new Promise<Uint8Array>((resolve, reject) =>
      zip(parts, (error, data) => (error ? reject(error) : resolve(data))),
    );
    const synchronous = new Uint8Array(await zipToArrayBuffer(parts));
    assert.equal(synchronous.length, asynchronous.length);
    assert.ok(synchronous.length < (parts[SHEET]?.length ?? 0) / 4, "compressed");
  });
});

describe("the build's redirect of write-excel-file's zip", () => {
  const plugin = syncXlsxZip();
  const libraryModule =
    "/app/node_modules/write-excel-file/modules/export/writeXlsxFileUniversal.js";

  test("write-excel-file's import of its zip module resolves to lib/export/xlsx-zip.ts", () => {
    const resolved = plugin.resolveId("../zip/zipToArrayBuffer.js", libraryModule);
    assert.ok(resolved?.endsWith("/lib/export/xlsx-zip.ts"), String(resolved));
  });

  test("any other import is left to the usual resolution", () => {
    assert.equal(plugin.resolveId("../zip/zipToArrayBufferSync.js", libraryModule), null);
    assert.equal(plugin.resolveId("fflate", libraryModule), null);
    assert.equal(plugin.resolveId("../zip/zipToArrayBuffer.js", "/app/lib/export/other.ts"), null);
    assert.equal(plugin.resolveId("../zip/zipToArrayBuffer.js", undefined), null);
  });
});
