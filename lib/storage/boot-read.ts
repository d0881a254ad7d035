/**
 * The hand-over of the collection page's boot read (entrypoints/collection-boot.ts, a plain script
 * that runs before the page's modules) to those modules: the read's promise, kept on the page's
 * global object under one name, taken once.
 */
import type { NewestRead } from "./newest-read.ts";

/** The read's promise: null when the boot script could not read (the page then reads itself). */
export type BootRead = Promise<NewestRead | null>;

const HANDOVER_KEY = "__gvnBootRead";

type Scope = { [HANDOVER_KEY]?: BootRead };

export function handOverBootRead(scope: object, read: BootRead): void {
  (scope as Scope)[HANDOVER_KEY] = read;
}

/** The boot read if the boot script started one (once: a second call gets undefined). */
export function takeBootRead(scope: object): BootRead | undefined {
  const read = (scope as Scope)[HANDOVER_KEY];
  delete (scope as Scope)[HANDOVER_KEY];
  return read;
}
