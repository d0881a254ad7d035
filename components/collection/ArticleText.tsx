/**
 * A saved article's offline text (its Readability snapshot) with its
 * snippets marked. The text is rendered as text nodes: page text is never
 * parsed as HTML. The page lists articles without their text: the article's
 * facts show at once, its text and snippets as stored once read (again at each
 * change of the collection).
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { anchorInText } from "../../lib/anchoring/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { kindLabel } from "../../lib/i18n/item-format.ts";
import type { ListedArticle, SnippetRecord } from "../../lib/snippets/types.ts";
import { errorMessage, type StoredArticle } from "../../lib/storage/index.ts";

interface Segment {
  text: string;
  snippet: SnippetRecord | null;
}

function segments(text: string, snippets: SnippetRecord[]): Segment[] {
  const spans = snippets
    .map((snippet) => ({ snippet, match: anchorInText(text, snippet.anchor) }))
    .filter(
      (s): s is { snippet: SnippetRecord; match: NonNullable<typeof s.match> } => s.match !== null,
    )
    .sort((a, b) => a.match.start - b.match.start);
  const out: Segment[] = [];
  let at = 0;
  for (const { snippet, match } of spans) {
    if (match.start < at) continue; // overlapping snippet: the first one wins
    if (match.start > at) out.push({ text: text.slice(at, match.start), snippet: null });
    out.push({ text: text.slice(match.start, match.end), snippet });
    at = match.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), snippet: null });
  return out;
}

export function ArticleText(props: {
  article: ListedArticle;
  /** Changes whenever the collection does, so the stored text and snippets are read again. */
  version: unknown;
  loadStored(): Promise<StoredArticle>;
  onBack(): void;
  /** Shown under the article's facts (where else it is published). */
  children?: ComponentChildren;
}) {
  const { article } = props;
  /** What was read last (kept shown while the next read runs), or why it could not be. */
  const [stored, setStored] = useState<StoredArticle | { error: string } | null>(null);
  useEffect(() => {
    let current = true;
    props.loadStored().then(
      (read) => current && setStored(read),
      (error: unknown) => current && setStored({ error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [article.id, props.version]);
  const parts = useMemo(
    () =>
      stored && "snippets" in stored
        ? segments(stored.article?.snapshot ?? "", stored.snippets)
        : null,
    [stored],
  );
  return (
    <article class="offline" aria-labelledby="offline-title">
      <button type="button" onClick={props.onBack}>
        ← {t("articleBack")}
      </button>
      <h2 id="offline-title">{article.title}</h2>
      <p class="muted">
        {t("articleOffline")} ·{" "}
        {[article.locality, article.level, article.term, article.publishedAt]
          .filter(Boolean)
          .join(" · ")}{" "}
        ·{" "}
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          {t("articleOpen")}
        </a>
      </p>
      {props.children}
      {stored && "error" in stored ? (
        <p class="error" role="alert">
          {t("storageError", stored.error)}
        </p>
      ) : !parts ? (
        <p>{t("loading")}</p>
      ) : (
        <div class="offline-text">
          {parts.map((part, i) =>
            part.snippet ? (
              <mark
                key={i}
                class={`kind-${part.snippet.kind}`}
                title={kindLabel(part.snippet.kind)}
                data-snippet={part.snippet.id}
              >
                {part.text}
              </mark>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </div>
      )}
    </article>
  );
}
