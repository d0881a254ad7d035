/** The collection page's choice of view: the table (its main view) or the list of cards. */
import { t } from "../../lib/i18n/index.ts";
import type { CollectionView } from "./App.tsx";

export function ViewSwitch(props: { view: CollectionView; onView(view: CollectionView): void }) {
  return (
    <fieldset class="view-switch">
      <legend class="sr-only">{t("viewLabel")}</legend>
      {(["table", "list"] as const).map((view) => (
        <button
          key={view}
          type="button"
          aria-pressed={props.view === view}
          data-view={view}
          onClick={() => props.onView(view)}
        >
          {t(view === "table" ? "viewTable" : "viewList")}
        </button>
      ))}
    </fieldset>
  );
}
