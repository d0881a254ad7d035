/**
 * Edit a saved snippet: the reader's note and tags, and corrections to the
 * parsed fields (category, value, unit, deadline). Validates before saving.
 */
import { useState } from "preact/hooks";
import { t } from "../../lib/i18n/index.ts";
import type { SnippetRecord } from "../../lib/snippets/types.ts";
import { CATEGORIES } from "../../lib/taxonomy/taxonomy.ts";
import { categoryLabel } from "../item-format.ts";

export type SnippetChanges = Pick<
  SnippetRecord,
  "note" | "tags" | "category" | "value" | "unit" | "deadline"
>;

function parseNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const value = Number(trimmed.replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

export function SnippetEditor(props: {
  snippet: SnippetRecord;
  onSave(changes: SnippetChanges): void;
  onCancel(): void;
}) {
  const s = props.snippet;
  const [note, setNote] = useState(s.note);
  const [tags, setTags] = useState(s.tags.join(", "));
  const [category, setCategory] = useState(s.category ?? "");
  const [min, setMin] = useState(s.value ? String(s.value.min) : "");
  const [max, setMax] = useState(s.value ? String(s.value.max) : "");
  const [unit, setUnit] = useState(s.unit ?? "");
  const [deadline, setDeadline] = useState(s.deadline?.date ?? "");
  const [error, setError] = useState<string | null>(null);
  const id = (name: string) => `edit-${s.id}-${name}`;

  const submit = (event: Event) => {
    event.preventDefault();
    const low = parseNumber(min);
    const high = parseNumber(max);
    if (low === undefined) return setError(t("invalidNumber", min));
    if (high === undefined) return setError(t("invalidNumber", max));
    if (deadline && !/^\d{4}-\d{2}-\d{2}$/.test(deadline))
      return setError(t("invalidDate", deadline));
    const value =
      low === null && high === null
        ? null
        : { ...s.value, min: low ?? high ?? 0, max: high ?? low ?? 0 };
    props.onSave({
      note: note.trim(),
      tags: [
        ...new Set(
          tags
            .split(",")
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ],
      category: category || null,
      value,
      unit: unit.trim() || null,
      deadline: deadline
        ? deadline === s.deadline?.date
          ? s.deadline
          : { date: deadline, precision: "day" }
        : null,
    });
  };

  return (
    <form class="editor" onSubmit={submit} aria-label={t("editTitle")}>
      <label for={id("note")}>{t("fieldNote")}</label>
      <textarea id={id("note")} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <label for={id("tags")}>{t("fieldTags")}</label>
      <input id={id("tags")} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      <label for={id("category")}>{t("fieldCategory")}</label>
      <select
        id={id("category")}
        value={category}
        onChange={(e) => setCategory(e.currentTarget.value)}
      >
        <option value="">{t("categoryUnknown")}</option>
        {CATEGORIES.map((c) => (
          <option key={c.id} value={c.id}>
            {categoryLabel(c.id)}
          </option>
        ))}
      </select>
      <div class="row">
        <span>
          <label for={id("min")}>{t("fieldValueMin")}</label>
          <input
            id={id("min")}
            inputMode="decimal"
            value={min}
            onInput={(e) => setMin(e.currentTarget.value)}
          />
        </span>
        <span>
          <label for={id("max")}>{t("fieldValueMax")}</label>
          <input
            id={id("max")}
            inputMode="decimal"
            value={max}
            onInput={(e) => setMax(e.currentTarget.value)}
          />
        </span>
        <span>
          <label for={id("unit")}>{t("fieldUnit")}</label>
          <input id={id("unit")} value={unit} onInput={(e) => setUnit(e.currentTarget.value)} />
        </span>
      </div>
      <label for={id("deadline")}>{t("fieldDeadlineDate")}</label>
      <input
        id={id("deadline")}
        type="date"
        value={deadline}
        onInput={(e) => setDeadline(e.currentTarget.value)}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t("actionSaveChanges")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("actionCancel")}
        </button>
      </div>
    </form>
  );
}
