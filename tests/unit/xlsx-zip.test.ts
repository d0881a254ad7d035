/**
 * The Excel export's zip step (lib/export/xlsx-zip.ts) and the build's redirect of
 * write-excel-file's own zip module to it (scripts/lib/sync-xlsx-zip.ts): the archive holds every
 * part unchanged (an empty one too), compressed by the runtime's gzip stream about as much as
 * fflate's own `zip` compresses it (the gzip header read past whatever fields it carries), or by
 * fflate in the page where there is no such stream; a part that fails to compress fails the
 * archive; only write-excel-file's import of its zip module is redirected.
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

/** Runs `body` with `globalThis.CompressionStream` replaced by `replacement` (undefined: none). */
async function withCompressionStream<T>(replacement: unknown, body: () => Promise<T>): Promise<T> {
  const original = globalThis.CompressionStream;
  Object.defineProperty(globalThis, "CompressionStream", {
    value: replacement,
    configurable: true,
    writable: true,
  });
  try {
    return await body();
  } finally {
    Object.defineProperty(globalThis, "CompressionStream", {
      value: original,
      configurable: true,
      writable: true,
    });
  }
}

/** fflate's asynchronous `zip` of `parts`: what write-excel-file itself would write. */
function fflateZip(parts: Record<string, Uint8Array>): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) =>
    zip(parts, (error, data) => (error ? reject(error) : resolve(data))),
  );
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

  test("the browser's zlib compresses about as much as fflate's own (the same level)", async () => {
    const parts = workbookParts();
    const library = await fflateZip(parts);
    const native = new Uint8Array(await zipToArrayBuffer(parts));
    assert.ok(native.length < (parts[SHEET]?.length ?? 0) / 4, "compressed");
    assert.ok(
      Math.abs(native.length - library.length) < library.length * 0.1,
      `${native.length} bytes against fflate's ${library.length}`,
    );
  });

  // The archives differ only in the parts' modification times (each call stamps its own).
  test("without a compression stream, fflate compresses in the page: the same size", async () => {
    const parts = workbookParts();
    const library = await fflateZip(parts);
    const fallback = await withCompressionStream(
      undefined,
      async () => new Uint8Array(await zipToArrayBuffer(parts)),
    );
    assert.equal(fallback.length, library.length);
    const unzipped = unzipSync(fallback);
    for (const [name, bytes] of Object.entries(parts))
      assert.deepEqual(unzipped[name], bytes, name);
  });

  test("a part the browser fails to compress fails the archive with its error", async () => {
    class FailingStream extends TransformStream<Uint8Array, Uint8Array> {
      constructor() {
        super({
          transform() {
            throw new Error("deflate failed");
          },
        });
      }
    }
    await withCompressionStream(FailingStream, async () => {
      await assert.rejects(zipToArrayBuffer(workbookParts()), /deflate failed/);
    });
  });

  test("an empty part is an empty file in the archive", async () => {
    const parts: Record<string, Uint8Array> = {
      ...workbookParts(),
      "xl/empty.xml": new Uint8Array(0),
    };
    const unzipped = unzipSync(new Uint8Array(await zipToArrayBuffer(parts)));
    assert.deepEqual(unzipped["xl/empty.xml"], new Uint8Array(0));
    assert.deepEqual(unzipped[SHEET], parts[SHEET]);
  });

  // RFC 1952 lets a gzip header carry a file name and a comment: the DEFLATE bytes start after them.
  test("a gzip header with a name and a comment is read past", async () => {
    const Native = globalThis.CompressionStream;
    class NamedGzip extends TransformStream<Uint8Array<ArrayBuffer>, Uint8Array> {
      constructor(format: CompressionFormat) {
        const native = new Native(format);
        const writer = native.writable.getWriter();
        const read = new Response(native.readable).arrayBuffer();
        super({
          transform: (chunk) => writer.write(chunk),
          flush: async (controller) => {
            await writer.close();
            const gzip = new Uint8Array(await read);
            const extra = new TextEncoder().encode("sheet1.xml\0a comment\0");
            const named = new Uint8Array(gzip.length + extra.length);
            named.set(gzip.subarray(0, 10));
            named[3] = (named[3] as number) | 8 | 16;
            named.set(extra, 10);
            named.set(gzip.subarray(10), 10 + extra.length);
            controller.enqueue(named);
          },
        });
      }
    }
    const parts = workbookParts();
    const unzipped = await withCompressionStream(NamedGzip, async () =>
      unzipSync(new Uint8Array(await zipToArrayBuffer(parts))),
    );
    for (const [name, bytes] of Object.entries(parts))
      assert.deepEqual(unzipped[name], bytes, name);
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
