/**
 * The collection's second entry, for the collection page's boot script: only the quick first read
 * in bare IndexedDB (a read, no writes) and its hand-over to the page's modules. It imports no
 * Dexie, so the boot script stays a few kilobytes (tests/unit/storage-boot-read.test.ts checks).
 */
export { type BootRead, handOverBootRead, takeBootRead } from "./boot-read.ts";
export { type RawReadOptions, readNewestRaw } from "./newest-raw.ts";
