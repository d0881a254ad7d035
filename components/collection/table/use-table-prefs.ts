/**
 * The reader's table settings (hidden columns, grouping), read from extension storage when the
 * table opens and written back on each change (lib/settings.ts), so they hold across reloads.
 * Until the stored ones are read, the defaults apply.
 */
import { useEffect, useState } from "preact/hooks";
import { parseTablePrefs, type TablePrefs } from "../../../lib/collection/index.ts";
import { loadTableSettings, saveTableSettings } from "../../../lib/settings.ts";
import { COLUMN_IDS, HIDDEN_BY_DEFAULT } from "./columns.ts";

const DEFAULTS: TablePrefs = { hidden: [...HIDDEN_BY_DEFAULT], groupBy: "none" };

export function useTablePrefs(): [TablePrefs, (change: Partial<TablePrefs>) => void] {
  const [prefs, setPrefs] = useState<TablePrefs>(DEFAULTS);
  useEffect(() => {
    let cancelled = false;
    loadTableSettings().then(
      (stored) => {
        if (!cancelled && stored !== null) setPrefs(parseTablePrefs(stored, COLUMN_IDS, DEFAULTS));
      },
      () => {
        // Unreadable settings: the defaults stay.
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const update = (change: Partial<TablePrefs>) => {
    setPrefs((previous) => {
      const next = { ...previous, ...change };
      saveTableSettings(next).catch(() => {
        // Not remembered (storage full or gone): the table still shows the change.
      });
      return next;
    });
  };
  return [prefs, update];
}
