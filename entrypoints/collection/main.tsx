import { render } from "preact";
import { App } from "@/components/collection/App.tsx";
import { preloadView } from "@/components/collection/lazy-view.ts";
import { loadTable } from "@/components/collection/view-loaders.ts";
import { parseSourcesParam } from "@/lib/collection/compare-url.ts";
import { getLanguage } from "@/lib/i18n/index.ts";
import { loadLanguage } from "@/lib/settings.ts";
import { openCollectionDb, startNewestRead } from "@/lib/storage/index.ts";

const root = document.getElementById("app");
const view = new URLSearchParams(location.search).get("view");
/**
 * How long the first render waits for the newest snippets and the table's module (then it shows
 * what it has, the rest when it comes): waiting, the page renders once, with them, not thrice.
 */
const FIRST_RENDER_WAIT_MS = 250;
const atMostWait = (work: Promise<void>) =>
  Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);

if (root) {
  // The collection's quick first read and the table's module (a chunk App loads on demand) start
  // now, with the settings' read: the first render takes them.
  const db = openCollectionDb();
  const newest = atMostWait(startNewestRead(db));
  const table = view === "list" ? Promise.resolve() : atMostWait(preloadView(loadTable));
  Promise.all([loadLanguage(), newest, table]).then(() => {
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
