/**
 * What the engine finds in a selection the reader saves: the request the article tools send (the
 * selected words, the article's date and opening) and the extraction the background runs on it.
 */
import { extract } from "../extract/index.ts";
import type { ExtractedItem } from "../extract/types.ts";

export interface SelectionRequest {
  /** The selected text. */
  quote: string;
  /** The article's date (deadlines without a year are dated from it). */
  referenceDate: string | null;
  /** The article's title and opening (which the selection's figures may belong to). */
  titleAndLead: string;
}

export function selectionItems(request: SelectionRequest): ExtractedItem[] {
  return extract(request.quote, {
    referenceDate: request.referenceDate,
    titleAndLead: request.titleAndLead,
  });
}
