/**
 * A raw write to a stored snippet, made in the extension's origin (an extension page or the
 * service worker) with the IndexedDB API rather than through the extension's code: it stands for
 * what the reader did in an earlier session (a note, tags) so a suite can start from there.
 */
import type { Worker } from "playwright-core";
import type { SnippetRecord } from "../../../lib/snippets/types.ts";
import { COLLECTION_DB } from "./extension.ts";

/** Where code can run in the extension's origin: its service worker or one of its pages. */
export type ExtensionScope = Pick<Worker, "evaluate">;

/**
 * Merges `fields` into the stored snippet `id` (which must exist) in one read-write transaction;
 * with `stamp`, sets its `updatedAt` to now as the collection page does on an edit.
 */
export async function patchStoredSnippet(
  scope: ExtensionScope,
  id: string,
  fields: Partial<SnippetRecord>,
  options: { stamp?: boolean } = {},
): Promise<void> {
  await scope.evaluate(
    async ({ name, id, fields, stamp }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction("snippets", "readwrite");
          const store = tx.objectStore("snippets");
          const read = store.get(id);
          read.onsuccess = () => {
            if (!read.result) return reject(new Error(`no snippet ${id}`));
            store.put({ ...read.result, ...fields, ...(stamp ? { updatedAt: Date.now() } : {}) });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { name: COLLECTION_DB, id, fields, stamp: options.stamp ?? false },
  );
}
