/**
 * "So sánh": 2–4 articles or localities side by side, one row per indicator
 * category; targets and results kept apart (a target beside the result that
 * reports on it); rows whose values differ are marked; a small bar chart
 * where units agree. Quotes on hover (title) and links back to the article. The reader's
 * corrected values are compared (marked *đã sửa*); rejected snippets never are; a box limits
 * the comparison to reviewed figures.
 */
import { useMemo, useState } from "preact/hooks";
import {
  type CollectionEntry,
  type CompareSource,
  comparableSources,
  compareSources,
} from "../../lib/collection/index.ts";
import { t } from "../../lib/i18n/index.ts";
import { hasCorrections } from "../../lib/snippets/review.ts";
import { horizonLabel, valueLabel } from "../item-format.ts";

const MAX_SOURCES = 4;

function sourceKey(source: CompareSource): string {
  return source.type === "article" ? `a:${source.id}` : `l:${source.name}`;
}

function EntryValue(props: { entry: CollectionEntry; kind: "target" | "result" }) {
  const { snippet, article } = props.entry;
  const horizon = horizonLabel(snippet.horizon);
  return (
    <span class={`value kind-${props.kind}`} title={snippet.text}>
      <span class="sr-only">
        {props.kind === "target" ? t("compareTarget") : t("compareResult")}:{" "}
      </span>
      {article ? (
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          {valueLabel(snippet) || snippet.text}
        </a>
      ) : (
        valueLabel(snippet) || snippet.text
      )}
      {horizon && <span class="muted"> ({horizon})</span>}
      {hasCorrections(snippet) && (
        <span class="tag review review-corrected" data-corrected="true">
          {t("reviewCorrected")}
        </span>
      )}
    </span>
  );
}

export function Compare(props: { entries: CollectionEntry[] }) {
  const [by, setBy] = useState<"article" | "locality">("locality");
  const [chosen, setChosen] = useState<CompareSource[]>([]);
  const [reviewedOnly, setReviewedOnly] = useState(false);
  const available = useMemo(
    () => comparableSources(props.entries, { reviewedOnly }),
    [props.entries, reviewedOnly],
  );
  const table = useMemo(
    () => (chosen.length >= 2 ? compareSources(props.entries, chosen, { reviewedOnly }) : null),
    [props.entries, chosen, reviewedOnly],
  );
  const options = available
    .filter((option) => option.source.type === by)
    .map((option) => ({ source: option.source, label: `${option.label} (${option.count})` }));
  const isChosen = (source: CompareSource) =>
    chosen.some((c) => sourceKey(c) === sourceKey(source));
  const toggle = (source: CompareSource) =>
    setChosen(
      isChosen(source)
        ? chosen.filter((c) => sourceKey(c) !== sourceKey(source))
        : chosen.length < MAX_SOURCES
          ? [...chosen, source]
          : chosen,
    );

  return (
    <div class="compare">
      <p class="muted">{t("compareHelp")}</p>
      <fieldset class="compare-by">
        <legend class="sr-only">{t("tabCompare")}</legend>
        {(["locality", "article"] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="compare-by"
              checked={by === mode}
              onChange={() => {
                setBy(mode);
                setChosen([]);
              }}
            />{" "}
            {mode === "article" ? t("compareByArticle") : t("compareByLocality")}
          </label>
        ))}
      </fieldset>
      <label class="reviewed-only">
        <input
          type="checkbox"
          checked={reviewedOnly}
          onChange={(e) => setReviewedOnly(e.currentTarget.checked)}
          data-reviewed-only=""
        />{" "}
        {t("compareReviewedOnly")}
      </label>
      <ul class="sources">
        {options.map(({ source, label }) => (
          <li key={sourceKey(source)}>
            <label>
              <input
                type="checkbox"
                checked={isChosen(source)}
                disabled={!isChosen(source) && chosen.length >= MAX_SOURCES}
                onChange={() => toggle(source)}
                data-source={sourceKey(source)}
              />{" "}
              {label}
            </label>
          </li>
        ))}
      </ul>
      {!table ? (
        <p class="muted">{t("compareNeedTwo")}</p>
      ) : table.rows.length === 0 ? (
        <p class="muted">{t("compareNoRows")}</p>
      ) : (
        <div class="table-wrap">
          <table class="compare-table">
            <thead>
              <tr>
                <th scope="col">{t("compareIndicator")}</th>
                {table.columns.map((column) => (
                  <th scope="col" key={sourceKey(column.source)}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => {
                // Bars only where at least two sources have a value to set side by side.
                const charted = row.chart?.values.filter((v) => v !== null) ?? [];
                const max = charted.length >= 2 ? Math.max(...charted.map((v) => v ?? 0), 0) : 0;
                return (
                  <tr
                    key={row.category}
                    class={row.differs ? "differs" : undefined}
                    data-category={row.category}
                  >
                    <th scope="row">
                      {row.label}
                      {row.differs && <span class="badge">{t("compareDiffers")}</span>}
                    </th>
                    {row.cells.map((cell, i) => (
                      <td
                        key={sourceKey(
                          table.columns[i]?.source ?? { type: "locality", name: String(i) },
                        )}
                      >
                        {cell.pairs.map((pair, j) => (
                          <div class="pair" key={j}>
                            {pair.target && <EntryValue entry={pair.target} kind="target" />}
                            {pair.result && <EntryValue entry={pair.result} kind="result" />}
                          </div>
                        ))}
                        {row.chart && row.chart.values[i] !== null && max > 0 && (
                          <div
                            class="bar"
                            style={{
                              width: `${Math.round(((row.chart.values[i] ?? 0) / max) * 100)}%`,
                            }}
                            aria-hidden="true"
                          />
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
