/**
 * Options: the interface language, and the sites beyond *.gov.vn where the
 * reader lets the extension run (optional host permissions, asked for one
 * domain at a time and removable).
 */
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { getLanguage, LANGUAGES, type Language, type MessageKey, t } from "../lib/i18n/index.ts";
import { domainsOf, originPatterns, parseDomain } from "../lib/options/sites.ts";
import { saveLanguage } from "../lib/settings.ts";

const LANGUAGE_LABEL: Record<Language, MessageKey> = { vi: "languageVi", en: "languageEn" };

async function grantedDomains(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return domainsOf(all.origins ?? []);
}

export function OptionsPage() {
  const [language, setLanguageState] = useState<Language>(getLanguage());
  const [domains, setDomains] = useState<string[]>([]);
  const [input, setInput] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    grantedDomains().then(setDomains, () => setDomains([]));
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t("optionsTitle");
  }, [language]);

  const chooseLanguage = async (next: Language) => {
    await saveLanguage(next);
    setLanguageState(next);
    setMessage({ text: t("optionsSaved"), error: false });
  };

  const addSite = async (event: Event) => {
    event.preventDefault();
    const domain = parseDomain(input);
    if (!domain) {
      setMessage({ text: t("optionsInvalidSite", input), error: true });
      return;
    }
    // Must run straight from the click: browsers only ask for permissions on a user gesture.
    const granted = await browser.permissions.request({ origins: originPatterns(domain) });
    if (!granted) {
      setMessage({ text: t("optionsDenied", domain), error: true });
      return;
    }
    setInput("");
    setDomains(await grantedDomains());
    setMessage({ text: t("optionsSaved"), error: false });
  };

  const removeSite = async (domain: string) => {
    await browser.permissions.remove({ origins: originPatterns(domain) });
    setDomains(await grantedDomains());
  };

  return (
    <main>
      <h1>{t("optionsTitle")}</h1>
      <fieldset>
        <legend>{t("optionsLanguage")}</legend>
        {LANGUAGES.map((option) => (
          <label key={option} style={{ marginRight: "16px" }}>
            <input
              type="radio"
              name="language"
              value={option}
              checked={language === option}
              onChange={() => void chooseLanguage(option)}
            />{" "}
            {t(LANGUAGE_LABEL[option])}
          </label>
        ))}
      </fieldset>
      <h2>{t("optionsSites")}</h2>
      <p>{t("optionsSitesHelp")}</p>
      <form onSubmit={addSite}>
        <label>
          <span class="visually-hidden">{t("optionsSiteInput")}</span>
          <input
            type="text"
            value={input}
            placeholder={t("optionsSiteInput")}
            aria-label={t("optionsSiteInput")}
            onInput={(event) => setInput((event.target as HTMLInputElement).value)}
          />
        </label>{" "}
        <button type="submit" class="primary">
          {t("optionsAddSite")}
        </button>
      </form>
      {domains.length === 0 ? (
        <p>{t("optionsNoSites")}</p>
      ) : (
        <ul class="sites">
          {domains.map((domain) => (
            <li key={domain}>
              {domain}{" "}
              <button type="button" onClick={() => void removeSite(domain)}>
                {t("optionsRemoveSite", domain)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p role="status" class={message.error ? "error" : undefined}>
          {message.text}
        </p>
      )}
    </main>
  );
}
