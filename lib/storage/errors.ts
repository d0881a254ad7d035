/**
 * What went wrong with the collection's storage, in words a reader can act on.
 *
 * IndexedDB reports its failures as `DOMException`s (`QuotaExceededError`, `VersionError`,
 * `InvalidStateError`, `UnknownError`…); Dexie wraps them (`Dexie.QuotaExceededError`, an
 * `AbortError` whose `inner` is the quota error, a `BulkError` with one failure per record, a
 * `DatabaseClosedError` or `OpenFailedError` around the error that stopped the open). This module
 * looks through those wrappers, names the failure with a code and gives its localized message
 * (Vietnamese unless the reader chose English). Anything else is not a storage failure: `null`.
 */
import { type MessageKey, t } from "../i18n/index.ts";

export type StorageFailureCode =
  /** The browser refused to store more (disk or quota full). */
  | "quota"
  /** Another connection (another tab of the extension) holds the database open. */
  | "blocked"
  /** The connection was closed under us (another version upgraded or deleted the database). */
  | "closed"
  /** The database was written by a newer build than this one. */
  | "newer-version"
  /** The database could not be brought to this build's schema. */
  | "upgrade"
  /** The browser would not give access to storage at all (disk error, private mode). */
  | "unavailable";

export interface StorageFailure {
  code: StorageFailureCode;
  /** What happened and what to do, in the current interface language. */
  message: string;
}

/** Thrown by our own code when a write is abandoned because the database's open is blocked. */
export class StorageBlockedError extends Error {
  override name = "StorageBlockedError";
  constructor() {
    super("The collection database is held open by another connection");
  }
}

/** Error names (IndexedDB's and Dexie's) for each failure, most specific failure first. */
const NAMES_BY_CODE: ReadonlyArray<[StorageFailureCode, readonly string[]]> = [
  ["quota", ["QuotaExceededError"]],
  ["newer-version", ["VersionError"]],
  ["upgrade", ["UpgradeError", "SchemaError"]],
  ["blocked", ["StorageBlockedError"]],
  [
    "unavailable",
    ["InvalidStateError", "UnknownError", "MissingAPIError", "NotReadableError", "OpenFailedError"],
  ],
  ["closed", ["DatabaseClosedError"]],
];

const MESSAGE_KEYS: Record<StorageFailureCode, MessageKey> = {
  quota: "storageQuota",
  blocked: "storageBlocked",
  closed: "storageClosed",
  "newer-version": "storageNewerVersion",
  upgrade: "storageUpgrade",
  unavailable: "storageUnavailable",
};

/** How deep to look through wrapped errors (`inner`, `cause`, a bulk error's failures). */
const MAX_DEPTH = 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The error and every error it wraps, outermost first. */
function errorChain(error: unknown, depth = 0): unknown[] {
  if (!isRecord(error) || depth > MAX_DEPTH) return [error];
  const wrapped: unknown[] = [error.inner, error.cause];
  // Dexie's BulkError: `failures` (a list) and `failuresByPos` (by the records' positions).
  if (Array.isArray(error.failures)) wrapped.push(...error.failures);
  if (isRecord(error.failuresByPos)) wrapped.push(...Object.values(error.failuresByPos));
  return [
    error,
    ...wrapped
      .filter((inner) => inner !== undefined && inner !== null && inner !== error)
      .flatMap((inner) => errorChain(inner, depth + 1)),
  ];
}

function errorName(error: unknown): string | null {
  return isRecord(error) && typeof error.name === "string" ? error.name : null;
}

/** The failure an error (or an error it wraps) stands for, or null when it is not a storage failure. */
export function storageFailureCode(error: unknown): StorageFailureCode | null {
  const names = new Set(errorChain(error).map(errorName));
  for (const [code, known] of NAMES_BY_CODE) {
    if (known.some((name) => names.has(name))) return code;
  }
  return null;
}

/** The reader's message for a failure, in the current interface language. */
export function storageFailureMessage(code: StorageFailureCode): string {
  return t(MESSAGE_KEYS[code]);
}

/** The failure an error stands for and its message, or null when it is not a storage failure. */
export function describeStorageFailure(error: unknown): StorageFailure | null {
  const code = storageFailureCode(error);
  return code ? { code, message: storageFailureMessage(code) } : null;
}

/** A message for any error: the storage failure's when it is one, else the error's own text. */
export function errorMessage(error: unknown): string {
  const failure = describeStorageFailure(error);
  if (failure) return failure.message;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
