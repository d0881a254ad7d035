/**
 * The collection database: saved articles and the snippets saved from them,
 * in IndexedDB through Dexie.
 */
import Dexie, { type EntityTable, type Transaction } from "dexie";
import type { ArticleRecord, SnippetRecord } from "../snippets/types.ts";
import { trackBlockedOpens } from "./blocked.ts";
import { DB_NAME } from "./db-name.ts";
import type { ArticleCopyRecord, FingerprintRecord } from "./republished-records.ts";
import {
  adoptLooseSnippets,
  groupStoredSnippets,
  type SnippetGroupRecord,
} from "./snippet-records.ts";
import { touch } from "./view-cache.ts";

/** A record of the `views` store: the collection view's copy, or the stamp of the last write. */
export { DB_NAME };

export interface ViewRecord {
  id: string;
  /** The stamp's value, or the copy's key (what the collection was when it was made). */
  key: string;
  /**
   * The copy: the collection as the pages list it (`ListedArticle`, `ListedSnippet`: no saved
   * texts, no anchor context), as JSON in ASCII (copy-format.ts; absent on the stamp), in a Blob:
   * IndexedDB hands a Blob back at once, without copying its contents into the page, and
   * `blob.text()` reads them asynchronously, so the page's thread only parses. A string or bytes
   * came back as a copy made on the page's thread (about 100 ms for 10,000 snippets).
   */
  listing?: Blob;
  /**
   * An older build's copy with every stored record, in a Blob: never read (the next load makes
   * a copy in `listing`). A field of its own, so that an older build never takes a listed copy
   * for its stored records.
   */
  blob?: Blob;
  /** An older build's copy in bytes: never read either. */
  bytes?: Uint8Array;
  /** An older build's copy as a JSON string: never read either. */
  json?: string;
}

/** The IndexedDB database name in the extension's origin. */

export interface CollectionDbOptions {
  /** Database name; defaults to `DB_NAME` (tests may use their own). */
  name?: string;
  /** IndexedDB implementation (e.g. a fake-indexeddb `IDBFactory` in tests); defaults to the global one. */
  indexedDB?: IDBFactory;
  /** The `IDBKeyRange` that goes with `indexedDB`. */
  IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * Every schema the database has had, oldest first. Installed databases depend on each of them:
 * never edit or remove an entry. A change is a new entry at the end (with `upgrade` when stored
 * records must change); tests open a database written by every earlier version and check that
 * every record survives the upgrade to the newest.
 */
export const SCHEMA_HISTORY: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}> = [
  {
    version: 1,
    stores: {
      articles: "id, url, canonicalUrl, site, locality, level, publishedAt, updatedAt",
      snippets:
        "id, articleId, kind, category, createdAt, updatedAt, deadline.date, *tags, [articleId+kind]",
    },
  },
  {
    // The pages' copy of the whole collection in one record, and the stamp every write changes
    // (view-cache.ts). The store starts empty and nothing stored before changes, so there is
    // nothing to upgrade; the other stores are repeated unchanged (each entry is a whole schema).
    version: 2,
    stores: {
      articles: "id, url, canonicalUrl, site, locality, level, publishedAt, updatedAt",
      snippets:
        "id, articleId, kind, category, createdAt, updatedAt, deadline.date, *tags, [articleId+kind]",
      views: "id",
    },
  },
  {
    // The reader's review (lib/snippets/review-types.ts): the snippets' status is indexed so the
    // pages can list the checked or unchecked ones. Records written before keep their shape (no
    // `review`, no `corrections`: read as unreviewed and uncorrected, and left out of the index
    // until the reader reviews them), so the upgrade rewrites nothing.
    version: 3,
    stores: {
      articles: "id, url, canonicalUrl, site, locality, level, publishedAt, updatedAt",
      snippets:
        "id, articleId, kind, category, createdAt, updatedAt, deadline.date, *tags, [articleId+kind], review",
      views: "id",
    },
  },
  {
    // Snippets may say whether the page now shows another figure where they stood (`pageChange`)
    // and which new texts the reader kept the saved figure over (`keptOver`). Both are optional:
    // a record without them has no pending change, so no stored record has to change (no
    // upgrade; records stay exactly as written).
    version: 4,
    stores: {
      articles: "id, url, canonicalUrl, site, locality, level, publishedAt, updatedAt",
      snippets:
        "id, articleId, kind, category, createdAt, updatedAt, deadline.date, *tags, [articleId+kind], review",
      views: "id",
    },
  },
  {
    // One article, many portals (republished.ts): each article's content fingerprint, found by
    // its band keys, and the other addresses an article was saved from. Nothing stored changes:
    // articles saved or imported before are fingerprinted by the next save (`fingerprintMissing`).
    version: 5,
    stores: {
      articles: "id, url, canonicalUrl, site, locality, level, publishedAt, updatedAt",
      snippets:
        "id, articleId, kind, category, createdAt, updatedAt, deadline.date, *tags, [articleId+kind], review",
      views: "id",
      fingerprints: "articleId, *bands",
      copies: "url, articleId",
    },
  },
  {
    // Only the indexes a query uses (docs/storage.md): every index is one more entry IndexedDB
    // writes per record, and writing 10,500 records with the 9 + 7 indexes above took Chromium
    // about 40% longer than with these 3 + 3 (an import of 10,000 snippets). The pages filter
    // by kind, category, tags, deadline and review in memory; storage reads by `articleId`
    // (a page's snippets), `createdAt` (the newest first), `updatedAt` (the collection's key)
    // and `url`/`canonicalUrl` (an article's addresses). Dexie deletes the other indexes on
    // the upgrade; no record changes. An older build opening the database adds back the indexes
    // it declares (the data stays; see `CollectionDb`).
    version: 6,
    stores: {
      articles: "id, url, canonicalUrl, updatedAt",
      snippets: "id, articleId, createdAt, updatedAt",
      views: "id",
      fingerprints: "articleId, *bands",
      copies: "url, articleId",
    },
  },
  {
    // The snippets grouped by article (docs/storage.md, "Schema version 7"): one record per
    // article holding its snippets (snippet-records.ts), because IndexedDB's cost is per record
    // (an import of 10,000 snippets wrote 10,500 records; now about 1,000). Indexed by the newest
    // snippet's `createdAt` (the newest first), the newest `updatedAt` (the collection's key) and
    // every snippet's id (a snippet found by its id). The upgrade moves every snippet, unchanged,
    // into its article's record; the `snippets` store stays, empty, for an older build (what an
    // older build writes there is moved in when this build opens the database: `adoptLooseSnippets`).
    version: 7,
    stores: {
      articles: "id, url, canonicalUrl, updatedAt",
      snippets: "id, articleId, createdAt, updatedAt",
      snippetGroups: "articleId, createdAt, updatedAt, *snippetIds",
      views: "id",
      fingerprints: "articleId, *bands",
      copies: "url, articleId",
    },
    upgrade: (transaction) => groupStoredSnippets(transaction),
  },
];

/** The newest schema version. */
export const SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]?.version ?? 1;

/** Declares the schema history up to `upTo` on a Dexie instance (all of it by default). */
export function declareSchema(db: Dexie, upTo = SCHEMA_VERSION): void {
  for (const entry of SCHEMA_HISTORY) {
    if (entry.version > upTo) break;
    const version = db.version(entry.version).stores(entry.stores);
    if (entry.upgrade) version.upgrade(entry.upgrade);
  }
}

/**
 * The collection database. How it meets other builds of the extension (Dexie 4 behaviour, tested
 * in `tests/unit/storage-faults.test.ts`):
 * - an older build's database is upgraded through `SCHEMA_HISTORY`;
 * - a newer build's database (higher version, more stores or indexes) is opened as it is: Dexie
 *   retries a `VersionError` without a version, ignores what it does not declare and only ever
 *   adds an index or store it misses; nothing is deleted or recreated;
 * - another connection's upgrade closes this one (Dexie's default `versionchange` handler, kept),
 *   and the next operation opens it again (`autoOpen`);
 * - an open blocked by a connection that does not close waits for it (see `blocked.ts`);
 * - snippets an older build wrote into the `snippets` store of a version 7 database are moved into
 *   their articles' groups each time this build opens it (`adoptLooseSnippets`).
 */
export class CollectionDb extends Dexie {
  articles!: EntityTable<ArticleRecord, "id">;
  /**
   * Schema 6's store of one record per snippet: empty since version 7 (snippet-records.ts), kept
   * for an older build, whose writes there are moved into the groups when this build opens it.
   */
  snippets!: EntityTable<SnippetRecord, "id">;
  /** The snippets, one record per article: read and written only through snippet-records.ts. */
  snippetGroups!: EntityTable<SnippetGroupRecord, "articleId">;
  views!: EntityTable<ViewRecord, "id">;
  fingerprints!: EntityTable<FingerprintRecord, "articleId">;
  copies!: EntityTable<ArticleCopyRecord, "url">;

  constructor(options: CollectionDbOptions = {}) {
    // Dexie spreads its options over its defaults: pass only what was given,
    // an explicit `indexedDB: undefined` would replace the global one.
    super(options.name ?? DB_NAME, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    declareSchema(this);
    trackBlockedOpens(this);
    // Each time the database is opened (before any other request): what an older build wrote
    // into the snippets store meanwhile joins the groups. Best effort: a failure (a full disk…)
    // must not keep the collection from opening, and the next open tries again.
    this.on(
      "ready",
      (vip) => {
        const db = vip as CollectionDb;
        return adoptLooseSnippets(db, () => touch(db)).catch(() => 0);
      },
      true,
    );
  }
}

/** The collection database (opened lazily by Dexie on first use). */
export function openCollectionDb(options?: CollectionDbOptions): CollectionDb {
  return new CollectionDb(options);
}
