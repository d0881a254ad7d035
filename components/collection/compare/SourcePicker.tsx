/** The comparison's sources: by locality or by article, reviewed figures only, 2–4 chosen. */
import {
  type ComparableSource,
  type CompareSource,
  sameSource,
} from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";

export const MAX_SOURCES = 4;

export function sourceKey(source: CompareSource): string {
  return source.type === "article" ? `a:${source.id}` : `l:${source.name}`;
}

export function SourcePicker(props: {
  available: ComparableSource[];
  by: "article" | "locality";
  onBy(by: "article" | "locality"): void;
  chosen: CompareSource[];
  onChosen(chosen: CompareSource[]): void;
  reviewedOnly: boolean;
  onReviewedOnly(value: boolean): void;
}) {
  const { chosen } = props;
  const isChosen = (source: CompareSource) => chosen.some((c) => sameSource(c, source));
  const toggle = (source: CompareSource) =>
    props.onChosen(
      isChosen(source)
        ? chosen.filter((c) => !sameSource(c, source))
        : chosen.length < MAX_SOURCES
          ? [...chosen, source]
          : chosen,
    );
  const options = props.available.filter((option) => option.source.type === props.by);
  return (
    <div class="compare-picker">
      <p class="muted">{t("compareHelp")}</p>
      <fieldset class="compare-by">
        <legend class="sr-only">{t("tabCompare")}</legend>
        {(["locality", "article"] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="compare-by"
              checked={props.by === mode}
              onChange={() => props.onBy(mode)}
            />{" "}
            {mode === "article" ? t("compareByArticle") : t("compareByLocality")}
          </label>
        ))}
      </fieldset>
      <label class="reviewed-only">
        <input
          type="checkbox"
          checked={props.reviewedOnly}
          onChange={(e) => props.onReviewedOnly(e.currentTarget.checked)}
          data-reviewed-only=""
        />{" "}
        {t("compareReviewedOnly")}
      </label>
      <ul class="sources">
        {options.map(({ source, label, count }) => (
          <li key={sourceKey(source)}>
            <label>
              <input
                type="checkbox"
                checked={isChosen(source)}
                disabled={!isChosen(source) && chosen.length >= MAX_SOURCES}
                onChange={() => toggle(source)}
                data-source={sourceKey(source)}
              />{" "}
              {label} ({count})
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
