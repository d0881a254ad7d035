/** The progress view's indicator choice: a labelled select of taxonomy categories. */
import { t } from "../../../lib/i18n/index.ts";
import { categoryLabel } from "../../../lib/i18n/item-format.ts";

export function IndicatorPicker(props: {
  categories: readonly string[];
  value: string;
  onChange: (category: string) => void;
  /** The select's data attribute, for tests and the page's own lookups. */
  data: "data-progress-indicator" | "data-bars-indicator";
}) {
  return (
    <label class="progress-pick">
      {t("progressIndicator")}{" "}
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        {...{ [props.data]: "" }}
      >
        {props.categories.map((id) => (
          <option key={id} value={id}>
            {categoryLabel(id)}
          </option>
        ))}
      </select>
    </label>
  );
}
