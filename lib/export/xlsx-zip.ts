/**
 * The zip step of the Excel export, in the page and synchronous.
 *
 * `write-excel-file` builds the workbook's XML parts, then zips them with fflate's asynchronous
 * `zip`, which compresses every part over 160 kB in a Web Worker of its own, started for that
 * call, whose deflate code runs cold. For a 10,000-snippet collection (8 MB of XML) that cost
 * about a second of a two-second export; fflate's `zipSync` does the same compression, at the same
 * level, in about a third of the time. The extension's build
 * (`scripts/lib/sync-xlsx-zip.ts`) hands this module to the library in place of its own
 * `zip/zipToArrayBuffer.js`; the signature is that module's.
 */
import { zipSync } from "fflate";

/** The parts (path → bytes) as a ZIP archive. */
export default function zipToArrayBuffer(files: Record<string, Uint8Array>): Promise<ArrayBuffer> {
  return new Promise((resolve) => resolve(zipSync(files).buffer as ArrayBuffer));
}
