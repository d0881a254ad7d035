/**
 * The collection page's boot script: a plain script in the page's head (no modules, no Dexie), so
 * it starts the quick first read of the collection while the page still fetches and compiles its
 * modules, and once that read is done the read of the collection's copy (its Blob is read and parsed
 * after the first render); entrypoints/collection/main.tsx takes both (lib/storage/boot-read.ts).
 */
import {
  handOverBootCopy,
  handOverBootRead,
  readCopyRaw,
  readNewestRaw,
} from "@/lib/storage/boot.ts";

export default defineUnlistedScript(() => {
  const view = new URLSearchParams(location.search);
  // Only the collection's own tab shows the newest snippets first.
  const tab = view.get("tab");
  if (tab && tab !== "collection") return;
  const newest = readNewestRaw({ indexedDB }).catch(() => null);
  handOverBootRead(globalThis, newest);
  // After the quick read, so the database serves that first; only when there is more to load.
  handOverBootCopy(
    globalThis,
    newest.then((read) =>
      read && !read.complete ? readCopyRaw({ indexedDB }).catch(() => null) : null,
    ),
  );
});
