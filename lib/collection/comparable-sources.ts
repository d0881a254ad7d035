/**
 * The articles and localities the comparison's picker offers ("So sánh"), with how many figures
 * each would bring.
 */

import type { CompareSource } from "./compare.ts";
import { takesPart } from "./compare-pairs.ts";
import { type CompareOptions, comparedEntries } from "./compared.ts";
import type { ListedEntry } from "./entries.ts";
import { foldForSearch } from "./search-fold.ts";

const collator = new Intl.Collator("vi");

/** A source the comparison picker offers. */
export interface ComparableSource {
  source: CompareSource;
  /** An article's title; a locality's name with its level, e.g. `Trà Vinh (tỉnh)`. */
  label: string;
  /** How many targets and results with a category it has. */
  count: number;
}

/**
 * The articles and localities that have at least one target or result with a category: the
 * articles first (in the order of `entries`, newest first), then the localities (by locality and
 * level; most snippets first, then by name).
 */
export function comparableSources(
  stored: readonly ListedEntry[],
  options: CompareOptions = {},
): ComparableSource[] {
  const entries = comparedEntries(stored, options);
  const articles = new Map<string, ComparableSource>();
  const localities = new Map<string, ComparableSource>();
  for (const entry of entries) {
    const { snippet, article } = entry;
    if (!takesPart(snippet)) continue;
    const known = articles.get(snippet.articleId);
    if (known) known.count++;
    else {
      articles.set(snippet.articleId, {
        source: { type: "article", id: snippet.articleId },
        label: article?.title || snippet.articleId,
        count: 1,
      });
    }
    const name = article?.locality?.trim();
    if (!name) continue;
    const level = article?.level?.trim() || null;
    const key = `${foldForSearch(name)}\u0000${foldForSearch(level ?? "")}`;
    const place = localities.get(key);
    if (place) place.count++;
    else {
      localities.set(key, {
        source: { type: "locality", name, level },
        label: level ? `${name} (${level})` : name,
        count: 1,
      });
    }
  }
  const places = [...localities.values()].sort(
    (a, b) => b.count - a.count || collator.compare(a.label, b.label),
  );
  return [...articles.values(), ...places];
}
