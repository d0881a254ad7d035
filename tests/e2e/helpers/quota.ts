/**
 * A full disk for the extension, in real Chromium: the DevTools protocol's
 * `Storage.overrideQuotaForOrigin` sets the extension origin's quota, and IndexedDB then aborts
 * transactions that need more room with `QuotaExceededError`.
 *
 * Chromium's IndexedDB does not ask for the quota on every write: it keeps the origin's free space
 * from its last question (for 30 s, decaying; `kBucketSpaceCacheTimeLimit` in
 * content/browser/indexed_db/instance/bucket_context.h) and asks again only when a write needs
 * more than that. So the origin is given a modest quota from the start (`ROOM` above its usage),
 * and filling the disk writes scratch records (in a database of its own, never the collection)
 * until IndexedDB has asked again and refuses one.
 */
import assert from "node:assert/strict";
import type { CDPSession, Worker } from "playwright-core";
import { eventually } from "./compare.ts";

/** Free space the extension's origin has while the disk is not full: plenty for the tests. */
const ROOM = 4 * 1024 * 1024;
/** Size of each scratch record written to use up Chromium's remembered free space. */
const SCRATCH_BYTES = 1024 * 1024;
const SCRATCH_DB = "gvn-quota-probe";

/**
 * Writes a scratch record of `bytes` characters from the service worker, then deletes it again:
 * "ok", or the name of the error that refused it (e.g. "QuotaExceededError").
 */
async function scratchWrite(serviceWorker: Worker, bytes: number): Promise<string> {
  return serviceWorker.evaluate(
    async ({ name, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => request.result.createObjectStore("scratch");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const write = db.transaction("scratch", "readwrite");
        write.objectStore("scratch").put("x".repeat(bytes), 1);
        const outcome = await new Promise<string>((resolve) => {
          write.oncomplete = () => resolve("ok");
          write.onabort = () => resolve(write.error?.name ?? "AbortError");
        });
        const clear = db.transaction("scratch", "readwrite");
        clear.objectStore("scratch").clear();
        await new Promise<void>((resolve) => {
          clear.oncomplete = () => resolve();
          clear.onabort = () => resolve();
        });
        return outcome;
      } finally {
        db.close();
      }
    },
    { name: SCRATCH_DB, bytes },
  );
}

export interface DiskControl {
  /** Gives the origin `ROOM` of free space above its usage; IndexedDB writes work. */
  free(): Promise<void>;
  /** Gives the origin a 1-byte quota and waits until IndexedDB refuses writes. */
  fill(): Promise<void>;
}

/**
 * Controls the free space of `origin` (`chrome-extension://<id>`) through `cdp` (a DevTools
 * session of any page of the browser). Call `free()` before the extension first writes.
 */
export function diskControl(cdp: CDPSession, serviceWorker: Worker, origin: string): DiskControl {
  return {
    async free() {
      const { usage } = await cdp.send("Storage.getUsageAndQuota", { origin });
      await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: usage + ROOM });
      const outcome = await eventually(
        () => scratchWrite(serviceWorker, 16),
        (result) => result === "ok",
      );
      assert.equal(outcome, "ok", "IndexedDB writes again");
    },
    async fill() {
      await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: 1 });
      const outcome = await eventually(
        () => scratchWrite(serviceWorker, SCRATCH_BYTES),
        (result) => result === "QuotaExceededError",
        { timeout: 45_000, interval: 0 },
      );
      assert.equal(outcome, "QuotaExceededError", "IndexedDB refuses writes");
    },
  };
}
