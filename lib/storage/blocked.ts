/**
 * Whether a database's open is blocked: it must upgrade the database, and another connection
 * (another tab of the extension, or any code holding the database) has not closed. IndexedDB keeps
 * the open waiting until that connection closes, then the open (and every operation queued behind
 * it) goes on; Dexie tells us with its `blocked` event. Pages show a message meanwhile; a save
 * gives up and says so (`StorageBlockedError`) rather than keep the reader waiting.
 */
import type Dexie from "dexie";

type BlockedListener = (blocked: boolean) => void;

interface BlockedState {
  /** Whether `trackBlockedOpens` listens to the database's `blocked` event. */
  tracked: boolean;
  blocked: boolean;
  listeners: Set<BlockedListener>;
}

const states = new WeakMap<Dexie, BlockedState>();

function stateOf(db: Dexie): BlockedState {
  let state = states.get(db);
  if (!state) {
    state = { tracked: false, blocked: false, listeners: new Set() };
    states.set(db, state);
  }
  return state;
}

function setBlocked(state: BlockedState, blocked: boolean): void {
  if (state.blocked === blocked) return;
  state.blocked = blocked;
  for (const listener of [...state.listeners]) listener(blocked);
}

/**
 * Follows the database's blocked opens from now on. Call it before the database is first used
 * (`CollectionDb` does, in its constructor).
 */
export function trackBlockedOpens(db: Dexie): void {
  const state = stateOf(db);
  if (state.tracked) return;
  state.tracked = true;
  db.on("blocked", () => {
    setBlocked(state, true);
    // The open that was blocked is still under way: it settles once the other connection closes.
    db.open().then(
      () => setBlocked(state, false),
      () => setBlocked(state, false),
    );
  });
}

/** Whether the database's open is blocked right now. */
export function isOpenBlocked(db: Dexie): boolean {
  return states.get(db)?.blocked ?? false;
}

/**
 * Calls `listener(true)` when the database's open becomes blocked (at once if it is) and
 * `listener(false)` when it goes on. Returns a function that stops listening.
 */
export function watchBlockedOpen(db: Dexie, listener: BlockedListener): () => void {
  const state = stateOf(db);
  state.listeners.add(listener);
  if (state.blocked) listener(true);
  return () => {
    state.listeners.delete(listener);
  };
}
