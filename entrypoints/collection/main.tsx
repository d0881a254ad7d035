import { render } from "preact";
import { App } from "@/components/collection/App.tsx";
import { parseSourcesParam } from "@/lib/collection/compare-url.ts";
import { getLanguage } from "@/lib/i18n/index.ts";
import { loadLanguage } from "@/lib/settings.ts";
import { openCollectionDb, startNewestRead } from "@/lib/storage/index.ts";

const root = document.getElementById("app");
const view = new URLSearchParams(location.search).get("view");
// The table's module (a chunk App loads on demand) starts loading now, with the settings' read.
if (root && view !== "list") void import("@/components/collection/table/TableView.tsx");
if (root) {
  // The collection's quick first read starts now too: the first render takes it.
  const db = openCollectionDb();
  startNewestRead(db);
  loadLanguage().then(() => {
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
