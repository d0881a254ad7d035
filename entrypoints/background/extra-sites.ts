/**
 * Sites beyond *.gov.vn that the reader allowed in the options page (optional
 * host permissions): the content script is registered for exactly the origins
 * granted, and follows grants and removals.
 */
import { browser } from "wxt/browser";

const SCRIPT_ID = "gvn-extra-sites";
const BUILT_IN = /(^|\.)gov\.vn$/;

function isBuiltIn(origin: string): boolean {
  const host = origin
    .replace(/^[a-z*]+:\/\//, "")
    .replace(/\/.*$/, "")
    .replace(/^\*\./, "");
  return BUILT_IN.test(host);
}

export async function syncExtraSites(): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const granted = await browser.permissions.getAll();
  const origins = (granted.origins ?? []).filter((origin) => !isBuiltIn(origin));
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length > 0) {
    await scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: origins,
        js: ["content-scripts/content.js"],
        runAt: "document_idle",
        persistAcrossSessions: true,
      },
    ]);
  }
  return origins;
}

export function listenForExtraSites(): void {
  const sync = () => {
    syncExtraSites().catch((error) => console.warn("Could not register the content script", error));
  };
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
}
