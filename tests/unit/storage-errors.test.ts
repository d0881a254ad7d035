/**
 * Storage failures as the reader is told about them: every error IndexedDB or Dexie raises (bare,
 * or wrapped the way Dexie wraps it) gets its code and its clear message, in Vietnamese by
 * default and in English when chosen; errors that are not storage failures are left alone; a
 * failed import names its storage failure only when the file itself was fine.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { setLanguage, t } from "../../lib/i18n/index.ts";
import { importCollection } from "../../lib/import/index.ts";
import {
  describeStorageFailure,
  errorMessage,
  openCollectionDb,
  StorageBlockedError,
  type StorageFailureCode,
  storageFailureCode,
} from "../../lib/storage/index.ts";

const dom = (name: string, message = "") => new DOMException(message, name);

describe("storageFailureCode", () => {
  const table: Array<[string, unknown, StorageFailureCode | null]> = [
    ["IndexedDB's quota error", dom("QuotaExceededError"), "quota"],
    [
      "Dexie's quota error",
      new Dexie.QuotaExceededError("full", dom("QuotaExceededError")),
      "quota",
    ],
    // Chromium aborts the transaction at commit; Dexie rejects with an AbortError around tx.error.
    [
      "a transaction aborted by the quota",
      new Dexie.AbortError(dom("QuotaExceededError")),
      "quota",
    ],
    [
      "a bulk write with a refused record",
      new Dexie.BulkError("bulkAdd(): 1 of 2 operations failed", [dom("QuotaExceededError")]),
      "quota",
    ],
    [
      "an open that failed on the quota",
      new Dexie.OpenFailedError(dom("QuotaExceededError", "Encountered full disk")),
      "quota",
    ],
    ["a database of a newer version", dom("VersionError"), "newer-version"],
    [
      "a closed database whose open met a newer version",
      new Dexie.DatabaseClosedError(new Dexie.VersionError("requested 10, existing 30")),
      "newer-version",
    ],
    ["a migration that failed", new Dexie.UpgradeError("Not yet support"), "upgrade"],
    ["a schema this build cannot use", new Dexie.SchemaError("KeyPath x not indexed"), "upgrade"],
    ["a write dropped behind a blocked open", new StorageBlockedError(), "blocked"],
    ["a connection closed by another build", new Dexie.DatabaseClosedError(), "closed"],
    ["a disk error on open", new Dexie.OpenFailedError(dom("UnknownError")), "unavailable"],
    ["no usable database (private mode)", dom("InvalidStateError"), "unavailable"],
    ["no IndexedDB at all", new Dexie.MissingAPIError(), "unavailable"],
    ["a bad snippet from the page", new TypeError("snippets[0].kind must be one of…"), null],
    ["an abort for another reason", new Dexie.AbortError("aborted by the code"), null],
    ["a plain error", new Error("boom"), null],
    ["a string", "QuotaExceededError", null],
    ["nothing", undefined, null],
  ];
  for (const [what, error, code] of table) {
    test(`${what}: ${code ?? "not a storage failure"}`, () => {
      assert.equal(storageFailureCode(error), code);
    });
  }

  test("wrapped errors are followed through `cause` too, and a cycle ends", () => {
    assert.equal(
      storageFailureCode(new Error("save failed", { cause: dom("QuotaExceededError") })),
      "quota",
    );
    const cyclic: Record<string, unknown> = { name: "Error" };
    cyclic.inner = cyclic;
    cyclic.cause = { name: "Error", inner: cyclic };
    assert.equal(storageFailureCode(cyclic), null);
  });
});

describe("messages", () => {
  const codes: StorageFailureCode[] = [
    "quota",
    "blocked",
    "closed",
    "newer-version",
    "upgrade",
    "unavailable",
  ];

  test("each failure has its own message, in Vietnamese first", () => {
    const messages = codes.map((code) => describeStorageFailure(failureOf(code))?.message);
    assert.equal(new Set(messages).size, codes.length);
    assert.equal(
      describeStorageFailure(dom("QuotaExceededError"))?.message,
      "Không còn đủ dung lượng lưu trữ. Những gì đã lưu trước đó vẫn còn nguyên. " +
        "Hãy giải phóng dung lượng đĩa, hoặc xuất rồi xóa bớt bộ sưu tập.",
    );
    assert.match(t("storageNewerVersion"), /phiên bản mới hơn của tiện ích/);
    assert.match(t("storageNewerVersion"), /cập nhật tiện ích/);
    assert.match(t("storageBlocked"), /thẻ khác của tiện ích/);
  });

  test("in English when the reader chose it", () => {
    setLanguage("en");
    try {
      assert.match(errorMessage(dom("QuotaExceededError")), /^There is not enough storage space/);
      assert.match(errorMessage(dom("VersionError")), /newer version of the extension/);
      assert.match(errorMessage(new StorageBlockedError()), /Another tab of the extension/);
    } finally {
      setLanguage("vi");
    }
  });

  test("any other error keeps its own text", () => {
    assert.equal(
      errorMessage(new TypeError("article.url must be a non-empty string")),
      "article.url must be a non-empty string",
    );
    assert.equal(errorMessage("boom"), "boom");
  });

  /** An error standing for `code`. */
  function failureOf(code: StorageFailureCode): unknown {
    return {
      quota: dom("QuotaExceededError"),
      blocked: new StorageBlockedError(),
      closed: new Dexie.DatabaseClosedError(),
      "newer-version": dom("VersionError"),
      upgrade: new Dexie.UpgradeError("x"),
      unavailable: dom("UnknownError"),
    }[code];
  }
});

describe("a failed import", () => {
  test("a refused file is never taken for a storage failure, whatever text it quotes", async () => {
    const file = JSON.stringify({ format: "QuotaExceededError", version: 1 });
    const refused = await importCollection(
      openCollectionDb({ name: "refused", indexedDB: new IDBFactory(), IDBKeyRange }),
      file,
    );
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.storageFailure === undefined, JSON.stringify(refused));
  });
});
