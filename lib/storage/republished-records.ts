/**
 * The stored shapes behind "one article, many portals": the content fingerprint of each saved
 * article, and each other address the same article was saved from (a copy). Both live in stores
 * of their own beside the articles, so an article or snippet record does not change shape.
 */

/** An article's content fingerprint (lib/article/fingerprint.ts), found by its band keys. */
export interface FingerprintRecord {
  articleId: string;
  signature: number[];
  /** `signatureBands(signature)`: a multi-entry index, so a save finds its candidates at once. */
  bands: string[];
}

/** Another address an article was saved from: the republication, with its own text. */
export interface ArticleCopyRecord {
  /** The copy's normalised page URL (the key). */
  url: string;
  /** The article it was merged into. */
  articleId: string;
  canonicalUrl: string | null;
  site: string;
  siteName: string | null;
  title: string;
  publishedAt: string | null;
  /** The copy's own read text (what its snippets' anchors index; the article keeps its own). */
  snapshot: string;
  /** How similar its text was to the article's when merged (estimated Jaccard, 0–1). */
  similarity: number;
  /** The snippets first saved from this copy (they leave with it when the reader splits it off). */
  snippetIds: string[];
  addedAt: number;
}
