/**
 * "Tiến độ": pick a locality (at its level) and an indicator that has a target with results; see
 * each target's progress (chart, table, undo a match), then one indicator across localities.
 * Loaded lazily by the collection page (with the charting library); the popup does not show it.
 */
import { useMemo, useState } from "preact/hooks";
import type { ListedEntry } from "../../../lib/collection/entries.ts";
import { progressSeries } from "../../../lib/collection/progress.ts";
import { placeLabel } from "../../../lib/collection/progress-bars.ts";
import { t } from "../../../lib/i18n/index.ts";
import { IndicatorPicker } from "./IndicatorPicker.tsx";
import { LocalityBarsSection } from "./LocalityBarsSection.tsx";
import { SeriesBlock } from "./SeriesBlock.tsx";
import "./progress.css";

export function ProgressView(props: {
  entries: ListedEntry[];
  onUnmatch(resultId: string, targetId: string): Promise<unknown>;
  onRematch(resultId: string, targetId: string): Promise<unknown>;
}) {
  const series = useMemo(() => progressSeries(props.entries), [props.entries]);
  // Followed: targets some later article reports on (or did, before the reader unmatched it).
  const followed = useMemo(
    () => series.filter((one) => one.points.length > 0 || one.unmatched.length > 0),
    [series],
  );
  const places = useMemo(() => {
    const seen = new Map<string, string>();
    for (const one of followed)
      if (!seen.has(one.place.key)) seen.set(one.place.key, placeLabel(one.place));
    return [...seen.entries()];
  }, [followed]);
  const [placeChoice, setPlace] = useState<string | null>(null);
  const place =
    placeChoice && places.some(([key]) => key === placeChoice)
      ? placeChoice
      : (places[0]?.[0] ?? null);
  const categories = useMemo(
    () => [
      ...new Set(followed.filter((one) => one.place.key === place).map((one) => one.category)),
    ],
    [followed, place],
  );
  const [categoryChoice, setCategory] = useState<string | null>(null);
  const category =
    categoryChoice && categories.includes(categoryChoice)
      ? categoryChoice
      : (categories[0] ?? null);
  const shown = followed.filter((one) => one.place.key === place && one.category === category);

  return (
    <div class="progress">
      <p class="muted">{t("progressHelp")}</p>
      {places.length === 0 ? (
        <p class="muted" data-progress-empty="">
          {t("progressNone")}
        </p>
      ) : (
        <>
          <div class="progress-picks">
            <label class="progress-pick">
              {t("progressPlace")}{" "}
              <select
                value={place ?? ""}
                onChange={(event) => {
                  setPlace(event.currentTarget.value);
                  setCategory(null);
                }}
                data-progress-place=""
              >
                {places.map(([key, label]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <IndicatorPicker
              categories={categories}
              value={category ?? ""}
              onChange={setCategory}
              data="data-progress-indicator"
            />
          </div>
          {shown.map((one) => (
            <SeriesBlock
              key={one.id}
              series={one}
              onUnmatch={props.onUnmatch}
              onRematch={props.onRematch}
            />
          ))}
        </>
      )}
      <LocalityBarsSection series={series} />
    </div>
  );
}
