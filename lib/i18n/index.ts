/**
 * UI strings. They live in `public/_locales/{vi,en}/messages.json` (the browser
 * reads the manifest's strings from there too); this module reads the same
 * files so the interface speaks Vietnamese first whatever the browser's own
 * language, and English when the reader chooses it in the options.
 */
import en from "../../public/_locales/en/messages.json";
import vi from "../../public/_locales/vi/messages.json";

export type MessageKey = keyof typeof vi;
export type Language = "vi" | "en";
export const LANGUAGES: readonly Language[] = ["vi", "en"];

type Catalogue = Record<MessageKey, { message: string }>;
// Type-checked: English must have every key Vietnamese has.
const CATALOGUES: Record<Language, Catalogue> = { vi, en: en satisfies Catalogue };

let current: Language = "vi";

export function setLanguage(language: Language): void {
  current = language;
}

export function getLanguage(): Language {
  return current;
}

export function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}

/** The message for `key` in the current language, with `$1`, `$2`… replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const message = CATALOGUES[current][key].message;
  return message.replace(/\$(\d)/g, (whole, digit: string) => {
    const value = substitutions[Number(digit) - 1];
    return value === undefined ? whole : String(value);
  });
}
