/** A table's header row: one column header per message key, in order, then any further cells. */
import type { ComponentChildren } from "preact";
import { type MessageKey, t } from "../../lib/i18n/index.ts";

export function ColumnHeads(props: { keys: readonly MessageKey[]; children?: ComponentChildren }) {
  return (
    <thead>
      <tr>
        {props.keys.map((key) => (
          <th key={key} scope="col">
            {t(key)}
          </th>
        ))}
        {props.children}
      </tr>
    </thead>
  );
}
