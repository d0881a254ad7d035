/**
 * The reader's review of a saved snippet: its status, and the values the reader put in place of
 * the engine's. Stored on the snippet record (schema version 3).
 */
import type {
  Comparator,
  Deadline,
  Direction,
  Horizon,
  ItemKind,
  ItemValue,
} from "../extract/types.ts";

/**
 * - `unreviewed` (*chưa duyệt*): as the engine read it;
 * - `accepted` (*đã duyệt*): the reader checked it and it is right;
 * - `corrected` (*đã sửa*): the reader corrected at least one field (while any correction stands);
 * - `rejected` (*loại bỏ*): not a figure worth keeping (left out of the comparison and, by
 *   default, of the exports other than JSON).
 */
export type ReviewStatus = "unreviewed" | "accepted" | "corrected" | "rejected";

/** The reader's value of each field they corrected (a field not listed keeps the engine's). */
export interface Corrections {
  kind?: ItemKind | "excerpt";
  indicator?: string;
  category?: string | null;
  value?: ItemValue | null;
  unit?: string | null;
  comparator?: Comparator | null;
  direction?: Direction | null;
  horizon?: Horizon | null;
  deadline?: Deadline | null;
  /** The snippet's own locality and level, in place of its article's. */
  locality?: string | null;
  level?: string | null;
}

export type CorrectableField = keyof Corrections;
