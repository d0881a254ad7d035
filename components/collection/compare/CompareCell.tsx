/**
 * A comparison cell: the target and the latest result against it, % thực hiện and status, the
 * indicator phrase as a sub-label; the cell's other figures after (not in the compact form).
 */
import type { ComparisonCell, ComparisonPair } from "../../../lib/collection/index.ts";
import { t } from "../../../lib/i18n/index.ts";
import { FigureValue } from "./FigureValue.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

function Pair(props: { pair: ComparisonPair; compact: boolean }) {
  const { target, result, attainment } = props.pair;
  const indicator = (target ?? result)?.snippet.indicator.trim();
  return (
    <div class="pair">
      {target && <FigureValue entry={target} kind="target" />}
      {result && <FigureValue entry={result} kind="result" />}
      {attainment && <StatusBadge attainment={attainment} />}
      {!props.compact && indicator && <span class="indicator">{indicator}</span>}
    </div>
  );
}

export function CompareCell(props: { cell: ComparisonCell; compact: boolean }) {
  const { cell, compact } = props;
  if (!cell.lead) return <td class="empty" />;
  const others = cell.pairs.filter((pair) => pair !== cell.lead);
  return (
    <td data-status={cell.lead.attainment?.status ?? "result"}>
      <Pair pair={cell.lead} compact={compact} />
      {!compact && others.length > 0 && (
        <details class="others">
          <summary>
            {t("compareOtherFigures")} ({others.length})
          </summary>
          {others.map((pair, i) => (
            <Pair key={i} pair={pair} compact={compact} />
          ))}
        </details>
      )}
    </td>
  );
}
