/**
 * The progress timeline of one target: the results as points (shape and words say on track or
 * behind), the straight path as a dashed line, the target marked; its table lists the same
 * numbers.
 */
import { t } from "../../../lib/i18n/index.ts";
import { ColumnHeads } from "../ColumnHeads.tsx";
import { ChartFrame } from "./ChartFrame.tsx";
import { chartDate, chartValue } from "./chart-format.ts";
import { type ProgressChartData, progressChartSvg } from "./progress-plot.ts";

export type { ProgressChartData, ProgressChartPoint } from "./progress-plot.ts";

export function statusWord(status: "on_track" | "behind" | null): string {
  return status === "on_track"
    ? t("progressOnTrack")
    : status === "behind"
      ? t("progressBehind")
      : t("progressStart");
}

export function ProgressChart(props: { data: ProgressChartData; fileName: string }) {
  const { data } = props;
  return (
    <ChartFrame
      kind="progress"
      title={data.title}
      fileName={props.fileName}
      version={data}
      draw={(frame) =>
        progressChartSvg(data, {
          ...frame,
          labels: {
            target: t("kindTarget"),
            onTrack: t("progressOnTrack"),
            behind: t("progressBehind"),
            start: t("progressStart"),
            date: t("progressYear"),
            description: t("chartProgressDescription", data.title),
          },
        })
      }
    >
      <table data-chart-table="progress">
        <ColumnHeads keys={["progressDate", "progressReview", "fieldValue", "progressStatus"]} />
        <tbody>
          {data.path && (
            <tr data-row="path-start">
              <td>{chartDate(data.path.from.date)}</td>
              <td>{t("progressPath")}</td>
              <td class="number">{chartValue(data.path.from.value, data.unit)}</td>
              <td />
            </tr>
          )}
          {data.points.map((point) => (
            <tr key={`${point.date}:${point.label}:${point.value}`} data-row="point">
              <td>{chartDate(point.date)}</td>
              <td>{point.label}</td>
              <td class="number">{chartValue(point.value, data.unit)}</td>
              <td>{statusWord(point.status)}</td>
            </tr>
          ))}
          <tr data-row="target">
            <td>{chartDate(data.target.date)}</td>
            <td>{t("kindTarget")}</td>
            <td class="number">{chartValue(data.target.value, data.unit)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </ChartFrame>
  );
}
