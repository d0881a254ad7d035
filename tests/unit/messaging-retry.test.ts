/**
 * Sending a message again after the MV3 service worker stopped mid-way: which failures are
 * retried (Chromium's broken-channel messages) and which are not (an orphaned content script, any
 * other error, an answer that reports a failure); how many attempts and pauses; and that a save
 * retried after its first attempt was committed leaves one record, its note and `createdAt`.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import {
  CONTEXT_INVALIDATED_ERROR,
  isTransientMessagingError,
  TRANSIENT_MESSAGING_ERRORS,
  withRetry,
} from "../../lib/messaging/retry.ts";
import { type CollectionDb, openCollectionDb, saveSnippets } from "../../lib/storage/index.ts";
import { articleInput, snippetInput } from "./helpers/storage-faults.ts";
import { changeStored, everyStored } from "./helpers/stored.ts";

const CHANNEL_CLOSED =
  "A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received";
const NO_RECEIVER = "Could not establish connection. Receiving end does not exist.";

/** A `send` that fails with the given errors, in order, then answers `answer`; counts its calls. */
function scripted<T>(failures: unknown[], answer: T) {
  const calls = { count: 0 };
  const send = async (): Promise<T> => {
    const failure = failures[calls.count++];
    if (failure !== undefined) throw failure;
    return answer;
  };
  return { send, calls };
}

/** Records the pauses instead of waiting. */
function recordedWaits() {
  const waits: number[] = [];
  return { waits, wait: async (ms: number) => void waits.push(ms) };
}

describe("isTransientMessagingError", () => {
  test("Chromium's broken-channel messages are transient", () => {
    for (const message of [CHANNEL_CLOSED, NO_RECEIVER, ...TRANSIENT_MESSAGING_ERRORS]) {
      assert.equal(isTransientMessagingError(new Error(message)), true, message);
    }
    // As webext-core rethrows it, or as a bare string.
    assert.equal(isTransientMessagingError(new Error(`Error: ${CHANNEL_CLOSED}`)), true);
    assert.equal(isTransientMessagingError(NO_RECEIVER), true);
  });

  test("an orphaned content script and any other error are not", () => {
    assert.equal(isTransientMessagingError(new Error(CONTEXT_INVALIDATED_ERROR)), false);
    assert.equal(isTransientMessagingError(new Error("Extension context invalidated.")), false);
    assert.equal(isTransientMessagingError(new Error("No response")), false);
    assert.equal(isTransientMessagingError(new Error("QuotaExceededError")), false);
    assert.equal(isTransientMessagingError(undefined), false);
  });
});

describe("withRetry", () => {
  test("a first answer is returned without a pause", async () => {
    const { send, calls } = scripted([], "answer");
    const { waits, wait } = recordedWaits();
    assert.equal(await withRetry(send, isTransientMessagingError, { wait }), "answer");
    assert.equal(calls.count, 1);
    assert.deepEqual(waits, []);
  });

  test("transient failures are sent again, with doubling pauses, up to the answer", async () => {
    const { send, calls } = scripted([new Error(CHANNEL_CLOSED), new Error(NO_RECEIVER)], "saved");
    const { waits, wait } = recordedWaits();
    const answer = await withRetry(send, isTransientMessagingError, {
      attempts: 3,
      backoffMs: 100,
      wait,
    });
    assert.equal(answer, "saved");
    assert.equal(calls.count, 3);
    assert.deepEqual(waits, [100, 200]);
  });

  test("after the last attempt the last failure is passed on", async () => {
    const last = new Error(CHANNEL_CLOSED);
    const { send, calls } = scripted([new Error(CHANNEL_CLOSED), last, new Error("never")], "x");
    const { waits, wait } = recordedWaits();
    await assert.rejects(
      withRetry(send, isTransientMessagingError, { attempts: 2, backoffMs: 50, wait }),
      (error) => error === last,
    );
    assert.equal(calls.count, 2, "bounded by `attempts`");
    assert.deepEqual(waits, [50]);
  });

  test("three attempts by default", async () => {
    const failures = Array.from({ length: 5 }, () => new Error(CHANNEL_CLOSED));
    const { send, calls } = scripted(failures, "x");
    const { wait } = recordedWaits();
    await assert.rejects(withRetry(send, isTransientMessagingError, { wait }));
    assert.equal(calls.count, 3);
  });

  test("an orphaned content script is not retried", async () => {
    const invalidated = new Error(CONTEXT_INVALIDATED_ERROR);
    const { send, calls } = scripted([invalidated], "x");
    const { waits, wait } = recordedWaits();
    await assert.rejects(
      withRetry(send, isTransientMessagingError, { wait }),
      (error) => error === invalidated,
    );
    assert.equal(calls.count, 1);
    assert.deepEqual(waits, []);
  });

  test("an answer that reports a failure is returned as it is, not retried", async () => {
    const refused = { ok: false, error: "snippets[0].kind: invalid" };
    const { send, calls } = scripted([], refused);
    const { wait } = recordedWaits();
    assert.equal(await withRetry(send, isTransientMessagingError, { wait }), refused);
    assert.equal(calls.count, 1);
  });
});

describe("a save retried after its answer was lost", () => {
  const article = articleInput();
  const snippet = snippetInput("tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%");
  let db: CollectionDb;

  beforeEach(() => {
    db = openCollectionDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  });

  afterEach(() => {
    db.close();
  });

  test("leaves one record, with the reader's note and its first createdAt", async () => {
    const T0 = Date.UTC(2024, 2, 1, 8, 0, 0);
    const first = await saveSnippets(db, article, [snippet], T0);
    const id = first.saved[0] as string;
    await changeStored(db, id, { note: "so với 2020: 90%" });

    // The worker commits the save again, then stops before answering; the retry finds it saved.
    let attempt = 0;
    const { wait } = recordedWaits();
    const answer = await withRetry(
      async () => {
        attempt++;
        const result = await saveSnippets(db, article, [snippet], T0 + attempt * 1000);
        if (attempt === 1) throw new Error(CHANNEL_CLOSED);
        return result;
      },
      isTransientMessagingError,
      { wait },
    );
    assert.equal(attempt, 2);
    assert.deepEqual(answer.saved, [id]);
    assert.equal(answer.created, 0);
    assert.equal(answer.alreadySaved, 1);
    const records = await everyStored(db);
    assert.equal(records.length, 1, "one record");
    assert.equal(records[0]?.note, "so với 2020: 90%", "the note is kept, not doubled");
    assert.equal(records[0]?.createdAt, T0);
    assert.equal(await db.articles.count(), 1, "one article record");
    assert.equal((await db.articles.get(first.articleId))?.createdAt, T0);
  });
});
