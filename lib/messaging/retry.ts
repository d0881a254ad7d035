/**
 * Sending a message again when the channel broke before an answer came back.
 *
 * Chromium stops an MV3 service worker whenever it likes (idle, or from DevTools); a message the
 * worker was handling then fails with "…the message channel closed before a response was
 * received", and one sent while it was going away can fail with "Could not establish connection".
 * The request may or may not have been carried out, so only idempotent requests (saving snippets
 * by their stable ids, reading) may be sent again; a new message wakes a new worker.
 */

/**
 * The `runtime.lastError` messages (Chromium's `extension_message_port.cc`,
 * `one_time_message_handler.cc`) of a channel that broke in transit: worth another try.
 */
export const TRANSIENT_MESSAGING_ERRORS: readonly string[] = [
  "A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received",
  "The message port closed before a response was received.",
  "Could not establish connection. Receiving end does not exist.",
];

/**
 * The content script outlived its extension (reloaded, updated, removed): every further message
 * fails the same way, so it is never retried.
 */
export const CONTEXT_INVALIDATED_ERROR = "Extension context invalidated.";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether a rejected message failed in transit (and may be sent again), not for good. */
export function isTransientMessagingError(error: unknown): boolean {
  const message = messageOf(error);
  if (message.includes(CONTEXT_INVALIDATED_ERROR)) return false;
  return TRANSIENT_MESSAGING_ERRORS.some((transient) => message.includes(transient));
}

export interface RetryOptions {
  /** How many times `send` is called at most, the first included (default 3). */
  attempts?: number;
  /** The pause before the second attempt; each further pause is twice the one before (ms). */
  backoffMs?: number;
  /** Waits `ms` milliseconds (tests replace it). */
  wait?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_ATTEMPTS = 3;
export const DEFAULT_RETRY_BACKOFF_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `send` until it resolves, at most `attempts` times, pausing between attempts; a rejection
 * `isTransient` does not accept, or the last attempt's rejection, is passed on unchanged. An
 * answer (even one that reports a failure) is returned as it is, never retried.
 */
export async function withRetry<T>(
  send: () => Promise<T>,
  isTransient: (error: unknown) => boolean,
  options: RetryOptions = {},
): Promise<T> {
  const {
    attempts = DEFAULT_RETRY_ATTEMPTS,
    backoffMs = DEFAULT_RETRY_BACKOFF_MS,
    wait = sleep,
  } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await wait(backoffMs * 2 ** (attempt - 1));
    }
  }
}

/** `sendMessage(…)` for an idempotent request, sent again after a transient failure. */
export function sendIdempotent<T>(send: () => Promise<T>, options?: RetryOptions): Promise<T> {
  return withRetry(send, isTransientMessagingError, options);
}
