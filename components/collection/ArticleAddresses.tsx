/**
 * Where a saved article is published: the address it was first saved from, and each portal that
 * republished it (a copy merged into it by its content fingerprint), with how alike the texts are
 * and a button that splits a wrong merge off into an article of its own. Addresses and titles are
 * page text: rendered as text.
 */
import { useEffect, useState } from "preact/hooks";
import { t } from "../../lib/i18n/index.ts";
import { formatNumber, withUnit } from "../../lib/i18n/item-format.ts";
import type { ListedArticle } from "../../lib/snippets/types.ts";
import type { ArticleCopyRecord } from "../../lib/storage/index.ts";

export function ArticleAddresses(props: {
  article: ListedArticle;
  /** Changes whenever the collection does, so the copies are read again. */
  version: unknown;
  loadCopies(): Promise<ArticleCopyRecord[]>;
  onSplit(url: string): Promise<unknown>;
}) {
  const { article } = props;
  const [copies, setCopies] = useState<ArticleCopyRecord[]>([]);
  const [status, setStatus] = useState("");
  useEffect(() => {
    let current = true;
    props.loadCopies().then(
      (list) => current && setCopies(list),
      () => current && setCopies([]),
    );
    return () => {
      current = false;
    };
  }, [article.id, props.version]);
  // After a split the section stays to say so, with the addresses left.
  if (copies.length === 0 && !status) return null;
  return (
    <section class="addresses" aria-labelledby="addresses-title">
      <h3 id="addresses-title">{t("articleAddressesHeading")}</h3>
      <ul>
        <li>
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {article.site}
          </a>{" "}
          <span class="muted">— {t("articleAddressFirst")}</span>
        </li>
        {copies.map((copy) => (
          <li key={copy.url} data-copy={copy.url}>
            <a href={copy.url} target="_blank" rel="noopener noreferrer" title={copy.title}>
              {copy.site}
            </a>{" "}
            <span class="muted">
              —{" "}
              {t(
                "articleAddressCopy",
                withUnit(formatNumber(Math.round(copy.similarity * 100)), "%"),
              )}
            </span>{" "}
            <button
              type="button"
              aria-label={t("articleSplitCopyLabel", copy.site)}
              onClick={() =>
                props.onSplit(copy.url).then(
                  () => setStatus(t("articleSplitDone", copy.site)),
                  () => undefined,
                )
              }
            >
              {t("articleSplitCopy")}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" class="muted">
        {status}
      </p>
    </section>
  );
}
