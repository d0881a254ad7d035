/**
 * Bare IndexedDB for the collection page's boot script (no Dexie): opening the collection's
 * database as it is, without ever creating, upgrading or holding it, and awaiting a request.
 */

/**
 * Opens the database as it is, or gives null when there is none: no version is asked for, and
 * when the open would create the database its upgrade is aborted (Dexie creates it later). The
 * connection closes at once when another connection asks for an upgrade.
 */
export function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = factory.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault(); // an aborted creation is expected, not an error to report
      resolve(null);
    };
    request.onblocked = () => resolve(null);
  });
}

/** The request's result once it succeeds. */
export function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
