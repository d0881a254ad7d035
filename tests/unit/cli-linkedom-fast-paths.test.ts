/**
 * The workers' faster linkedom (lib/cli/linkedom-fast-paths.ts): each patch still fits the
 * installed linkedom, and patched modules behave as linkedom's own.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { Event as LinkedomEvent, parseHTML } from "linkedom";
import { type FilePatch, patchSource } from "../../lib/cli/file-patch.ts";
import {
  COMPILED_SELECTORS_KEPT,
  LAZY_LISTENER_MAPS,
  linkedomFastPaths,
} from "../../lib/cli/linkedom-fast-paths.ts";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");
const BUNDLE_BANNER =
  'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);';
const LINKEDOM_ESM = path.join(path.dirname(require.resolve("linkedom/package.json")), "esm");

async function patched(patch: FilePatch, file: string): Promise<string> {
  const source = patchSource(patch, await readFile(path.join(LINKEDOM_ESM, file), "utf8"));
  assert.ok(source, `the patch fits the installed linkedom's ${file}`);
  return source;
}

/** The patched module's EventTarget, typed as linkedom's nodes see it. */
interface ListenerTarget {
  addEventListener(type: string, listener: (event: { type: string }) => void): void;
  removeEventListener(type: string, listener: (event: { type: string }) => void): void;
  dispatchEvent(event: LinkedomEvent): boolean;
}

test("a node with lazy listener maps adds, calls and removes listeners as linkedom does", async () => {
  const source = await patched(LAZY_LISTENER_MAPS, "interface/event-target.js");
  assert.doesNotMatch(source, /constructor\(\) \{\s*wm\.set/);
  const module = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  const target: ListenerTarget = new module.EventTarget();
  const heard: string[] = [];
  const listener = (event: { type: string }) => heard.push(event.type);
  target.removeEventListener("ping", listener);
  target.dispatchEvent(new LinkedomEvent("ping"));
  target.addEventListener("ping", listener);
  target.dispatchEvent(new LinkedomEvent("ping"));
  target.removeEventListener("ping", listener);
  target.dispatchEvent(new LinkedomEvent("ping"));
  assert.deepEqual(heard, ["ping"]);
});

test("a selector is compiled once per kind of document, except with :scope", async () => {
  const source = await patched(COMPILED_SELECTORS_KEPT, "shared/matches.js");
  assert.match(source, /const compileMatch = \(element, selectors\) => CSSselect\.compile\(/);
  assert.match(source, /compiledSelectors\[ignoreCase\(element\) \? 0 : 1\]/);
});

test("the bundled, patched linkedom finds what linkedom finds", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "linkedom-fast-paths-"));
  try {
    const outfile = path.join(dir, "linkedom.mjs");
    await esbuild.build({
      stdin: { contents: 'export { parseHTML } from "linkedom";', resolveDir: ROOT },
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      logLevel: "silent",
      plugins: [linkedomFastPaths],
      banner: { js: BUNDLE_BANNER },
    });
    const bundled = await readFile(outfile, "utf8");
    assert.match(bundled, /compiledSelectors/);
    assert.doesNotMatch(bundled, /constructor\(\) \{\s*wm\.set/);
    const fast: typeof parseHTML = (await import(pathToFileURL(outfile).href)).parseHTML;
    const html = `<html><head><link rel="canonical" href="https://a.gov.vn/x.html">
      <meta property="og:title" content="Tiêu đề"></head><body><div class="box"><p id="p1">Một
      <a href="/1">liên kết</a></p><p id="p2"><span>hai</span></p></div><ul><li>ba</li></ul></body></html>`;
    const selectors = [
      'link[rel="canonical"]',
      'LINK[REL="CANONICAL"]',
      'meta[property="og:title"]',
      'meta[name="twitter:title"]',
      "div.box > p",
      "p a",
      "li",
    ];
    for (let round = 0; round < 2; round++) {
      const mine = fast(html).document;
      const theirs = parseHTML(html).document;
      for (const selector of selectors) {
        assert.equal(
          mine.querySelector(selector)?.outerHTML,
          theirs.querySelector(selector)?.outerHTML,
          selector,
        );
        assert.deepEqual(
          Array.from(mine.querySelectorAll(selector), (e) => e.outerHTML),
          Array.from(theirs.querySelectorAll(selector), (e) => e.outerHTML),
          selector,
        );
      }
      const span = (doc: typeof mine) => doc.querySelector("span");
      assert.equal(span(mine)?.closest("p")?.id, span(theirs)?.closest("p")?.id);
      const box = (doc: typeof mine) => doc.querySelector("div.box");
      assert.deepEqual(
        Array.from(box(mine)?.querySelectorAll(":scope > p") ?? [], (e) => e.id),
        Array.from(box(theirs)?.querySelectorAll(":scope > p") ?? [], (e) => e.id),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a file a patch does not know is left alone", () => {
  assert.equal(patchSource(LAZY_LISTENER_MAPS, "export class EventTarget {}"), null);
  assert.equal(patchSource(COMPILED_SELECTORS_KEPT, "export const prepareMatch = 1;"), null);
});
