/**
 * `content.gzip`: what the content script costs to ship and to load on every matching page —
 * the gzip size (zlib level 9) of `content-scripts/content.js` plus every `.css` file in that
 * folder of the built extension, each file compressed on its own and the sizes summed.
 * KB = 1024 bytes.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DEFAULT_EXTENSION_PATH } from "../lib/browser.ts";
import { type Figure, round } from "./figure.ts";

export const CONTENT_GZIP_GOAL_KB = 50;

export interface ContentFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function contentScriptFiles(extensionPath: string = DEFAULT_EXTENSION_PATH): ContentFile[] {
  const dir = path.join(extensionPath, "content-scripts");
  return readdirSync(dir)
    .filter((name) => name === "content.js" || name.endsWith(".css"))
    .sort()
    .map((name) => {
      const body = readFileSync(path.join(dir, name));
      return { file: name, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    });
}

export function contentGzipFigure(files: ContentFile[]): Figure {
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { name: "content.gzip", value: round(total / 1024, 2), unit: "KB" };
}
