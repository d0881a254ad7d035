/**
 * Entrypoints are thin and never import each other: what two of them share lives in lib/ or
 * components/ (e.g. lib/in-page/ for the content script and the article tools). The detector is
 * checked on samples first, so the test can fail. lib/ imports neither components/ nor
 * entrypoints/ (it is the pure part, used by the command line too).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { ROOT, sourceFiles, specifiers } from "./helpers/source-files.ts";

const ENTRYPOINTS = readdirSync(path.join(ROOT, "entrypoints"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The other entrypoint a module specifier in `file` reaches, if any. */
function otherEntrypoint(file: string, specifier: string): string | null {
  const own = file.split("/")[1];
  let target: string;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.posix.join(path.posix.dirname(file), specifier);
  else return null;
  const [top, name] = target.split("/");
  return top === "entrypoints" && name !== undefined && name !== own && !name.includes(".")
    ? name
    : null;
}

describe("entrypoints never import each other", () => {
  test("the detector sees a reach into another entrypoint, relative or by alias", () => {
    assert.equal(
      otherEntrypoint("entrypoints/article-tools/ui.tsx", "../content/boot.ts"),
      "content",
    );
    assert.equal(
      otherEntrypoint("entrypoints/popup/main.tsx", "@/entrypoints/content/x.ts"),
      "content",
    );
    assert.equal(otherEntrypoint("entrypoints/content/index.ts", "./watch.ts"), null);
    assert.equal(otherEntrypoint("entrypoints/content/index.ts", "@/lib/in-page/boot.ts"), null);
    assert.equal(otherEntrypoint("entrypoints/background/index.ts", "wxt/browser"), null);
  });

  test("no entrypoint file imports another entrypoint's files", () => {
    assert.ok(ENTRYPOINTS.includes("content") && ENTRYPOINTS.includes("article-tools"));
    const breaches: string[] = [];
    for (const file of sourceFiles("entrypoints")) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      for (const specifier of specifiers(source)) {
        const other = otherEntrypoint(file, specifier);
        if (other) breaches.push(`${file} imports ${specifier} (entrypoint ${other})`);
      }
    }
    assert.deepEqual(breaches, []);
  });
});

/** The top folder (`components`, `entrypoints`, `lib`, …) a module specifier in `file` reaches. */
function reachedFolder(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2).split("/")[0] ?? null;
  if (!specifier.startsWith(".")) return null;
  return path.posix.join(path.posix.dirname(file), specifier).split("/")[0] ?? null;
}

describe("lib/ is pure: it imports neither the UI nor the entrypoints", () => {
  test("the detector sees a reach out of lib/, relative or by alias", () => {
    assert.equal(reachedFolder("lib/export/ics.ts", "../../components/item.ts"), "components");
    assert.equal(reachedFolder("lib/export/ics.ts", "@/entrypoints/popup/x.ts"), "entrypoints");
    assert.equal(reachedFolder("lib/export/ics.ts", "../i18n/index.ts"), "lib");
    assert.equal(reachedFolder("lib/export/ics.ts", "ics"), null);
  });

  test("no lib/ file imports components/ or entrypoints/", () => {
    const breaches: string[] = [];
    for (const file of sourceFiles("lib")) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      for (const specifier of specifiers(source)) {
        const folder = reachedFolder(file, specifier);
        if (folder === "components" || folder === "entrypoints") {
          breaches.push(`${file} imports ${specifier}`);
        }
      }
    }
    assert.deepEqual(breaches, []);
  });
});
