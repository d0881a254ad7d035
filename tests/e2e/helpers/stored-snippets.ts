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
          // The snippets are stored one record per article (lib/storage/snippet-records.ts).
          const tx = db.transaction("snippetGroups", "readwrite");
          const store = tx.objectStore("snippetGroups");
          const read = store.index("snippetIds").get(id);
          read.onsuccess = () => {
            const group = read.result as
              | { snippets: SnippetRecord[]; updatedAt: number }
              | undefined;
            if (!group) return reject(new Error(`no snippet ${id}`));
            const now = Date.now();
            const snippets = group.snippets.map((s) =>
              s.id === id ? { ...s, ...fields, ...(stamp ? { updatedAt: now } : {}) } : s,
            );
            const updatedAt = stamp ? Math.max(now, group.updatedAt + 1) : group.updatedAt;
            store.put({ ...group, snippets, updatedAt });
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
