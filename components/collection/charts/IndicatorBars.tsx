/**
 * Grouped bars of one indicator across localities: per locality the target and the latest result,
 * the target marked. A plain data contract (`IndicatorBarsData`) so a comparison row can feed it
 * too; the caller keeps per-year and whole-term figures, and units that do not compare, apart.
 */
import { t } from "../../../lib/i18n/index.ts";
import { ColumnHeads } from "../ColumnHeads.tsx";
import { type IndicatorBarsData, indicatorBarsSvg } from "./bars-plot.ts";
import { ChartFrame } from "./ChartFrame.tsx";
import { chartValue } from "./chart-format.ts";

export type { IndicatorBarsData } from "./bars-plot.ts";

export function IndicatorBars(props: { data: IndicatorBarsData; fileName: string }) {
  const { data } = props;
  const cell = (value: number | null) => (value === null ? "—" : chartValue(value, data.unit));
  return (
    <ChartFrame
      kind="bars"
      title={data.unit ? `${data.title} (${data.unit})` : data.title}
      fileName={props.fileName}
      version={data}
      draw={(frame) =>
        indicatorBarsSvg(data, {
          ...frame,
          labels: {
            target: t("kindTarget"),
            result: t("chartLatestResult"),
            description: t("chartBarsDescription", data.title),
          },
        })
      }
    >
      <table data-chart-table="bars">
        <ColumnHeads keys={["progressPlace", "kindTarget", "chartLatestResult"]} />
        <tbody>
          {data.groups.map((group) => (
            <tr key={group.label}>
              <th scope="row">{group.label}</th>
              <td class="number">{cell(group.target)}</td>
              <td class="number">{cell(group.result)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
}
