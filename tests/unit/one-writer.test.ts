/**
 * One writer to the collection: every write goes through lib/storage (its operations: save, edit,
 * clear, import), from the background and the extension pages alike. The rule, checked on the
 * source files:
 * - a file under components/ or entrypoints/ never imports Dexie (`dexie` or `dexie/…`, static or
 *   dynamic, types too) nor a lib/storage module other than lib/storage/index.ts (and boot.ts, the
 *   read-only entry of the collection page's boot script), and never touches
 *   the database's tables or transactions itself (`db.snippets…`, `database.transaction(…)`);
 * - no file outside lib/storage (components/, entrypoints/, lib/) calls a Dexie write on the
 *   collection's tables (`.snippets.put(…)`, `.articles.clear()`…) or opens a read-write
 *   transaction.
 * The detectors are checked on samples first, so the test can fail.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { ROOT, sourceFiles, specifiers } from "./helpers/source-files.ts";

/** What a page or entrypoint file must not do, one line per breach. */
function pageBreaches(file: string, source: string): string[] {
  const breaches: string[] = [];
  for (const specifier of specifiers(source)) {
    if (specifier === "dexie" || specifier.startsWith("dexie/")) {
      breaches.push(`${file} imports ${specifier}`);
    }
    const storage = /(?:^|\/)lib\/storage\/([^/]+)$/.exec(specifier);
    if (storage && storage[1] !== "index.ts" && storage[1] !== "boot.ts") {
      breaches.push(`${file} imports ${specifier} (only lib/storage/index.ts or boot.ts)`);
    }
  }
  const tables =
    /\b(?:db|database|collectionDb\(\))\s*\.\s*(articles|snippets|snippetGroups|transaction|table|tables)\b/g;
  for (const match of source.matchAll(tables)) {
    breaches.push(`${file} uses the database's ${match[1]} itself: ${match[0]}`);
  }
  return breaches;
}

const WRITES =
  /\.\s*(?:articles|snippets|snippetGroups)\s*\.\s*(?:add|bulkAdd|put|bulkPut|update|bulkUpdate|delete|bulkDelete|clear|modify)\s*\(|\btransaction\(\s*["'](?:rw|readwrite)/g;

/** Dexie writes outside lib/storage, one line per breach. */
function writeBreaches(file: string, source: string): string[] {
  return [...source.matchAll(WRITES)].map((match) => `${file} writes: ${match[0]}`);
}

describe("one writer to the collection", () => {
  test("the checks catch each kind of breach and pass clean code", () => {
    const bad: Array<[string, string]> = [
      ['import { liveQuery } from "dexie";', "imports dexie"],
      ['import type { Table } from "dexie";', "imports dexie"],
      ['const { default: Dexie } = await import("dexie");', "imports dexie"],
      ['import { CollectionDb } from "../../lib/storage/db.ts";', "only lib/storage/index.ts"],
      ['export { saveSnippets } from "@/lib/storage/save.ts";', "only lib/storage/index.ts"],
      ["await db.snippets.update(id, { ...changes, updatedAt: Date.now() });", "snippets"],
      ["await props.db.transaction('rw', props.db.articles, async () => {});", "transaction"],
      ["const all = await database.articles.toArray();", "articles"],
      ["const groups = await db.snippetGroups.toArray();", "snippetGroups"],
    ];
    for (const [line, why] of bad) {
      const breaches = pageBreaches("components/x.tsx", line);
      assert.ok(
        breaches.some((breach) => breach.includes(why)),
        `${line} → ${breaches.join("; ")}`,
      );
    }
    assert.equal(writeBreaches("lib/x.ts", "await db.snippets.bulkPut(records);").length, 1);
    assert.equal(writeBreaches("lib/x.ts", "await db.snippetGroups.put(group);").length, 1);
    assert.equal(writeBreaches("lib/x.ts", 'db.transaction("rw", db.articles, f)').length, 1);
    assert.equal(writeBreaches("lib/x.ts", "await this.db.articles.clear();").length, 1);
    const clean = [
      'import type { CollectionDb } from "../../lib/storage/index.ts";',
      'import { updateSnippet } from "@/lib/storage/index.ts";',
      "await updateSnippet(db, id, changes);",
      "const shown = state.snippets.filter((s) => s.articleId === id);",
    ];
    for (const line of clean) {
      assert.deepEqual(pageBreaches("components/x.tsx", line), [], line);
      assert.deepEqual(writeBreaches("lib/x.ts", line), [], line);
    }
    // A read-only transaction is no write (lib/export reads the whole collection in one).
    assert.deepEqual(writeBreaches("lib/x.ts", 'db.transaction("r", db.articles, read)'), []);
  });

  test("components and entrypoints reach the collection only through lib/storage/index.ts or boot.ts", () => {
    const files = [...sourceFiles("components"), ...sourceFiles("entrypoints")];
    assert.ok(files.length > 10, "the source files are found");
    const breaches = files.flatMap((file) =>
      pageBreaches(file, readFileSync(path.join(ROOT, file), "utf8")),
    );
    assert.deepEqual(breaches, []);
  });

  test("nothing outside lib/storage writes to the collection's tables", () => {
    const files = [
      ...sourceFiles("components"),
      ...sourceFiles("entrypoints"),
      ...sourceFiles("lib").filter((file) => !file.startsWith("lib/storage/")),
    ];
    const breaches = files.flatMap((file) =>
      writeBreaches(file, readFileSync(path.join(ROOT, file), "utf8")),
    );
    assert.deepEqual(breaches, []);
  });
});
