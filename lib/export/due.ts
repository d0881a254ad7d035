/**
 * What is due: a snippet said as the thing a deadline or a target asks for,
 * for calendar titles and export items. `Tỷ lệ hộ nghèo: giảm từ 1,5 đến 2 %`
 * for a snippet with an indicator; for a bare deadline (`trước ngày
 * 15/01/2021`) the clause of its sentence it ends, never the sentence's start
 * (which may name another deadline: `Đến năm 2030…; đến năm 2025 …`).
 */
import { kindLabel, valueLabel } from "../i18n/item-format.ts";
import type { ListedSnippet } from "../snippets/types.ts";

/** One line of NFC text without control characters. */
function oneLine(value: string): string {
  return (
    value
      .normalize("NFC")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u001F\u007F]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function capitalise(value: string): string {
  return value.charAt(0).toLocaleUpperCase("vi") + value.slice(1);
}

/** Punctuation and spaces trimmed from both ends of a clause. */
function trimClause(value: string): string {
  return value.replace(/^[\s,;:.–—-]+|[\s,;:.–—-]+$/g, "");
}

/**
 * What a deadline phrase is the deadline of, from its sentence: the clause
 * that holds the phrase (clauses end at `;`, parts at `,`), without the
 * phrase. A phrase standing alone before a comma (`Đến năm 2025, hoàn thành…`)
 * is the deadline of the part after it. Empty when nothing is left.
 */
export function dueClause(sentence: string, quote: string): string {
  const line = oneLine(sentence);
  const phrase = oneLine(quote);
  if (!phrase) return "";
  const at = line.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) return "";
  const clauseStart = line.lastIndexOf(";", at) + 1;
  const semicolon = line.indexOf(";", at + phrase.length);
  const clause = line.slice(clauseStart, semicolon < 0 ? line.length : semicolon);
  const from = at - clauseStart;
  const parts = clause.split(/,(?=\s)/);
  let offset = 0;
  for (const [i, part] of parts.entries()) {
    const end = offset + part.length;
    if (from >= offset && from < end) {
      const local = from - offset;
      const rest = trimClause(
        `${part.slice(0, local)} ${part.slice(local + phrase.length)}`.replace(/\s+/g, " "),
      );
      if (rest.split(" ").filter(Boolean).length >= 2) return rest;
      return trimClause(parts[i + 1] ?? rest);
    }
    offset = end + 1;
  }
  return "";
}

/**
 * What is due, for an event title: the indicator and its value
 * (`Tỷ lệ hộ nghèo: giảm từ 1,5 đến 2 %`), or for a bare deadline the clause
 * it ends (`Hoàn thành đề án sáp nhập thôn`); the quote as a last resort.
 */
export function dueLabel(snippet: ListedSnippet): string {
  const quote = snippet.text || snippet.anchor.quote;
  const indicator = oneLine(snippet.indicator);
  const value = valueLabel(snippet);
  if (indicator) return capitalise(value ? `${indicator}: ${value}` : indicator);
  const clause = dueClause(snippet.sentence, quote);
  if (clause) return capitalise(clause);
  return capitalise(`${kindLabel(snippet.kind)}: ${oneLine(quote)}`);
}
