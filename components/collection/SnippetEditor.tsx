/**
 * Edit a saved snippet: the reader's note and tags, and corrections of every field the engine
 * read (kind, indicator, category, value, unit, comparator, direction, horizon, deadline,
 * locality, level). Each field shows the engine's value beside the reader's, with a button that
 * puts the engine's back. Validates before saving; only the fields the reader changed are sent.
 */
import { useState } from "preact/hooks";
import { t } from "../../lib/i18n/index.ts";
import { correctedFields, effectiveEntry, engineValue } from "../../lib/snippets/review.ts";
import type {
  CorrectableField,
  Corrections,
  ListedArticle,
  ListedSnippet,
} from "../../lib/snippets/types.ts";
import { correctableValueText } from "../review-format.ts";
import { CorrectionFields, type Draft, draftOf, parseDraft } from "./correction-fields.tsx";

export interface SnippetChanges {
  note: string;
  tags: string[];
  /** The reader's values of the fields they changed or reverted (an engine value reverts). */
  corrections: Corrections;
}

export function SnippetEditor(props: {
  snippet: ListedSnippet;
  article?: ListedArticle | undefined;
  onSave(changes: SnippetChanges): void;
  onCancel(): void;
}) {
  const s = props.snippet;
  const shown = effectiveEntry({ snippet: s, article: props.article });
  const [note, setNote] = useState(s.note);
  const [tags, setTags] = useState(s.tags.join(", "));
  const [initial] = useState<Draft>(() => draftOf(shown.snippet, shown.article));
  const [draft, setDraft] = useState<Draft>(initial);
  const [reverted, setReverted] = useState<Set<CorrectableField>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const id = (name: string) => `edit-${s.id}-${name}`;
  const corrected = new Set(correctedFields(s));
  const engine = (field: CorrectableField) =>
    correctableValueText(field, engineValue(s, props.article, field));

  const revert = (field: CorrectableField) => {
    const engineDraft = draftOf(s, props.article);
    setDraft({ ...draft, ...pick(engineDraft, field) });
    setReverted(new Set([...reverted, field]));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseDraft(draft, initial, shown.snippet);
    if (!parsed.ok) return setError(parsed.error);
    const corrections: Corrections = { ...parsed.changes };
    for (const field of reverted) {
      if (!Object.hasOwn(corrections, field))
        (corrections as Record<string, unknown>)[field] = engineValue(s, props.article, field);
    }
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
      corrections,
    });
  };

  return (
    <form class="editor" onSubmit={submit} aria-label={t("editTitle")}>
      <label for={id("note")}>{t("fieldNote")}</label>
      <textarea id={id("note")} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <label for={id("tags")}>{t("fieldTags")}</label>
      <input id={id("tags")} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      <CorrectionFields
        idOf={id}
        draft={draft}
        onDraft={(patch) => setDraft({ ...draft, ...patch })}
        corrected={(field) => corrected.has(field) && !reverted.has(field)}
        engineText={engine}
        onRevert={revert}
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

/** The draft's inputs that hold `field`. */
function pick(draft: Draft, field: CorrectableField): Partial<Draft> {
  switch (field) {
    case "value":
      return { min: draft.min, max: draft.max };
    case "horizon":
      return {
        horizonType: draft.horizonType,
        horizonYear: draft.horizonYear,
        horizonFrom: draft.horizonFrom,
        horizonTo: draft.horizonTo,
      };
    default:
      return { [field]: draft[field] } as Partial<Draft>;
  }
}
