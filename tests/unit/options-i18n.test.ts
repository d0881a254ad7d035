import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { getLanguage, setLanguage, t } from "../../lib/i18n/index.ts";
import { domainsOf, originPatterns, parseDomain } from "../../lib/options/sites.ts";

describe("UI strings", () => {
  const load = (lang: string) =>
    JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, "utf8")) as Record<
      string,
      { message: string }
    >;

  test("every string exists in Vietnamese and English, with the same substitutions", () => {
    const vi = load("vi");
    const en = load("en");
    assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
    for (const key of Object.keys(vi)) {
      const slots = (m: string) => (m.match(/\$\d/g) ?? []).sort().join();
      assert.equal(slots(en[key]?.message ?? ""), slots(vi[key]?.message ?? ""), key);
      assert.ok(vi[key]?.message.trim(), `empty Vietnamese string ${key}`);
    }
  });

  test("Vietnamese is the default and substitutions are filled", () => {
    assert.equal(getLanguage(), "vi");
    assert.equal(t("panelSaved", 3), "Đã lưu: 3");
    assert.equal(t("contextMenuSave"), "Lưu đoạn trích");
    setLanguage("en");
    try {
      assert.equal(t("panelSaved", 3), "Saved: 3");
    } finally {
      setLanguage("vi");
    }
  });

  test("a saved item is a *mục* (item) everywhere, never a bare *đoạn* or a *snippet*", () => {
    // "mục" names what the panel moves through and what the collection lists; "đoạn trích"
    // (excerpt) is only the kind of a passage the reader selected and saved, and "đoạn văn",
    // "đoạn chữ", "giai đoạn" are not saved items.
    const vi = load("vi");
    const en = load("en");
    const bareDoan = /(?<![\p{L}])(?<!giai )đoạn(?! trích| văn| chữ)(?![\p{L}])/iu;
    for (const [key, { message }] of Object.entries(vi)) {
      assert.doesNotMatch(message, bareDoan, `vi ${key}: ${message}`);
    }
    for (const [key, { message }] of Object.entries(en)) {
      assert.doesNotMatch(message, /\bsnippets?\b/i, `en ${key}: ${message}`);
    }
    // The strings that count saved items use the same word as the panel.
    for (const key of ["resultsCount", "deleted", "exportAll", "importDone", "panelOrphans"]) {
      assert.match(vi[key]?.message ?? "", /(?<![\p{L}])mục(?![\p{L}])/u, `vi ${key}`);
      assert.match(en[key]?.message ?? "", /\bitems?\b/, `en ${key}`);
    }
    assert.match(vi.panelPosition?.message ?? "", /^Mục /);
  });

  test("Vietnamese strings are NFC (no decomposed diacritics)", () => {
    const raw = readFileSync("public/_locales/vi/messages.json", "utf8");
    assert.equal(raw, raw.normalize("NFC"));
  });
});

describe("extra sites", () => {
  test("a typed domain or URL becomes a domain", () => {
    assert.equal(parseDomain("baocantho.com.vn"), "baocantho.com.vn");
    assert.equal(parseDomain("  https://www.BaoCanTho.com.vn/tin-tuc/a.html "), "baocantho.com.vn");
    assert.equal(parseDomain("http://dangcongsan.vn:8080/x"), "dangcongsan.vn");
  });

  test("what is not a domain is refused", () => {
    for (const bad of ["", "localhost", "127.0.0.1", "not a domain", "-bad-.vn", "a..vn"]) {
      assert.equal(parseDomain(bad), null, bad);
    }
  });

  test("patterns cover the domain and its sub-domains over http and https, and read back", () => {
    const patterns = originPatterns("baocantho.com.vn");
    assert.deepEqual(patterns, ["http://*.baocantho.com.vn/*", "https://*.baocantho.com.vn/*"]);
    assert.deepEqual(domainsOf([...patterns, "https://*.gov.vn/*", "*://*/*"]), [
      "baocantho.com.vn",
    ]);
  });
});
