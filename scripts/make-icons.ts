/**
 * npm run icons
 *
 * Draws the extension's icon — three lines of text on a dark-red square, the middle one
 * highlighted in yellow, as the extension highlights a target in an article — and writes it as
 * `public/icon/{16,32,48,128}.png` (WXT puts them in the manifest's `icons`). Rendered by headless Chromium (Debian's, `CHROMIUM_PATH`) from one SVG
 * drawn on a 16-unit grid (×8), so that every edge falls on a whole pixel at 16 px.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_PATH, REPO_ROOT } from "./lib/browser.ts";

const ICON_SIZES = [16, 32, 48, 128] as const;

/** Dark red (the UI's accent), white lines, the highlight's yellow and its dark line of text. */
const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect width="128" height="128" rx="24" fill="#9a3412"/>
  <rect x="24" y="24" width="80" height="16" rx="2" fill="#ffffff"/>
  <rect x="16" y="56" width="96" height="24" rx="4" fill="#fde047"/>
  <rect x="24" y="64" width="72" height="8" fill="#7c2d12"/>
  <rect x="24" y="96" width="56" height="16" rx="2" fill="#ffffff"/>
</svg>
`;

async function main(): Promise<void> {
  const dir = path.join(REPO_ROOT, "public", "icon");
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({
        viewport: { width: size, height: size },
        deviceScaleFactor: 1,
      });
      const svg = ICON_SVG.replace("<svg ", `<svg width="${size}" height="${size}" `);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
      );
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      writeFileSync(path.join(dir, `${size}.png`), png);
      console.log(`public/icon/${size}.png (${png.length} bytes)`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
