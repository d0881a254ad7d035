/**
 * An esbuild plugin for the extraction workers' bundle (lib/cli/worker-bundle.ts) that makes two
 * costs of linkedom 0.18 go away without changing what any DOM call returns:
 *
 * - lazy listener maps: linkedom's EventTarget gives every node it creates (element, attribute,
 *   text, comment) a `new Map` in a module-wide WeakMap, in its constructor. A portal page is a
 *   few thousand nodes, so parsing one spent more time on those maps, and the garbage collector on
 *   the WeakMap's entries, than on the HTML. The map is now made on a node's first
 *   `addEventListener` (no node of the CLI's pages ever gets one; a node without listeners behaves
 *   the same with or without an empty map).
 * - compiled selectors kept: `querySelector`, `querySelectorAll` and `closest` compiled their
 *   selector with css-select at every call (the reader asks a page for its canonical link and a
 *   dozen `<meta>` each time). A selector's compiled test depends only on the selector and on
 *   whether the document is HTML, except with `:scope`, which is still compiled per call.
 *
 * Only the CLI's workers are patched. A file whose text is not the one a patch knows (another
 * linkedom version) is bundled as it is.
 */
import { readFile } from "node:fs/promises";
import type { Plugin } from "esbuild";
import { type FilePatch, patchSource } from "./file-patch.ts";

export const LAZY_LISTENER_MAPS: FilePatch = {
  file: /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/,
  replacements: [
    ["constructor() {\n    wm.set(this, new Map);\n  }", "constructor() {}"],
    [
      "addEventListener(type, listener, options) {\n    const map = wm.get(this);\n",
      "addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));\n",
    ],
    [
      "removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {",
      "removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {",
    ],
    // Dispatching already allows for a node without a map.
    [
      "const map = wm.get(currentTarget);\n  if (map && map.has(this.type)) {",
      "const map = wm.get(currentTarget);\n  if (map && map.has(this.type)) {",
    ],
  ],
};

export const COMPILED_SELECTORS_KEPT: FilePatch = {
  file: /linkedom[\\/]esm[\\/]shared[\\/]matches\.js$/,
  replacements: [
    [
      "export const prepareMatch = (element, selectors) => CSSselect.compile(\n",
      [
        "// Compiled selectors by selector, for XML (1) and HTML (0) documents.",
        "const compiledSelectors = [new Map, new Map];",
        "export const prepareMatch = (element, selectors) => {",
        "  if (selectors.includes(':scope')) return compileMatch(element, selectors);",
        "  const cache = compiledSelectors[ignoreCase(element) ? 0 : 1];",
        "  let match = cache.get(selectors);",
        "  if (match === undefined) cache.set(selectors, (match = compileMatch(element, selectors)));",
        "  return match;",
        "};",
        "const compileMatch = (element, selectors) => CSSselect.compile(\n",
      ].join("\n"),
    ],
  ],
};

const PATCHES: readonly FilePatch[] = [LAZY_LISTENER_MAPS, COMPILED_SELECTORS_KEPT];

export const linkedomFastPaths: Plugin = {
  name: "linkedom-fast-paths",
  setup(build) {
    for (const patch of PATCHES) {
      build.onLoad({ filter: patch.file }, async (args) => {
        const patched = patchSource(patch, await readFile(args.path, "utf8"));
        return patched === null ? undefined : { contents: patched, loader: "js" };
      });
    }
  },
};
