/**
 * A row of buttons that each do something that may fail (a download, printing): the failure of
 * the last one pressed shows after them as an alert, and goes when a press succeeds.
 */
import { useState } from "preact/hooks";

export interface RowAction {
  label: string;
  run: () => void | Promise<void>;
  /** The button's data attribute(s) (`{ "data-chart-download": "svg" }`), by which it is found. */
  data: Record<`data-${string}`, string>;
}

export function ActionRow(props: { class: string; actions: readonly RowAction[] }) {
  const [error, setError] = useState<string | null>(null);
  const press = async (action: RowAction) => {
    try {
      await action.run();
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <div class={props.class}>
      {props.actions.map((action) => (
        <button
          key={action.label}
          type="button"
          onClick={() => void press(action)}
          {...action.data}
        >
          {action.label}
        </button>
      ))}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
