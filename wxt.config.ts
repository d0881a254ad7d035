import preact from "@preact/preset-vite";
import { defineConfig, type WxtViteConfig } from "wxt";
import { syncXlsxZip } from "./scripts/lib/sync-xlsx-zip.ts";
import { xlsxPlainXml } from "./scripts/lib/xlsx-plain-xml.ts";

// @preact/preset-vite is typed against the top-level vite (8) while WXT 0.21 builds with its own
// vite 7, so the two Plugin types differ (tsc error) although the plugin works with both.
const preactPlugins = preact() as unknown as NonNullable<WxtViteConfig["plugins"]>;

// See https://wxt.dev/api/config.html
export default defineConfig({
  // GVN_OUT_DIR lets parallel builds (several working copies of the tests) use their own folder.
  ...(process.env.GVN_OUT_DIR ? { outDir: process.env.GVN_OUT_DIR } : {}),
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({
    plugins: [...preactPlugins, syncXlsxZip(), xlsxPlainXml()],
    // GVN_NO_MINIFY=1 keeps names readable in CPU profiles of the built pages.
    ...(process.env.GVN_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "vi",
    // Each permission is justified in the README ("Permissions").
    permissions: ["storage", "contextMenus", "scripting"],
    // The article tools are injected (scripting.executeScript) only into recognised articles.
    host_permissions: ["http://*.gov.vn/*", "https://*.gov.vn/*"],
    // Sites the reader adds in the options; MV2 (Firefox) names them optional_permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ["http://*/*", "https://*/*"] }
      : { optional_host_permissions: ["http://*/*", "https://*/*"] }),
    // The icons are public/icon/{16,32,48,128}.png (`npm run icons`): WXT lists them in `icons`
    // by itself; the toolbar button's are named in entrypoints/popup/index.html.
    action: { default_title: "__MSG_extName__" },
    // Firefox: a stable add-on id, and the declaration that no data is collected (Firefox 140+,
    // which is also the first with the CSS Custom Highlight API).
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "chi-tieu-nghi-quyet@gvn-chi-tieu",
              strict_min_version: "140.0",
              data_collection_permissions: { required: ["none"] },
            },
            gecko_android: { strict_min_version: "142.0" },
          },
        }
      : {}),
    commands: {
      "toggle-highlights": {
        suggested_key: { default: "Alt+Shift+H" },
        description: "__MSG_cmdToggle__",
      },
      "next-highlight": {
        suggested_key: { default: "Alt+Shift+J" },
        description: "__MSG_cmdNext__",
      },
      "previous-highlight": {
        suggested_key: { default: "Alt+Shift+K" },
        description: "__MSG_cmdPrevious__",
      },
    },
  }),
});
