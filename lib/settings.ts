/**
 * The reader's settings in extension storage (`storage.local`): for now the
 * interface language (Vietnamese unless the reader picks English).
 */
import { browser } from "wxt/browser";
import { isLanguage, type Language, setLanguage } from "./i18n/index.ts";

const LANGUAGE_KEY = "language";

/** Reads the chosen language and makes it current; Vietnamese when none was chosen. */
export async function loadLanguage(): Promise<Language> {
  const stored = await browser.storage.local.get(LANGUAGE_KEY).catch(() => ({}));
  const value = (stored as Record<string, unknown>)[LANGUAGE_KEY];
  const language = isLanguage(value) ? value : "vi";
  setLanguage(language);
  return language;
}

export async function saveLanguage(language: Language): Promise<void> {
  await browser.storage.local.set({ [LANGUAGE_KEY]: language });
  setLanguage(language);
}

const TABLE_KEY = "collectionTable";

/** The collection table's stored settings, as stored (read with `parseTablePrefs`); null when none. */
export async function loadTableSettings(): Promise<unknown> {
  const stored = await browser.storage.local.get(TABLE_KEY).catch(() => ({}));
  return (stored as Record<string, unknown>)[TABLE_KEY] ?? null;
}

/** Remembers the collection table's settings (hidden columns, grouping). */
export async function saveTableSettings(settings: object): Promise<void> {
  await browser.storage.local.set({ [TABLE_KEY]: settings });
}
