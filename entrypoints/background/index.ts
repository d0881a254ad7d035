import { listenForAnalysis } from "./analysis.ts";
import { listenForArticlePages } from "./article-tools.ts";
import { listenForCollectionMessages } from "./collection.ts";
import { listenForCommands, saveSelectionInTab } from "./commands.ts";
import { listenForExtraSites } from "./extra-sites.ts";
import { listenForEditorRequests } from "./open-editor.ts";
import { listenForPageChanges, reattachSelectionInTab } from "./page-changes.ts";
import { listenForTabReports } from "./tab-state.ts";

export default defineBackground(() => {
  // Listeners are registered synchronously, on every start of the service worker.
  listenForCollectionMessages();
  listenForEditorRequests();
  listenForArticlePages();
  listenForAnalysis();
  listenForTabReports();
  listenForCommands();
  listenForExtraSites();
  listenForPageChanges();
  // The context menu cannot be clicked by an automated browser: end-to-end tests reach the same
  // code through this name (service worker scope only; pages cannot see it).
  Object.assign(globalThis, {
    gvnSaveSelectionInTab: saveSelectionInTab,
    gvnReattachSelectionInTab: reattachSelectionInTab,
  });
});
