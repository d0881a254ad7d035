/**
 * An esbuild plugin for the extraction workers' bundle (lib/cli/worker-bundle.ts): linkedom's
 * EventTarget makes each node's listener map lazily, on its first `addEventListener`, instead of
 * in its constructor. linkedom 0.18 gives every node it creates (element, attribute, text,
 * comment) a `new Map` in a module-wide WeakMap; a portal page is a few thousand nodes, so parsing
 * one spent more time on those maps, and the garbage collector on the WeakMap's entries, than on
 * the HTML itself. No node of the CLI's pages ever gets a listener, and a node with none behaves
 * the same with or without an empty map. Only the CLI's workers are patched; when the file is not
 * the one this patch knows (another linkedom version), it is bundled as it is.
 */
import { readFile } from "node:fs/promises";
import type { Plugin } from "esbuild";

const EVENT_TARGET_FILE = /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/;

/** The exact pieces of linkedom 0.18.14's event-target.js, and what each becomes. */
const REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ["constructor() {\n    wm.set(this, new Map);\n  }", "constructor() {}"],
  [
    "addEventListener(type, listener, options) {\n    const map = wm.get(this);\n",
    "addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));\n",
  ],
  [
    "removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {",
    "removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {",
  ],
  // invokeListeners already reads `const map = wm.get(currentTarget); if (map && …)`.
  ["const map = wm.get(currentTarget);\n  if (map && map.has(this.type)) {", null],
].map(([from, to]) => [from as string, (to ?? from) as string] as const);

/** linkedom's event-target.js with lazy listener maps, or null when it is not the known file. */
export function lazyListenerSource(source: string): string | null {
  let patched = source;
  for (const [from, to] of REPLACEMENTS) {
    if (patched.split(from).length !== 2) return null;
    patched = patched.replace(from, to);
  }
  return patched;
}

export const lazyListenersPlugin: Plugin = {
  name: "linkedom-lazy-listeners",
  setup(build) {
    build.onLoad({ filter: EVENT_TARGET_FILE }, async (args) => {
      const patched = lazyListenerSource(await readFile(args.path, "utf8"));
      return patched === null ? undefined : { contents: patched, loader: "js" };
    });
  },
};
