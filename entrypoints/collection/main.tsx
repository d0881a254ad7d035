import { render } from "preact";
import { App } from "@/components/collection/App.tsx";
import { getLanguage } from "@/lib/i18n/index.ts";
import { loadLanguage } from "@/lib/settings.ts";
import { openCollectionDb } from "@/lib/storage/index.ts";

const root = document.getElementById("app");
if (root) {
  loadLanguage().then(() => {
    document.documentElement.lang = getLanguage();
    const params = new URLSearchParams(location.search);
    const tab = params.get("tab");
    const initialTab = tab === "compare" || tab === "transfer" ? tab : "collection";
    const initialView = params.get("view") === "list" ? "list" : "table";
    render(
      <App db={openCollectionDb()} mode="page" initialTab={initialTab} initialView={initialView} />,
      root,
    );
  });
}
