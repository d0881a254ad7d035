/**
 * Above the table: how its rows are grouped, which columns it shows (remembered), and the keys
 * it answers to.
 */
import { GROUP_BY, type GroupBy } from "../../../lib/collection/index.ts";
import { type MessageKey, t } from "../../../lib/i18n/index.ts";
import { COLUMNS } from "./columns.ts";

const GROUP_LABEL: Record<GroupBy, MessageKey> = {
  none: "groupNone",
  article: "groupArticle",
  locality: "groupLocality",
  category: "groupCategory",
};

export function TableToolbar(props: {
  groupBy: GroupBy;
  onGroupBy(groupBy: GroupBy): void;
  hidden: readonly string[];
  onHidden(hidden: string[]): void;
}) {
  return (
    <div class="table-toolbar">
      <span class="facet">
        <label for="table-group">{t("groupByLabel")}</label>
        <select
          id="table-group"
          value={props.groupBy}
          onChange={(e) => props.onGroupBy(e.currentTarget.value as GroupBy)}
        >
          {GROUP_BY.map((key) => (
            <option key={key} value={key}>
              {t(GROUP_LABEL[key])}
            </option>
          ))}
        </select>
      </span>
      <details class="column-chooser">
        <summary>{t("columnsChooser")}</summary>
        <fieldset>
          <legend class="sr-only">{t("columnsChooser")}</legend>
          {COLUMNS.map((column) => (
            <label key={column.id}>
              <input
                type="checkbox"
                checked={!props.hidden.includes(column.id)}
                data-column-toggle={column.id}
                onChange={(e) =>
                  props.onHidden(
                    e.currentTarget.checked
                      ? props.hidden.filter((id) => id !== column.id)
                      : [...props.hidden, column.id],
                  )
                }
              />{" "}
              {t(column.header)}
            </label>
          ))}
        </fieldset>
      </details>
      <p class="muted table-help" id="table-help">
        {t("tableHelp")}
      </p>
    </div>
  );
}
