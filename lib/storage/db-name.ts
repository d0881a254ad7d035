/**
 * The collection database's name, in a module of its own: the page's boot read
 * (newest-raw.ts) names the database without pulling Dexie into its script.
 */
export const DB_NAME = "gvn-collection";
