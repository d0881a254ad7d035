/**
 * The collection's second entry, for the collection page's boot script: only the quick first read
 * and the read of the collection's copy in bare IndexedDB (reads, no writes) and their hand-over
 * to the page's modules. It imports no Dexie, so the boot script stays a few kilobytes
 * (tests/unit/storage-boot-read.test.ts checks).
 */
export {
  type BootCopy,
  type BootRead,
  handOverBootCopy,
  handOverBootRead,
  takeBootCopy,
  takeBootRead,
} from "./boot-read.ts";
export { readCopyRaw } from "./copy-raw.ts";
export { type RawReadOptions, readNewestRaw } from "./newest-raw.ts";
