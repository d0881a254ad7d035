/**
 * What the reader decides when a saved snippet's text on the page changed or was lost: a figure
 * the page now gives differently is recorded on the snippet (`pageChange`) until the reader takes
 * the new one or keeps the saved one; an orphan is re-attached to text the reader selected. Each
 * is one transaction; the note, tags and any field this module does not name are kept.
 */
import { itemFields } from "../extract/types.ts";
import type { PageChange, SnippetRecord, TextAnchor } from "../snippets/types.ts";
import { wellFormedDeep } from "../text/well-formed.ts";
import type { CollectionDb } from "./db.ts";
import { rewriteSnippet } from "./rewrite-snippet.ts";
import { getSnippets, putSnippets } from "./snippet-records.ts";
import { touch } from "./view-cache.ts";

/** How many declined texts a snippet remembers (the newest). */
const MAX_KEPT_OVER = 20;

function copyAnchor(anchor: TextAnchor): TextAnchor {
  return {
    quote: anchor.quote,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    start: anchor.start,
    end: anchor.end,
  };
}

/** The article's snapshot becomes the text the new anchors index (as a save does). */
async function refreshSnapshot(
  db: CollectionDb,
  articleId: string,
  snapshot: string | undefined,
  now: number,
): Promise<void> {
  if (snapshot === undefined) return;
  await db.articles.update(articleId, { snapshot, updatedAt: now });
}

/**
 * Records what the page now says at these snippets' places. A change the snippet already holds
 * (same text) keeps its first `seenAt`; a text the reader kept the saved figure over is not
 * recorded. Returns the ids whose record changed.
 */
export async function recordPageChanges(
  db: CollectionDb,
  changes: ReadonlyArray<{ id: string; change: Omit<PageChange, "seenAt"> }>,
  now: number = Date.now(),
): Promise<string[]> {
  if (changes.length === 0) return [];
  return db.transaction("rw", db.snippetGroups, db.views, async () => {
    const found = await getSnippets(
      db,
      changes.map((c) => c.id),
    );
    const updated: SnippetRecord[] = [];
    changes.forEach(({ change }, i) => {
      const snippet = found[i];
      if (!snippet) return;
      if (snippet.keptOver?.includes(change.text)) return;
      if (snippet.pageChange && snippet.pageChange.text === change.text) return;
      const pageChange: PageChange = {
        anchor: copyAnchor(change.anchor),
        text: change.text,
        sentence: change.sentence,
        fields: change.fields ? itemFields(change.fields) : null,
        seenAt: now,
      };
      updated.push({ ...snippet, pageChange: wellFormedDeep(pageChange) });
    });
    if (updated.length > 0) {
      await putSnippets(db, updated);
      await touch(db);
    }
    return updated.map((s) => s.id);
  });
}

/**
 * *Nhận số mới*: the snippet takes the page's new text, place and fields (when the engine found
 * an item there) and the flag goes; its note, tags and everything else stay. `snapshot` is the
 * article text the new anchor indexes. Returns the updated record, or null when there was no
 * pending change (or no snippet).
 */
export async function acceptPageChange(
  db: CollectionDb,
  id: string,
  snapshot?: string,
  now: number = Date.now(),
): Promise<SnippetRecord | null> {
  return rewriteSnippet(db, id, async (snippet) => {
    const change = snippet.pageChange;
    if (!change) return null;
    await refreshSnapshot(db, snippet.articleId, snapshot, now);
    return {
      ...snippet,
      ...(change.fields ? itemFields(change.fields) : {}),
      text: change.text,
      sentence: change.sentence,
      anchor: copyAnchor(change.anchor),
      pageChange: null,
      updatedAt: now,
    };
  });
}

/**
 * *Giữ số đã lưu*: the saved text and fields stay, the flag goes, and the new text is remembered
 * so that it is not flagged again. Returns the updated record, or null without a pending change.
 */
export async function keepSavedFigure(
  db: CollectionDb,
  id: string,
  now: number = Date.now(),
): Promise<SnippetRecord | null> {
  return rewriteSnippet(db, id, (snippet) => {
    const change = snippet.pageChange;
    if (!change) return null;
    const kept = (snippet.keptOver ?? []).filter((text) => text !== change.text);
    return {
      ...snippet,
      keptOver: [...kept, change.text].slice(-MAX_KEPT_OVER),
      pageChange: null,
      updatedAt: now,
    };
  });
}

/**
 * *Gắn lại vào đây*: an orphaned snippet takes a new place (the text the reader selected) and
 * keeps its fields, note, tags and review status; any pending page change goes. `snapshot` is
 * the article text the anchor indexes. Returns the updated record, or null when the snippet is
 * gone. Throws a `TypeError` when the anchor's quote is empty.
 */
export async function reattachSnippet(
  db: CollectionDb,
  id: string,
  anchor: TextAnchor,
  snapshot?: string,
  now: number = Date.now(),
): Promise<SnippetRecord | null> {
  if (typeof anchor?.quote !== "string" || anchor.quote.trim() === "") {
    throw new TypeError("reattachSnippet: the new place must have some text");
  }
  return rewriteSnippet(db, id, async (snippet) => {
    const placed = wellFormedDeep(copyAnchor(anchor));
    await refreshSnapshot(db, snippet.articleId, snapshot, now);
    return { ...snippet, text: placed.quote, anchor: placed, pageChange: null, updatedAt: now };
  });
}
