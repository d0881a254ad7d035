/**
 * The workers' lazy listener maps (lib/cli/linkedom-lazy-listeners.ts): the patch still fits the
 * installed linkedom, and a patched EventTarget keeps its listeners as before.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { Event as LinkedomEvent } from "linkedom";
import { lazyListenerSource } from "../../lib/cli/linkedom-lazy-listeners.ts";

const require = createRequire(import.meta.url);
const EVENT_TARGET = path.join(
  path.dirname(require.resolve("linkedom/package.json")),
  "esm/interface/event-target.js",
);

/** The patched module's EventTarget, typed as linkedom's nodes see it. */
interface ListenerTarget {
  addEventListener(type: string, listener: (event: { type: string }) => void): void;
  removeEventListener(type: string, listener: (event: { type: string }) => void): void;
  dispatchEvent(event: LinkedomEvent): boolean;
}

async function patchedEventTarget(): Promise<new () => ListenerTarget> {
  const patched = lazyListenerSource(await readFile(EVENT_TARGET, "utf8"));
  assert.ok(patched, "the patch fits the installed linkedom's event-target.js");
  assert.doesNotMatch(patched, /constructor\(\) \{\s*wm\.set/);
  const module = await import(`data:text/javascript,${encodeURIComponent(patched)}`);
  return module.EventTarget;
}

test("a patched node adds, calls and removes listeners as linkedom does", async () => {
  const Target = await patchedEventTarget();
  const target = new Target();
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

test("a file the patch does not know is left alone", () => {
  assert.equal(lazyListenerSource("export class EventTarget {}"), null);
});
