/**
 * The hand-over of the collection page's boot reads (entrypoints/collection-boot.ts, a plain
 * script that runs before the page's modules) to those modules: each read's promise, kept on the
 * page's global object under a name of its own, taken once.
 */

import type { StoredCopy } from "./copy-format.ts";
import type { NewestRead } from "./newest-read.ts";

/** The quick read's promise: null when the boot script could not read (the page then reads itself). */
export type BootRead = Promise<NewestRead | null>;

/** The copy's stored records, read after the quick read; null when the boot script could not read. */
export type BootCopy = Promise<StoredCopy | null>;

const READ_KEY = "__gvnBootRead";
const COPY_KEY = "__gvnBootCopy";

type Scope = { [READ_KEY]?: BootRead; [COPY_KEY]?: BootCopy };

export function handOverBootRead(scope: object, read: BootRead): void {
  (scope as Scope)[READ_KEY] = read;
}

/** What the boot script handed over under `key`, taken once (a second call gets undefined). */
function take<K extends keyof Scope>(scope: object, key: K): Scope[K] {
  const value = (scope as Scope)[key];
  delete (scope as Scope)[key];
  return value;
}

/** The boot read if the boot script started one (once). */
export function takeBootRead(scope: object): BootRead | undefined {
  return take(scope, READ_KEY);
}

export function handOverBootCopy(scope: object, copy: BootCopy): void {
  (scope as Scope)[COPY_KEY] = copy;
}

/** The boot script's read of the copy if it started one (once). */
export function takeBootCopy(scope: object): BootCopy | undefined {
  return take(scope, COPY_KEY);
}
