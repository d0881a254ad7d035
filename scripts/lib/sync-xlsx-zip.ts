/**
 * A Vite plugin for the extension's build: `write-excel-file`'s import of its own
 * `../zip/zipToArrayBuffer.js` resolves to `lib/export/xlsx-zip.ts` (fflate's `zipSync` in the
 * page instead of a cold Web Worker per part; the reason and its measure are in that module).
 * Only that one import of that one library is redirected.
 */
import { fileURLToPath } from "node:url";

const LIBRARY_ZIP = "../zip/zipToArrayBuffer.js";
const SYNC_ZIP = fileURLToPath(new URL("../../lib/export/xlsx-zip.ts", import.meta.url));

export function syncXlsxZip() {
  return {
    name: "gvn-sync-xlsx-zip",
    enforce: "pre" as const,
    resolveId(source: string, importer: string | undefined): string | null {
      if (source !== LIBRARY_ZIP || !importer?.includes("/write-excel-file/")) return null;
      return SYNC_ZIP;
    },
  };
}
