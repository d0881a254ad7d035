/**
 * One target or result in a comparison cell: its value (a link to the article), horizon or date,
 * the *đã sửa* mark, and its quote and sentence, shown while the value has the keyboard focus
 * (and read as its description).
 */
import { useId } from "preact/hooks";
import type { ListedEntry } from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";
import { horizonLabel, valueLabel } from "../../../lib/i18n/item-format.ts";
import { hasCorrections } from "../../../lib/snippets/review.ts";
import { displayDate } from "./format.ts";

export function FigureValue(props: { entry: ListedEntry; kind: "target" | "result" }) {
  const { snippet, article } = props.entry;
  const quoteId = useId();
  const when =
    props.kind === "target"
      ? horizonLabel(snippet.horizon)
      : article?.publishedAt
        ? t("compareAsOf", displayDate(article.publishedAt))
        : horizonLabel(snippet.horizon);
  const label = valueLabel(snippet) || snippet.text;
  return (
    <span class={`figure kind-${props.kind}`}>
      <span class={`value kind-${props.kind}`} title={snippet.text}>
        <span class="sr-only">
          {props.kind === "target" ? t("compareTarget") : t("compareResult")}:{" "}
        </span>
        {article ? (
          <a
            href={article.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-describedby={quoteId}
          >
            {label}
          </a>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the quote
          <span tabIndex={0} aria-describedby={quoteId}>
            {label}
          </span>
        )}
        {when && <span class="muted"> ({when})</span>}
        {hasCorrections(snippet) && (
          <span class="tag review review-corrected" data-corrected="true">
            {t("reviewCorrected")}
          </span>
        )}
      </span>
      <span class="quote" id={quoteId}>
        <span class="quote-line">
          {t("compareQuote")}: «{snippet.text}»
        </span>
        {snippet.sentence && snippet.sentence !== snippet.text && (
          <span class="quote-line">
            {t("compareSentence")}: {snippet.sentence}
          </span>
        )}
      </span>
    </span>
  );
}
