import { render } from "preact";
import { App } from "@/components/collection/App.tsx";
import { provideView } from "@/components/collection/lazy-view.ts";
import { TableView } from "@/components/collection/table/TableView.tsx";
import { loadTable } from "@/components/collection/view-loaders.ts";
import { parseSourcesParam } from "@/lib/collection/compare-url.ts";
import { getLanguage } from "@/lib/i18n/index.ts";
import { loadLanguage } from "@/lib/settings.ts";
import { takeBootCopy, takeBootRead } from "@/lib/storage/boot.ts";
import { openCollectionDb, startNewestRead } from "@/lib/storage/index.ts";

const root = document.getElementById("app");
/**
 * How long the first render waits for the newest snippets (then it shows what it has, the rest
 * when they come): waiting, the page renders once, with them, not twice.
 */
const FIRST_RENDER_WAIT_MS = 250;
const atMostWait = (work: Promise<void>) =>
  Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);

if (root) {
  // The table, the page's first view, comes with the page's modules (the popup and the other
  // views load it on demand); the collection's quick first read was started by the boot script
  // (collection-boot.ts) and is taken now, with the settings' read: the first render shows both.
  provideView(loadTable, TableView);
  const db = openCollectionDb();
  const newest = atMostWait(
    startNewestRead(db, takeBootRead(globalThis), takeBootCopy(globalThis)),
  );
  Promise.all([loadLanguage(), newest]).then(() => {
    document.documentElement.lang = getLanguage();
    const params = new URLSearchParams(location.search);
    const tab = params.get("tab");
    const initialTab =
      tab === "compare" || tab === "transfer" || tab === "progress" ? tab : "collection";
    const initialView = params.get("view") === "list" ? "list" : "table";
    render(
      <App
        db={db}
        mode="page"
        initialTab={initialTab}
        initialView={initialView}
        initialEdit={params.get("edit")}
        initialCompareSources={parseSourcesParam(params.get("sources"))}
      />,
      root,
    );
  });
}
