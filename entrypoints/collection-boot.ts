/**
 * The collection page's boot script: a plain script in the page's head (no modules, no Dexie), so
 * it starts the quick first read of the collection while the page still fetches and compiles its
 * modules; entrypoints/collection/main.tsx takes the read (lib/storage/boot-read.ts).
 */
import { handOverBootRead, readNewestRaw } from "@/lib/storage/boot.ts";

export default defineUnlistedScript(() => {
  const view = new URLSearchParams(location.search);
  // Only the collection's own tab shows the newest snippets first.
  const tab = view.get("tab");
  if (tab && tab !== "collection") return;
  handOverBootRead(
    globalThis,
    readNewestRaw({ indexedDB, IDBKeyRange }).catch(() => null),
  );
});
