/**
 * The collection database: saved articles and the snippets saved from them,
 * in IndexedDB through Dexie.
 */
import Dexie, { type EntityTable } from "dexie";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";

/** The IndexedDB database name in the extension's origin. */
export const DB_NAME = "gvn-collection";

export interface CollectionDbOptions {
  /** Database name; defaults to `DB_NAME` (tests may use their own). */
  name?: string;
  /** IndexedDB implementation (e.g. a fake-indexeddb `IDBFactory` in tests); defaults to the global one. */
  indexedDB?: IDBFactory;
  /** The `IDBKeyRange` that goes with `indexedDB`. */
  IDBKeyRange?: typeof IDBKeyRange;
}

export class CollectionDb extends Dexie {
  articles!: EntityTable<ArticleRecord, "id">;
  snippets!: EntityTable<SnippetRecord, "id">;

  constructor(options: CollectionDbOptions = {}) {
    // Dexie spreads its options over its defaults: pass only what was given,
    // an explicit `indexedDB: undefined` would replace the global one.
    super(options.name ?? DB_NAME, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });

    // Version 1. Installed databases depend on this schema: never edit it.
    // Schema changes go into a new `this.version(2)...` below (with an
    // `.upgrade()` when stored records must change), keeping this one as is.
    this.version(1).stores({
      articles: "id, url, canonicalUrl, site, locality, level, publishedAt, updatedAt",
      snippets:
        "id, articleId, kind, category, createdAt, updatedAt, deadline.date, *tags, [articleId+kind]",
    });
  }
}

/** The collection database (opened lazily by Dexie on first use). */
export function openCollectionDb(options?: CollectionDbOptions): CollectionDb {
  return new CollectionDb(options);
}
