/**
 * The collection's mark on a snippet whose figure the page now gives differently: the badge,
 * saved and new values side by side, and the reader's choice (written through lib/storage by the
 * app). Nothing when the snippet has no pending change.
 */
import type { ChangeDecision } from "../../lib/messaging/protocol.ts";
import type { ListedSnippet } from "../../lib/snippets/types.ts";
import { ChangeNotice } from "../ChangeNotice.tsx";

export function PageChangeBadge(props: {
  snippet: ListedSnippet;
  onDecide?(id: string, decision: ChangeDecision): Promise<void>;
}) {
  const { snippet, onDecide } = props;
  const change = snippet.pageChange;
  if (!change) return null;
  const decide = (decision: ChangeDecision) => {
    onDecide?.(snippet.id, decision).catch(() => {
      // Not written: the app shows why, and the choice stays offered.
    });
  };
  return (
    <ChangeNotice
      kind={snippet.kind}
      saved={snippet}
      now={change}
      {...(onDecide ? { onAccept: () => decide("accept"), onKeep: () => decide("keep") } : {})}
    />
  );
}
