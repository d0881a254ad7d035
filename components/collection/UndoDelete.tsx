/**
 * "Đã xóa N mục · Hoàn tác": the undo offered after a delete, in the list and in the table. A
 * failed restore keeps the undo offered (the deleted records are still in hand).
 */
import { t } from "../../lib/i18n/index.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";

export function UndoDelete(props: {
  /** The deleted records; nothing is shown without them. */
  deleted: SnippetRecord[] | null;
  onRestore(records: SnippetRecord[]): Promise<void>;
  /** Called once they are back. */
  onRestored(): void;
}) {
  const { deleted } = props;
  if (!deleted) return null;
  return (
    <p class="toast" role="status">
      {t("deleted", deleted.length)}{" "}
      <button
        type="button"
        data-bulk="undo"
        onClick={() =>
          props.onRestore(deleted).then(props.onRestored, () => {
            // Not restored: keep offering the undo, the deleted records are still here.
          })
        }
      >
        {t("actionUndo")}
      </button>
    </p>
  );
}
