import { render } from "preact";
import { App } from "@/components/collection/App.tsx";
import { getLanguage } from "@/lib/i18n/index.ts";
import { loadLanguage } from "@/lib/settings.ts";
import { openCollectionDb } from "@/lib/storage/index.ts";

const root = document.getElementById("app");
if (root) {
  loadLanguage().then(() => {
    document.documentElement.lang = getLanguage();
    render(<App db={openCollectionDb()} mode="popup" />, root);
  });
}
