/** What the collection's list and its table both take from the page: the collection and its writes. */
import type { ChangeDecision } from "../../lib/messaging/protocol.ts";
import type { ReviewStatus, SnippetRecord, StoredEntry } from "../../lib/snippets/types.ts";
import type { CollectionFiltersProps } from "./CollectionFilters.tsx";
import type { SnippetChanges } from "./SnippetEditor.tsx";

export interface ListingProps extends CollectionFiltersProps {
  /** Writes the changes; rejects when they could not be written (the editor then stays open). */
  onEdit(id: string, changes: SnippetChanges): Promise<void>;
  /** Deletes; rejects when nothing could be deleted (the snippet stays listed). */
  onDelete(ids: string[]): Promise<SnippetRecord[]>;
  /** Sets the review status; rejects when it could not be written. */
  onReview(ids: string[], status: ReviewStatus): Promise<void>;
  /** Puts deleted snippets back; rejects when they could not be written (the undo stays offered). */
  onRestore(records: SnippetRecord[]): Promise<void>;
  onOpenArticle?(articleId: string): void;
  /**
   * The stored records of these snippets, in their order (with what the listed ones leave out:
   * saved text, anchor context), for the lossless exports.
   */
  loadStored(ids: string[]): Promise<StoredEntry[]>;
  /** *Nhận số mới* / *Giữ số đã lưu* on a figure the page changed; rejects when not written. */
  onPageChange?(id: string, decision: ChangeDecision): Promise<void>;
}
