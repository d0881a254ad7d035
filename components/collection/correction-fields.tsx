/**
 * The editor's inputs for every correctable field, as a draft of strings; the engine's value
 * beside each, and a button that puts it back when the reader corrected the field. `parseDraft`
 * turns the fields the reader changed into corrections (or says what is wrong).
 */
import type { ComponentChildren } from "preact";
import { comparatorWord, directionWord } from "../../lib/export/labels.ts";
import type { Comparator, Direction, Horizon } from "../../lib/extract/types.ts";
import { getLanguage, type MessageKey, t } from "../../lib/i18n/index.ts";
import { categoryLabel, kindLabel } from "../../lib/i18n/item-format.ts";
import type {
  CorrectableField,
  Corrections,
  ListedArticle,
  ListedSnippet,
  SnippetKind,
} from "../../lib/snippets/types.ts";
import { CATEGORIES } from "../../lib/taxonomy/taxonomy.ts";
import { correctableFieldLabel } from "../review-format.ts";

export interface Draft {
  kind: string;
  indicator: string;
  category: string;
  min: string;
  max: string;
  unit: string;
  comparator: string;
  direction: string;
  horizonType: string;
  horizonYear: string;
  horizonFrom: string;
  horizonTo: string;
  deadline: string;
  locality: string;
  level: string;
}

const KINDS: SnippetKind[] = ["target", "result", "deadline", "excerpt"];
const COMPARATORS: Comparator[] = ["=", ">=", ">", "<=", "<", "range"];
const DIRECTIONS: Direction[] = ["increase", "decrease"];
const HORIZON_TYPES: Array<
  [Horizon["type"], "horizonTypeYear" | "horizonTypePeriod" | "horizonAnnual" | "horizonTerm"]
> = [
  ["year", "horizonTypeYear"],
  ["period", "horizonTypePeriod"],
  ["annual", "horizonAnnual"],
  ["term", "horizonTerm"],
];

const text = (value: number | string | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

/** The draft of a snippet's values (with `article`'s locality and level). */
export function draftOf(snippet: ListedSnippet, article: ListedArticle | undefined): Draft {
  return {
    kind: snippet.kind,
    indicator: snippet.indicator,
    category: snippet.category ?? "",
    min: text(snippet.value?.min),
    max: text(snippet.value?.max),
    unit: snippet.unit ?? "",
    comparator: snippet.comparator ?? "",
    direction: snippet.direction ?? "",
    horizonType: snippet.horizon?.type ?? "",
    horizonYear: text(snippet.horizon?.year),
    horizonFrom: text(snippet.horizon?.from),
    horizonTo: text(snippet.horizon?.to),
    deadline: snippet.deadline?.date ?? "",
    locality: article?.locality ?? "",
    level: article?.level ?? "",
  };
}

function parseNumber(input: string): number | null | undefined {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const value = Number(trimmed.replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

function parseYear(input: string): number | undefined {
  const trimmed = input.trim();
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : undefined;
}

type Parsed = { ok: true; changes: Corrections } | { ok: false; error: string };

/** The corrections of the fields whose inputs differ from `initial` (`shown`: the values shown then). */
export function parseDraft(draft: Draft, initial: Draft, shown: ListedSnippet): Parsed {
  const changes: Record<string, unknown> = {};
  const changed = (...keys: Array<keyof Draft>) => keys.some((key) => draft[key] !== initial[key]);
  if (changed("kind")) changes.kind = draft.kind;
  if (changed("indicator")) changes.indicator = draft.indicator.trim();
  if (changed("category")) changes.category = draft.category || null;
  if (changed("min", "max")) {
    const low = parseNumber(draft.min);
    const high = parseNumber(draft.max);
    if (low === undefined) return { ok: false, error: t("invalidNumber", draft.min) };
    if (high === undefined) return { ok: false, error: t("invalidNumber", draft.max) };
    changes.value =
      low === null && high === null
        ? null
        : { ...shown.value, min: low ?? high ?? 0, max: high ?? low ?? 0 };
  }
  if (changed("unit")) changes.unit = draft.unit.trim() || null;
  if (changed("comparator")) changes.comparator = draft.comparator || null;
  if (changed("direction")) changes.direction = draft.direction || null;
  if (changed("horizonType", "horizonYear", "horizonFrom", "horizonTo")) {
    const type = draft.horizonType as Horizon["type"] | "";
    if (type === "") changes.horizon = null;
    else if (type === "year") {
      const year = parseYear(draft.horizonYear);
      if (year === undefined) return { ok: false, error: t("invalidYear", draft.horizonYear) };
      changes.horizon = { type, year };
    } else if (type === "period") {
      const from = parseYear(draft.horizonFrom);
      const to = parseYear(draft.horizonTo);
      if (from === undefined) return { ok: false, error: t("invalidYear", draft.horizonFrom) };
      if (to === undefined || to < from)
        return { ok: false, error: t("invalidYear", draft.horizonTo) };
      changes.horizon = { type, from, to };
    } else changes.horizon = { type };
  }
  if (changed("deadline")) {
    if (draft.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(draft.deadline))
      return { ok: false, error: t("invalidDate", draft.deadline) };
    changes.deadline = draft.deadline ? { date: draft.deadline, precision: "day" } : null;
  }
  if (changed("locality")) changes.locality = draft.locality.trim() || null;
  if (changed("level")) changes.level = draft.level.trim() || null;
  return { ok: true, changes: changes as Corrections };
}

interface FieldsProps {
  idOf(name: string): string;
  draft: Draft;
  onDraft(patch: Partial<Draft>): void;
  /** Whether the reader's value of `field` stands (a revert button is shown). */
  corrected(field: CorrectableField): boolean;
  engineText(field: CorrectableField): string;
  onRevert(field: CorrectableField): void;
}

/** One field: its label and inputs, the engine's value, and the revert button when corrected. */
function Field(
  props: FieldsProps & { field: CorrectableField; for?: string; children: ComponentChildren },
) {
  const { field } = props;
  const corrected = props.corrected(field);
  const name = (
    <>
      {correctableFieldLabel(field)}
      {corrected ? <span class="tag review-corrected">{t("reviewCorrected")}</span> : null}
    </>
  );
  return (
    <div class={`correction${corrected ? " is-corrected" : ""}`} data-field={field}>
      {props.for ? <label for={props.for}>{name}</label> : <span class="label">{name}</span>}
      <div class="correction-inputs">{props.children}</div>
      <span class="engine muted" data-engine={field}>
        {t("engineValue", props.engineText(field))}
      </span>
      {corrected && (
        <button
          type="button"
          class="revert"
          onClick={() => props.onRevert(field)}
          aria-label={`${t("actionRevert")}: ${correctableFieldLabel(field)}`}
        >
          {t("actionRevert")}
        </button>
      )}
    </div>
  );
}

/** A select's `[value, label]` choices: an empty one labelled `blank` when given, then `values`. */
function choices<T extends string>(
  values: readonly T[],
  label: (value: T) => string,
  blank?: string,
): Array<[string, string]> {
  const listed = values.map((value): [string, string] => [value, label(value)]);
  return blank === undefined ? listed : [["", blank], ...listed];
}

export function CorrectionFields(props: FieldsProps) {
  const { draft, idOf } = props;
  const input = (key: keyof Draft, extra: Record<string, string> = {}) => (
    <input
      id={idOf(key)}
      value={draft[key]}
      onInput={(e) => props.onDraft({ [key]: e.currentTarget.value })}
      {...extra}
    />
  );
  /** An input with its label before it, in a span of its own. */
  const labelled = (key: keyof Draft, label: MessageKey, extra: Record<string, string>) => (
    <span>
      <label for={idOf(key)}>{t(label)}</label>
      {input(key, extra)}
    </span>
  );
  const select = (key: keyof Draft, options: Array<[string, string]>) => (
    <select
      id={idOf(key)}
      value={draft[key]}
      onChange={(e) => props.onDraft({ [key]: e.currentTarget.value })}
    >
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
  /** A field edited with the one select of its name. */
  const selectField = (field: CorrectableField & keyof Draft, options: Array<[string, string]>) => (
    <Field {...props} field={field} for={idOf(field)}>
      {select(field, options)}
    </Field>
  );
  const language = getLanguage();
  const none = t("optionNone");
  const kinds = choices(KINDS, kindLabel);
  const categories = choices(
    CATEGORIES.map((c) => c.id),
    categoryLabel,
    t("categoryUnknown"),
  );
  const comparators = choices(COMPARATORS, (c) => comparatorWord(c, language), none);
  const directions = choices(DIRECTIONS, (d) => directionWord(d, language), none);
  return (
    <div class="corrections">
      {selectField("kind", kinds)}
      <Field {...props} field="indicator" for={idOf("indicator")}>
        {input("indicator")}
      </Field>
      {selectField("category", categories)}
      <Field {...props} field="value">
        {labelled("min", "fieldValueMin", { inputMode: "decimal" })}
        {labelled("max", "fieldValueMax", { inputMode: "decimal" })}
      </Field>
      <Field {...props} field="unit" for={idOf("unit")}>
        {input("unit")}
      </Field>
      {selectField("comparator", comparators)}
      {selectField("direction", directions)}
      <Field {...props} field="horizon" for={idOf("horizonType")}>
        {select("horizonType", [
          ["", t("horizonTypeNone")],
          ...HORIZON_TYPES.map(([type, key]): [string, string] => [type, t(key, "").trim()]),
        ])}
        {draft.horizonType === "year" &&
          labelled("horizonYear", "fieldHorizonTo", { inputMode: "numeric" })}
        {draft.horizonType === "period" && (
          <>
            {labelled("horizonFrom", "fieldHorizonFrom", { inputMode: "numeric" })}
            {labelled("horizonTo", "fieldHorizonTo", { inputMode: "numeric" })}
          </>
        )}
      </Field>
      <Field {...props} field="deadline" for={idOf("deadline")}>
        {input("deadline", { type: "date" })}
      </Field>
      <Field {...props} field="locality" for={idOf("locality")}>
        {input("locality")}
      </Field>
      <Field {...props} field="level" for={idOf("level")}>
        {input("level")}
      </Field>
    </div>
  );
}
