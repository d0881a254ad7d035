/**
 * The collection page's boot read (lib/storage/newest-raw.ts): the quick first read in bare
 * IndexedDB, before the page's modules (and Dexie) have loaded. It reads exactly what Dexie's
 * `newestSnippets` reads, never creates or holds the database, gives null where it cannot read
 * (the page then reads with Dexie), and is handed to the page's first read (`startNewestRead`).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { handOverBootRead, readNewestRaw, takeBootRead } from "../../lib/storage/boot.ts";
import {
  type CollectionDb,
  earlyReadResult,
  newestSnippets,
  openCollectionDb,
  SCHEMA_VERSION,
  startNewestRead,
} from "../../lib/storage/index.ts";
import { FIRST_READ, firstRead } from "../../lib/storage/watch.ts";
import {
  DISTRICT,
  openWithTwoArticles,
  PROVINCE,
  strangerDatabase,
  upgradeUnblocked,
} from "./helpers/newest-read.ts";
import { bareSnippet, T0 } from "./helpers/records.ts";
import { ROOT, specifiers } from "./helpers/source-files.ts";
import { countStored, putStored } from "./helpers/stored.ts";

/** `count` targets, one a second; every third of the province, the others of the district. */
function targets(count: number, from = 0): SnippetRecord[] {
  return Array.from({ length: count }, (_, i) =>
    bareSnippet(
      `k${String(from + i).padStart(4, "0")}`,
      (from + i) % 3 === 0 ? PROVINCE.id : DISTRICT.id,
      "target",
      `trồng mới ${i} ha rừng`,
      { createdAt: T0 + (from + i) * 1000 },
    ),
  );
}

let factory: IDBFactory;
let db: CollectionDb;
const raw = (count?: number) => readNewestRaw({ indexedDB: factory, ...(count ? { count } : {}) });

beforeEach(async () => {
  factory = new IDBFactory();
  db = await openWithTwoArticles(factory);
});

describe("the boot read reads what Dexie's quick read reads", () => {
  const cases: Array<{ name: string; stored: () => SnippetRecord[]; count: number }> = [
    { name: "an empty collection", stored: () => [], count: 10 },
    { name: "fewer snippets than the read", stored: () => targets(7), count: 10 },
    { name: "exactly the read's size", stored: () => targets(10), count: 10 },
    { name: "one more than the read", stored: () => targets(11), count: 10 },
    { name: "a read of one", stored: () => targets(5), count: 1 },
    {
      name: "ties at the oldest time of the read",
      stored: () => [
        ...targets(8),
        ...["s1", "s2", "s3"].map((id) =>
          bareSnippet(id, PROVINCE.id, "deadline", `trước năm 2030 ${id}`, {
            createdAt: T0 + 3000,
          }),
        ),
      ],
      count: 6,
    },
    { name: "the page's own size, larger", stored: () => targets(FIRST_READ + 40), count: 0 },
  ];
  for (const { name, stored, count } of cases) {
    test(name, async () => {
      await putStored(db, stored());
      const expected = await newestSnippets(db, count || FIRST_READ);
      db.close();
      assert.deepEqual(await raw(count), expected);
    });
  }

  test("a snippet whose article is gone is read without it", async () => {
    await putStored(db, targets(4));
    await db.articles.delete(PROVINCE.id);
    db.close();
    const read = await raw(10);
    assert.equal(read?.snippets.length, 4);
    assert.deepEqual(
      read?.articles.map((a) => a.id),
      [DISTRICT.id],
    );
  });
});

describe("the boot read never changes or holds the database", () => {
  test("no database yet: null, and none is created (Dexie creates it as before)", async () => {
    const fresh = new IDBFactory();
    assert.equal(await readNewestRaw({ indexedDB: fresh }), null);
    assert.deepEqual(await fresh.databases(), []);
    const created = openCollectionDb({ indexedDB: fresh, IDBKeyRange });
    await putStored(created, targets(2));
    assert.equal(created.verno, SCHEMA_VERSION);
    assert.equal(await countStored(created), 2);
  });

  test("a database without the collection's stores: null", async () => {
    db.close();
    assert.equal(await readNewestRaw({ indexedDB: await strangerDatabase() }), null);
  });

  test("its connection never blocks a later upgrade", async () => {
    await putStored(db, targets(3));
    db.close();
    await raw();
    assert.equal(await upgradeUnblocked(factory), 3, "nothing stored changed");
  });
});

describe("the hand-over to the page's first read", () => {
  test("is taken once from the page's global object", () => {
    const scope = {};
    const read = Promise.resolve(null);
    handOverBootRead(scope, read);
    assert.equal(takeBootRead(scope), read);
    assert.equal(takeBootRead(scope), undefined);
  });

  test("the boot read's result is the page's first render's and its watch's", async () => {
    await putStored(db, targets(FIRST_READ + 5));
    const boot = raw();
    await startNewestRead(db, boot);
    const shown = earlyReadResult(db);
    assert.equal(shown, await boot, "the very read the boot script made");
    assert.deepEqual(shown, await newestSnippets(db));
    assert.equal(await firstRead(db), shown);
  });

  test("a boot read that gave nothing: the page reads with Dexie", async () => {
    await putStored(db, targets(3));
    await startNewestRead(db, Promise.resolve(null));
    assert.equal(earlyReadResult(db)?.snippets.length, 3);
    assert.equal(earlyReadResult(db)?.complete, true);
  });

  test("a boot read that failed: the page reads with Dexie", async () => {
    await putStored(db, targets(2));
    await startNewestRead(db, Promise.reject(new Error("read aborted")));
    assert.equal(earlyReadResult(db)?.snippets.length, 2);
  });
});

/** Every project module `entry` imports, directly or not, and every package it names. */
function importGraph(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const specifier of specifiers(readFileSync(path.join(ROOT, file), "utf8"))) {
      if (specifier.startsWith(".")) visit(path.posix.join(path.posix.dirname(file), specifier));
      else if (specifier.startsWith("@/")) visit(specifier.slice(2));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { modules: [...modules], packages: [...packages] };
}

test("the boot script's entry imports no package (no Dexie) and nothing that writes", () => {
  const graph = importGraph("lib/storage/boot.ts");
  assert.ok(graph.modules.includes("lib/storage/newest-raw.ts"), "the graph is walked");
  assert.deepEqual(graph.packages, []);
  assert.deepEqual(
    graph.modules.filter((file) => /\/(db|save|edit|clear|import|watch)\.ts$/.test(file)),
    [],
  );
});
