/**
 * One target's progress: what it is and where it comes from, the chart, and the table of its
 * results (date, review, value, the path's value, % thực hiện, on track / behind, the article)
 * with "Bỏ ghép" on each; the results the reader unmatched are listed below with "Ghép lại".
 */
import { useMemo, useRef } from "preact/hooks";
import type { ProgressPoint, ProgressSeries } from "../../../lib/collection/progress.ts";
import { t } from "../../../lib/i18n/index.ts";
import { ColumnHeads } from "../ColumnHeads.tsx";
import { chartDate, chartValue, formatNumber } from "../charts/chart-format.ts";
import { ProgressChart, statusWord } from "../charts/ProgressChart.tsx";
import {
  fileSlug,
  pathNote,
  progressChartData,
  reviewLabel,
  seriesTitle,
} from "./progress-labels.ts";

function ArticleLink(props: { point: ProgressPoint }) {
  const article = props.point.entry.article;
  if (!article) return null;
  return (
    <a
      href={article.url}
      target="_blank"
      rel="noopener noreferrer"
      title={props.point.entry.snippet.text}
    >
      {article.title || article.url}
    </a>
  );
}

export function SeriesBlock(props: {
  series: ProgressSeries;
  onUnmatch(resultId: string, targetId: string): Promise<unknown>;
  onRematch(resultId: string, targetId: string): Promise<unknown>;
}) {
  const { series } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const title = seriesTitle(series);
  // The chart redraws when its data changes, not on every render.
  const chart = useMemo(() => progressChartData(series), [series]);
  const target = series.target;
  const value = (n: number | null) => (n === null ? "—" : chartValue(n, series.unit));
  // The path's value between two dates: two decimals are enough to read it by.
  const onPath = (n: number | null) => value(n === null ? null : Math.round(n * 100) / 100);
  const act = async (action: () => Promise<unknown>) => {
    await action();
    // The row goes away with the button: the reader lands on the series' heading.
    heading.current?.focus();
  };
  return (
    <section
      class="progress-series"
      data-series={series.id}
      aria-labelledby={`series-${series.id}`}
    >
      <h3 id={`series-${series.id}`} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p class="progress-target" title={target.snippet.sentence}>
        {t(
          "progressTargetLine",
          chartValue(series.targetValue, series.unit),
          chartDate(series.dueDate),
          target.article?.title ?? "",
        )}
      </p>
      <p class="muted" data-path-note="">
        {pathNote(series)}
      </p>
      <ProgressChart data={chart} fileName={`tien-do-${fileSlug(title)}`} />
      {series.points.length === 0 ? (
        <p class="muted">{t("progressNoResults")}</p>
      ) : (
        <div class="table-wrap">
          <table class="progress-table">
            <ColumnHeads
              keys={[
                "progressDate",
                "progressReview",
                "kindResult",
                "progressExpected",
                "progressPercent",
                "progressStatus",
                "progressSource",
              ]}
            >
              <th scope="col">
                <span class="sr-only">{t("progressUnmatch")}</span>
              </th>
            </ColumnHeads>
            <tbody>
              {series.points.map((point) => (
                <tr
                  key={point.entry.snippet.id}
                  data-result={point.entry.snippet.id}
                  data-status={point.status ?? "start"}
                >
                  <td>{chartDate(point.date)}</td>
                  <td>{reviewLabel(point.review)}</td>
                  <td class="number">{value(point.value)}</td>
                  <td class="number">{onPath(point.expected)}</td>
                  <td class="number">
                    {point.percentDone === null
                      ? "—"
                      : `${formatNumber(Math.round(point.percentDone * 10) / 10)}%`}
                  </td>
                  <td>
                    <span class={`status status-${point.status ?? "start"}`}>
                      {statusWord(point.status)}
                    </span>
                  </td>
                  <td>
                    <ArticleLink point={point} />
                  </td>
                  <td>
                    <button
                      type="button"
                      data-unmatch={point.entry.snippet.id}
                      aria-label={t(
                        "progressUnmatchLabel",
                        value(point.value),
                        chartDate(point.date),
                      )}
                      onClick={() =>
                        void act(() => props.onUnmatch(point.entry.snippet.id, series.id))
                      }
                    >
                      {t("progressUnmatch")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {series.unmatched.length > 0 && (
        <div class="progress-unmatched">
          <h4>{t("progressUnmatchedHeading")}</h4>
          <ul>
            {series.unmatched.map((point) => (
              <li key={point.entry.snippet.id} data-unmatched={point.entry.snippet.id}>
                {chartDate(point.date)} — {value(point.value)} — <ArticleLink point={point} />{" "}
                <button
                  type="button"
                  data-rematch={point.entry.snippet.id}
                  aria-label={t("progressRematchLabel", value(point.value), chartDate(point.date))}
                  onClick={() => void act(() => props.onRematch(point.entry.snippet.id, series.id))}
                >
                  {t("progressRematch")}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
