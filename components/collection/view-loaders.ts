/**
 * The collection page's views that load on demand, each a chunk of its own (`useLazyView`): the
 * comparison, the progress view with its charting library, the export/import tab, and the table
 * with its virtualiser (the collection page imports the table with its first modules and provides
 * it, `provideView` in entrypoints/collection/main.tsx; the popup never loads it).
 */
export const loadCompare = () => import("./Compare.tsx").then((m) => m.Compare);
export const loadProgress = () => import("./progress/ProgressView.tsx").then((m) => m.ProgressView);
export const loadTransfer = () => import("./Transfer.tsx").then((m) => m.Transfer);
export const loadTable = () => import("./table/TableView.tsx").then((m) => m.TableView);
